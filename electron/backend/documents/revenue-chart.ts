/**
 * Revenue against target by year as a vector SVG for print: ECharts' server-side SVG renderer (no
 * DOM, no canvas), bars for revenue and a dashed line for the target. Text in the SVG stays text
 * and is set in the document's embedded font.
 */
import { echartsLib } from './echarts-lib';
import type { RevenueYear } from '../../../shared/api/accounts';
import type { Currency } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';
import { messages, type Locale } from '../../../shared/i18n';
import { printFontStack } from './html';


export const CHART_COLOURS = { revenue: '#1e4fa3', target: '#c27c0e', grid: '#e3e7ee', axis: '#5b6676' } as const;

export function revenueChartSvg(rows: readonly RevenueYear[], opts: { locale: Locale; currency: Currency; width: number; height: number }): string {
  const t = messages[opts.locale].planDoc;
  const money = (v: number) => formatMoney(v, opts.currency, opts.locale, { compact: true });
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height: opts.height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: printFontStack(opts.locale), color: CHART_COLOURS.axis },
      grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 'center', itemWidth: 18, itemHeight: 10, textStyle: { fontSize: 11 } },
      xAxis: {
        type: 'category',
        data: rows.map((r) => String(r.year)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: CHART_COLOURS.axis } },
        axisLabel: { fontSize: 11 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 10, formatter: (v: number) => money(v) },
        splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
      },
      series: [
        {
          name: t.revenue,
          type: 'bar',
          barMaxWidth: 42,
          itemStyle: { color: CHART_COLOURS.revenue, borderRadius: [2, 2, 0, 0] },
          label: { show: true, position: 'top', fontSize: 10, color: '#1b2330', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? money(p.value) : '') },
          data: rows.map((r) => r.revenue),
        },
        {
          name: t.target,
          type: 'line',
          symbol: 'circle',
          symbolSize: 6,
          connectNulls: true,
          lineStyle: { color: CHART_COLOURS.target, width: 2, type: 'dashed' },
          itemStyle: { color: CHART_COLOURS.target },
          data: rows.map((r) => r.target),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
