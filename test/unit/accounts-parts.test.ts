/**
 * What hangs off an account, through the handler table: revenue by year, satisfaction scores,
 * competitors, interactions (and what they do to the follow-up), opportunities.
 */
import { describe, expect, it } from 'vitest';
import { NOW, TODAY, refused, watch } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();

async function withAccount(over: { grade?: 'A' | 'B' | 'C' | 'D' | 'E' } = {}) {
  const b = env.backend({ now: () => NOW });
  const a = await b.call('accounts-create', { name: 'Acme', ...over });
  return { b, a };
}

describe('revenue', () => {
  it('revenue-set adds years and updates them, keeping target and profit when they are not given', async () => {
    const { b, a } = await withAccount();
    const events = watch(b);
    expect(await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 1_000_00, target: 1_200_00, profit: 150_00 })).toEqual([
      { year: 2025, revenue: 1_000_00, target: 1_200_00, profit: 150_00 },
    ]);
    await b.call('revenue-set', { accountId: a.id, year: 2024, revenue: 800_00 });
    expect(await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 1_100_00 })).toEqual([
      { year: 2024, revenue: 800_00, target: null, profit: null },
      { year: 2025, revenue: 1_100_00, target: 1_200_00, profit: 150_00 },
    ]);
    // null clears; a new value replaces
    expect(await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 1_100_00, target: null, profit: 90_00 })).toContainEqual({
      year: 2025,
      revenue: 1_100_00,
      target: null,
      profit: 90_00,
    });
    // negative revenue (a credit note year) is allowed: it is money, not a count
    await b.call('revenue-set', { accountId: a.id, year: 2023, revenue: -5_00 });
    expect(events).toEqual(Array.from({ length: 5 }, () => ({ tables: ['account_revenue', 'accounts'] })));
    expect((await b.call('accounts-get', { id: a.id })).revenue.map((r) => r.year)).toEqual([2023, 2024, 2025]);
  });

  it('a target for a year without revenue yet (next year): revenue is optional, and a later revenue keeps the target', async () => {
    const { b, a } = await withAccount();
    expect(await b.call('revenue-set', { accountId: a.id, year: 2027, target: 5_000_000_00 })).toEqual([{ year: 2027, revenue: null, target: 5_000_000_00, profit: null }]);
    // the revenue comes in later: the target stays
    expect(await b.call('revenue-set', { accountId: a.id, year: 2027, revenue: 1_000_00 })).toEqual([{ year: 2027, revenue: 1_000_00, target: 5_000_000_00, profit: null }]);
    // the form sends the whole row: revenue null clears it again
    expect(await b.call('revenue-set', { accountId: a.id, year: 2027, revenue: null, target: 6_000_000_00, profit: null })).toEqual([
      { year: 2027, revenue: null, target: 6_000_000_00, profit: null },
    ]);
    // the portfolio counts a year without revenue as no revenue, never as an error
    const f = await b.call('portfolio-figures', { year: 2027, today: '2026-12-07' });
    expect(f.totalRevenue).toBe(0);
  });

  it('revenue-delete removes one year; a missing year or account is not-found', async () => {
    const { b, a } = await withAccount();
    await b.call('revenue-set', { accountId: a.id, year: 2024, revenue: 1 });
    await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 2 });
    const events = watch(b);
    expect(await b.call('revenue-delete', { accountId: a.id, year: 2024 })).toEqual([{ year: 2025, revenue: 2, target: null, profit: null }]);
    expect(events).toEqual([{ tables: ['account_revenue', 'accounts'] }]);
    expect((await refused(b, 'revenue-delete', { accountId: a.id, year: 2024 }, 'not-found')).params).toEqual({ year: 2024 });
    await refused(b, 'revenue-delete', { accountId: 99, year: 2025 }, 'not-found');
  });

  it('refuses money that is not whole minor units and years out of range', async () => {
    const { b, a } = await withAccount();
    await refused(b, 'revenue-set', { accountId: a.id, year: 2025, revenue: 10.5 }, 'invalid-args');
    await refused(b, 'revenue-set', { accountId: a.id, year: 2025, revenue: '100' }, 'invalid-args');
    await refused(b, 'revenue-set', { accountId: a.id, year: 1899, revenue: 1 }, 'invalid-args');
    await refused(b, 'revenue-set', { accountId: a.id, year: 2025, revenue: 1e16 }, 'invalid-args');
    await refused(b, 'revenue-set', { accountId: a.id, year: 2025, revenue: 1, target: 0.1 }, 'invalid-args');
    await refused(b, 'revenue-set', { accountId: 99, year: 2025, revenue: 1 }, 'not-found');
  });
});

