/**
 * The Today view: overdue and due follow-ups per owner, the promised next steps, and visit
 * compliance this quarter, pro rata, per account and per owner. Churned accounts are left out.
 */
import { describe, expect, it } from 'vitest';
import { refused, tierId } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const DAY = '2026-05-16'; // day 46 of the 91 days of Q2

async function week() {
  // every account was added on 2026-04-01, the first day of the quarter
  const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
  const wang = await b.call('people-save', { name: '王伟' });
  const li = await b.call('people-save', { name: '李娜' });
  const account = async (name: string, f: object) => (await b.call('accounts-create', { name, ...f })).id;
  const touch = async (accountId: number, kind: 'visit' | 'call' | 'meeting', date: string, step?: { nextStep: string; nextDue: string }) =>
    b.call('interactions-save', { accountId, kind, date, ...(step ?? {}) });
  const ids = {
    alpha: await account('Alpha', { ownerId: wang.id, tierId: tierId(b, 'gold'), grade: 'B' }),
    bravo: await account('Bravo', { ownerId: wang.id, tierId: tierId(b, 'diamond'), grade: 'D' }),
    charlie: await account('Charlie', { ownerId: li.id, grade: 'A' }),
    delta: await account('Delta', { ownerId: li.id, tierId: tierId(b, 'silver'), grade: 'C' }),
    echo: await account('Echo', { tierId: tierId(b, 'gold'), grade: 'E' }),
    foxtrot: await account('Foxtrot', { ownerId: wang.id, tierId: tierId(b, 'gold'), grade: 'B', churnStatus: 'churned', churnReason: 'service' }),
    golf: await account('Golf', { ownerId: wang.id, grade: 'A', churnStatus: 'at-risk' }),
  };
  await touch(ids.alpha, 'visit', '2026-04-10');
  await touch(ids.alpha, 'call', '2026-05-01'); // B: due 05-08, 8 days late
  await touch(ids.bravo, 'call', '2026-05-10'); // D: due 06-09
  await touch(ids.charlie, 'visit', '2026-05-16'); // A: due 05-17, soon
  await touch(ids.delta, 'visit', '2026-04-01', { nextStep: '发送报价单', nextDue: '2026-04-10' }); // promised 04-10: 36 days late
  await touch(ids.echo, 'meeting', '2026-05-01', { nextStep: '提交方案', nextDue: '2026-05-18' }); // E's year is far: the step is what is due
  await touch(ids.golf, 'call', '2026-05-13'); // A: due 05-14, 2 days late
  await touch(ids.foxtrot, 'visit', '2026-03-01'); // churned: never in the view
  return { b, ids, wang, li };
}

