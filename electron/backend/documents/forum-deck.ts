/**
 * The customer-forum deck: 16:9 slides (338.7 mm x 190.5 mm, CSS @page) for the yearly forum — a
 * title slide, the value x potential board, the Pareto of revenue, then per account a divider, the
 * review of last year (revenue against target, highlights of the plan's review), the objectives,
 * the key (open) actions and the stakeholder map. One HTML document serves the PDF (Chromium) and
 * the presentation on screen (the same slides, one at a time).
 *
 * Reuse: the Pareto is the portfolio screen's chart option (shared/domain/pareto-chart.ts); the
 * chart is revenue-chart.ts; the map is map-svg.ts; labels of the plan's tables come from the plan
 * document's catalogue.
 *
 * Readable when projected: names are at least 18 px on the 1280 px slide (MIN_SLIDE_NAME_PX). The
 * board slide is drawn for the slide (the largest accounts of each quadrant, "N more"; the whole board
 * is the board's own export) rather than the A4 board page shrunk; the map is the whole map when
 * its names stay that large, else the key people (map-fit.ts).
 *
 * Audience (`safe`: the customer audience, a forum has customers in the room): everything goes
 * through shared/domain/audience.ts, the one rule. The customer deck has no board and no Pareto of
 * all customers (portfolioForAudience: nothing comparative about others), only the invited accounts;
 * each account's plan is planForAudience's (no internal sections or items, no wallet-share or margin
 * objectives, no action costs), its live figures liveForAudience's and its map mapForAudience's.
 *
 * Slides are built one account at a time (accountSlides) so an export can report progress and stop
 * between accounts; deckDocument puts them together with their numbers.
 */
import { echartsLib } from './echarts-lib';
import type { PortfolioFigures } from '../../../shared/api/accounts-views';
import type { Board } from '../../../shared/api/board';
import type { PlanLiveData, PlanView } from '../../../shared/api/plans';
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import type { Currency } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';
import { paretoChartOption } from '../../../shared/domain/pareto-chart';
import { fxFootnote } from '../../../shared/domain/fx';
import type { ActionData, ObjectiveData, PlanItemData } from '../../../shared/domain/plan';
import { messages, type Locale } from '../../../shared/i18n';
import { audienceOf, boardForAudience, liveForAudience, mapForAudience, planForAudience, portfolioForAudience } from '../../../shared/domain/audience';
import { objectiveFigure } from './figure';
import { esc, fill, printedDate, printFontStack, printDocument } from './html';
import { fitMap } from './map-fit';
import { CHART_COLOURS, revenueChartSvg } from './revenue-chart';


/** The slide: 16:9, 13.333 in x 7.5 in (PowerPoint's widescreen). */
export const SLIDE_MM = { width: 338.7, height: 190.5 } as const;
/** The fixed slides before the accounts: title, board, Pareto (internal); the title alone for customers. */
export const FIXED_SLIDES = 3;
export const FIXED_SLIDES_CUSTOMER = 1;
/** Per account: divider, review, objectives, key actions, map (without a plan: divider, review, map). */
export const SLIDES_PER_ACCOUNT = 5;
export const SLIDES_PER_ACCOUNT_WITHOUT_PLAN = 3;
/** Key actions shown per account. */
export const KEY_ACTIONS = 8;
/** Highlights of the review shown, and their length. */
const HIGHLIGHTS = 6;
const HIGHLIGHT_CHARS = 90;

/** Content area in CSS px (96 per inch) inside the slide's padding and title. */
const CONTENT_PX = { width: 1180, height: 540 } as const;
/** The map's room on its slide: the content area less a line for the key-people note. */
const MAP_BOX = { width: CONTENT_PX.width, height: CONTENT_PX.height - 44 } as const;
/** Names on a projected slide (1280 px wide) are at least this many px. */
export const MIN_SLIDE_NAME_PX = 18;
/** A small map is enlarged at most this much. */
const MAX_MAP_SCALE = 1.8;

export interface ForumAccount {
  accountId: number;
  name: string;
  currency: Currency;
  /** The account's plan for the forum year; null: none (review and map from live data). */
  plan: PlanView | null;
  /** The plan's live figures, or the account's as of today without a plan. */
  live: PlanLiveData;
  map: StakeholderMap | null;
  /** Our people by id (owners). */
  people: ReadonlyMap<number, string>;
}

