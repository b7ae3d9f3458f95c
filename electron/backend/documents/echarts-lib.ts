/**
 * ECharts for the print documents, loaded on first use: every CLI command and the app's start
 * would otherwise pay for it (its ES build is hundreds of files, ~0.4 s; the CommonJS bundle loads
 * in a fifth of that), though only a plan or forum export draws a chart.
 */
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';

const require = createRequire(import.meta.url);
let lib: typeof ECharts | undefined;

export function echartsLib(): typeof ECharts {
  lib ??= require('echarts') as typeof ECharts;
  return lib;
}