describe('satisfaction', () => {
  it('satisfaction-add keeps scores in date order; satisfaction-delete removes one', async () => {
    const { b, a } = await withAccount();
    const events = watch(b);
    const s2 = await b.call('satisfaction-add', { accountId: a.id, date: '2026-03-01', score: 85, source: '年度满意度调查', note: '好' });
    expect(s2).toEqual({ id: s2.id, date: '2026-03-01', score: 85, source: '年度满意度调查', note: '好' });
    const s1 = await b.call('satisfaction-add', { accountId: a.id, date: '2025-03-01', score: 70 });
    expect(s1).toMatchObject({ source: '', note: '' });
    expect((await b.call('accounts-get', { id: a.id })).satisfaction.map((s) => s.score)).toEqual([70, 85]);
    expect(await b.call('satisfaction-delete', { id: s1.id })).toEqual({ id: s1.id });
    expect((await b.call('accounts-get', { id: a.id })).satisfaction.map((s) => s.id)).toEqual([s2.id]);
    expect(events).toEqual([{ tables: ['satisfaction', 'accounts'] }, { tables: ['satisfaction', 'accounts'] }, { tables: ['satisfaction', 'accounts'] }]);
    await refused(b, 'satisfaction-delete', { id: s1.id }, 'not-found');
  });

  it('refuses scores outside 0..100, bad dates and unknown accounts', async () => {
    const { b, a } = await withAccount();
    await refused(b, 'satisfaction-add', { accountId: a.id, date: '2026-03-01', score: 101 }, 'invalid-args');
    await refused(b, 'satisfaction-add', { accountId: a.id, date: '2026-03-01', score: -1 }, 'invalid-args');
    await refused(b, 'satisfaction-add', { accountId: a.id, date: '2026-03-01', score: 80.5 }, 'invalid-args');
    await refused(b, 'satisfaction-add', { accountId: a.id, date: '2026-3-1', score: 80 }, 'invalid-args');
    await refused(b, 'satisfaction-add', { accountId: 42, date: '2026-03-01', score: 80 }, 'not-found');
    // the edges
    await b.call('satisfaction-add', { accountId: a.id, date: '2026-03-01', score: 0 });
    await b.call('satisfaction-add', { accountId: a.id, date: '2026-03-01', score: 100 });
  });
});

