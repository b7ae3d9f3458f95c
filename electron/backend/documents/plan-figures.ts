/**
 * The plan document's blocks of live figures: the key facts of the overview, the review's revenue
 * against target (a vector chart and a table), satisfaction, placements and moves, the stakeholder
 * map with its coverage and gaps, and churn and receivables. Each is a function of the document's
 * context (plan-parts.ts); what the audience may not see is left out by `ctx.shows`.
 */
import { gapReason, levelText } from '../../../shared/domain/gap-reason';
import { messages } from '../../../shared/i18n';
import { esc, fill } from './html';
import { fitMap } from './map-fit';
import { CONTENT_WIDTH_PX, MAP_BOX_A3, MAP_BOX_A4, MIN_MAP_NAME_PX } from './plan-css';
import { factList, keep, note, sub, table, type PlanDocContext } from './plan-parts';
import { revenueChartSvg } from './revenue-chart';

/** Section "overview": tier, service standard, last year's revenue, this year's target. */
export function overviewFacts(ctx: PlanDocContext): string {
  const { t, live, zh, moneyFull } = ctx;
  const year = ctx.plan.year;
  const thisYear = live.revenue.find((r) => r.year === year);
  const lastYear = live.revenue.find((r) => r.year === year - 1);
  const facts: [string, string][] = [
    [t.tier, live.tier ? (zh ? live.tier.nameZh : live.tier.nameEn) : t.none],
    [t.serviceStandard, live.tier ? fill(t.serviceLine, { visits: live.tier.visitsPerQuarter, calls: live.tier.callsPerMonth }) : t.none],
    [fill(t.revenueOfYear, { year: year - 1 }), lastYear?.revenue != null ? moneyFull(lastYear.revenue) : t.none],
    [fill(t.targetOfYear, { year }), thisYear?.target != null ? moneyFull(thisYear.target) : t.none],
  ];
  return `${sub(t.keyFacts)}<dl class="facts keep">${factList(facts)}</dl>${ctx.liveTag}`;
}

/** Revenue against target of the last six years with figures: chart and table (profit for us only). */
export function revenueBlock(ctx: PlanDocContext): string {
  const { t, locale, moneyFull, shows } = ctx;
  const revenueRows = ctx.live.revenue.filter((r) => r.revenue !== null || r.target !== null).slice(-6);
  if (revenueRows.length === 0) return sub(t.revenueTitle) + note(t.noRevenue);
  const chart = revenueChartSvg(revenueRows, { locale, currency: ctx.plan.currency, width: CONTENT_WIDTH_PX, height: 250 });
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
}

/** The last eight satisfaction scores, oldest first. */
export function satisfactionBlock(ctx: PlanDocContext): string {
  const { t } = ctx;
  const scores = [...ctx.live.satisfaction].sort((a, b) => a.date.localeCompare(b.date)).slice(-8);
  if (scores.length === 0) return sub(t.satisfactionTitle) + note(t.noSatisfaction);
  return keep(
    sub(t.satisfactionTitle) +
      table(
        [{ label: t.satisfactionDate }, { label: t.satisfactionScore, cls: 'num' }, { label: t.satisfactionSource }],
        scores.map((s) => [esc(ctx.shortDate(s.date)), esc(s.score), esc(s.source)]),
        { cls: 'narrow' },
      ),
  );
}

/** Where the account sits on each matrix, and its last eight moves. */
export function placementsBlock(ctx: PlanDocContext): string {
  const { t, zh, live } = ctx;
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
              esc(ctx.shortDate(m.at)),
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
}

/** Section "review": revenue, satisfaction and (for us) placements, with the footnote. */
export function reviewFigures(ctx: PlanDocContext): string {
  return revenueBlock(ctx) + satisfactionBlock(ctx) + (ctx.shows('quadrants') ? placementsBlock(ctx) : '') + ctx.liveTag;
}

/** Section "dmu": the stakeholder map (in the column or on an A3 fold-out page), its coverage and gaps. */
export function mapFigures(ctx: PlanDocContext): string {
  const { t, locale, shows } = ctx;
  const map = ctx.map;
  if (!map) return '';
  if (map.members.length === 0) return sub(t.mapTitle) + note(t.noPeople);
  const cov = ctx.live.coverage;
  const summary = !shows('coverage-gaps')
    ? fill(t.coveragePeople, { people: cov.people })
    : fill(t.coverageLine, { people: cov.people, gaps: cov.gaps, deciders: cov.deciderGaps });
  // names at least 7 pt: the whole map in the text column, else on an A3 fold-out page, else the
  // key people (map-fit.ts); the audience's map either way (renderMapSvg goes through mapForAudience)
  const fitted = fitMap(map, { locale, safe: ctx.safe, today: ctx.today }, [MAP_BOX_A4, MAP_BOX_A3], MIN_MAP_NAME_PX);
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
  return out + (coverage ? keep(coverage) : '') + ctx.liveTag + foldout;
}

/** Churn status and receivables (for us only: the caller checks `shows('churn')` and `shows('receivables')`). */
export function churnBlock(ctx: PlanDocContext): string {
  const { t, locale, moneyFull } = ctx;
  const ch = ctx.live.churn;
  const rc = ctx.live.receivables;
  const facts: [string, string][] = [
    [t.churnStatus, t.churnStatuses[ch.status]],
    ...(ch.reason ? ([[t.churnReason, messages[locale].domain.churnReason[ch.reason] ?? ch.reason]] as [string, string][]) : []),
    ...(ch.churnedOn ? ([[t.churnedOn, ctx.shortDate(ch.churnedOn)]] as [string, string][]) : []),
    [t.receivables, rc.outstanding === null ? t.none : moneyFull(rc.outstanding)],
    [t.daysOverdue, rc.daysOverdue === null ? t.none : fill(t.daysValue, { n: rc.daysOverdue })],
    [t.paymentTerms, rc.paymentTerms || t.none],
  ];
  return keep(`${sub(t.churnTitle)}<dl class="facts">${factList(facts)}</dl>${ch.note ? `<p class="note">${esc(ch.note)}</p>` : ''}${ctx.liveTag}`);
}
