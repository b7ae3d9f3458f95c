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

/** Money for chart labels and headline figures: the compact rule of shared/domain/money.ts. */
export function roughMoney(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, asCurrency(currency), locale, { compact: true });
}

/** Money in minor units, compact (¥123.5万 / ¥1.24M) unless `full`. */
export function money(minor: number, currency: string, locale: string, full = false): string {
  return formatMoney(minor, asCurrency(currency), locale, { compact: !full });
}
