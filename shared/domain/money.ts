/**
 * Money is integer minor units (fen / cents) with a currency code; never floats in storage. Dollars
 * are written US$ and HK$, so that no amount can be taken for the other.
 *
 * The one rule for showing an amount, used by every screen and every document (README, "Number
 * formats"):
 * - compact, for reading (lists, cards, charts, headline figures, documents): in Chinese 万 and 亿
 *   from 1万 up (¥35.6万, ¥12亿), in English K, M and B from 1K up (¥356K, ¥1.2B); the figure keeps
 *   three significant digits (two decimals under 10, one under 100, whole from 100: ¥1.23亿,
 *   ¥35.6万, ¥356万, ¥1234万), trailing zeros dropped, halves rounded away from zero, and a figure
 *   that rounds up to the next unit takes it (¥9999.96万 is ¥1亿). Below the first unit: whole
 *   currency units with thousands separators (¥9,999); under one unit, the exact amount (¥0.05).
 * - exact, where the amount itself matters (what a form field understood, the hover title of a
 *   compact figure): every digit with thousands separators, cents only when there are any
 *   (¥1,234,567.89, ¥1,000).
 * - both, for a form's read-back: the exact amount and, when it differs, the compact reading
 *   (¥1,200,000,000（¥12亿）).
 */
import type { Currency } from './enums';

export interface Money {
  minor: number;
  currency: Currency;
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: 'US$', EUR: '€', HKD: 'HK$' };

/** The compact units of a language, largest first, in major units. */
function unitsOf(locale: string): [number, string][] {
  return locale.startsWith('zh')
    ? [
        [1e8, '亿'],
        [1e4, '万'],
      ]
    : [
        [1e9, 'B'],
        [1e6, 'M'],
        [1e3, 'K'],
      ];
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Every digit: `¥1,234,567.89`, `¥1,000` (no ".00"). */
function exact(absMinor: number): string {
  const int = Math.floor(absMinor / 100);
  const frac = absMinor % 100;
  return `${group(String(int))}${frac ? `.${String(frac).padStart(2, '0')}` : ''}`;
}

/** `abs / unit` to three significant digits (at most two decimals), as text without trailing zeros. */
function scaled(absMinor: number, unit: number): { text: string; value: number } {
  const major = absMinor / 100 / unit;
  const decimals = major < 10 ? 2 : major < 100 ? 1 : 0;
  const f = 10 ** decimals;
  // Round on integers (minor units x 10^decimals / unit) so 35.65万 is 35.7万, never 35.6万 from a float.
  const n = Math.round((absMinor * f) / (unit * 100));
  const value = n / f;
  const int = Math.floor(n / f);
  const frac = decimals ? String(n % f).padStart(decimals, '0').replace(/0+$/, '') : '';
  return { text: `${int >= 10_000 ? group(String(int)) : String(int)}${frac ? `.${frac}` : ''}`, value };
}

function compact(absMinor: number, locale: string): string {
  const units = unitsOf(locale);
  const major = absMinor / 100;
  const i = units.findIndex(([n]) => major >= n);
  if (i < 0) {
    // Below the first unit: whole currency units; 9,999.50 rounds to the first unit.
    const whole = Math.round(major);
    const first = units[units.length - 1]!;
    if (whole >= first[0]) return `1${first[1]}`;
    if (absMinor > 0 && absMinor < 100) return exact(absMinor);
    return group(String(whole));
  }
  const [n, unit] = units[i]!;
  const s = scaled(absMinor, n);
  const bigger = units[i - 1];
  if (bigger && s.value * n >= bigger[0]) return `${scaled(absMinor, bigger[0]).text}${bigger[1]}`;
  return `${s.text}${unit}`;
}

/**
 * An amount for display: exact by default (`¥1,234,567.89`), or `{ compact: true }` for reading
 * (`¥35.6万` in zh-CN, `¥356K` in English). See the rule at the top of this file.
 */
export function formatMoney(minor: number, currency: Currency, locale: string, opts: { compact?: boolean } = {}): string {
  const sym = SYMBOL[currency] ?? '';
  const abs = Math.abs(Math.round(minor));
  const sign = minor < 0 && abs > 0 ? '-' : '';
  const body = opts.compact ? compact(abs, locale) : exact(abs);
  return `${sign && body !== '0' ? sign : ''}${sym}${body}`;
}

/** A form's read-back: the exact amount, then the compact reading when it says something else. */
export function formatMoneyBoth(minor: number, currency: Currency, locale: string): string {
  const full = formatMoney(minor, currency, locale);
  const short = formatMoney(minor, currency, locale, { compact: true });
  if (short === full) return full;
  return locale.startsWith('zh') ? `${full}（${short}）` : `${full} (${short})`;
}