describe('competitors', () => {
  it('competitors-save creates and updates; competitors-delete removes', async () => {
    const { b, a } = await withAccount();
    const events = watch(b);
    const c = await b.call('competitors-save', { accountId: a.id, name: '恒信科技', offer: '低价一体化方案', position: '现有主要供应商', strengths: '价格低' });
    expect(c).toEqual({ id: c.id, name: '恒信科技', offer: '低价一体化方案', position: '现有主要供应商', strengths: '价格低', weaknesses: '' });
    const u = await b.call('competitors-save', { id: c.id, accountId: a.id, name: '恒信科技', weaknesses: '服务响应慢' });
    // a save replaces the whole competitor: fields not given are emptied
    expect(u).toEqual({ id: c.id, name: '恒信科技', offer: '', position: '', strengths: '', weaknesses: '服务响应慢' });
    const d = await b.call('competitors-save', { accountId: a.id, name: '远方数据' });
    expect((await b.call('accounts-get', { id: a.id })).competitors.map((x) => x.name)).toEqual(['恒信科技', '远方数据']);
    expect(await b.call('competitors-delete', { id: d.id })).toEqual({ id: d.id });
    expect((await b.call('accounts-get', { id: a.id })).competitors.map((x) => x.id)).toEqual([c.id]);
    expect(events.every((e) => e.tables.includes('competitors'))).toBe(true);
    expect(events).toHaveLength(4);
  });

  it('refuses an unknown id, an id of another account’s competitor, and a blank name', async () => {
    const { b, a } = await withAccount();
    const other = await b.call('accounts-create', { name: 'Other' });
    const c = await b.call('competitors-save', { accountId: other.id, name: 'Rival' });
    await refused(b, 'competitors-save', { id: 999, accountId: a.id, name: 'X' }, 'not-found');
    await refused(b, 'competitors-save', { id: c.id, accountId: a.id, name: 'Stolen' }, 'not-found');
    await refused(b, 'competitors-save', { accountId: a.id, name: '  ' }, 'invalid-args');
    await refused(b, 'competitors-delete', { id: 999 }, 'not-found');
  });
});

