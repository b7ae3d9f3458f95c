/** Our people, tiers, the grade cadence and saved views, through the handler table. */
import { describe, expect, it } from 'vitest';
import { NOW, TODAY, refused, tierId, watch } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();

describe('people', () => {
  it('people-save adds and edits people; people-list lists the active ones first, by name', async () => {
    const b = env.backend({ now: () => NOW });
    const events = watch(b);
    const wang = await b.call('people-save', { name: '王伟', role: 'director', region: '总部', email: 'wang@example.com', phone: '138' });
    // with the service capacity's defaults (migration 0014; capacity.test.ts covers them)
    const cap = { quarterDays: 40, visitsPerDay: 2, callsPerDay: 12 };
    expect(wang).toEqual({ id: wang.id, name: '王伟', role: 'director', region: '总部', email: 'wang@example.com', phone: '138', active: true, ...cap });
    const li = await b.call('people-save', { name: ' 李娜 ' });
    expect(li).toEqual({ id: li.id, name: '李娜', role: 'manager', region: null, email: null, phone: null, active: true, ...cap });
    const gone = await b.call('people-save', { name: 'Ada', active: false });
    expect(events).toEqual([{ tables: ['people'] }, { tables: ['people'] }, { tables: ['people'] }]);
    // active first (李 sorts before 王 by code point), then the inactive
    expect((await b.call('people-list', {})).map((p) => p.name)).toEqual(['李娜', '王伟', 'Ada']);
    expect((await b.call('people-list', {})).at(-1)).toEqual({ ...gone, active: false });
    // an edit keeps what it does not mention; null and '' clear
    const edited = await b.call('people-save', { id: wang.id, name: '王伟', email: null, phone: '' });
    expect(edited).toEqual({ ...wang, email: null, phone: null });
    const renamed = await b.call('people-save', { id: wang.id, name: 'Wang Wei', active: false });
    expect(renamed).toMatchObject({ name: 'Wang Wei', role: 'director', region: '总部', active: false });
  });

  it('names are unique; unknown ids and roles are refused', async () => {
    const b = env.backend();
    const p = await b.call('people-save', { name: '王伟' });
    await b.call('people-save', { name: '李娜' });
    expect((await refused(b, 'people-save', { name: '王伟' }, 'conflict')).params).toEqual({ name: '王伟' });
    await refused(b, 'people-save', { id: p.id, name: '李娜' }, 'conflict');
    await refused(b, 'people-save', { id: 99, name: 'Ghost' }, 'not-found');
    await refused(b, 'people-save', { name: 'X', role: 'boss' }, 'invalid-args');
    await refused(b, 'people-save', { name: '  ' }, 'invalid-args');
    // saving a person under their own name is fine
    expect((await b.call('people-save', { id: p.id, name: '王伟', role: 'specialist' })).role).toBe('specialist');
  });

  it('people-delete leaves their accounts, interactions and opportunities without an owner, and takes them off teams', async () => {
    const b = env.backend();
    const p = await b.call('people-save', { name: '王伟' });
    const keep = await b.call('people-save', { name: '李娜' });
    const a = await b.call('accounts-create', { name: 'Acme', ownerId: p.id, industry: '金融' });
    await b.call('accounts-team-set', { accountId: a.id, members: [{ personId: p.id, role: 'x' }, { personId: keep.id, role: 'y' }] });
    const i = await b.call('interactions-save', { accountId: a.id, kind: 'visit', date: '2026-05-01', ownerId: p.id });
    await b.call('opportunities-save', { accountId: a.id, name: 'P', ownerId: p.id });
    const events = watch(b);
    expect(await b.call('people-delete', { id: p.id })).toEqual({ id: p.id });
    expect(events).toEqual([{ tables: ['people', 'accounts'] }]);
    const d = await b.call('accounts-get', { id: a.id });
    expect(d.account).toMatchObject({ name: 'Acme', industry: '金融', ownerId: null, ownerName: null });
    expect(d.team.map((m) => m.name)).toEqual(['李娜']);
    expect(d.interactions).toEqual([expect.objectContaining({ id: i.id, ownerId: null, ownerName: null })]);
    expect(d.opportunities[0]).toMatchObject({ ownerId: null, ownerName: null });
    expect((await b.call('people-list', {})).map((x) => x.name)).toEqual(['李娜']);
    await refused(b, 'people-delete', { id: p.id }, 'not-found');
  });
});

