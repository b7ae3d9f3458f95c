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
 * Audience (`safe`: the customer audience): the document prints the plan as planForAudience
 * (shared/domain/audience.ts, the one rule) returns it - no internal sections or items, no competitor
 * analysis, no SWOT weaknesses or threats, no internal risks, no wallet-share or margin objectives, no
 * action costs, no profit, placements, moves, churn or receivables - and leaves out the blocks that
 * only show what is on the internal list (the profit column, the placements, the coverage table and
 * gaps, the investment summary, churn and receivables). The map is renderMapSvg's, which goes
 * through mapForAudience.
 */
import type { PlanItem, PlanView } from '../../../shared/api/plans';
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import type { Currency } from '../../../shared/domain/enums';
import { audienceOf, mayShow, planForAudience, sectionForAudience, type Audience, type InternalKey } from '../../../shared/domain/audience';
import { gapReason, levelText } from '../../../shared/domain/gap-reason';
import { formatMoney } from '../../../shared/domain/money';
import {
  type ActionData,
  type ContactData,
  type ObjectiveData,
  type PlanItemData,
  type PlanSectionKey,
  type RiskData,
} from '../../../shared/domain/plan';
import { messages } from '../../../shared/i18n';
import { sanitizeSectionHtml } from '../plans/sanitize';
import { esc, fill, printedDate, printFontStack, printDocument } from './html';
import { fitMap } from './map-fit';
import { namedDestinationPages } from './pdf-pages';
import type { PdfOptions, Printer } from './printer';
import { revenueChartSvg } from './revenue-chart';
import { DEFAULT_PLAN_TEMPLATE, planSectionsShown, type PlanTemplate } from '../../../shared/domain/plan-template';

type Locale = 'zh-CN' | 'en';

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

/** The anchor of section `i` (0-based): its heading's id and the contents link's target. */
export const sectionAnchor = (i: number) => `sec-${i + 1}`;

/** Page margins (mm); the running header and footer sit in the top and bottom ones. */
export const PLAN_PAGE_MARGIN_MM = { top: 20, right: 17, bottom: 18, left: 17 } as const;
/** The width text and tables have on the page, in CSS pixels (for the chart). */
const CONTENT_WIDTH_PX = Math.floor(((210 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) / 25.4) * 96);

const PX_PER_MM = 96 / 25.4;
/** The most room the stakeholder map takes in the text column (CSS px): the text width, most of a page's height. */
export const MAP_BOX_A4 = { width: Math.floor((210 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) * PX_PER_MM) - 4, height: Math.floor(200 * PX_PER_MM) };
/** On an A3 landscape fold-out page (its heading above it). */
export const MAP_BOX_A3 = { width: Math.floor((420 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) * PX_PER_MM) - 4, height: Math.floor((297 - PLAN_PAGE_MARGIN_MM.top - PLAN_PAGE_MARGIN_MM.bottom - 30) * PX_PER_MM) };
/** People's names on a printed map are at least 7 pt (in CSS px). */
export const MIN_MAP_NAME_PX = (7 / 72) * 96;

/** Tables of at most this many rows (total included) are never split across pages. */
export const SMALL_TABLE_ROWS = 12;
/** A longer table keeps at least its last this many rows together (with the repeated header on a new page). */
export const KEEP_ROWS = 4;

/** Both printers take the same options: the document's CSS sets the paper, margins, header and footer. */
export const PLAN_PDF_OPTIONS: PdfOptions = { landscape: false, format: 'A4' };

/** A CSS string literal (for margin-box `content`): quotes, backslashes, line breaks and `<` escaped. */
export function cssString(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\f]+/g, ' ')
    .replace(/</g, '\\3C ')}"`;
}

