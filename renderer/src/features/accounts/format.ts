/** Display helpers for the accounts area: money, dates, follow-up state, tier names, enum options. */
import type { TFunction } from 'i18next';
import type { Tier } from '../../../../shared/api/accounts';
import type { FollowUp } from '../../../../shared/domain/cadence';
import type { Currency } from '../../../../shared/domain/enums';
import { formatMoney } from '../../../../shared/domain/money';
import type { BadgeTone } from '../../ui/Badge';
import type { SelectOption } from './OptionSelect';

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

export function tierName(tier: Pick<Tier, 'nameZh' | 'nameEn'> | undefined, locale: string): string | null {
  if (!tier) return null;
  return isZh(locale) ? tier.nameZh : tier.nameEn;
}

export const FOLLOW_UP_TONE: Record<FollowUp['state'], BadgeTone> = { overdue: 'danger', due: 'warning', ok: 'success', none: 'neutral' };

/** The follow-up state in a few words: 逾期 5 天 / 今日到期 / 2026-12-01 到期 / 未设等级. */
export function followUpText(f: FollowUp, t: TFunction, locale: string): string {
  switch (f.state) {
    case 'overdue':
      return tk(t, `domain.followUpLate.${f.reason ?? 'cadence'}`, { days: f.daysOverdue });
    case 'due':
      return t('accounts.row.dueToday');
    case 'ok':
      return t('accounts.row.dueOn', { date: dayMonth(f.dueDate, locale) });
    case 'none':
      return t('accounts.row.noFollowUp');
  }
}

/**
 * Why the follow-up is where it is, for a hover (title): what set the date (the grade's cadence from
 * the last contact, or a promised step not kept), the dates, and the rule. Empty when nothing is due.
 */
export function followUpWhy(f: FollowUp, ctx: { grade: string | null; lastContact: string | null; today: string }, t: TFunction, locale: string): string {
  if (f.state === 'none' || !f.dueDate) return '';
  const d = (iso: string | null) => shortDate(iso, locale);
  const lines: string[] = [];
  if (f.reason === 'next-step') {
    lines.push(ctx.lastContact ? tk(t, 'domain.followUpWhy.promise', { due: d(f.dueDate), last: d(ctx.lastContact) }) : tk(t, 'domain.followUpWhy.promiseNever', { due: d(f.dueDate) }));
  } else {
    const key = ctx.lastContact ? 'domain.followUpWhy.cadence' : 'domain.followUpWhy.cadenceNever';
    lines.push(tk(t, key, { grade: ctx.grade ?? '', every: f.cadenceDays ?? 0, from: d(f.from), due: d(f.dueDate) }));
  }
  if (f.state === 'overdue') lines.push(tk(t, 'domain.followUpWhy.late', { today: d(ctx.today), days: f.daysOverdue }));
  lines.push(tk(t, 'domain.followUpWhy.rule'));
  return lines.join('\n');
}

/** Translates a key built at run time (enum labels: `domain.lifecycle.${value}`). */
export function tk(t: TFunction, key: string, values?: Record<string, string | number>): string {
  return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

/** Options for a closed vocabulary, labelled from domain.<group>.<value>. */
export function enumOptions(values: readonly string[], group: string, t: TFunction): SelectOption[] {
  return values.map((v) => ({ value: v, label: tk(t, `domain.${group}.${v}`) }));
}

/** Splits "A, B、C，D" into names. */
export function splitList(s: string): string[] {
  return s
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}
