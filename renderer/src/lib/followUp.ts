/** A follow-up (shared/domain/cadence.ts) in words: its state for a table cell, and why it is so for a hover. */
import type { TFunction } from 'i18next';
import type { FollowUp } from '../../../shared/domain/cadence';
import { dayMonth, shortDate, tk } from './format';

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