describe('tiers', () => {
  it('tiers-list starts with the four default tiers in rank order', async () => {
    const b = env.backend();
    expect(await b.call('tiers-list', {})).toEqual([
      { id: 1, key: 'diamond', nameZh: '钻石客户', nameEn: 'Diamond', rank: 1, visitsPerQuarter: 6, callsPerMonth: 4, description: '' },
      { id: 2, key: 'platinum', nameZh: '白金客户', nameEn: 'Platinum', rank: 2, visitsPerQuarter: 4, callsPerMonth: 2, description: '' },
      { id: 3, key: 'gold', nameZh: '金牌客户', nameEn: 'Gold', rank: 3, visitsPerQuarter: 2, callsPerMonth: 1, description: '' },
      { id: 4, key: 'silver', nameZh: '银牌客户', nameEn: 'Silver', rank: 4, visitsPerQuarter: 1, callsPerMonth: 1, description: '' },
    ]);
  });

  it('tiers-save adds a tier and edits one; keys are unique and shaped like keys', async () => {
    const b = env.backend();
    const events = watch(b);
    const crystal = await b.call('tiers-save', { key: 'crystal', nameZh: '水晶客户', nameEn: 'Crystal', rank: 5, visitsPerQuarter: 1, callsPerMonth: 0, description: '月消费 3000-10000 元' });
    expect(crystal).toEqual({ id: 5, key: 'crystal', nameZh: '水晶客户', nameEn: 'Crystal', rank: 5, visitsPerQuarter: 1, callsPerMonth: 0, description: '月消费 3000-10000 元' });
    const edited = await b.call('tiers-save', { id: crystal.id, key: 'crystal', nameZh: '水晶', nameEn: 'Crystal', rank: 0, visitsPerQuarter: 2, callsPerMonth: 1 });
    expect(edited).toMatchObject({ nameZh: '水晶', rank: 0, visitsPerQuarter: 2, description: '' });
    expect((await b.call('tiers-list', {}))[0]!.key).toBe('crystal');
    expect(events).toEqual([{ tables: ['tiers'] }, { tables: ['tiers'] }]);
    const base = { nameZh: '铜', nameEn: 'Bronze', rank: 9, visitsPerQuarter: 0, callsPerMonth: 0 };
    expect((await refused(b, 'tiers-save', { key: 'gold', ...base }, 'conflict')).params).toEqual({ name: 'gold' });
    await refused(b, 'tiers-save', { id: crystal.id, key: 'gold', ...base }, 'conflict');
    await refused(b, 'tiers-save', { id: 99, key: 'bronze', ...base }, 'not-found');
    // An empty key is not refused: it is generated from the names (test/unit/identity.test.ts).
    for (const key of ['Gold', 'has space', '-lead', '铜牌', 'x'.repeat(41)]) await refused(b, 'tiers-save', { key, ...base }, 'invalid-args');
    await refused(b, 'tiers-save', { key: 'bronze', ...base, visitsPerQuarter: -1 }, 'invalid-args');
  });

  it('tiers-delete leaves its accounts without a tier', async () => {
    const b = env.backend();
    const gold = tierId(b, 'gold');
    const a = await b.call('accounts-create', { name: 'Acme', tierId: gold });
    const events = watch(b);
    expect(await b.call('tiers-delete', { id: gold })).toEqual({ id: gold });
    expect(events).toEqual([{ tables: ['tiers', 'accounts'] }]);
    expect((await b.call('accounts-get', { id: a.id })).account).toMatchObject({ tierId: null, tierKey: null });
    expect((await b.call('tiers-list', {})).map((t) => t.key)).toEqual(['diamond', 'platinum', 'silver']);
    await refused(b, 'tiers-delete', { id: gold }, 'not-found');
  });
});

