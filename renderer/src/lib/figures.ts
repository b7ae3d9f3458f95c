/**
 * Formatting of the figures the Today, Portfolio and Import screens show: calendar days (ISO
 * `YYYY-MM-DD`, never shifted by the time zone), percentages, counts and money.
 */
import type { Currency } from '../../../shared/domain/enums';
import { CURRENCIES } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';

/** A calendar day in the reader's locale: 2026年11月24日 / Nov 24, 2026. */
export function formatDay(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A short calendar day: 11月24日 / Nov 24 (the year is the current one in these lists). */
export function formatShortDay(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** 0.394 -> "39%" (one decimal under 10%: "3.1%"). */
export function formatPercent(ratio: number, locale: string): string {
  const digits = ratio > 0 && ratio < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(ratio);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function asCurrency(code: string): Currency {
  return (CURRENCIES as readonly string[]).includes(code) ? (code as Currency) : 'CNY';
}

/**
 * Money for chart labels and headline figures: compact and rounded to what a reader takes in
 * (¥7798万 rather than ¥7797.71万; ¥77.98M stays, ¥1.4亿 stays).
 */
export function roughMoney(minor: number, currency: string, locale: string): string {
  const major = Math.abs(minor) / 100;
  const units = locale.startsWith('zh') ? [1e8, 1e4] : [1e9, 1e6, 1e3];
  const unit = units.find((u) => major >= u) ?? 1;
  const scaled = major / unit;
  const step = scaled >= 1000 ? 1 : scaled >= 100 ? 1 : scaled >= 10 ? 0.1 : 0.01;
  const rounded = Math.round(scaled / step) * step * unit * 100;
  return formatMoney(Math.sign(minor) * Math.round(rounded), asCurrency(currency), locale, { compact: true });
}

/** Money in minor units, compact (¥123.5万 / ¥1.24M) unless `full`. */
export function money(minor: number, currency: string, locale: string, full = false): string {
  return formatMoney(minor, asCurrency(currency), locale, { compact: !full });
}