export interface ForumDeckOptions {
  locale: Locale;
  safe: boolean;
  year: number;
  /** 'YYYY-MM-DD'. */
  today: string;
}

const t = (locale: Locale) => messages[locale].forumDoc;

function slide(kind: string, title: string, body: string, opts: { account?: string } = {}): string {
  return `<section class="slide ${kind}">${title ? `<header class="st"><h2>${esc(title)}</h2>${opts.account ? `<span class="acct">${esc(opts.account)}</span>` : ''}</header>` : ''}<div class="body">${body}</div></section>`;
}

export function titleSlide(o: ForumDeckOptions, accounts: number): string {
  const w = t(o.locale);
  return `<section class="slide title-slide"><div class="kicker">${esc(w.kicker)}${o.safe ? ` · ${esc(w.customerVersion)}` : ''}</div><h1>${esc(fill(w.title, { year: o.year }))}</h1><p class="date">${esc(
    printedDate(`${o.today}T00:00:00Z`, o.locale),
  )}</p><p class="count">${esc(fill(w.accountsCount, { n: accounts }))}</p></section>`;
}

/** Names on the board slide: 2 columns of this many rows per quadrant, the largest accounts first. */
export const BOARD_SLIDE_ROWS = 7;
export const BOARD_SLIDE_COLUMNS = 2;

/**
 * The board drawn for projection: the four quadrants with their names, figures and treatment, and in
 * each the largest accounts with names at 20 px (at least 18 px on the 1280 px slide) and "N more"
 * (the whole board is the board's own export). Internal only: portfolioSlides leaves it out for customers.
 */
export function boardSlide(given: Board, o: ForumDeckOptions): string {
  const board = boardForAudience(given, audienceOf(o.safe));
  const bd = messages[o.locale].board.doc;
  const zh = o.locale === 'zh-CN';
  const m = board.matrix;
  const money = (v: number) => formatMoney(v, 'CNY', o.locale, { compact: true });
  const room = BOARD_SLIDE_ROWS * BOARD_SLIDE_COLUMNS;
  const quadrant = (position: string) => {
    const q = m.quadrants.find((x) => x.position === position);
    if (!q) return '';
    const cards = board.cards.filter((c) => c.quadrant === q.key).sort((x, y) => (y.revenueThisYear ?? 0) - (x.revenueThisYear ?? 0));
    const f = board.figures.find((x) => x.key === q.key);
    const shown = cards.length > room ? cards.slice(0, room - 1) : cards;
    const more = cards.length - shown.length;
    return `<div class="bq ${position}" style="background:${esc(q.color)}"><div class="bq-head"><h3>${esc(zh ? q.nameZh : q.nameEn)}</h3><span>${esc(fill(bd.accounts, { n: cards.length }))} · ${esc(
      fill(bd.revenueShare, { revenue: money(f?.revenue ?? 0), share: `${Math.round((f?.share ?? 0) * 100)}%` }),
    )}</span></div><p class="bq-treat">${esc(zh ? q.treatmentZh : q.treatmentEn)}</p><ul>${shown
      .map((c) => `<li><span class="bn">${c.inParetoHead ? '★ ' : ''}${esc(c.name)}</span><span class="br">${esc(c.revenueThisYear ? money(c.revenueThisYear) : '')}</span></li>`)
      .join('')}${more > 0 ? `<li class="more">${esc(fill(bd.more, { n: more }))}</li>` : ''}</ul></div>`;
  };
  return slide('board', t(o.locale).boardTitle, `<div class="bgrid">${['tl', 'tr', 'bl', 'br'].map(quadrant).join('')}</div>`);
}

