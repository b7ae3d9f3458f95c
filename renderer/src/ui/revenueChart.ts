/** The revenue chart's option: revenue by year as bars against the target as a dashed line (the account's revenue tab and the plan's live figures). */
import type { RevenueYear } from '../../../shared/api/accounts';
import type { Currency } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';
import { CHART_GRID_LINE, type ChartOption } from './Chart';

export function revenueChartOption(rows: RevenueYear[], currency: Currency, locale: string, names: { revenue: string; target: string }): ChartOption {
  const years = [...rows].sort((a, b) => a.year - b.year);
  const compact = (v: number) => formatMoney(v, currency, locale, { compact: true });
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10, data: [names.revenue, names.target] },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? compact(v) : '—') },
    xAxis: { type: 'category', data: years.map((r) => String(r.year)), axisTick: { show: false }, axisLine: { lineStyle: { color: '#8a94a3' } } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) }, splitLine: { lineStyle: { color: CHART_GRID_LINE } } },
    series: [
      { name: names.revenue, type: 'bar', data: years.map((r) => r.revenue), barMaxWidth: 44, itemStyle: { borderRadius: [3, 3, 0, 0] } },
      {
        name: names.target,
        type: 'line',
        data: years.map((r) => r.target),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2, type: 'dashed' },
        connectNulls: false,
      },
    ],
  };
}
