/**
 * The portfolio's chart options: pure functions from figures to ECharts options (for the shared
 * <Chart>), so the page stays declarative. Colours are the calm palette of the design tokens; every
 * series colour has at least 3:1 contrast on white (WCAG 1.4.11), and values are also written as
 * labels or in the data table, never carried by colour alone.
 */
import type { Bucket, PortfolioFigures } from '../../../../shared/api/accounts-views';
import { paretoChartOption, type ParetoLabels } from '../../../../shared/domain/pareto-chart';
import { CHART_GRID_LINE, CHART_TEXT, type ChartOption } from '../../ui/Chart';

export const PALETTE = {
  /** Head of the Pareto, revenue bars: the accent blue (7.8:1). */
  primary: '#1e4fa3',
  /** Tail of the Pareto: the control-border grey (3.1:1). */
  tail: '#8a94a3',
  /** The cumulative line, "overdue": amber (5.0:1). */
  attention: '#b45309',
  /** The 80% line and axis text. */
  ink: CHART_TEXT,
  /** Receivables ageing, from calm to alarm. */
  ageing: ['#1a6b3c', '#a16207', '#c2410c', '#b42318', '#7a1d14'],
} as const;

export type Fmt = (minor: number) => string;

const axisLabel = { color: CHART_TEXT, fontSize: 12 };
const splitLine = { lineStyle: { color: CHART_GRID_LINE } };

/** Bars per account sorted by revenue, head and tail coloured apart, the cumulative share as a line, 80% marked (shared with the forum deck). */
export function paretoOption(p: PortfolioFigures['pareto'], fmt: Fmt, labels: ParetoLabels): ChartOption {
  return paretoChartOption(p, fmt, labels, { ink: PALETTE.ink, gridLine: CHART_GRID_LINE }) as ChartOption;
}

/** Horizontal bars of revenue per group, labelled with the amount and the number of accounts. */
export function bucketsOption(
  buckets: readonly (Bucket & { label: string })[],
  fmt: Fmt,
  accountsLabel: (n: number) => string,
  { color = PALETTE.primary, labelWidth = 104 }: { color?: string; labelWidth?: number } = {},
): ChartOption {
  const rows = [...buckets].reverse(); // ECharts draws the first category at the bottom
  return {
    grid: { left: 4, right: 4, top: 4, bottom: 4, containLabel: true },
    tooltip: { show: false },
    // The longest bar takes half the width: the other half is for its label.
    xAxis: { type: 'value', show: false, min: 0, max: (extent: { max: number }) => extent.max * 2 || 1 },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...axisLabel, color: '#1b2330', width: labelWidth, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: CHART_TEXT,
          formatter: (x: { dataIndex: number }) => {
            const b = rows[x.dataIndex];
            return b ? `${fmt(b.revenue)} · ${accountsLabel(b.accounts)}` : '';
          },
        },
        data: rows.map((b) => b.revenue / 100),
      },
    ],
  };
}

/** Receivables per age bucket, coloured from calm to alarm, amounts as labels. */
export function ageingOption(items: readonly { label: string; amount: number }[], fmt: Fmt): ChartOption {
  return {
    grid: { left: 4, right: 4, top: 24, bottom: 4, containLabel: true },
    tooltip: { show: false },
    xAxis: {
      type: 'category',
      data: items.map((x) => x.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c3cad4' } },
      axisLabel: { ...axisLabel, interval: 0, color: '#1b2330' },
    },
    yAxis: { type: 'value', show: false },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top', color: CHART_TEXT, formatter: (x: { dataIndex: number }) => fmt(items[x.dataIndex]?.amount ?? 0) },
        data: items.map((x, i) => ({ value: x.amount / 100, itemStyle: { color: PALETTE.ageing[i] ?? PALETTE.primary, borderRadius: [3, 3, 0, 0] } })),
      },
    ],
  };
}

/** Accounts per owner, stacked: follow-up on track, follow-up overdue. */
export function staffingOption(
  owners: readonly { label: string; accounts: number; overdue: number }[],
  labels: { onTrack: string; overdue: string },
): ChartOption {
  const rows = [...owners].reverse();
  return {
    grid: { left: 4, right: 24, top: 32, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: CHART_TEXT }, data: [labels.onTrack, labels.overdue] },
    tooltip: { show: false },
    xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    yAxis: {
      type: 'category',
      data: rows.map((o) => o.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...axisLabel, color: '#1b2330', width: 110, overflow: 'truncate' },
    },
    series: [
      {
        name: labels.onTrack,
        type: 'bar',
        stack: 'owner',
        barMaxWidth: 18,
        itemStyle: { color: PALETTE.primary },
        label: { show: true, color: '#ffffff', formatter: (x: { value?: unknown }) => (Number(x.value) > 0 ? String(x.value) : '') },
        data: rows.map((o) => o.accounts - o.overdue),
      },
      {
        name: labels.overdue,
        type: 'bar',
        stack: 'owner',
        barMaxWidth: 18,
        itemStyle: { color: PALETTE.attention, borderRadius: [0, 3, 3, 0] },
        label: { show: true, color: '#ffffff', formatter: (x: { value?: unknown }) => (Number(x.value) > 0 ? String(x.value) : '') },
        data: rows.map((o) => o.overdue),
      },
    ],
  };
}