/** A catalogue template with {{page}} and {{pages}} as margin-box content: strings and page counters. */
export function pageCounter(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

const C = {
  ink: '#1b2330',
  muted: '#5b6676',
  faint: '#8a94a3',
  rule: '#d5dbe4',
  navy: '#14305f',
  accent: '#1e4fa3',
  soft: '#eef2f8',
  amber: '#c27c0e',
  danger: '#b42318',
};

export function planDocument(input: PlanDocumentInput, opts: PlanDocumentOptions): string {
  const { locale, safe } = opts;
  const audience = audienceOf(safe);
  /** Whether this audience sees what the internal list's `key` names (the one rule). */
  const shows = (key: InternalKey) => mayShow(audience, key);
  const view = planForAudience(input.view, audience);
  const zh = locale === 'zh-CN';
  const t = messages[locale].planDoc;
  const plan = view.plan;
  const currency: Currency = plan.currency;
  const moneyFull = (v: number) => formatMoney(v, currency, locale);
  const moneyShort = (v: number) => formatMoney(v, currency, locale, { compact: true });
  const shortDate = (iso: string) => {
    const d = iso.slice(0, 10);
    if (zh) return d;
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, day));
  };
  const longDate = (iso: string) => printedDate(iso.length === 10 ? `${iso}T00:00:00Z` : iso, locale);
  const person = (id: number | null) => (id === null ? '' : (input.people.get(id) ?? ''));
  const title = fill(t.title, { account: plan.accountName, year: plan.year });
  const items = (kind: PlanItemData['kind']) => view.items.filter((i) => i.kind === kind) as (PlanItem & { data: PlanItemData })[];
  const dataOf = <K extends PlanItemData['kind']>(kind: K) => items(kind).map((i) => i.data as Extract<PlanItemData, { kind: K }>);

  // --- pieces ---------------------------------------------------------------------------------
  const table = (head: { label: string; cls?: string }[], rows: string[][], opts2: { cls?: string; foot?: string[] } = {}) => {
    const cls = (i: number) => (head[i]?.cls ? ` class="${head[i]!.cls}"` : '');
    const tr = (r: string[], c = '') => `<tr${c}>${r.map((x, i) => `<td${cls(i)}>${x}</td>`).join('')}</tr>`;
    const all = [...rows.map((r) => tr(r)), ...(opts2.foot ? [tr(opts2.foot, ' class="total"')] : [])];
    // page breaks (see KEEP_ROWS): a small table stays in one piece; a long one keeps its last rows
    // (and the total) together in a tbody of their own, so no page holds only one or two spill-over rows
    const small = all.length <= SMALL_TABLE_ROWS;
    const body = small || all.length <= KEEP_ROWS ? `<tbody>${all.join('')}</tbody>` : `<tbody>${all.slice(0, -KEEP_ROWS).join('')}</tbody><tbody class="tail">${all.slice(-KEEP_ROWS).join('')}</tbody>`;
    return `<table class="grid${small ? ' small' : ''}${opts2.cls ? ` ${opts2.cls}` : ''}"><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h.label)}</th>`).join('')}</tr></thead>${body}</table>`;
  };
  /** A heading with what follows it, kept on one page when it is short (a small table, a note). */
  const keep = (html: string) => `<div class="keep">${html}</div>`;
  const sub = (text: string) => `<h2 class="sub">${esc(text)}</h2>`;
  const note = (text: string) => `<p class="note">${esc(text)}</p>`;
  /** The "internal only" tag of an item or section (the customer version has none of them at all). */
  const internalTag = ` <span class="tag">${esc(messages[locale].audience.internalTag)}</span>`;
  const mark = (d: { internal?: boolean }) => (d.internal ? internalTag : '');
  const asOf = view.frozen && plan.approvedAt ? fill(t.figuresApproved, { date: longDate(plan.approvedAt) }) : fill(t.figuresAsOf, { date: longDate(view.live.asOf) });
  const liveTag = `<p class="asof">${esc(asOf)}</p>`;

  const figure = (unit: ObjectiveData['unit'], v: number | null) => {
    if (v === null) return '';
    if (unit === 'money') return esc(moneyShort(v));
    if (unit === 'percent') return esc(`${Math.round(v) / 100}%`);
    return esc(new Intl.NumberFormat(zh ? 'zh-CN' : 'en-GB').format(v));
  };

  // --- live figures -----------------------------------------------------------------------------
  const live = view.live;
  const revenueRows = live.revenue.filter((r) => r.revenue !== null || r.target !== null).slice(-6);
  const revenueBlock = () => {
    if (revenueRows.length === 0) return sub(t.revenueTitle) + note(t.noRevenue);
    const chart = revenueChartSvg(revenueRows, { locale, currency, width: CONTENT_WIDTH_PX, height: 250 });
    const rows = revenueRows.map((r) => [
      esc(r.year),
      r.revenue === null ? '' : esc(moneyFull(r.revenue)),
      r.target === null ? '' : esc(moneyFull(r.target)),
      r.revenue !== null && r.target ? esc(`${Math.round((r.revenue / r.target) * 100)}%`) : '',
      ...(shows('margins') ? [r.profit === null ? '' : esc(moneyFull(r.profit))] : []),
    ]);
    return `${sub(t.revenueTitle)}<figure class="chart" role="img" aria-label="${esc(t.revenueChart)}">${chart}</figure>${table(
      [{ label: t.yearCol }, { label: t.revenue, cls: 'num' }, { label: t.target, cls: 'num' }, { label: t.achievement, cls: 'num' }, ...(shows('margins') ? [{ label: t.profit, cls: 'num' }] : [])],
      rows,
    )}`;
  };
  const satisfactionBlock = () => {
    const scores = [...live.satisfaction].sort((a, b) => a.date.localeCompare(b.date)).slice(-8);
    if (scores.length === 0) return sub(t.satisfactionTitle) + note(t.noSatisfaction);
    return keep(
      sub(t.satisfactionTitle) +
        table(
          [{ label: t.satisfactionDate }, { label: t.satisfactionScore, cls: 'num' }, { label: t.satisfactionSource }],
          scores.map((s) => [esc(shortDate(s.date)), esc(s.score), esc(s.source)]),
          { cls: 'narrow' },
        ),
    );
  };
  const placementsBlock = () => {
    const name = (nameZh: string | null, nameEn: string | null) => (zh ? nameZh : nameEn) ?? t.outside;
    const placed = live.placements.length
      ? table(
          [{ label: t.matrix }, { label: t.quadrant }],
          live.placements.map((p) => [esc(zh ? p.matrixNameZh : p.matrixNameEn), `<strong>${esc(zh ? p.quadrantNameZh : p.quadrantNameEn)}</strong>`]),
          { cls: 'narrow' },
        )
      : note(t.noPlacements);
    const moves = live.moves.slice(0, 8);
    const moved = moves.length
      ? keep(
          sub(t.movesTitle) +
            table(
          [{ label: t.moveDate }, { label: t.matrix }, { label: t.moveFrom }, { label: t.moveTo }, { label: t.moveReason }, { label: t.moveBy }],
          moves.map((m) => [
            esc(shortDate(m.at)),
            esc(zh ? m.matrixNameZh : m.matrixNameEn),
            esc(name(m.fromNameZh, m.fromNameEn)),
            esc(name(m.toNameZh, m.toNameEn)),
            esc(m.reason),
            esc(m.by),
          ]),
        ),
        )
      : '';
    return keep(sub(t.placementsTitle) + placed) + moved;
  };

  // --- sections -----------------------------------------------------------------------------------
  const extra: Partial<Record<PlanSectionKey, () => string>> = {
    overview: () => {
      const year = plan.year;
      const thisYear = live.revenue.find((r) => r.year === year);
      const lastYear = live.revenue.find((r) => r.year === year - 1);
      const facts: [string, string][] = [
        [t.tier, live.tier ? (zh ? live.tier.nameZh : live.tier.nameEn) : t.none],
        [t.serviceStandard, live.tier ? fill(t.serviceLine, { visits: live.tier.visitsPerQuarter, calls: live.tier.callsPerMonth }) : t.none],
        [fill(t.revenueOfYear, { year: year - 1 }), lastYear?.revenue != null ? moneyFull(lastYear.revenue) : t.none],
        [fill(t.targetOfYear, { year }), thisYear?.target != null ? moneyFull(thisYear.target) : t.none],
      ];
      return `${sub(t.keyFacts)}<dl class="facts keep">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>${liveTag}`;
    },
    review: () => revenueBlock() + satisfactionBlock() + (shows('quadrants') ? placementsBlock() : '') + liveTag,
    competitors: () => {
      const rows = dataOf('competitor');
      if (rows.length === 0) return '';
      return table(
        [{ label: t.competitorName, cls: 'w-name' }, { label: t.competitorOffer }, { label: t.competitorPosition }, { label: t.competitorStrengths }, { label: t.competitorWeaknesses }],
        rows.map((c) => [`<strong>${esc(c.name)}</strong>${mark(c)}`, esc(c.offer), esc(c.position), esc(c.strengths), esc(c.weaknesses)]),
      );
    },
    analysis: () => {
      const rows = dataOf('swot');
      if (rows.length === 0) return '';
      const cell = (q: 's' | 'w' | 'o' | 't') => {
        const list = rows.filter((r) => r.quadrant === q);
        return `<div class="swot-cell swot-${q}"><h3>${esc(t.swot[q])}</h3>${
          list.length ? `<ul>${list.map((r) => `<li>${esc(r.text)}${mark(r)}</li>`).join('')}</ul>` : `<p class="note">${esc(t.swotEmpty)}</p>`
        }</div>`;
      };
      const cells = shows('swot-weaknesses-threats') ? cell('s') + cell('w') + cell('o') + cell('t') : cell('s') + cell('o');
      return `${sub(t.swotTitle)}<div class="swot">${cells}</div>`;
    },
    objectives: () => {
      const rows = dataOf('objective');
      if (rows.length === 0) return '';
      return (
        sub(t.objectivesTitle) +
        table(
          [
            { label: t.metric, cls: 'w-metric' },
            { label: t.baseline, cls: 'num' },
            { label: t.target, cls: 'num strong' },
            { label: t.q.q1, cls: 'num' },
            { label: t.q.q2, cls: 'num' },
            { label: t.q.q3, cls: 'num' },
            { label: t.q.q4, cls: 'num' },
            { label: t.ownerCol },
          ],
          rows.map((o) => [
            `<strong>${esc(o.metric)}</strong>${mark(o)}${o.note ? `<div class="cell-note">${esc(o.note)}</div>` : ''}`,
            figure(o.unit, o.baseline),
            figure(o.unit, o.target),
            figure(o.unit, o.q1),
            figure(o.unit, o.q2),
            figure(o.unit, o.q3),
            figure(o.unit, o.q4),
            esc(person(o.ownerId)),
          ]),
          { cls: 'objectives' },
        )
      );
    },
    dmu: () => {
      const map = input.map;
      if (!map) return '';
      if (map.members.length === 0) return sub(t.mapTitle) + note(t.noPeople);
      const cov = live.coverage;
      const summary = !shows('coverage-gaps')
        ? fill(t.coveragePeople, { people: cov.people })
        : fill(t.coverageLine, { people: cov.people, gaps: cov.gaps, deciders: cov.deciderGaps });
      // names at least 7 pt: the whole map in the text column, else on an A3 fold-out page, else the
      // key people (map-fit.ts); the audience's map either way (renderMapSvg goes through mapForAudience)
      const fitted = fitMap(map, { locale, safe, today: opts.today }, [MAP_BOX_A4, MAP_BOX_A3], MIN_MAP_NAME_PX);
      const { drawn } = fitted;
      const size = `width:${(drawn.width * fitted.scale).toFixed(1)}px;height:${(drawn.height * fitted.scale).toFixed(1)}px`;
      const keyNote = fitted.keyOnly ? note(fill(t.mapKeyPeople, { shown: fitted.shown, total: fitted.total })) : '';
      const figureHtml = `<figure class="map" style="${size}" data-scale="${fitted.scale.toFixed(4)}">${drawn.svg}</figure>`;
      // in the column: the map first; on a fold-out page: after the coverage (so the section's first
      // page holds its text and coverage, not the heading alone)
      const foldout = fitted.box === 0 ? '' : `<div class="foldout">${sub(t.mapFoldout)}${keyNote}${figureHtml}</div>`;
      let out = fitted.box === 0 ? `${sub(t.mapTitle)}${figureHtml}${keyNote}` : '';
      let coverage = `${sub(t.coverageTitle)}<p>${esc(summary)}</p>`;
      if (shows('coverage-gaps')) {
        coverage += table(
          [
            { label: t.level },
            { label: t.people, cls: 'num' },
            { label: t.covered, cls: 'num' },
            { label: t.supporters, cls: 'num' },
            { label: t.neutral, cls: 'num' },
            { label: messages[locale].dmu.attitudes['-2'], cls: 'num' },
            { label: t.unknown, cls: 'num' },
          ],
          cov.levels.map((l) => [esc(levelText(l.level, locale)), esc(l.people), esc(l.covered), esc(l.supporters), esc(l.neutral), esc(l.opponents), esc(l.unknown)]),
          { cls: 'even' },
        );
        out += keep(coverage);
        coverage = '';
        const attitude = new Map(map.members.map((m) => [m.id, m.attitude]));
        out +=
          sub(t.gapsTitle) +
          (cov.topGaps.length
            ? `<ul class="gaps">${cov.topGaps
                .map((g) => `<li class="sev-${g.severity}">${esc(gapReason(g, locale, g.personId === null ? undefined : attitude.get(g.personId)))}</li>`)
                .join('')}</ul>`
            : note(t.noGaps));
      }
      return out + (coverage ? keep(coverage) : '') + liveTag + foldout;
    },
    team: () => {
      const rows = items('team').map((i) => i.data as Extract<PlanItemData, { kind: 'team' }>);
      if (rows.length === 0) return '';
      return table(
        [{ label: t.teamName, cls: 'w-name' }, { label: t.teamRole }, { label: t.teamResponsibility }],
        rows.map((m) => [`<strong>${esc(m.personId !== null ? person(m.personId) || m.name : m.name)}</strong>${mark(m)}`, esc(m.role), esc(m.responsibility)]),
      );
    },
    actions: () => {
      const acts: ActionData[] = dataOf('action');
      const contacts: ContactData[] = dataOf('contact');
      let out = '';
      if (acts.length) {
        const head = [
          { label: t.actionNo, cls: 'num no' },
          { label: t.actionWhat, cls: 'w-what' },
          { label: t.ownerCol },
          { label: t.actionDue },
          { label: t.actionStatus },
          ...(shows('action-costs') ? [{ label: t.actionCost, cls: 'num' }] : []),
        ];
        const total = acts.filter((a) => a.status !== 'dropped').reduce((s, a) => s + (a.cost ?? 0), 0);
        out +=
          sub(t.actionsTitle) +
          table(
            head,
            acts.map((a, i) => [
              esc(i + 1),
              esc(a.what) + mark(a),
              esc(person(a.ownerId)),
              a.due ? esc(shortDate(a.due)) : '',
              `<span class="status st-${a.status}">${esc(t.actionStatuses[a.status])}</span>`,
              ...(shows('action-costs') ? [a.cost === null ? '' : esc(moneyFull(a.cost))] : []),
            ]),
            { cls: 'actions', ...(!shows('action-costs') ? {} : { foot: ['', esc(t.totalCost), '', '', '', esc(moneyFull(total))] }) },
          );
      }
      if (contacts.length) {
        out += keep(
          sub(t.contactTitle) +
            table(
              [{ label: t.contactTarget, cls: 'w-name' }, { label: t.ownerCol }, { label: t.contactVisits, cls: 'num' }, { label: t.contactCalls, cls: 'num' }],
              contacts.map((c) => [esc(c.target) + mark(c), esc(person(c.ownerId)), esc(c.visitsPerQuarter), esc(c.callsPerMonth)]),
            ),
        );
      }
      return out;
    },
    investment: () => {
      if (!shows('action-costs')) return '';
      const acts = dataOf('action').filter((a) => a.status !== 'dropped');
      const total = acts.reduce((s, a) => s + (a.cost ?? 0), 0);
      if (total === 0) return sub(t.investmentTitle) + note(t.noCost);
      const done = acts.filter((a) => a.status === 'done').reduce((s, a) => s + (a.cost ?? 0), 0);
      return keep(sub(t.investmentTitle) + `<p>${esc(fill(t.investmentLine, { total: moneyFull(total), done: moneyFull(done), open: moneyFull(total - done) }))}</p>`);
    },
    risks: () => {
      const risks: RiskData[] = dataOf('risk').filter((r) => shows('internal-risks') || !r.internal);
      let out = '';
      if (risks.length) {
        const level = (l: RiskData['likelihood']) => `<span class="lvl lvl-${l}">${esc(t.levels[l])}</span>`;
        out +=
          sub(t.risksTitle) +
          table(
            [{ label: t.riskDescription, cls: 'w-what' }, { label: t.likelihood }, { label: t.impact }, { label: t.mitigation, cls: 'w-what' }, { label: t.ownerCol }],
            risks.map((r) => [
              `${esc(r.description)}${!safe && r.internal ? ` <span class="tag">${esc(t.internalRisk)}</span>` : ''}`,
              level(r.likelihood),
              level(r.impact),
              esc(r.mitigation),
              esc(person(r.ownerId)),
            ]),
          );
      }
      if (shows('churn') && shows('receivables')) {
        const ch = live.churn;
        const rc = live.receivables;
        const facts: [string, string][] = [
          [t.churnStatus, t.churnStatuses[ch.status]],
          ...(ch.reason ? ([[t.churnReason, messages[locale].domain.churnReason[ch.reason] ?? ch.reason]] as [string, string][]) : []),
          ...(ch.churnedOn ? ([[t.churnedOn, shortDate(ch.churnedOn)]] as [string, string][]) : []),
          [t.receivables, rc.outstanding === null ? t.none : moneyFull(rc.outstanding)],
          [t.daysOverdue, rc.daysOverdue === null ? t.none : fill(t.daysValue, { n: rc.daysOverdue })],
          [t.paymentTerms, rc.paymentTerms || t.none],
        ];
        out += keep(
          `${sub(t.churnTitle)}<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>${
            ch.note ? `<p class="note">${esc(ch.note)}</p>` : ''
          }${liveTag}`,
        );
      }
      return out;
    },
  };

  const textOf = new Map(view.sections.map((s) => [s.section, sanitizeSectionHtml(s.html)]));
  // a customer sees only strengths and opportunities: the analysis section is called so
  const sectionTitle = (key: PlanSectionKey) => (key === 'analysis' && !shows('swot-weaknesses-threats') ? messages[locale].audience.analysisCustomer : t.sections[key]);
  const printed = printedSections(input, audience);
  const internalSection = new Set(view.sections.filter((x) => x.internal).map((x) => x.section));
  const sections = printed.map((key, i) => {
    const html = textOf.get(key) ?? '';
    const more = extra[key]?.() ?? '';
    const body = html ? `<div class="prose">${html}</div>` : more ? '' : note(t.emptySection);
    return `<section class="sec" aria-labelledby="${sectionAnchor(i)}">