/** Revenue concentration: the portfolio screen's Pareto option (shared/domain/pareto-chart.ts) as a vector SVG. */
export function paretoChartSvg(p: PortfolioFigures['pareto'], o: { locale: Locale; currency: Currency; width: number; height: number }): string {
  const w = t(o.locale);
  const money = (v: number) => formatMoney(v, o.currency, o.locale, { compact: true });
  const labels = { head: w.paretoHead, tail: w.paretoTail, cumulative: w.paretoCumulative, line80: w.paretoLine80, share: (r: number) => `${Math.round(r * 100)}%` };
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: o.width, height: o.height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: printFontStack(o.locale), color: CHART_COLOURS.axis },
      ...paretoChartOption(p, money, labels, { ink: CHART_COLOURS.axis, gridLine: CHART_COLOURS.grid, print: true }),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function paretoSlide(figures: PortfolioFigures, o: ForumDeckOptions): string {
  const w = t(o.locale);
  const p = figures.pareto;
  const svg = paretoChartSvg(p, { locale: o.locale, currency: figures.currency, width: CONTENT_PX.width, height: CONTENT_PX.height - 80 });
  // One currency: the rates used and the accounts left out (shared/domain/fx.ts), as on the screen.
  const fxNote = fxFootnote(figures.fx, messages[o.locale].portfolio.fx).join(' · ');
  return slide(
    'pareto',
    w.paretoTitle,
    `<p class="lead">${esc(fill(w.paretoLine, { head: p.headCount, total: p.points.length }))}</p><figure class="chart">${svg}</figure><p class="note" data-fx>${esc(fxNote)}</p>`,
  );
}

/** The slides about the whole portfolio: the board and the Pareto for us; none for customers (portfolioForAudience). */
export function portfolioSlides(portfolio: { board: Board; figures: PortfolioFigures }, o: ForumDeckOptions): string[] {
  const shown = portfolioForAudience(portfolio, audienceOf(o.safe));
  return [...(shown.board ? [boardSlide(shown.board, o)] : []), ...(shown.figures ? [paretoSlide(shown.figures, o)] : [])];
}

/** The text items of a piece of sanitised HTML (list items and paragraphs), shortened. */
export function highlights(html: string, max = HIGHLIGHTS, chars = HIGHLIGHT_CHARS): string[] {
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  const blocks = html.split(/<\/(?:li|p|h[1-6]|td|th)>|<br\s*\/?>/i).map(decode).filter((s) => s.length > 0);
  return blocks.slice(0, max).map((s) => (s.length > chars ? `${s.slice(0, chars - 1).trimEnd()}…` : s));
}