describe('interactions', () => {
  it('interactions-save records a visit with everything, and the account’s follow-up follows', async () => {
    const { b, a } = await withAccount({ grade: 'B' });
    const owner = await b.call('people-save', { name: '王伟' });
    // created today without contact: due in 7 days
    expect((await b.call('accounts-get', { id: a.id, today: TODAY })).followUp).toMatchObject({ state: 'ok', dueDate: '2026-05-22', daysOverdue: 0, reason: 'cadence' });
    const events = watch(b);
    const i = await b.call('interactions-save', {
      accountId: a.id,
      kind: 'visit',
      date: '2026-05-10',
      people: '信息中心主任',
      ownerId: owner.id,
      summary: '季度拜访',
      outcome: '提出扩容需求',
      nextStep: '提交扩容方案',
      nextDue: '2026-05-13',
    });
    expect(i).toEqual({
      id: i.id,
      accountId: a.id,
      kind: 'visit',
      date: '2026-05-10',
      people: '信息中心主任',
      ownerId: owner.id,
      ownerName: '王伟',
      summary: '季度拜访',
      outcome: '提出扩容需求',
      nextStep: '提交扩容方案',
      nextDue: '2026-05-13',
      nextDone: false,
      createdAt: NOW.toISOString(),
    });
    expect(events).toEqual([{ tables: ['interactions', 'accounts'] }]);
    // the promised step (05-13) is earlier than the cadence (05-17) and already past
    const detail = await b.call('accounts-get', { id: a.id, today: TODAY });
    expect(detail.followUp).toMatchObject({ state: 'overdue', dueDate: '2026-05-13', daysOverdue: 2, reason: 'next-step' });
    const row = (await b.call('accounts-query', { today: TODAY })).rows[0]!;
    expect(row).toMatchObject({ lastContact: '2026-05-10', followUp: { state: 'overdue', reason: 'next-step' } });

    // the step is done: the cadence from the last contact applies again
    const { ownerName: _o, createdAt: _c, ...edited } = i;
    await b.call('interactions-save', { ...edited, nextDone: true });
    expect((await b.call('accounts-get', { id: a.id, today: TODAY })).followUp).toMatchObject({ state: 'ok', dueDate: '2026-05-17', daysOverdue: 0, reason: 'cadence' });
    // a later call moves the last contact
    const call = await b.call('interactions-save', { accountId: a.id, kind: 'call', date: '2026-05-14' });
    expect((await b.call('accounts-query', { today: TODAY })).rows[0]!.lastContact).toBe('2026-05-14');
    // interactions are listed newest first
    expect((await b.call('accounts-get', { id: a.id })).interactions.map((x) => x.id)).toEqual([call.id, i.id]);
    // deleting it moves the last contact back
    expect(await b.call('interactions-delete', { id: call.id })).toEqual({ id: call.id });
    expect((await b.call('accounts-query', { today: TODAY })).rows[0]!.lastContact).toBe('2026-05-10');
    await b.call('interactions-delete', { id: i.id });
    const after = (await b.call('accounts-query', { today: TODAY })).rows[0]!;
    expect(after.lastContact).toBeNull();
    expect(after.followUp).toMatchObject({ state: 'ok', dueDate: '2026-05-22' });
  });

  it('an update replaces the interaction; editing its date re-computes the last contact', async () => {
    const { b, a } = await withAccount({ grade: 'C' });
    const i = await b.call('interactions-save', { accountId: a.id, kind: 'meeting', date: '2026-05-01', summary: 'x', nextStep: 'y', nextDue: '2026-06-01' });
    const u = await b.call('interactions-save', { id: i.id, accountId: a.id, kind: 'training', date: '2026-04-01' });
    expect(u).toMatchObject({ id: i.id, kind: 'training', date: '2026-04-01', summary: '', nextStep: '', nextDue: null, createdAt: i.createdAt });
    const row = (await b.call('accounts-query', { today: TODAY })).rows[0]!;
    expect(row.lastContact).toBe('2026-04-01');
    expect(row.followUp).toMatchObject({ state: 'overdue', dueDate: '2026-04-16', daysOverdue: 29, reason: 'cadence' });
  });

  it('refuses unknown accounts, owners and ids, kinds outside the list, and bad dates', async () => {
    const { b, a } = await withAccount();
    const other = await b.call('accounts-create', { name: 'Other' });
    const theirs = await b.call('interactions-save', { accountId: other.id, kind: 'call', date: '2026-05-01' });
    await refused(b, 'interactions-save', { accountId: 99, kind: 'visit', date: '2026-05-01' }, 'not-found');
    await refused(b, 'interactions-save', { accountId: a.id, kind: 'visit', date: '2026-05-01', ownerId: 99 }, 'not-found');
    await refused(b, 'interactions-save', { id: 999, accountId: a.id, kind: 'visit', date: '2026-05-01' }, 'not-found');
    await refused(b, 'interactions-save', { id: theirs.id, accountId: a.id, kind: 'visit', date: '2026-05-01' }, 'not-found');
    await refused(b, 'interactions-save', { accountId: a.id, kind: 'email', date: '2026-05-01' }, 'invalid-args');
    await refused(b, 'interactions-save', { accountId: a.id, kind: 'visit', date: '2026-02-30' }, 'invalid-args');
    await refused(b, 'interactions-save', { accountId: a.id, kind: 'visit', date: '2026-05-01', nextDue: 'soon' }, 'invalid-args');
    await refused(b, 'interactions-delete', { id: 999 }, 'not-found');
  });
});