describe('today', () => {
  it('groups overdue and due follow-ups by owner; the most overdue first; churned accounts left out', async () => {
    const { b, ids, wang, li } = await week();
    const t = await b.call('today', { today: DAY });
    expect(t.today).toBe(DAY);
    expect(t.quarter).toEqual({ year: 2026, q: 2, start: '2026-04-01', end: '2026-06-30' });
    expect(t.owners.map((o) => [o.ownerName, o.accounts, o.overdue.map((i) => i.accountName), o.due.map((i) => i.accountName)])).toEqual([
      ['王伟', 3, ['Alpha', 'Golf'], []],
      ['李娜', 2, ['Delta'], ['Charlie']],
      [null, 1, [], ['Echo']],
    ]);
    expect(t.owners[0]!.ownerId).toBe(wang.id);
    expect(t.owners[1]!.ownerId).toBe(li.id);
    expect(t.owners[2]!.ownerId).toBeNull();
    expect(t.owners[0]!.overdue[0]).toEqual({
      accountId: ids.alpha,
      accountName: 'Alpha',
      grade: 'B',
      tierKey: 'gold',
      lastContact: '2026-05-01',
      followUp: { state: 'overdue', dueDate: '2026-05-08', daysOverdue: 8, reason: 'cadence', from: '2026-05-01', cadenceDays: 7 },
      nextStep: null,
    });
    // a promised step is named, overdue or due
    expect(t.owners[1]!.overdue[0]).toMatchObject({ followUp: { dueDate: '2026-04-10', daysOverdue: 36, reason: 'next-step' }, nextStep: '发送报价单' });
    expect(t.owners[2]!.due[0]).toMatchObject({ followUp: { state: 'due', dueDate: '2026-05-18', daysOverdue: 0, reason: 'next-step' }, nextStep: '提交方案' });
    // within soonDays of its date an item is "due", as followUp() with soonDays says
    expect(t.owners.flatMap((o) => o.due).every((i) => i.followUp.state === 'due')).toBe(true);
    expect(t.owners[1]!.due[0]).toMatchObject({ followUp: { dueDate: '2026-05-17', reason: 'cadence' }, nextStep: null });
    expect(t.totals.overdue).toBe(3);
    expect(t.totals.due).toBe(2);
    const all = t.owners.flatMap((o) => [...o.overdue, ...o.due]).map((i) => i.accountId);
    expect(all).not.toContain(ids.foxtrot);
    expect(t.accounts.map((a) => a.accountId)).not.toContain(ids.foxtrot);
  });

  it('compliance this quarter, pro rata to the day, per account (worst first), per owner and in total', async () => {
    const { b } = await week();
    const t = await b.call('today', { today: DAY });
    // gold: 1 visit + 1 call needed by now; diamond: 3 + 6; silver: 0 + 1. Accounts without a tier have no standard.
    expect(t.accounts.map((a) => [a.accountName, a.tierKey, a.compliance])).toEqual([
      ['Delta', 'silver', { visitsDone: 1, visitsRequired: 0, callsDone: 0, callsRequired: 1, ratio: 0 }],
      ['Echo', 'gold', { visitsDone: 0, visitsRequired: 1, callsDone: 0, callsRequired: 1, ratio: 0 }],
      ['Bravo', 'diamond', { visitsDone: 0, visitsRequired: 3, callsDone: 1, callsRequired: 6, ratio: 1 / 9 }],
      ['Alpha', 'gold', { visitsDone: 1, visitsRequired: 1, callsDone: 1, callsRequired: 1, ratio: 1 }],
    ]);
    expect(t.accounts[0]!.ownerName).toBe('李娜');
    expect(t.owners[0]!.compliance).toEqual({ visitsDone: 1, visitsRequired: 4, callsDone: 2, callsRequired: 7, ratio: 3 / 11 });
    expect(t.owners[1]!.compliance).toEqual({ visitsDone: 1, visitsRequired: 0, callsDone: 0, callsRequired: 1, ratio: 0 });
    expect(t.owners[2]!.compliance.ratio).toBe(0);
    expect(t.totals.compliance).toEqual({ visitsDone: 2, visitsRequired: 5, callsDone: 2, callsRequired: 9, ratio: 3 / 14 });
    // on the first day of the quarter nothing is required yet; on the last, the whole standard
    const first = await b.call('today', { today: '2026-04-01' });
    expect(first.accounts.every((a) => a.compliance.visitsRequired === 0 && a.compliance.callsRequired === 0 && a.compliance.ratio === 1)).toBe(true);
    const last = await b.call('today', { today: '2026-06-30' });
    expect(last.accounts.find((a) => a.accountName === 'Bravo')!.compliance).toMatchObject({ visitsRequired: 6, callsRequired: 12 });
    // next quarter counts from zero again
    const next = await b.call('today', { today: '2026-07-31' });
    expect(next.quarter.q).toBe(3);
    expect(next.accounts.find((a) => a.accountName === 'Alpha')!.compliance).toMatchObject({ visitsDone: 0, callsDone: 0 });
  });

  it('soonDays sets how far ahead "due" looks (3 days by default)', async () => {
    const { b } = await week();
    const due = async (soonDays?: number) =>
      (await b.call('today', { today: DAY, ...(soonDays === undefined ? {} : { soonDays }) })).owners.flatMap((o) => o.due.map((i) => i.accountName)).sort();
    expect(await due()).toEqual(['Charlie', 'Echo']);
    expect(await due(0)).toEqual([]);
    expect(await due(1)).toEqual(['Charlie']);
    expect(await due(2)).toEqual(['Charlie', 'Echo']);
    expect(await due(30)).toEqual(['Bravo', 'Charlie', 'Echo']);
  });

  it('ownerId narrows the view to one owner', async () => {
    const { b, li } = await week();
    const t = await b.call('today', { today: DAY, ownerId: li.id });
    expect(t.owners.map((o) => o.ownerName)).toEqual(['李娜']);
    expect(t.totals).toMatchObject({ overdue: 1, due: 1 });
    expect(t.accounts.map((a) => a.accountName)).toEqual(['Delta']);
  });

  it('defaults to the backend’s today, and refuses bad arguments', async () => {
    const { b } = await week();
    expect((await b.call('today', {})).today).toBe('2026-04-01');
    await refused(b, 'today', { today: '2026-02-30' }, 'invalid-args');
    await refused(b, 'today', { soonDays: 61 }, 'invalid-args');
    await refused(b, 'today', { soonDays: -1 }, 'invalid-args');
    await refused(b, 'today', { ownerId: 0 }, 'invalid-args');
  });

  it('an empty database has an empty day', async () => {
    const b = env.backend();
    const t = await b.call('today', { today: DAY });
    expect(t.owners).toEqual([]);
    expect(t.accounts).toEqual([]);
    expect(t.totals).toEqual({ overdue: 0, due: 0, compliance: { visitsDone: 0, visitsRequired: 0, callsDone: 0, callsRequired: 0, ratio: 1 } });
  });

  it('a contact after a promise\'s due date settles it (on real SQLite); a later open promise still counts', async () => {
    const b = env.backend({ now: () => new Date('2026-01-05T08:00:00.000Z') });
    const id = (await b.call('accounts-create', { name: 'Hotel', grade: 'D' })).id;
    // promised on 2026-02-01 for 2026-02-08, never ticked
    await b.call('interactions-save', { accountId: id, kind: 'visit', date: '2026-02-01', nextStep: '送样品', nextDue: '2026-02-08' });
    const before = await b.call('today', { today: DAY });
    expect(before.owners[0]!.overdue[0]!.followUp).toMatchObject({ reason: 'next-step', dueDate: '2026-02-08', daysOverdue: 97 });
    // contacted today: no longer overdue, 97 days or otherwise
    await b.call('interactions-save', { accountId: id, kind: 'call', date: DAY });
    const after = await b.call('today', { today: DAY });
    expect(after.totals.overdue).toBe(0);
    const row = (await b.call('accounts-query', { today: DAY })).rows[0]!;
    expect(row.followUp).toMatchObject({ state: 'ok', reason: 'cadence', dueDate: '2026-06-15' });
    expect((await b.call('accounts-get', { id, today: DAY })).followUp).toMatchObject({ state: 'ok', reason: 'cadence' });
    // a step promised today for later is still pending after today's contact
    await b.call('interactions-save', { accountId: id, kind: 'call', date: DAY, nextStep: '回电', nextDue: '2026-05-18' });
    const later = (await b.call('accounts-query', { today: '2026-05-20' })).rows[0]!;
    expect(later.followUp).toMatchObject({ state: 'overdue', reason: 'next-step', dueDate: '2026-05-18', daysOverdue: 2 });
  });
});
