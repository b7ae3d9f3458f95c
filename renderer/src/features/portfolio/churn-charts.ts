/**
 * The churn and profit charts' options: pure functions from figures to ECharts options (for the
 * shared <Chart>). Values are also written as labels or in the tables beside them, never carried by
 * colour alone; colours keep 3:1 contrast on white.
 */
import type { ProfitFigures } from '../../../../shared/api/churn';
import { CHART_GRID_LINE, CHART_TEXT, type ChartOption } from '../../ui/Chart';
import { PALETTE } from './charts';

/** Losses: the alarm red (6.3:1). */
export const LOSS = '#b42318';

const axisLabel = { color: CHART_TEXT, fontSize: 12 };

/** One bar per period: its churn rate, labelled; a period not begun has no bar. */
export function churnRateOption(items: readonly { label: string; rate: number | null }[], pct: (r: number) => string): ChartOption {
  return {
    grid: { left: 4, right: 4, top: 24, bottom: 4, containLabel: true },
    tooltip: { show: false },
    xAxis: { type: 'category', data: items.map((i) => i.label), axisTick: { show: false }, axisLabel },
    yAxis: { type: 'value', min: 0, axisLabel: { ...axisLabel, formatter: (v: number) => pct(v) }, splitLine: { lineStyle: { color: CHART_GRID_LINE } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: PALETTE.attention, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: CHART_TEXT, formatter: (x: { value: unknown }) => (typeof x.value === 'number' ? pct(x.value) : '') },
        data: items.map((i) => i.rate),
      },
    ],
  };
}

/**
 * Profit per account, highest first (losses in red below the axis), with the running profit over
 * the net profit as a line: the "whale curve" that climbs above 100% and is pulled back by the tail.
 */
export function profitParetoOption(f: ProfitFigures, fmt: (minor: number) => string, labels: { profit: string; cumulative: string; pct: (r: number) => string }): ChartOption {
  const pts = f.points;
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: CHART_TEXT } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const p = pts[list[0]?.dataIndex ?? -1];
        return p ? `${p.name}<br/>${labels.profit}: ${fmt(p.profit)}<br/>${labels.cumulative}: ${labels.pct(p.cumulative)}` : '';
      },
    },
    xAxis: { type: 'category', data: pts.map((p) => p.name), axisLabel: { show: false }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', axisLabel: { ...axisLabel, formatter: (v: number) => fmt(v * 100) }, splitLine: { lineStyle: { color: CHART_GRID_LINE } } },
      { type: 'value', axisLabel: { ...axisLabel, formatter: (v: number) => labels.pct(v) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.profit,
        type: 'bar',
        barMaxWidth: 18,
        data: pts.map((p) => ({ value: p.profit / 100, itemStyle: { color: p.profit < 0 ? LOSS : p.inHead ? PALETTE.primary : PALETTE.tail } })),
      },
      {
        name: labels.cumulative,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'none',
        lineStyle: { color: PALETTE.attention, width: 2 },
        itemStyle: { color: PALETTE.attention },
        data: pts.map((p) => p.cumulative),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: PALETTE.ink, type: 'dashed' }, label: { show: false }, data: [{ yAxis: 1 }] },
      },
    ],
  };
}
