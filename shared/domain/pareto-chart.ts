/**
 * The Pareto chart's ECharts option, as plain data: bars per account sorted by revenue (head and
 * tail coloured apart), the cumulative share as a line, 80% marked. The portfolio screen draws it
 * with its <Chart> (renderer/src/features/portfolio/charts.ts adds its type); the forum deck renders
 * it to SVG on the server (electron/backend/documents/forum-deck.ts). Revenue is in minor units; the
 * bars carry major units and `fmt` is given minor units back.
 */
import type { PortfolioFigures } from '../api/accounts-views';

export const PARETO_COLOURS = {
  /** Head of the Pareto: the accent blue (7.8:1 on white). */
  head: '#1e4fa3',
  /** Tail: the control-border grey (3.1:1). */
  tail: '#8a94a3',
  /** The cumulative line: amber (5.0:1). */
  cumulative: '#b45309',
} as const;

export interface ParetoLabels {
  head: string;
  tail: string;
  cumulative: string;
  line80: string;
  share: (ratio: number) => string;
}

export interface ParetoStyle {
  /** Axis and label text. */
  ink: string;
  gridLine: string;
  /** For print: no tooltip, and the 80% label without its white outline (a PDF writes outlined text as a Type 3 font). */
  print?: boolean;
}

export function paretoChartOption(p: PortfolioFigures['pareto'], fmt: (minor: number) => string, labels: ParetoLabels, style: ParetoStyle) {
  const n = p.points.length;
  const names = p.points.map((x) => x.name);
  const big = n > 400;
  const axisLabel = { color: style.ink, fontSize: 12 };
  const splitLine = { lineStyle: { color: style.gridLine } };
  return {
    grid: { left: 8, right: 8, top: 44, bottom: 12, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: style.ink },
      data: [labels.head, labels.tail, labels.cumulative],
    },
    ...(style.print
      ? {}
      : {
          tooltip: {
            trigger: 'axis' as const,
            axisPointer: { type: 'shadow' as const },
            confine: true,
            formatter: (params: unknown) => {
              const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
              const i = list[0]?.dataIndex ?? 0;
              const point = p.points[i];
              if (!point) return '';
              const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
              return `${i + 1}. ${esc(point.name)}<br/>${esc(fmt(point.revenue))} · ${esc(labels.cumulative)} ${esc(labels.share(point.cumulative))}`;
            },
          },
        }),
    xAxis: {
      type: 'category' as const,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c3cad4' } },
      axisLabel: { show: false },
    },
    yAxis: [
      { type: 'value' as const, axisLabel: { ...axisLabel, formatter: (v: number) => fmt(v * 100) }, splitLine },
      { type: 'value' as const, min: 0, max: 100, interval: 20, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.head,
        type: 'bar' as const,
        stack: 'revenue',
        barCategoryGap: n > 80 ? '0%' : '25%',
        large: big,
        itemStyle: { color: PARETO_COLOURS.head },
        data: p.points.map((x) => (x.inHead ? x.revenue / 100 : '-')),
      },
      {
        name: labels.tail,
        type: 'bar' as const,
        stack: 'revenue',
        large: big,
        itemStyle: { color: PARETO_COLOURS.tail },
        data: p.points.map((x) => (x.inHead ? '-' : x.revenue / 100)),
      },
      {
        name: labels.cumulative,
        type: 'line' as const,
        yAxisIndex: 1,
        symbol: n <= 60 ? 'circle' : 'none',
        symbolSize: 5,
        lineStyle: { color: PARETO_COLOURS.cumulative, width: 2 },
        itemStyle: { color: PARETO_COLOURS.cumulative },
        data: p.points.map((x) => Math.round(x.cumulative * 1000) / 10),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: style.ink, type: 'dashed' as const, width: 1 },
          label: { formatter: labels.line80, color: style.ink, position: 'insideEndTop' as const, ...(style.print ? { textBorderWidth: 0 } : {}) },
          data: [{ yAxis: 80 }],
        },
      },
    ],
  };
}