describe('opportunities', () => {
  it('opportunities-save keeps the stage, value, bid date and rivals; opportunities-delete removes', async () => {
    const { b, a } = await withAccount();
    const owner = await b.call('people-save', { name: '李娜' });
    const events = watch(b);
    const o = await b.call('opportunities-save', {
      accountId: a.id,
      name: '数据中心扩容项目',
      value: 24_700_000_00,
      currency: 'CNY',
      stage: 'tendering',
      bidDate: '2026-07-01',
      rivals: ['恒信科技', 'Lanhai Software', '含,逗号"与引号'],
      ownerId: owner.id,
    });
    expect(o).toEqual({
      id: o.id,
      accountId: a.id,
      name: '数据中心扩容项目',
      value: 24_700_000_00,
      currency: 'CNY',
      stage: 'tendering',
      resultReason: '',
      bidDate: '2026-07-01',
      rivals: ['恒信科技', 'Lanhai Software', '含,逗号"与引号'],
      ownerId: owner.id,
      ownerName: '李娜',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const won = await b.call('opportunities-save', { id: o.id, accountId: a.id, name: '数据中心扩容项目', value: 24_700_000_00, stage: 'won', resultReason: '方案与服务获认可' });
    expect(won).toMatchObject({ stage: 'won', resultReason: '方案与服务获认可', rivals: [], bidDate: null, ownerId: null });
    const small = await b.call('opportunities-save', { accountId: a.id, name: '年度运维服务' });
    expect(small).toMatchObject({ value: 0, currency: 'CNY', stage: 'contact', rivals: [] });
    expect((await b.call('accounts-get', { id: a.id })).opportunities).toHaveLength(2);
    expect(await b.call('opportunities-delete', { id: small.id })).toEqual({ id: small.id });
    expect((await b.call('accounts-get', { id: a.id })).opportunities.map((x) => x.id)).toEqual([o.id]);
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.tables.includes('opportunities'))).toBe(true);
  });

  it('refuses stages outside the list, negative values, blank rivals and unknown ids', async () => {
    const { b, a } = await withAccount();
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', stage: 'negotiation' }, 'invalid-args');
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', stage: '20%' }, 'invalid-args');
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', value: -1 }, 'invalid-args');
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', rivals: [''] }, 'invalid-args');
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', rivals: 'Rival' }, 'invalid-args');
    await refused(b, 'opportunities-save', { accountId: a.id, name: 'P', ownerId: 99 }, 'not-found');
    await refused(b, 'opportunities-save', { id: 99, accountId: a.id, name: 'P' }, 'not-found');
    await refused(b, 'opportunities-delete', { id: 99 }, 'not-found');
  });
});

describe('accounts-get', () => {
  it('answers the whole account page: record, children, team, values, interactions, follow-up and compliance', async () => {
    const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
    const gold = b.connection().prepare("SELECT id FROM tiers WHERE key = 'gold'").pluck().get() as number;
    const a = await b.call('accounts-create', { name: 'Acme', grade: 'D', tierId: gold });
    const child = await b.call('accounts-create', { name: 'Acme Henan', parentId: a.id });
    await b.call('interactions-save', { accountId: a.id, kind: 'visit', date: '2026-04-10' });
    await b.call('interactions-save', { accountId: a.id, kind: 'call', date: '2026-04-20' });
    await b.call('interactions-save', { accountId: a.id, kind: 'call', date: '2026-03-31' }); // last quarter
    await b.call('interactions-save', { accountId: a.id, kind: 'meeting', date: '2026-04-21' }); // neither visit nor call
    const d = await b.call('accounts-get', { id: a.id, today: '2026-05-16' });
    expect(d.account).toMatchObject({ id: a.id, tierKey: 'gold' });
    expect(d.children).toEqual([{ id: child.id, name: 'Acme Henan' }]);
    expect(d.interactions).toHaveLength(4);
    expect(d.followUp).toMatchObject({ state: 'ok', dueDate: '2026-05-21', daysOverdue: 0, reason: 'cadence' });
    // gold: 2 visits a quarter, 1 call a month; 2026-05-16 is day 46 of the 91 days of Q2
    expect(d.compliance).toEqual({ visitsDone: 1, visitsRequired: 1, callsDone: 1, callsRequired: 1, ratio: 1 });
    const end = await b.call('accounts-get', { id: a.id, today: '2026-06-30' });
    expect(end.compliance).toEqual({ visitsDone: 1, visitsRequired: 2, callsDone: 1, callsRequired: 3, ratio: 0.4 });
    // without a tier there is no standard to comply with
    expect((await b.call('accounts-get', { id: child.id })).compliance).toBeNull();
    await refused(b, 'accounts-get', { id: 99 }, 'not-found');
    await refused(b, 'accounts-get', { id: a.id, today: '16/05/2026' }, 'invalid-args');
  });
});