/** The slides of one account: divider, review, [objectives, key actions,] map. */
export function accountSlides(given: ForumAccount, o: ForumDeckOptions): string[] {
  const audience = audienceOf(o.safe);
  // the account as this audience sees it (the one rule): nothing below reads `given`
  const a: ForumAccount = {
    ...given,
    plan: given.plan ? planForAudience(given.plan, audience) : null,
    live: liveForAudience(given.live, audience),
    map: given.map ? mapForAudience(given.map, audience) : null,
  };
  const w = t(o.locale);
  const pd = messages[o.locale].planDoc;
  const person = (id: number | null) => (id === null ? '' : (a.people.get(id) ?? ''));
  const items = (a.plan?.items ?? []).map((i) => i.data);
  const dataOf = <K extends PlanItemData['kind']>(kind: K) => items.filter((d) => d.kind === kind) as Extract<PlanItemData, { kind: K }>[];
  const note = (s: string) => `<p class="note">${esc(s)}</p>`;
  const table = (head: { label: string; num?: boolean }[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th${h.num ? ' class="num"' : ''}>${esc(h.label)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c, i) => `<td${head[i]?.num ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const out: string[] = [];
  const prev = o.year - 1;

  out.push(
    `<section class="slide divider"><div class="kicker">${esc(w.divider)}</div><h1>${esc(a.name)}</h1>${a.plan ? '' : `<p class="nop">${esc(fill(w.noPlan, { year: o.year }))}</p>`}</section>`,
  );

  // review: revenue against target (last years up to the forum year) and the review's highlights
  const rows = a.live.revenue.filter((r) => (r.revenue !== null || r.target !== null) && r.year <= o.year).slice(-5);
  const chart = rows.length ? `<figure class="chart">${revenueChartSvg(rows, { locale: o.locale, currency: a.currency, width: 640, height: 440 })}</figure>` : note(w.noRevenue);
  const reviewHtml = a.plan?.sections.find((s) => s.section === 'review')?.html ?? '';
  const hl = highlights(reviewHtml);
  const side = `<h3>${esc(w.highlights)}</h3>${hl.length ? `<ul class="hl">${hl.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : note(w.noReview)}`;
  out.push(slide('review', fill(w.reviewTitle, { year: prev }), `<div class="two">${chart}<div class="side">${side}</div></div>`, { account: a.name }));

  if (a.plan) {
    const figure = (unit: ObjectiveData['unit'], v: number | null) => objectiveFigure(unit, v, a.currency, o.locale);
    const objectives = dataOf('objective');
    out.push(
      slide(
        'objectives',
        fill(w.objectivesTitle, { year: o.year }),
        objectives.length
          ? table(
              [{ label: pd.metric }, { label: pd.baseline, num: true }, { label: pd.target, num: true }, { label: pd.q.q1, num: true }, { label: pd.q.q2, num: true }, { label: pd.q.q3, num: true }, { label: pd.q.q4, num: true }, { label: pd.ownerCol }],
              objectives.slice(0, 10).map((x) => [
                `<strong>${esc(x.metric)}</strong>`,
                figure(x.unit, x.baseline),
                `<strong>${figure(x.unit, x.target)}</strong>`,
                figure(x.unit, x.q1),
                figure(x.unit, x.q2),
                figure(x.unit, x.q3),
                figure(x.unit, x.q4),
                esc(person(x.ownerId)),
              ]),
            )
          : note(w.noObjectives),
        { account: a.name },
      ),
    );
    const open: ActionData[] = dataOf('action')
      .filter((x) => x.status === 'todo' || x.status === 'doing')
      .sort((x, y) => (x.due ?? '9999').localeCompare(y.due ?? '9999'));
    const shown = open.slice(0, KEY_ACTIONS);
    out.push(
      slide(
        'actions',
        w.actionsTitle,
        shown.length
          ? table(
              [{ label: pd.actionNo, num: true }, { label: pd.actionWhat }, { label: pd.ownerCol }, { label: pd.actionDue }, { label: pd.actionStatus }],
              shown.map((x, i) => [esc(i + 1), esc(x.what), esc(person(x.ownerId)), esc(x.due ?? ''), esc(pd.actionStatuses[x.status])]),
            ) + (open.length > shown.length ? note(fill(w.moreActions, { n: open.length - shown.length })) : '')
          : note(w.noActions),
        { account: a.name },
      ),
    );
  }

  // the stakeholder map, customer-safe when safe: names at least 18 px on the 1280 px slide when
  // projected - the whole map when it fits so, else the key people (map-fit.ts); no title block or
  // legend (the slide has its title)
  let mapBody = note(w.noPeople);
  if (a.map && a.map.members.length > 0) {
    const fitted = fitMap(a.map, { locale: o.locale, safe: o.safe, today: o.today, bare: true }, [MAP_BOX], MIN_SLIDE_NAME_PX, MAX_MAP_SCALE);
    const { drawn, scale } = fitted;
    const lead = fitted.keyOnly ? `<p class="lead">${esc(fill(w.mapKeyPeople, { shown: fitted.shown, total: fitted.total }))}</p>` : '';
    mapBody = `${lead}<figure class="map" style="width:${Math.round(drawn.width * scale)}px;height:${Math.round(drawn.height * scale)}px" data-scale="${scale.toFixed(4)}">${drawn.svg}</figure>`;
  }
  out.push(slide('map', w.mapTitle, mapBody, { account: a.name }));
  return out;
}

/** The slides together, numbered "n / total" in a corner, as one printable document. */
export function deckDocument(slides: readonly string[], o: ForumDeckOptions): string {
  const w = t(o.locale);
  const total = slides.length;
  const numbered = slides.map((s, i) => s.replace(/<\/section>$/, `<span class="no">${esc(fill(w.slideOf, { n: i + 1, total }))}</span></section>`));
  return printDocument(`<!doctype html>
<html lang="${o.locale}"><head><meta charset="utf-8"><title>${esc(fill(w.title, { year: o.year }))}</title>
<style>
  @page { size: ${SLIDE_MM.width}mm ${SLIDE_MM.height}mm; margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: ${printFontStack(o.locale)}; color: #1b2330; background: #fff; }
  svg, svg text, svg tspan { font-family: ${printFontStack(o.locale)}; }
  .slide { position: relative; width: ${SLIDE_MM.width}mm; height: ${SLIDE_MM.height}mm; padding: 12mm 14mm 12mm; overflow: hidden; break-after: page; page-break-after: always; display: flex; flex-direction: column; background: #fff; }
  .slide:last-child { break-after: auto; page-break-after: auto; }
  .st { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.6mm solid #1e4fa3; padding-bottom: 2.5mm; margin-bottom: 5mm; }
  .st h2 { margin: 0; font-size: 22pt; font-weight: 700; }
  .st .acct { color: #4a5563; font-size: 13pt; }
  .body { flex: 1; min-height: 0; display: flex; flex-direction: column; }
  .title-slide, .divider { justify-content: center; padding-left: 24mm; background: linear-gradient(135deg, #1e4fa3 0%, #173d7f 100%); color: #fff; }
  .title-slide h1, .divider h1 { font-size: 40pt; margin: 4mm 0; font-weight: 700; }
  .kicker { font-size: 15pt; letter-spacing: .08em; opacity: .85; }
  .date, .count, .nop { font-size: 15pt; margin: 2mm 0; opacity: .9; }
  .lead { font-size: 15pt; margin: 0 0 3mm; }
  .chart { margin: 0; }
  .two { display: flex; gap: 10mm; align-items: flex-start; }
  .side { flex: 1; min-width: 0; }
  .side h3 { font-size: 15pt; margin: 0 0 3mm; }
  .hl { margin: 0; padding-left: 6mm; font-size: 13pt; line-height: 1.5; }
  .hl li { margin-bottom: 2mm; }
  .note { color: #4a5563; font-size: 14pt; }
  table { border-collapse: collapse; width: 100%; font-size: 12.5pt; }
  th { text-align: left; background: #eef2f8; color: #1b2330; padding: 2.2mm 3mm; border-bottom: 0.4mm solid #1e4fa3; }
  td { padding: 2mm 3mm; border-bottom: 0.2mm solid #dde2ea; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .map { margin: 0 auto; }
  .map svg { width: 100%; height: 100%; display: block; }
  .bgrid { flex: 1; min-height: 0; display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: 1fr 1fr; gap: 8px; }
  .bq { border-radius: 8px; padding: 8px 12px; overflow: hidden; display: flex; flex-direction: column; min-height: 0; border: 1px solid rgba(0,0,0,.08); }
  .bq-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
  .bq-head h3 { margin: 0; font-size: 22px; }
  .bq-head span { font-size: 15px; color: #384250; white-space: nowrap; }
  .bq-treat { margin: 2px 0 6px; font-size: 15px; color: #4a5563; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .bq ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(${BOARD_SLIDE_COLUMNS}, minmax(0, 1fr)); gap: 3px 10px; align-content: start; }
  .bq li { display: flex; justify-content: space-between; gap: 8px; font-size: 20px; line-height: 1.3; background: rgba(255,255,255,.75); border-radius: 4px; padding: 1px 6px; min-width: 0; }
  .bq .bn { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .bq .br { flex: none; color: #4a5563; font-size: 16px; font-variant-numeric: tabular-nums; }
  .bq li.more { background: none; font-style: italic; color: #4a5563; font-size: 16px; }
  .no { position: absolute; right: 8mm; bottom: 5mm; font-size: 10pt; color: #6b7480; }
  .title-slide .no, .divider .no { color: rgba(255,255,255,.8); }
  @media screen { body { background: #5b6676; } .slide { margin: 0 auto 6mm; } }
</style></head>
<body>
${numbered.join('\n')}
</body></html>`);
}

export interface ForumDeckInput {
  board: Board;
  figures: PortfolioFigures;
  accounts: readonly ForumAccount[];
}

/** The whole deck at once (tests, the screen); forum-export builds it step by step. */
export function forumDeck(input: ForumDeckInput, o: ForumDeckOptions): { html: string; slides: number } {
  const slides = [titleSlide(o, input.accounts.length), ...portfolioSlides(input, o), ...input.accounts.flatMap((a) => accountSlides(a, o))];
  return { html: deckDocument(slides, o), slides: slides.length };
}
