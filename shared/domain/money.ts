/** Money is integer minor units (fen / cents) with a currency code; never floats in storage. */
import type { Currency } from './enums';

export interface Money {
  minor: number;
  currency: Currency;
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

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
    if (locale.startsWith('zh')) {
      if (abs >= 1e8) return `${sign}${sym}${trim(abs / 1e8)}亿`;
      if (abs >= 1e4) return `${sign}${sym}${trim(abs / 1e4)}万`;
    } else {
      if (abs >= 1e9) return `${sign}${sym}${trim(abs / 1e9)}B`;
      if (abs >= 1e6) return `${sign}${sym}${trim(abs / 1e6)}M`;
      if (abs >= 1e3) return `${sign}${sym}${trim(abs / 1e3)}K`;
    }
    return `${sign}${sym}${trim(abs)}`;
  }
  const [int, frac] = abs.toFixed(2).split('.') as [string, string];
  return `${sign}${sym}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === '00' ? '' : `.${frac}`}`;
}

function trim(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
