/**
 * The account's figures shown beside a section's text, read from plan-get's `live`: revenue against
 * target, quadrant placements and moves, stakeholder coverage, churn and receivables, satisfaction,
 * the tier's service standard. Labelled "live" while the plan is a draft or in review, "as approved
 * on <date>" once it is frozen.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanLiveData } from '../../../../shared/api/plans';
import type { PlanSectionKey } from '../../../../shared/domain/plan';
import { Badge } from '../../ui/Badge';
import { Chart, CHART_GRID_LINE, type ChartOption } from '../../ui/Chart';
import { isZh, money, shortDate } from '../../lib/format';
import { revenueChartOption } from '../../ui/revenueChart';
import { mapHref } from '../stakeholders/route';
import { reasonsText } from '../../../../shared/domain/health-words';

function LiveBox({ title, frozen, asOf, children }: { title: string; frozen: boolean; asOf: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="plan-live" aria-label={title}>
      <div className="plan-live__head">
        <h4 className="plan-live__title">{title}</h4>
        <Badge tone={frozen ? 'outline' : 'accent'}>{frozen ? t('planEditor.live.asApproved', { date: shortDate(asOf.slice(0, 10), i18n.language) }) : t('planEditor.live.liveBadge')}</Badge>
      </div>
      {children}
    </section>
  );
}

function satisfactionOption(rows: PlanLiveData['satisfaction'], name: string): ChartOption {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: sorted.map((r) => r.date), axisTick: { show: false } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: CHART_GRID_LINE } } },
    series: [{ name, type: 'line', data: sorted.map((r) => r.score), symbol: 'circle', symbolSize: 7 }],
  };
}

/** The live figures that belong to a section (nothing for most). */
export function LiveFigures({ section, live, frozen, accountId }: { section: PlanSectionKey; live: PlanLiveData; frozen: boolean; accountId: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const zh = isZh(locale);
  const revenue = useMemo(
    () => revenueChartOption(live.revenue, live.currency, locale, { revenue: t('planEditor.live.revenue'), target: t('planEditor.live.target') }),
    [live.revenue, live.currency, locale, t],
  );
  const satisfaction = useMemo(() => satisfactionOption(live.satisfaction, t('planEditor.live.score')), [live.satisfaction, t]);
  const box = (title: string, children: ReactNode) => (
    <LiveBox title={title} frozen={frozen} asOf={live.asOf}>
      {children}
    </LiveBox>
  );

  switch (section) {
    case 'review':
      return (
        <div className="plan-live-grid">
          {box(
            t('planEditor.live.revenueTitle'),
            live.revenue.length ? <Chart option={revenue} height={220} ariaLabel={t('planEditor.live.revenueChart')} /> : <p className="muted">{t('planEditor.live.noRevenue')}</p>,
          )}
          {box(
            t('planEditor.live.satisfactionTitle'),
            live.satisfaction.length ? (
              <Chart option={satisfaction} height={220} ariaLabel={t('planEditor.live.satisfactionChart')} />
            ) : (
              <p className="muted">{t('planEditor.live.noSatisfaction')}</p>
            ),
          )}
        </div>
      );
    case 'analysis':
      return box(
        t('planEditor.live.placementsTitle'),
        live.placements.length ? (
          <>
            <ul className="plan-live__list" role="list">
              {live.placements.map((p) => (
                <li key={p.matrixKey}>
                  <span className="muted">{zh ? p.matrixNameZh : p.matrixNameEn}</span> · <strong>{zh ? p.quadrantNameZh : p.quadrantNameEn}</strong>
                </li>
              ))}
            </ul>
            {live.moves.length ? (
              <>
                <p className="plan-live__sub">{t('planEditor.live.moves')}</p>
                <ul className="plan-live__list" role="list">
                  {live.moves.slice(0, 5).map((m) => (
                    <li key={m.id}>
                      {t('planEditor.live.moveLine', {
                        date: shortDate(m.at.slice(0, 10), locale),
                        from: (zh ? m.fromNameZh : m.fromNameEn) ?? '—',
                        to: (zh ? m.toNameZh : m.toNameEn) ?? '—',
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('planEditor.live.noPlacements')}</p>
        ),
      );
    case 'dmu':
      return box(
        t('planEditor.live.coverageTitle'),
        <>
          <p>{t('planEditor.live.coverageLine', { people: live.coverage.people, gaps: live.coverage.gaps, deciders: live.coverage.deciderGaps })}</p>
          <a href={mapHref(accountId)} className="plan-live__link">
            {t('planEditor.live.openMap')}
          </a>
        </>,
      );
    case 'actions':
      return live.tier
        ? box(
            t('planEditor.live.tierTitle'),
            <p>{t('planEditor.live.tierLine', { tier: zh ? live.tier.nameZh : live.tier.nameEn, visits: live.tier.visitsPerQuarter, calls: live.tier.callsPerMonth })}</p>,
          )
        : null;
    case 'risks':
      return (
        <>
          {live.healthRisks?.length
            ? box(
                t('health.plan.title'),
                <ul className="plan-live__list" role="list" data-testid="plan-health-risks">
                  {live.healthRisks.map((r) => (
                    <li key={r.id}>
                      {t('health.plan.line', { date: shortDate(r.decidedAt.slice(0, 10), locale), score: r.scoreThen, reasons: reasonsText(r.reasons, zh ? 'zh-CN' : 'en') })}
                      {r.note ? ` · ${r.note}` : ''}
                    </li>
                  ))}
                </ul>,
              )
            : null}
          {box(
        t('planEditor.live.churnTitle'),
        <ul className="plan-live__list" role="list">
          <li>
            <strong>{t(`planEditor.live.churn.${live.churn.status}`)}</strong>
            {live.churn.note ? ` · ${live.churn.note}` : ''}
          </li>
          {live.receivables.outstanding !== null ? (
            <li>
              {t('planEditor.live.outstanding', { value: money(live.receivables.outstanding, live.currency, locale) })}
              {live.receivables.daysOverdue ? ` · ${t('planEditor.live.daysOverdue', { n: live.receivables.daysOverdue })}` : ''}
            </li>
          ) : null}
          {live.receivables.paymentTerms ? <li>{t('planEditor.live.paymentTerms', { value: live.receivables.paymentTerms })}</li> : null}
        </ul>,
          )}
        </>
      );
    default:
      return null;
  }
}
