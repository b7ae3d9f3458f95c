/**
 * A chart: ECharts with only the pieces the workbench uses (bar and line series on a cartesian grid,
 * tooltip, legend, the aria description), drawn as SVG so its text is crisp and uses the app's CJK
 * font stack. Resizes with its container and is disposed on unmount.
 *
 *   <Chart option={{ xAxis: {...}, yAxis: {...}, series: [...] }} height={280} ariaLabel="..." />
 *
 * To use another series type or component, register it below (keep the bundle small: never import
 * 'echarts' whole).
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerParts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cx } from '../lib/cx';

registerParts([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption
>;

/** The design tokens' palette, in series order: accent blue, then calm contrasting hues. */
export const CHART_COLORS = ['#1e4fa3', '#d97706', '#1a6b3c', '#7c3aed', '#b42318', '#0e7490', '#64748b'];
export const CHART_TEXT = '#505b6b';
export const CHART_GRID_LINE = '#e6e9ef';

export interface ChartProps {
  option: ChartOption;
  /** CSS height (default 280px). The width follows the container. */
  height?: number | string;
  /** What the chart shows, for screen readers (the element is an image with this name). */
  ariaLabel: string;
  className?: string;
}

function fontOf(el: HTMLElement): string {
  return getComputedStyle(el).getPropertyValue('--font-sans').trim() || getComputedStyle(el).fontFamily;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function Chart({ option, height = 280, ariaLabel, className }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    const instance = chart.current;
    if (!el || !instance) return;
    const font = fontOf(el);
    instance.setOption(
      {
        color: CHART_COLORS,
        animation: !prefersReducedMotion(),
        aria: { enabled: true, label: { description: ariaLabel } },
        textStyle: { fontFamily: font, color: CHART_TEXT, fontSize: 12 },
        tooltip: { textStyle: { fontFamily: font, fontSize: 12 } },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, ariaLabel]);

  return <div ref={ref} className={cx('chart', className)} style={{ height }} role="img" aria-label={ariaLabel} />;
}
