/**
 * Follow-up discipline 客户追踪志: each deal-timing grade carries a cadence; an account whose last
 * contact is older than its cadence is overdue ("not contacted"). A next step promised in an
 * interaction with an earlier due date wins over the cadence, until it is kept: ticked done, or
 * settled by any contact made after its due date (the customer was followed up, late). An open
 * promise with no contact since its due date makes the account overdue as "promise not kept".
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
  /**
   * Earliest open (not ticked) next-step due date not yet settled by a later contact, if any. A
   * date before `lastContact` is settled and ignored here too.
   */
  nextStepDue: string | null;
}

export interface FollowUp {
  state: FollowUpState;
  /** When the next follow-up is due (null when the account has no grade and no promised step). */
  dueDate: string | null;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
  /**
   * What set the due date: the grade's cadence (overdue = not contacted) or a promised next step
   * (overdue = promise not kept).
   */
  reason: 'cadence' | 'next-step' | null;
  /** The date the cadence counts from: the last contact, else the day the account was added. */
  from: string | null;
  /** The grade's cadence in days (null without a grade). */
  cadenceDays: number | null;
}

/** True when a contact on `lastContact` settles a promise due on `due`: made after the due date. */
export function promiseSettled(due: string, lastContact: string | null): boolean {
  return lastContact !== null && lastContact > due;
}

/**
 * The follow-up state on `today`: overdue after the due date, due on it (and within `soonDays` before
 * it, for the "due" list of the Today view), ok otherwise.
 */
export function followUp(input: FollowUpInput, today: string, cadence: CadenceDays = DEFAULT_CADENCE_DAYS, soonDays = 0): FollowUp {
  const from = input.lastContact ?? input.since;
  const cadenceDays = input.grade ? cadence[input.grade] : null;
  const byCadence = cadenceDays !== null ? addDays(from, cadenceDays) : null;
  let dueDate = byCadence;
  let reason: FollowUp['reason'] = byCadence ? 'cadence' : null;
  const promise = input.nextStepDue && !promiseSettled(input.nextStepDue, input.lastContact) ? input.nextStepDue : null;
  if (promise && (!dueDate || promise < dueDate)) {
    dueDate = promise;
    reason = 'next-step';
  }
  const base = { from: cadenceDays !== null ? from : null, cadenceDays };
  if (!dueDate) return { state: 'none', dueDate: null, daysOverdue: 0, reason: null, ...base };
  const late = daysBetween(dueDate, today);
  if (late > 0) return { state: 'overdue', dueDate, daysOverdue: late, reason, ...base };
  if (late >= -soonDays) return { state: 'due', dueDate, daysOverdue: 0, reason, ...base };
  return { state: 'ok', dueDate, daysOverdue: 0, reason, ...base };
}

/**
 * The SQL expression for `nextStepDue` of an account row aliased `a` (with `last_contact` and
 * `next_step_due` kept by the interactions triggers): the earliest open promise not settled by a
 * later contact. The subquery runs only when the earliest one is settled.
 */
export const PENDING_PROMISE_SQL = `CASE WHEN a.next_step_due IS NULL OR a.last_contact IS NULL OR a.next_step_due >= a.last_contact
  THEN a.next_step_due
  ELSE (SELECT min(i.next_due) FROM interactions i WHERE i.account_id = a.id AND i.next_done = 0
        AND i.next_due IS NOT NULL AND i.next_due >= a.last_contact) END`;
