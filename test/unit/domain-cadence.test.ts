/** Follow-up discipline (shared/domain/cadence): cadence by grade, promised next steps, states. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE_DAYS, followUp, promiseSettled, type FollowUpInput } from '../../shared/domain/cadence';

const input = (over: Partial<FollowUpInput>): FollowUpInput => ({ grade: null, lastContact: null, since: '2026-01-01', nextStepDue: null, ...over });

describe('followUp', () => {
  it('the default cadence is daily, weekly, 15 days, 30 days and yearly for A-E', () => {
    expect(DEFAULT_CADENCE_DAYS).toEqual({ A: 1, B: 7, C: 15, D: 30, E: 365 });
  });

  it.each([
    ['A', '2026-05-02'],
    ['B', '2026-05-08'],
    ['C', '2026-05-16'],
    ['D', '2026-05-31'],
    ['E', '2027-05-01'],
  ] as const)('grade %s contacted on 2026-05-01 is due on %s', (grade, due) => {
    const f = followUp(input({ grade, lastContact: '2026-05-01' }), '2026-05-01');
    expect(f).toMatchObject({ state: 'ok', dueDate: due, daysOverdue: 0, reason: 'cadence' });
  });

  it('is ok before the due date, due on it, overdue after it with the days counted', () => {
    const i = input({ grade: 'B', lastContact: '2026-05-01' });
    expect(followUp(i, '2026-05-07')).toMatchObject({ state: 'ok', daysOverdue: 0 });
    expect(followUp(i, '2026-05-08')).toMatchObject({ state: 'due', dueDate: '2026-05-08', daysOverdue: 0, reason: 'cadence' });
    expect(followUp(i, '2026-05-09')).toMatchObject({ state: 'overdue', dueDate: '2026-05-08', daysOverdue: 1, reason: 'cadence' });
    expect(followUp(i, '2026-06-07')).toMatchObject({ state: 'overdue', daysOverdue: 30 });
  });

  it('counts from the day the account was added when it was never contacted', () => {
    expect(followUp(input({ grade: 'C', since: '2026-04-20' }), '2026-05-10')).toEqual({
      state: 'overdue',
      dueDate: '2026-05-05',
      daysOverdue: 5,
      reason: 'cadence',
      from: '2026-04-20',
      cadenceDays: 15,
    });
  });

  it('a promised next step due before the cadence wins; a later one does not', () => {
    const early = followUp(input({ grade: 'D', lastContact: '2026-05-01', nextStepDue: '2026-05-10' }), '2026-05-12');
    expect(early).toMatchObject({ state: 'overdue', dueDate: '2026-05-10', daysOverdue: 2, reason: 'next-step' });
    const late = followUp(input({ grade: 'B', lastContact: '2026-05-01', nextStepDue: '2026-06-01' }), '2026-05-03');
    expect(late).toMatchObject({ state: 'ok', dueDate: '2026-05-08', daysOverdue: 0, reason: 'cadence' });
    // the same day: the cadence keeps it
    expect(followUp(input({ grade: 'B', lastContact: '2026-05-01', nextStepDue: '2026-05-08' }), '2026-05-03').reason).toBe('cadence');
  });

  it('without a grade only a promised step sets a date; with neither there is nothing to follow', () => {
    expect(followUp(input({ lastContact: '2020-01-01' }), '2026-05-01')).toMatchObject({ state: 'none', dueDate: null, daysOverdue: 0, reason: null });
    expect(followUp(input({ nextStepDue: '2026-04-28' }), '2026-05-01')).toEqual({
      state: 'overdue',
      dueDate: '2026-04-28',
      daysOverdue: 3,
      reason: 'next-step',
      from: null,
      cadenceDays: null,
    });
  });

  it('soonDays widens "due" to the days before the due date', () => {
    const i = input({ grade: 'B', lastContact: '2026-05-01' }); // due 2026-05-08
    expect(followUp(i, '2026-05-05', DEFAULT_CADENCE_DAYS, 3).state).toBe('due');
    expect(followUp(i, '2026-05-05', DEFAULT_CADENCE_DAYS, 2).state).toBe('ok');
    expect(followUp(i, '2026-05-04', DEFAULT_CADENCE_DAYS, 3).state).toBe('ok');
    expect(followUp(i, '2026-05-09', DEFAULT_CADENCE_DAYS, 30).state).toBe('overdue');
  });

  it('uses the cadence it is given', () => {
    const cadence = { A: 2, B: 14, C: 30, D: 60, E: 730 };
    expect(followUp(input({ grade: 'B', lastContact: '2026-05-01' }), '2026-05-10', cadence)).toMatchObject({ state: 'ok', dueDate: '2026-05-15' });
    expect(followUp(input({ grade: 'E', lastContact: '2024-05-01' }), '2026-05-02', cadence)).toMatchObject({ state: 'overdue', dueDate: '2026-05-01', daysOverdue: 1 });
  });

  it('a contact after a promise\'s due date settles it: contacted today, an old unticked promise is not overdue', () => {
    // The case: a step promised for 97 days ago was never ticked, the account was called today.
    const f = followUp(input({ grade: 'B', lastContact: '2026-05-10', nextStepDue: '2026-02-02' }), '2026-05-10');
    expect(f).toEqual({ state: 'ok', dueDate: '2026-05-17', daysOverdue: 0, reason: 'cadence', from: '2026-05-10', cadenceDays: 7 });
    expect(promiseSettled('2026-02-02', '2026-05-10')).toBe(true);
  });

  it('a contact on or before the due date does not settle the promise; no contact since it: "promise not kept"', () => {
    expect(promiseSettled('2026-05-10', '2026-05-10')).toBe(false);
    expect(promiseSettled('2026-05-10', null)).toBe(false);
    const f = followUp(input({ grade: 'D', lastContact: '2026-05-01', nextStepDue: '2026-05-05' }), '2026-05-20');
    expect(f).toMatchObject({ state: 'overdue', reason: 'next-step', dueDate: '2026-05-05', daysOverdue: 15 });
    // without a grade the settled promise leaves nothing to follow
    expect(followUp(input({ lastContact: '2026-05-06', nextStepDue: '2026-05-05' }), '2026-05-20').state).toBe('none');
  });

  it('not contacted within the cadence is overdue for the cadence ("not contacted"), with the date it counts from', () => {
    expect(followUp(input({ grade: 'C', lastContact: '2026-04-01' }), '2026-05-01')).toMatchObject({ state: 'overdue', reason: 'cadence', from: '2026-04-01', cadenceDays: 15, daysOverdue: 15 });
  });
});
