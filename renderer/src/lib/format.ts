/**
 * The renderer's display helpers, one home for every area: money, calendar dates and date-times,
 * file sizes and paths, lists typed by people, and translation keys built at run time.
 */
import type { TFunction } from 'i18next';
import type { Tier } from '../../../shared/api/accounts';
import type { Currency } from '../../../shared/domain/enums';
import { formatMoney } from '../../../shared/domain/money';

/** A date and time in the reader's locale, e.g. 2026年11月24日 11:50 / Nov 24, 2026, 11:50 AM. */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A date in the reader's locale. */
export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** A file size: B, KB or MB (binary multiples), one decimal at most. */
export function formatBytes(bytes: number, locale: string, t: TFunction): string {
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return t('format.bytes', { value: n(bytes) });
  if (bytes < 1024 * 1024) return t('format.kilobytes', { value: n(bytes / 1024) });
  return t('format.megabytes', { value: n(bytes / (1024 * 1024)) });
}

/** The last segment of a path, for either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder part of a path, keeping its separator style ('' when there is none). */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? path.slice(0, i + 1) : path.slice(0, i);
}

/** The separator a path uses. */
export function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function isZh(locale: string): boolean {
  return locale.startsWith('zh');
}

/** ¥123.5万 / ¥1.24M; an em dash for nothing. */
export function money(minor: number | null | undefined, currency: Currency, locale: string): string {
  return minor === null || minor === undefined ? '—' : formatMoney(minor, currency, locale, { compact: true });
}

/** ¥1,234,567.89. */
export function moneyFull(minor: number | null | undefined, currency: Currency, locale: string): string {
  return minor === null || minor === undefined ? '—' : formatMoney(minor, currency, locale);
}

/** Minor units as a number a person would type back: 12000.5 -> "12,000.50" (no symbol). */
export function moneyInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return '';
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const int = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = abs % 100;
  return `${sign}${int}${frac ? `.${String(frac).padStart(2, '0')}` : ''}`;
}

/** A calendar date (YYYY-MM-DD) for tables: ISO in Chinese, "Nov 3, 2026" in English. */
export function shortDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  if (isZh(locale)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A date this year without its year (11-29 / Nov 29); other years in full. */
export function dayMonth(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  if (iso.slice(0, 4) !== localToday().slice(0, 4)) return shortDate(iso, locale);
  if (isZh(locale)) return iso.slice(5);
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Translates a key built at run time (enum labels: `domain.lifecycle.${value}`). */
export function tk(t: TFunction, key: string, values?: Record<string, string | number>): string {
  return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

/** Splits "A, B、C，D" into names. */
export function splitList(s: string): string[] {
  return s
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

type TierNames = Pick<Tier, 'nameZh' | 'nameEn'>;

/** A tier's name in the language on screen (an empty English name reads as the Chinese one); null for no tier. */
export function tierName(tier: TierNames, locale: string): string;
export function tierName(tier: TierNames | undefined, locale: string): string | null;
export function tierName(tier: TierNames | undefined, locale: string): string | null {
  if (!tier) return null;
  return isZh(locale) ? tier.nameZh : tier.nameEn || tier.nameZh;
}
