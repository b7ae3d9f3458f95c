/**
 * What every renderer of the plan document shares: the context built once per document (the plan
 * as its audience sees it, the catalogue, the formatters, our people's names) and the HTML pieces
 * (tables with their page-break rule, sub-headings, notes, the "internal" tag, the "figures as of"
 * footnote). Renderers are functions of a context; nothing here prints.
 */
import type { PlanItem, PlanView } from '../../../shared/api/plans';
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import type { Currency } from '../../../shared/domain/enums';
import { audienceOf, mayShow, planForAudience, type Audience, type InternalKey } from '../../../shared/domain/audience';
import { formatMoney } from '../../../shared/domain/money';
import type { ObjectiveData, PlanItemData, PlanSectionKey } from '../../../shared/domain/plan';
import { messages, type Locale } from '../../../shared/i18n';
import { objectiveFigure } from './figure';
import { esc, fill, printedDate } from './html';


/** Tables of at most this many rows (total included) are never split across pages. */
export const SMALL_TABLE_ROWS = 12;
/** A longer table keeps at least its last this many rows together (with the repeated header on a new page). */
export const KEEP_ROWS = 4;

export interface PlanDocContext {
  locale: Locale;
  zh: boolean;
  safe: boolean;
  audience: Audience;
  /** 'YYYY-MM-DD': the printed date. */
  today: string;
  /** The plan as this audience sees it (planForAudience). */
  view: PlanView;
  plan: PlanView['plan'];
  live: PlanView['live'];
  /** The account's stakeholder map; null: none drawn. */
  map: StakeholderMap | null;
  t: (typeof messages)[Locale]['planDoc'];
  /** Whether this audience sees what the internal list's `key` names (the one rule). */
  shows: (key: InternalKey) => boolean;
  moneyFull: (v: number) => string;
  moneyShort: (v: number) => string;
  shortDate: (iso: string) => string;
  longDate: (iso: string) => string;
  /** Our person's name by id ('' for none or unknown). */
  person: (id: number | null) => string;
  items: (kind: PlanItemData['kind']) => (PlanItem & { data: PlanItemData })[];
  dataOf: <K extends PlanItemData['kind']>(kind: K) => Extract<PlanItemData, { kind: K }>[];
  /** An objective's figure in the plan's currency. */
  figure: (unit: ObjectiveData['unit'], v: number | null) => string;
  /** The "internal only" tag of an item or section (the customer version has none of them at all). */
  internalTag: string;
  mark: (d: { internal?: boolean }) => string;
  /** The "figures as of" (or "as approved") footnote under the live figures. */
  liveTag: string;
}

export function planDocContext(
  input: { view: PlanView; people: ReadonlyMap<number, string>; map: StakeholderMap | null },
  opts: { locale: Locale; safe: boolean; today: string },
): PlanDocContext {
  const { locale, safe } = opts;
  const audience = audienceOf(safe);
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
  const items = (kind: PlanItemData['kind']) => view.items.filter((i) => i.kind === kind) as (PlanItem & { data: PlanItemData })[];
  const dataOf = <K extends PlanItemData['kind']>(kind: K) => items(kind).map((i) => i.data as Extract<PlanItemData, { kind: K }>);
  const internalTag = ` <span class="tag">${esc(messages[locale].audience.internalTag)}</span>`;
  const asOf = view.frozen && plan.approvedAt ? fill(t.figuresApproved, { date: longDate(plan.approvedAt) }) : fill(t.figuresAsOf, { date: longDate(view.live.asOf) });
  return {
    locale,
    zh,
    safe,
    audience,
    today: opts.today,
    view,
    plan,
    live: view.live,
    map: input.map,
    t,
    shows,
    moneyFull,
    moneyShort,
    shortDate,
    longDate,
    person,
    items,
    dataOf,
    figure: (unit, v) => objectiveFigure(unit, v, currency, locale),
    internalTag,
    mark: (d) => (d.internal ? internalTag : ''),
    liveTag: `<p class="asof">${esc(asOf)}</p>`,
  };
}

/** A table of the document's grid style; long tables keep their last rows together (KEEP_ROWS). */
export function table(head: { label: string; cls?: string }[], rows: string[][], opts: { cls?: string; foot?: string[] } = {}): string {
  const cls = (i: number) => (head[i]?.cls ? ` class="${head[i]!.cls}"` : '');
  const tr = (r: string[], c = '') => `<tr${c}>${r.map((x, i) => `<td${cls(i)}>${x}</td>`).join('')}</tr>`;
  const all = [...rows.map((r) => tr(r)), ...(opts.foot ? [tr(opts.foot, ' class="total"')] : [])];
  // page breaks (see KEEP_ROWS): a small table stays in one piece; a long one keeps its last rows
  // (and the total) together in a tbody of their own, so no page holds only one or two spill-over rows
  const small = all.length <= SMALL_TABLE_ROWS;
  const body = small || all.length <= KEEP_ROWS ? `<tbody>${all.join('')}</tbody>` : `<tbody>${all.slice(0, -KEEP_ROWS).join('')}</tbody><tbody class="tail">${all.slice(-KEEP_ROWS).join('')}</tbody>`;
  return `<table class="grid${small ? ' small' : ''}${opts.cls ? ` ${opts.cls}` : ''}"><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h.label)}</th>`).join('')}</tr></thead>${body}</table>`;
}

/** A heading with what follows it, kept on one page when it is short (a small table, a note). */
export const keep = (html: string) => `<div class="keep">${html}</div>`;
export const sub = (text: string) => `<h2 class="sub">${esc(text)}</h2>`;
export const note = (text: string) => `<p class="note">${esc(text)}</p>`;

/** Facts as a definition list of label/value pairs. */
export const factList = (facts: readonly [string, string][]) => facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('');

/** The anchor of section `i` (0-based): its heading's id and the contents link's target. */
export const sectionAnchor = (i: number) => `sec-${i + 1}`;

/** A section's printed title: a customer sees only strengths and opportunities, so the analysis section is called so. */
export function sectionTitle(ctx: PlanDocContext, key: PlanSectionKey): string {
  return key === 'analysis' && !ctx.shows('swot-weaknesses-threats') ? messages[ctx.locale].audience.analysisCustomer : ctx.t.sections[key];
}
