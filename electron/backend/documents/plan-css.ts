/**
 * The plan document's page and its CSS: A4 portrait with the page margins, the running header and
 * footer as paged-media margin boxes (see plan-document.ts for why), the cover, contents, sections,
 * tables, facts, SWOT, map and coverage styles, and the page-break rules. The geometry the renderers
 * need (the text width for the chart, the boxes a map may take) is derived from the same margins.
 */
import { printFontStack } from './html';
import type { Locale } from '../../../shared/i18n';

/** Page margins (mm); the running header and footer sit in the top and bottom ones. */
export const PLAN_PAGE_MARGIN_MM = { top: 20, right: 17, bottom: 18, left: 17 } as const;
/** The width text and tables have on the page, in CSS pixels (for the chart). */
export const CONTENT_WIDTH_PX = Math.floor(((210 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) / 25.4) * 96);

const PX_PER_MM = 96 / 25.4;
/** The most room the stakeholder map takes in the text column (CSS px): the text width, most of a page's height. */
export const MAP_BOX_A4 = { width: Math.floor((210 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) * PX_PER_MM) - 4, height: Math.floor(200 * PX_PER_MM) };
/** On an A3 landscape fold-out page (its heading above it). */
export const MAP_BOX_A3 = { width: Math.floor((420 - PLAN_PAGE_MARGIN_MM.left - PLAN_PAGE_MARGIN_MM.right) * PX_PER_MM) - 4, height: Math.floor((297 - PLAN_PAGE_MARGIN_MM.top - PLAN_PAGE_MARGIN_MM.bottom - 30) * PX_PER_MM) };
/** People's names on a printed map are at least 7 pt (in CSS px). */
export const MIN_MAP_NAME_PX = (7 / 72) * 96;

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

export interface PlanCssInput {
  locale: Locale;
  /** The running header's left and right text and the footer's left text. */
  headLeft: string;
  headRight: string;
  footLeft: string;
  /** The catalogue's "page {{page}} of {{pages}}" for the footer's right. */
  pageOf: string;
}

/** The document's style sheet (the inside of its <style> element). */
export function planCss(p: PlanCssInput): string {
  const fonts = printFontStack(p.locale);
  const box = `font-family: ${fonts}; font-size: 7.5pt; color: ${C.muted};`;
  return `
  @page {
    size: A4 portrait;
    margin: ${PLAN_PAGE_MARGIN_MM.top}mm ${PLAN_PAGE_MARGIN_MM.right}mm ${PLAN_PAGE_MARGIN_MM.bottom}mm ${PLAN_PAGE_MARGIN_MM.left}mm;
    @top-left { content: ${cssString(p.headLeft)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @top-right { content: ${cssString(p.headRight)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }
    @bottom-left { content: ${cssString(p.footLeft)}; ${box} vertical-align: top; padding-top: 4mm; }
    @bottom-right { content: ${pageCounter(p.pageOf)}; ${box} vertical-align: top; padding-top: 4mm; }
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
`;
}
