/**
 * Follow-up discipline 客户追踪志: each deal-timing grade carries a cadence; an account whose last
 * contact is older than its cadence is overdue. A next step promised in an interaction with an
 * earlier due date wins over the cadence.
 */
import { addDays, daysBetween } from './dates';
import type { Grade } from './enums';

export type CadenceDays = Record<Grade, number>;

/** A daily, B weekly, C every 15 days, D every 30 days, E yearly. Editable in Settings. */
export const DEFAULT_CADENCE_DAYS: CadenceDays = { A: 1, B: 7, C: 15, D: 30, E: 365 };

export type FollowUpState = 'overdue' | 'due' | 'ok' | 'none';

export interface FollowUpInput {
  grade: Grade | null;
  /** Date of the last interaction, if any. */
  lastContact: string | null;
  /** Date the account was added (used when it was never contacted). */
  since: string;
  /** Earliest open next-step due date from its interactions, if any. */
  nextStepDue: string | null;
}

export interface FollowUp {
  state: FollowUpState;
  /** When the next follow-up is due (null when the account has no grade and no promised step). */
  dueDate: string | null;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** What set the due date. */
  reason: 'cadence' | 'next-step' | null;
}

/**
 * The follow-up state on `today`: overdue after the due date, due on it (and within `soonDays` before
 * it, for the "due" list of the Today view), ok otherwise.
 */
export function followUp(input: FollowUpInput, today: string, cadence: CadenceDays = DEFAULT_CADENCE_DAYS, soonDays = 0): FollowUp {
  const byCadence = input.grade ? addDays(input.lastContact ?? input.since, cadence[input.grade]) : null;
  let dueDate = byCadence;
  let reason: FollowUp['reason'] = byCadence ? 'cadence' : null;
  if (input.nextStepDue && (!dueDate || input.nextStepDue < dueDate)) {
    dueDate = input.nextStepDue;
    reason = 'next-step';
  }
  if (!dueDate) return { state: 'none', dueDate: null, daysOverdue: 0, reason: null };
  const late = daysBetween(dueDate, today);
  if (late > 0) return { state: 'overdue', dueDate, daysOverdue: late, reason };
  if (late >= -soonDays) return { state: 'due', dueDate, daysOverdue: 0, reason };
  return { state: 'ok', dueDate, daysOverdue: 0, reason };
}
