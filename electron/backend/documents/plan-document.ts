/**
 * The annual account plan as a print document: A4 portrait, a cover, a table of contents with page
 * numbers, the twelve sections numbered 1-12 (each on a new page) with their text and structured
 * items as tables, and the account's live figures - revenue against target as a vector chart,
 * satisfaction, the portfolio placements and moves, the stakeholder map with its coverage, churn and
 * receivables. Chromium prints it in every door (printer.ts); text stays text.
 *
 * Running header and footer: CSS paged-media margin boxes (@top-left, @bottom-right with
 * counter(page) / counter(pages)), not Chromium's headerTemplate / footerTemplate. The templates
 * are rendered apart from the document and cannot use its embedded font (an @font-face in a template
 * blanks it; without one Chromium falls back to the system's CFF Noto Sans CJK, which it writes as
 * Type 3 fonts). Margin boxes are laid out with the document's own fonts, so the footer is subset CID
 * TrueType like the rest, and both printers (Electron's printToPDF and the CLI's Chromium) print them
 * from the same HTML with no options. The cover (@page :first) has neither. A font piece is only
 * fetched when text in the page uses it, so the header's and footer's characters are also set once in
 * an invisible element (.preload).
 *
 * Page numbers in the contents - two passes (printPlanPdf): Chromium does not compute target
 * counters (`target-counter()`), so the document is printed once with the contents' numbers blank,
 * the page of each section is read back from that PDF, and the document is printed again with the
 * numbers filled in. Each section heading is the target of its contents link (`#sec-N`), which makes
 * Chromium write it as a named destination pointing at the page it landed on (pdf-pages.ts reads
 * those). This is exact - it is Chromium's own pagination - and cannot shift between the passes: the
 * contents are one page (a break after it) and the numbers sit in a fixed-width column, so filling
 * them in moves nothing. Estimating pages from text length was rejected as guesswork; printing each
 * section alone would cost twelve prints and miss blank-page effects. Where no destinations can be
 * read (another PDF writer), the contents keep their links and go without numbers.
 *
 * The modules: plan-parts.ts (the context every renderer gets, tables and small pieces),
 * plan-cover.ts (cover and contents), plan-figures.ts (the live figures and the map), plan-items.ts
 * (the structured items), plan-css.ts (the page and the style sheet); this file puts them together
 * and prints.
 *
 * Audience (`safe`: the customer audience): the document prints the plan as planForAudience
 * (shared/domain/audience.ts, the one rule) returns it - no internal sections or items, no competitor
 * analysis, no SWOT weaknesses or threats, no internal risks, no wallet-share or margin objectives, no
 * action costs, no profit, placements, moves, churn or receivables - and leaves out the blocks that
 * only show what is on the internal list (the profit column, the placements, the coverage table and
 * gaps, the investment summary, churn and receivables). The map is renderMapSvg's, which goes
 * through mapForAudience.
 */
import type { PlanView } from '../../../shared/api/plans';
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import { audienceOf, sectionForAudience, type Audience } from '../../../shared/domain/audience';
import type { PlanSectionKey } from '../../../shared/domain/plan';
import { DEFAULT_PLAN_TEMPLATE, planSectionsShown, type PlanTemplate } from '../../../shared/domain/plan-template';
import type { Locale } from '../../../shared/i18n';
import { sanitizeSectionHtml } from '../plans/sanitize';
import { esc, fill, printDocument } from './html';
import { namedDestinationPages } from './pdf-pages';
import { contents, cover } from './plan-cover';
import { planCss } from './plan-css';
import { mapFigures, overviewFacts, reviewFigures } from './plan-figures';
import { actionTables, competitorTable, investmentSummary, objectiveTable, riskTables, swotGrid, teamTable } from './plan-items';
import { note, planDocContext, sectionAnchor, sectionTitle, type PlanDocContext } from './plan-parts';
import type { PdfOptions, Printer } from './printer';

export interface PlanDocumentInput {
  view: PlanView;
  /** Our people by id: the owners of objectives, actions, risks and contacts, and team members. */
  people: ReadonlyMap<number, string>;
  /** The account's stakeholder map (the whole account, not a tender's); null: none drawn. */
  map: StakeholderMap | null;
  /** The team's plan template: sections left out of it (and empty in this plan) are not printed. */
  template?: PlanTemplate;
}