<h1 id="${sectionAnchor(i)}"><span class="num">${i + 1}</span><span class="ttl">${esc(sectionTitle(key))}</span>${internalSection.has(key) ? internalTag : ''}</h1>
${body}${more}
</section>`;
  }).join('\n');

  // --- cover and contents -------------------------------------------------------------------------
  const status = t.statuses[plan.status];
  const meta: [string, string][] = [
    [t.owner, plan.ownerName ?? t.noOwner],
    [t.status, plan.status === 'approved' && plan.approvedAt ? fill(t.approvedOn, { date: longDate(plan.approvedAt) }) : status],
    [t.version, fill(t.versionN, { n: plan.version })],
    [t.printed, longDate(opts.today)],
  ];
  const acts = dataOf('action');
  const openActs = acts.filter((a) => a.status === 'todo' || a.status === 'doing').length;
  const glance: [string, string][] = [
    [t.objectivesCount, String(dataOf('objective').length)],
    [t.openActions, `${openActs} / ${acts.length}`],
    [t.risksCount, String(dataOf('risk').length)],
    ...(!shows('action-costs') ? [] : ([[t.plannedCost, moneyShort(acts.filter((a) => a.status !== 'dropped').reduce((s, a) => s + (a.cost ?? 0), 0))]] as [string, string][])),
  ];
  const cover = `<div class="cover">
  <div class="band">
    <div class="kicker">${esc(t.kicker)}${safe ? ` <span class="pill">${esc(t.customerVersion)}</span>` : ''}</div>
    <div class="acct">${esc(plan.accountName)}</div>
    <div class="year">${esc(plan.year)}</div>
  </div>
  <dl class="meta">${meta.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>
  <div class="cover-foot">${esc(safe ? t.customerNote : t.internal)}<span>Keyplan · ${esc(messages[locale].app.product)}</span></div>
</div>`;
  const pages = opts.sectionPages ?? null;
  const toc = `<nav class="toc" aria-label="${esc(t.contents)}">
  <div class="toc-title">${esc(t.contents)}</div>
  <ol>${printed.map((key, i) => {
    const p = pages?.get(sectionAnchor(i));
    return `<li><a href="#${sectionAnchor(i)}"><span class="n">${i + 1}</span><span class="t">${esc(sectionTitle(key))}</span><span class="dots"></span><span class="p">${p ?? ''}</span></a></li>`;
  }).join('')}</ol>
  <div class="glance"><div class="glance-title">${esc(t.glance)}</div><dl>${glance.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl></div>
</nav>`;

  // --- running header and footer (margin boxes; see the file comment) ----------------------------
  const headLeft = title;
  const headRight = safe ? t.customerVersion : t.internal;
  const footLeft = `${fill(t.versionN, { n: plan.version })} · ${status}`;
  const fonts = printFontStack(locale);
  const box = `font-family: ${fonts}; font-size: 7.5pt; color: ${C.muted};`;
  const m = PLAN_PAGE_MARGIN_MM;

  return printDocument(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  @page {
    size: A4 portrait;
    margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
    @top-left { content: ${cssString(headLeft)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @top-right { content: ${cssString(headRight)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @bottom-left { content: ${cssString(footLeft)}; ${box} vertical-align: top; padding-top: 4mm; }
    @bottom-right { content: ${pageCounter(t.pageOf)}; ${box} vertical-align: top; padding-top: 4mm; }
  }
  @page :first { margin: 0; @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: ${fonts}; color: ${C.ink}; font-size: 10pt; line-height: 1.6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg text, svg tspan { font-family: ${fonts} !important; }
  .preload { position: absolute; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; visibility: hidden; font-size: 7.5pt; }

  .cover { height: 296mm; position: relative; overflow: hidden; break-after: page; }
  .band { background: ${C.navy}; color: #fff; padding: 44mm 22mm 22mm; min-height: 150mm; border-bottom: 2.2mm solid #f3b33d; }
  .kicker { font-size: 10.5pt; letter-spacing: .12em; text-transform: uppercase; color: #b9c8e6; }
  .pill { display: inline-block; margin-left: 3mm; padding: .4mm 3mm; border-radius: 3mm; background: #f3b33d; color: ${C.navy}; letter-spacing: .04em; text-transform: none; font-weight: 700; }
  .acct { font-size: 27pt; font-weight: 700; line-height: 1.25; margin-top: 14mm; word-break: break-word; }
  .year { font-size: 60pt; font-weight: 700; line-height: 1.05; margin-top: 6mm; color: #fff; letter-spacing: .02em; }
  .meta { margin: 20mm 22mm 0; display: grid; grid-template-columns: 1fr 1fr; gap: 7mm 12mm; }
  .meta div { border-top: .35mm solid ${C.rule}; padding-top: 2mm; }
  .meta dt { font-size: 8.5pt; color: ${C.muted}; }
  .meta dd { margin: .5mm 0 0; font-size: 12pt; font-weight: 700; }
  .cover-foot span { white-space: nowrap; }
  .cover-foot { position: absolute; left: 22mm; right: 22mm; bottom: 16mm; display: flex; justify-content: space-between; gap: 10mm; font-size: 8.5pt; color: ${C.muted}; border-top: .35mm solid ${C.rule}; padding-top: 3mm; }

  .toc { break-after: page; }
  .toc-title { font-size: 20pt; font-weight: 700; color: ${C.navy}; margin: 4mm 0 8mm; }
  .toc ol { list-style: none; margin: 0; padding: 0; }
  .toc li { border-bottom: .25mm solid ${C.rule}; }
  .toc a { display: flex; align-items: baseline; gap: 4mm; padding: 2.6mm 0; color: ${C.ink}; text-decoration: none; font-size: 11.5pt; }
  .toc .n { width: 9mm; flex: none; color: ${C.accent}; font-weight: 700; font-variant-numeric: tabular-nums; }
  .toc .t { flex: none; max-width: 140mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .toc .dots { flex: 1; border-bottom: .3mm dotted ${C.faint}; transform: translateY(-1mm); }
  .toc .p { width: 12mm; flex: none; text-align: right; font-variant-numeric: tabular-nums; color: ${C.muted}; }
  .glance { margin-top: 14mm; background: ${C.soft}; border-radius: 2mm; padding: 5mm 6mm; }
  .glance-title { font-size: 9pt; color: ${C.muted}; letter-spacing: .06em; margin-bottom: 3mm; }
  .glance dl { margin: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 4mm; }
  .glance dt { font-size: 8.5pt; color: ${C.muted}; }
  .glance dd { margin: 0; font-size: 16pt; font-weight: 700; color: ${C.navy}; font-variant-numeric: tabular-nums; }

  .sec { break-before: page; }
  .sec > h1 { display: flex; align-items: baseline; gap: 4mm; font-size: 19pt; line-height: 1.3; color: ${C.navy}; margin: 0 0 6mm; padding-bottom: 3mm; border-bottom: .6mm solid ${C.navy}; break-after: avoid; }
  .sec > h1 .num { color: ${C.accent}; font-variant-numeric: tabular-nums; }
  h2.sub { font-size: 12pt; color: ${C.navy}; margin: 7mm 0 2.5mm; break-after: avoid; }
  .prose { orphans: 3; widows: 3; }
  .prose p { margin: 0 0 2.6mm; text-align: justify; }
  .prose h2 { font-size: 12.5pt; margin: 6mm 0 2mm; color: ${C.ink}; break-after: avoid; }
  .prose h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
  .prose h4 { font-size: 10pt; margin: 4mm 0 1mm; color: ${C.muted}; break-after: avoid; }
  .prose ul, .prose ol { margin: 0 0 2.6mm; padding-left: 6mm; }
  .prose li { margin: .6mm 0; }
  .prose blockquote { margin: 3mm 0; padding: 1mm 0 1mm 4mm; border-left: .8mm solid ${C.rule}; color: ${C.muted}; }
  .prose a { color: ${C.accent}; text-decoration: none; }
  .prose table { width: 100%; border-collapse: collapse; margin: 3mm 0 4mm; font-size: 9pt; line-height: 1.45; }
  .prose th, .prose td { border: .25mm solid ${C.rule}; padding: 1.4mm 2mm; vertical-align: top; text-align: left; }
  .prose th { background: ${C.soft}; }
  .prose p:empty { display: none; }
  thead { display: table-header-group; }
  tr, .swot-cell, .facts div, figure { break-inside: avoid; }
  /* no page holds only a footnote or a couple of spill-over rows: small tables and short blocks
     (a heading with its table, a note) stay whole, a long table keeps its last rows together
     (tbody.tail, KEEP_ROWS), the "figures as of" footnote stays with what it annotates, and text
     keeps at least three lines on each side of a break */
  table.small, .keep, .swot, .prose table, tbody.tail, .facts, ul.gaps li { break-inside: avoid; }
  .asof, .note { break-before: avoid; }
  h2.sub, .prose h2, .prose h3, .prose h4 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }

  table.grid { width: 100%; border-collapse: collapse; font-size: 8.8pt; line-height: 1.45; margin: 0 0 4mm; }
  table.grid th { background: ${C.navy}; color: #fff; font-weight: 700; text-align: left; padding: 1.6mm 2mm; vertical-align: bottom; }
  table.grid td { padding: 1.5mm 2mm; border-bottom: .25mm solid ${C.rule}; vertical-align: top; }
  table.grid tbody tr:nth-child(even) td { background: #f7f9fc; }
  /* the total is the last row, not a tfoot: Chromium repeats a tfoot at the foot of every page */
  table.grid tbody tr.total td { font-weight: 700; border-top: .5mm solid ${C.navy}; border-bottom: none; background: #fff; }
  table.grid .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  table.grid .no { width: 8mm; }
  table.grid td.no { color: ${C.muted}; }
  table.grid .strong { font-weight: 700; }
  table.grid th.strong { font-weight: 700; }
  table.grid .w-name { width: 26%; }
  table.grid .w-what { width: 38%; }
  table.grid .w-metric { width: 26%; }
  table.narrow { width: auto; min-width: 55%; }
  table.even { table-layout: fixed; }
  .cell-note { color: ${C.muted}; font-size: 8pt; }
  .status { white-space: nowrap; }
  .st-done { color: #2f7a3d; } .st-doing { color: ${C.accent}; } .st-dropped { color: ${C.faint}; text-decoration: line-through; }
  .lvl { display: inline-block; padding: 0 2mm; border-radius: 1mm; font-size: 8pt; white-space: nowrap; }
  .lvl-high { background: #fdeceb; color: ${C.danger}; } .lvl-medium { background: #fdf3e1; color: #8a5a06; } .lvl-low { background: #eef1f5; color: ${C.muted}; }
  .tag { display: inline-block; padding: 0 1.5mm; border: .25mm solid ${C.danger}; color: ${C.danger}; border-radius: 1mm; font-size: 7.5pt; }

  .facts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 8mm; margin: 0 0 3mm; }
  .facts div { border-left: .8mm solid ${C.accent}; padding: .5mm 0 .5mm 3mm; }
  .facts dt { font-size: 8.5pt; color: ${C.muted}; }
  .facts dd { margin: 0; font-weight: 700; }
  .note { color: ${C.muted}; font-style: italic; margin: 0 0 3mm; }
  .asof { color: ${C.faint}; font-size: 8pt; margin: 1mm 0 0; text-align: right; }
  figure { margin: 0 0 3mm; }
  figure.chart svg { display: block; width: 100%; height: auto; }
  /* content-box: the border is outside the size the map was scaled to (its names stay >= 7 pt) */
  figure.map { box-sizing: content-box; border: .25mm solid ${C.rule}; border-radius: 1.5mm; overflow: hidden; margin: 0 auto 3mm; }
  figure.map svg { display: block; width: 100%; height: 100%; }
  /* a map too large for the text column: its own A3 landscape page (folded into the A4 report) */
  @page foldout { size: A3 landscape; }
  .foldout { page: foldout; break-before: page; break-after: page; }

  .swot { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  .swot-cell { border-radius: 1.5mm; padding: 3mm 4mm; min-height: 38mm; }
  .swot-cell h3 { margin: 0 0 1.5mm; font-size: 10.5pt; }
  .swot-cell ul { margin: 0; padding-left: 5mm; font-size: 9.3pt; }
  .swot-s { background: #e9f4ec; } .swot-s h3 { color: #2f7a3d; }
  .swot-w { background: #fdf1e3; } .swot-w h3 { color: #8a5a06; }
  .swot-o { background: #e8effb; } .swot-o h3 { color: ${C.accent}; }
  .swot-t { background: #fdeceb; } .swot-t h3 { color: ${C.danger}; }
  ul.gaps { margin: 0 0 3mm; padding-left: 5mm; }
  ul.gaps li { margin: .6mm 0; }
  ul.gaps li::marker { color: ${C.faint}; }
  ul.gaps li.sev-3::marker { color: ${C.danger}; } ul.gaps li.sev-2::marker { color: #e07a1f; }
</style></head>
<body>
<div class="preload" aria-hidden="true">${esc(`${headLeft} ${headRight} ${footLeft} ${t.pageOf.replace(/\{\{pages?\}\}/g, '')} 0123456789`)}<b>${esc(headLeft)}</b></div>
${cover}
${toc}
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