describe('cadence', () => {
  it('cadence-get answers the days per grade; cadence-set changes them, and the follow-up uses them', async () => {
    const b = env.backend({ now: () => new Date('2026-05-01T08:00:00.000Z') });
    expect(await b.call('cadence-get', {})).toEqual({ A: 1, B: 7, C: 15, D: 30, E: 365 });
    const a = await b.call('accounts-create', { name: 'Acme', grade: 'B' });
    await b.call('interactions-save', { accountId: a.id, kind: 'call', date: '2026-05-01' });
    const before = (await b.call('accounts-query', { today: TODAY })).rows[0]!;
    expect(before.followUp).toMatchObject({ state: 'overdue', dueDate: '2026-05-08', daysOverdue: 7 });
    expect((await b.call('today', { today: TODAY })).totals.overdue).toBe(1);

    const events = watch(b);
    expect(await b.call('cadence-set', { A: 2, B: 20, C: 30, D: 60, E: 730 })).toEqual({ A: 2, B: 20, C: 30, D: 60, E: 730 });
    expect(events).toEqual([{ tables: ['grade_cadence'] }]);
    expect(await b.call('cadence-get', {})).toEqual({ A: 2, B: 20, C: 30, D: 60, E: 730 });
    const after = (await b.call('accounts-query', { today: TODAY })).rows[0]!;
    expect(after.followUp).toMatchObject({ state: 'ok', dueDate: '2026-05-21', daysOverdue: 0 });
    expect((await b.call('accounts-get', { id: a.id, today: TODAY })).followUp.dueDate).toBe('2026-05-21');
    const today = await b.call('today', { today: TODAY });
    expect(today.totals.overdue).toBe(0);
    expect(today.owners[0]!.overdue).toEqual([]);
  });

  it('refuses missing grades and days out of range', async () => {
    const b = env.backend();
    await refused(b, 'cadence-set', { A: 1, B: 7, C: 15, D: 30 }, 'invalid-args');
    await refused(b, 'cadence-set', { A: 0, B: 7, C: 15, D: 30, E: 365 }, 'invalid-args');
    await refused(b, 'cadence-set', { A: 1, B: 7, C: 15, D: 30, E: 3661 }, 'invalid-args');
    await refused(b, 'cadence-set', { A: 1.5, B: 7, C: 15, D: 30, E: 365 }, 'invalid-args');
    await refused(b, 'cadence-set', { A: 1, B: 7, C: 15, D: 30, E: 365, F: 1 }, 'invalid-args');
  });
});

describe('saved views', () => {
  it('views-save stores a named query; views-list lists by name; views-delete removes', async () => {
    const b = env.backend();
    const events = watch(b);
    const query = { search: '银行', tierIds: [1, 2], industries: ['金融'], grades: ['A', 'B'] as ('A' | 'B')[], overdueOnly: true, sort: 'revenueThisYear' as const, desc: true };
    const mine = await b.call('views-save', { name: '我的逾期客户', query });
    expect(mine).toEqual({ id: mine.id, name: '我的逾期客户', query });
    const big = await b.call('views-save', { name: 'Big accounts', query: { sort: 'revenueThisYear', desc: true } });
    expect(await b.call('views-list', {})).toEqual([big, mine]);
    // the saved query runs as it is
    await b.call('accounts-query', mine.query);
    const renamed = await b.call('views-save', { id: big.id, name: 'Largest', query: { tierIds: [1] } });
    expect(renamed).toEqual({ id: big.id, name: 'Largest', query: { tierIds: [1] } });
    expect(await b.call('views-delete', { id: mine.id })).toEqual({ id: mine.id });
    expect(await b.call('views-list', {})).toEqual([renamed]);
    expect(events).toEqual(Array.from({ length: 4 }, () => ({ tables: ['saved_views'] })));
  });

  it('refuses a second view of the same name, unknown ids and invalid queries', async () => {
    const b = env.backend();
    const v = await b.call('views-save', { name: 'Mine', query: {} });
    await b.call('views-save', { name: 'Other', query: {} });
    expect((await refused(b, 'views-save', { name: 'Mine', query: { overdueOnly: true } }, 'conflict')).params).toEqual({ name: 'Mine' });
    await refused(b, 'views-save', { id: v.id, name: 'Other', query: {} }, 'conflict');
    await refused(b, 'views-save', { id: 99, name: 'New', query: {} }, 'not-found');
    await refused(b, 'views-save', { name: 'Bad', query: { sort: 'colour' } }, 'invalid-args');
    await refused(b, 'views-save', { name: 'Bad', query: { grades: ['F'] } }, 'invalid-args');
    await refused(b, 'views-save', { name: '', query: {} }, 'invalid-args');
    await refused(b, 'views-delete', { id: 99 }, 'not-found');
    // the same name is fine for the same view
    expect((await b.call('views-save', { id: v.id, name: 'Mine', query: { desc: true } })).query).toEqual({ desc: true });
  });
});