/** The sections this plan prints, in order: the ones the editor shows (planSectionsShown). */
export function printedSections(input: PlanDocumentInput, audience: Audience = 'internal'): PlanSectionKey[] {
  const shown = planSectionsShown(input.template ?? DEFAULT_PLAN_TEMPLATE, input.view.sections, input.view.items);
  const hidden = new Set(input.view.sections.filter((s) => !sectionForAudience(s, audience)).map((s) => s.section));
  return audience === 'internal' ? shown : shown.filter((k) => !hidden.has(k) && sectionForAudience({ section: k, internal: false }, audience));
}

export interface PlanDocumentOptions {
  locale: Locale;
  safe: boolean;
  /** 'YYYY-MM-DD': the printed date. */
  today: string;
  /** The page of each section by its anchor (`sec-1` .. `sec-12`); absent: the contents without numbers. */
  sectionPages?: ReadonlyMap<string, number> | null;
}

/** Both printers take the same options: the document's CSS sets the paper, margins, header and footer. */
export const PLAN_PDF_OPTIONS: PdfOptions = { landscape: false, format: 'A4' };

/** What a section prints after its text: its items and live figures. */
const SECTION_EXTRAS: Partial<Record<PlanSectionKey, (ctx: PlanDocContext) => string>> = {
  overview: overviewFacts,
  review: reviewFigures,
  competitors: competitorTable,
  analysis: swotGrid,
  objectives: objectiveTable,
  dmu: mapFigures,
  team: teamTable,
  actions: actionTables,
  investment: investmentSummary,
  risks: riskTables,
};

export function planDocument(input: PlanDocumentInput, opts: PlanDocumentOptions): string {
  const ctx = planDocContext(input, opts);
  const { locale, safe, t, plan, view } = ctx;
  const title = fill(t.title, { account: plan.accountName, year: plan.year });

  const textOf = new Map(view.sections.map((s) => [s.section, sanitizeSectionHtml(s.html)]));
  const printed = printedSections(input, ctx.audience);
  const internalSection = new Set(view.sections.filter((x) => x.internal).map((x) => x.section));
  const sections = printed.map((key, i) => {
    const html = textOf.get(key) ?? '';
    const more = SECTION_EXTRAS[key]?.(ctx) ?? '';
    const body = html ? `<div class="prose">${html}</div>` : more ? '' : note(t.emptySection);
    return `<section class="sec" aria-labelledby="${sectionAnchor(i)}">
<h1 id="${sectionAnchor(i)}"><span class="num">${i + 1}</span><span class="ttl">${esc(sectionTitle(ctx, key))}</span>${internalSection.has(key) ? ctx.internalTag : ''}</h1>
${body}${more}
</section>`;
  }).join('\n');

  // running header and footer (margin boxes; see the file comment)
  const headLeft = title;
  const headRight = safe ? t.customerVersion : t.internal;
  const footLeft = `${fill(t.versionN, { n: plan.version })} · ${t.statuses[plan.status]}`;

  return printDocument(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${planCss({ locale, headLeft, headRight, footLeft, pageOf: t.pageOf })}</style></head>
<body>
<div class="preload" aria-hidden="true">${esc(`${headLeft} ${headRight} ${footLeft} ${t.pageOf.replace(/\{\{pages?\}\}/g, '')} 0123456789`)}<b>${esc(headLeft)}</b></div>
${cover(ctx)}
${contents(ctx, printed, opts.sectionPages ?? null)}
${sections}
</body></html>`);
}

export interface PrintedPlan {
  pdf: Uint8Array;
  /** Time spent in the printer (both passes), ms. */
  printMs: number;
  /** The page of each section (sec-1 ..), as printed in the contents; empty if they could not be read. */
  sectionPages: Map<string, number>;
}

/** Prints the plan twice: the first print tells the contents' page numbers (see the file comment). */
export async function printPlanPdf(printer: Printer, input: PlanDocumentInput, opts: Omit<PlanDocumentOptions, 'sectionPages'>): Promise<PrintedPlan> {
  let printMs = 0;
  const print = async (html: string) => {
    const t0 = performance.now();
    const pdf = await printer.pdf(html, PLAN_PDF_OPTIONS);
    printMs += performance.now() - t0;
    return pdf;
  };
  const first = await print(planDocument(input, { ...opts, sectionPages: null }));
  const pages = namedDestinationPages(first);
  const complete = printedSections(input, audienceOf(opts.safe)).every((_, i) => pages.has(sectionAnchor(i)));
  if (!complete) return { pdf: first, printMs, sectionPages: new Map() };
  const pdf = await print(planDocument(input, { ...opts, sectionPages: pages }));
  return { pdf, printMs, sectionPages: pages };
}
