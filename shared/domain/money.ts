/**
 * Money is integer minor units (fen / cents) with a currency code; never floats in storage. Dollars
 * are written US$ and HK$, so that no amount can be taken for the other.
 */
import type { Currency } from './enums';

export interface Money {
  minor: number;
  currency: Currency;
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: 'US$', EUR: '€', HKD: 'HK$' };

/**
 * Formats for display: `¥1,234,567.89`, or compact (`¥123.5万` in zh-CN, `¥1.23M` in English) for
 * tables and charts.
 */
export function formatMoney(minor: number, currency: Currency, locale: string, opts: { compact?: boolean } = {}): string {
  const major = minor / 100;
  const sym = SYMBOL[currency];
  const sign = major < 0 ? '-' : '';
  const abs = Math.abs(major);
  if (opts.compact) {
    const scales: [number, string][] = locale.startsWith('zh')
      ? [[1e8, '亿'], [1e4, '万']]
      : [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
    const i = scales.findIndex(([n]) => abs >= n);
    if (i >= 0) {
      // 99,999,999 rounds to 10000万: say 1亿 (and 1M, not 1000K).
      const [n, unit] = i > 0 && trim(abs / scales[i]![0]) === trim(scales[i - 1]![0] / scales[i]![0]) ? scales[i - 1]! : scales[i]!;
      return `${sign}${sym}${trim(abs / n)}${unit}`;
    }
    return `${sign}${sym}${trim(abs)}`;
  }
  const [int, frac] = abs.toFixed(2).split('.') as [string, string];
  return `${sign}${sym}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === '00' ? '' : `.${frac}`}`;
}

function trim(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
