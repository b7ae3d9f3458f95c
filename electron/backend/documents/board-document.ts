/**
 * The quadrant board as one A4 landscape page (PDF) or a picture (PNG): the four quadrants in their
 * positions with names, treatment, figures and the accounts in each, largest first. A quadrant with
 * more accounts than fit shows the largest and says how many more. Text stays text: sharp at any zoom.
 */
import type { Board, BoardCard, Quadrant } from '../../../shared/api/board';
import { messages, type Locale } from '../../../shared/i18n';
import { formatMoney } from '../../../shared/domain/money';
import { esc, fill, printedDate, printFontStack, printDocument } from './html';


/** How many cards a quadrant shows on the page before "N more". */
export const CARDS_PER_QUADRANT = 28;

export function boardDocument(board: Board, locale: Locale, generatedAt: string): string {
  const t = messages[locale].board.doc;
  const m = board.matrix;
  const zh = locale === 'zh-CN';
  const qName = (q: Quadrant | undefined) => (q ? (zh ? q.nameZh : q.nameEn) : '');
  const byKey = new Map(m.quadrants.map((q) => [q.key, q]));
  const money = (v: number) => formatMoney(v, 'CNY', locale, { compact: true });
  const pct = (v: number) => `${Math.round(v * 100)}%`;

  const card = (c: BoardCard) => {
    const marks = `${c.inParetoHead ? '<span class="head" aria-label="top 80%">★</span>' : ''}${c.overdue ? '<span class="overdue">!</span>' : ''}`;
    const moved =
      c.movedFrom !== undefined
        ? `<span class="moved">${esc(c.movedFrom === null ? t.movedIn : fill(t.movedFrom, { from: qName(byKey.get(c.movedFrom)) }))}</span>`
        : '';
    return `<li class="${c.movedFrom !== undefined ? 'card changed' : 'card'}"><span class="name">${marks}${esc(c.name)}</span><span class="rev">${esc(c.revenueThisYear ? money(c.revenueThisYear) : '')}</span>${moved}</li>`;
  };

  const quadrant = (q: Quadrant) => {
    const cards = board.cards.filter((c) => c.quadrant === q.key).sort((a, b) => (b.revenueThisYear ?? 0) - (a.revenueThisYear ?? 0));
    const f = board.figures.find((x) => x.key === q.key);
    const shown = cards.slice(0, CARDS_PER_QUADRANT);
    const more = cards.length - shown.length;
    return `<section class="q ${q.position}" style="background:${esc(q.color)}">
      <header><h2>${esc(qName(q))}</h2><p class="fig">${esc(fill(t.accounts, { n: cards.length }))} · ${esc(fill(t.revenueShare, { revenue: money(f?.revenue ?? 0), share: pct(f?.share ?? 0) }))}</p></header>
      <p class="treat">${esc(zh ? q.treatmentZh : q.treatmentEn)}</p>
      <ul>${shown.map(card).join('')}${more > 0 ? `<li class="more">${esc(fill(t.more, { n: more }))}</li>` : ''}</ul>
    </section>`;
  };

  const ordered = (['tl', 'tr', 'bl', 'br'] as const).map((p) => m.quadrants.find((q) => q.position === p)!).filter(Boolean);
  const unplaced = board.cards.filter((c) => c.quadrant === null).length;
  const sub = [
    board.asOf ? fill(t.asOf, { date: printedDate(board.asOf, locale) }) : '',
    board.since ? fill(t.since, { date: printedDate(board.since, locale) }) : '',
  ].filter(Boolean);

  return printDocument(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(fill(t.title, { matrix: zh ? m.nameZh : m.nameEn }))}</title>
<style>
  @page { size: A4 landscape; margin: 10mm 12mm; }
  * { box-sizing: border-box; }
  html, body { margin: 0; }
  body { font-family: ${printFontStack(locale)}; color: #1b2430; font-size: 8.5pt; width: 273mm; height: 188mm; display: flex; flex-direction: column; }
  .top { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 3mm; }
  h1 { font-size: 15pt; margin: 0; font-weight: 700; }
  .sub { color: #4a5563; font-size: 9pt; }
  .legend { color: #4a5563; font-size: 7.5pt; }
  .frame { flex: 1; display: grid; grid-template-columns: 6mm 1fr 1fr; grid-template-rows: 1fr 1fr 6mm; gap: 2mm; min-height: 0; }
  .y { grid-row: 1 / 3; writing-mode: vertical-rl; transform: rotate(180deg); text-align: center; color: #4a5563; font-size: 8.5pt; }
  .x { grid-column: 2 / 4; text-align: center; color: #4a5563; font-size: 8.5pt; }
  .q { border-radius: 3mm; padding: 2.5mm 3mm; overflow: hidden; display: flex; flex-direction: column; min-height: 0; border: 0.3mm solid rgba(0,0,0,.08); }
  .q header { display: flex; justify-content: space-between; align-items: baseline; gap: 3mm; }
  .q h2 { font-size: 12pt; margin: 0; }
  .fig { margin: 0; color: #384250; font-size: 8pt; white-space: nowrap; }
  .treat { margin: .8mm 0 1.5mm; color: #4a5563; font-size: 7.5pt; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1mm 2.5mm; align-content: start; }
  .card { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0 2mm; min-width: 0; background: rgba(255,255,255,.75); border-radius: 1.2mm; padding: .6mm 1.5mm; break-inside: avoid; }
  .card.changed { outline: 0.4mm solid #1f4fa3; }
  .name { flex: 1 1 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .rev { flex: none; }
  .rev { color: #4a5563; font-variant-numeric: tabular-nums; }
  .moved { flex-basis: 100%; color: #1f4fa3; font-size: 7pt; }
  .head { color: #b7791f; margin-right: .8mm; }
  .overdue { color: #b42318; font-weight: 700; margin-right: .8mm; }
  .more { color: #4a5563; font-style: italic; padding: .6mm 1.5mm; }
  .q.tl { grid-column: 2; grid-row: 1; } .q.tr { grid-column: 3; grid-row: 1; }
  .q.bl { grid-column: 2; grid-row: 2; } .q.br { grid-column: 3; grid-row: 2; }
  :lang(zh-CN) .y { transform: none; text-orientation: upright; letter-spacing: .15em; }
  @media screen { body { margin: 10mm 12mm; } }
  footer { display: flex; justify-content: space-between; margin-top: 2mm; color: #6b7480; font-size: 7pt; }
</style></head>
<body>
  <div class="top">
    <div><h1>${esc(fill(t.title, { matrix: zh ? m.nameZh : m.nameEn }))}</h1>${sub.length ? `<div class="sub">${esc(sub.join(' · '))}</div>` : ''}</div>
    <div class="legend">${esc(t.paretoHead)} &nbsp; ${esc(t.overdue)}</div>
  </div>
  <div class="frame">
    <div class="y">${zh ? `↑ ${esc(m.yLabelZh)}` : `${esc(m.yLabelEn)} →`}</div>
    ${ordered.map(quadrant).join('\n')}
    <div class="x">${esc(zh ? m.xLabelZh : m.xLabelEn)} →</div>
  </div>
  <footer><span>${unplaced ? esc(fill(t.unplaced, { n: unplaced })) : ''}</span><span>${esc(fill(t.generated, { date: printedDate(generatedAt, locale) }))}</span></footer>
</body></html>`);
}
