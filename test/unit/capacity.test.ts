/**
 * Service capacity through the backend and the CLI, on real SQLite: a person's days in Settings
 * (people-save), capacity-view (the quarter's input), capacity-reassign (all or nothing, refused
 * when the screen is stale) and `capacity [--quarter] [--json]`.
 */
import { describe, expect, it } from 'vitest';
import { ownerLoads, inversions, tierService } from '../../shared/domain/capacity';
import { EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { refused, tierId, watch } from './accounts-helpers';
import { cliRunner, runCaptured } from './cli-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const DAY = '2026-05-16'; // day 46 of the 91 days of Q2
const cli = cliRunner();

async function team() {
  const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
  const wang = await b.call('people-save', { name: '王伟', quarterDays: 6 });
  const li = await b.call('people-save', { name: '李娜' });
  const gone = await b.call('people-save', { name: '赵敏', active: false });
  const account = async (name: string, f: object) => (await b.call('accounts-create', { name, ...f })).id;
  const ids = {
    alpha: await account('Alpha', { ownerId: wang.id, tierId: tierId(b, 'diamond') }),
    bravo: await account('Bravo', { ownerId: wang.id, tierId: tierId(b, 'diamond') }),
    charlie: await account('Charlie', { ownerId: li.id, tierId: tierId(b, 'silver') }),
    churned: await account('Churned', { ownerId: wang.id, tierId: tierId(b, 'diamond'), churnStatus: 'churned', churnReason: 'service' }),
  };
  await b.call('interactions-save', { accountId: ids.charlie, kind: 'visit', date: '2026-04-20' });
  await b.call('interactions-save', { accountId: ids.charlie, kind: 'call', date: '2026-05-02' });
  await b.call('interactions-save', { accountId: ids.alpha, kind: 'call', date: '2026-03-30' }); // last quarter
  return { b, wang, li, gone, ids };
}

describe('people: capacity', () => {
  it('keeps each person\'s days and visits and calls a day (defaults 40, 2, 12) and refuses values out of range', async () => {
    const { b, wang, li } = await team();
    expect(wang).toMatchObject({ quarterDays: 6, visitsPerDay: 2, callsPerDay: 12 });
    expect(li).toMatchObject({ quarterDays: 40, visitsPerDay: 2, callsPerDay: 12 });
    const edited = await b.call('people-save', { id: li.id, name: '李娜', visitsPerDay: 3, callsPerDay: 20 });
    expect(edited).toMatchObject({ quarterDays: 40, visitsPerDay: 3, callsPerDay: 20 });
    // an edit without the fields keeps them
    expect(await b.call('people-save', { id: li.id, name: '李娜', region: '华东' })).toMatchObject({ quarterDays: 40, visitsPerDay: 3 });
    for (const bad of [{ quarterDays: 93 }, { quarterDays: -1 }, { visitsPerDay: 0 }, { callsPerDay: 201 }, { quarterDays: 1.5 }]) {
      await refused(b, 'people-save', { id: li.id, name: '李娜', ...bad }, 'invalid-args');
    }
    expect((await b.call('people-list', {})).find((p) => p.id === li.id)).toMatchObject({ visitsPerDay: 3, callsPerDay: 20 });
  });
});

describe('capacity-view', () => {
  it("reads the quarter: active people and owners with their days, the tiers, live accounts with this quarter's follow-ups", async () => {
    const { b, wang, li, ids } = await team();
    const v = await b.call('capacity-view', { today: DAY });
    expect(v).toMatchObject({ label: '2026-Q2', asOf: DAY, quarter: { start: '2026-04-01', end: '2026-06-30' } });
    expect(v.owners.map((o) => [o.name, o.quarterDays])).toEqual([
      ['李娜', 40],
      ['王伟', 6],
    ]);
    expect(v.tiers.map((t) => t.key)).toEqual(['diamond', 'platinum', 'gold', 'silver']);
    expect(v.accounts.map((a) => [a.id, a.ownerId, a.done])).toEqual([
      [ids.alpha, wang.id, { visits: 0, calls: 0 }],
      [ids.bravo, wang.id, { visits: 0, calls: 0 }],
      [ids.charlie, li.id, { visits: 1, calls: 1 }],
    ]);
    const [liLoad, wangLoad] = ownerLoads(v);
    // two diamonds: 2 x (6 visits + 12 calls) = 12 visits (6 days) + 24 calls (2 days) = 8 days > 6
    expect(wangLoad).toMatchObject({ name: '王伟', needDays: 8, days: 6, overloaded: true, forecast: 0.75 });
    expect(liLoad).toMatchObject({ name: '李娜', overloaded: false });
    // the silver account is served better than the diamonds: the inversion flag
    expect(inversions(tierService(v)).map((i) => [i.higher, i.lower, i.measure])).toEqual([
      ['diamond', 'silver', 'compliance'],
      ['diamond', 'silver', 'follow-ups'],
    ]);
    // a past quarter counts to its end; Q1 had Alpha's call
    const q1 = await b.call('capacity-view', { quarter: '2026-q1', today: DAY });
    expect(q1).toMatchObject({ label: '2026-Q1', asOf: '2026-03-31' });
    expect(q1.accounts.find((a) => a.id === ids.alpha)!.done).toEqual({ visits: 0, calls: 1 });
    await refused(b, 'capacity-view', { quarter: '2026-Q5' }, 'invalid-args');
  });
});

describe('capacity-reassign', () => {
  it('moves accounts in one transaction and announces accounts; the load follows', async () => {
    const { b, wang, li, ids } = await team();
    const events = watch(b);
    expect(await b.call('capacity-reassign', { moves: [{ accountId: ids.bravo, from: wang.id, to: li.id }] })).toEqual({ moved: 1 });
    expect(events).toEqual([{ tables: ['accounts'] }]);
    const v = await b.call('capacity-view', { today: DAY });
    expect(v.accounts.find((a) => a.id === ids.bravo)!.ownerId).toBe(li.id);
    expect(ownerLoads(v).find((o) => o.ownerId === wang.id)).toMatchObject({ accounts: 1, needDays: 4, overloaded: false });
    // to nobody
    await b.call('capacity-reassign', { moves: [{ accountId: ids.charlie, from: li.id, to: null }] });
    expect((await b.call('capacity-view', { today: DAY })).accounts.find((a) => a.id === ids.charlie)!.ownerId).toBeNull();
  });

  it('a move to the same owner changes nothing and announces nothing', async () => {
    const { b, wang, ids } = await team();
    const events = watch(b);
    expect(await b.call('capacity-reassign', { moves: [{ accountId: ids.alpha, from: wang.id, to: wang.id }] })).toEqual({ moved: 0 });
    expect(events).toEqual([]);
  });

  it('refuses the whole reassignment when the screen is stale, a person is inactive or unknown, or an account is gone', async () => {
    const { b, wang, li, gone, ids } = await team();
    const good = { accountId: ids.alpha, from: wang.id, to: li.id };
    // Bravo is no longer 李娜's: someone else moved it; Alpha's move is not applied either
    const stale = await refused(b, 'capacity-reassign', { moves: [good, { accountId: ids.bravo, from: li.id, to: wang.id }] }, 'capacity-stale');
    expect(stale.params).toEqual({ name: 'Bravo' });
    await refused(b, 'capacity-reassign', { moves: [good, { accountId: ids.bravo, from: wang.id, to: gone.id }] }, 'person-inactive');
    await refused(b, 'capacity-reassign', { moves: [good, { accountId: ids.bravo, from: wang.id, to: 9999 }] }, 'not-found');
    await b.call('accounts-delete', { id: ids.bravo });
    await refused(b, 'capacity-reassign', { moves: [good, { accountId: ids.bravo, from: wang.id, to: li.id }] }, 'not-found');
    await refused(b, 'capacity-reassign', { moves: [] }, 'invalid-args');
  });
});

describe('capacity on the command line', () => {
  async function dbFile() {
    // The CLI's today is the clock's: the tests ask for a past quarter (2026-Q2), counted to its end.
    const { b } = await team();
    await b.close();
    return env.file('keyplan.db');
  }

  it('prints each owner\'s load, who cannot meet the standard, the tiers and the inversions (zh-CN and en)', async () => {
    const db = await dbFile();
    const en = await cli(['capacity', '--quarter', '2026-Q2', '--db', db]);
    expect(en.code).toBe(EXIT_OK);
    expect(en.out).toContain('Service capacity 2026-Q2 (follow-ups counted to 2026-06-30)');
    expect(en.out).toMatch(/^王伟\t2\t12\t24\t8\.0\t6\t133%\t75%\t0%\tcannot meet the standard$/m);
    expect(en.out).toContain('1 owner(s) cannot meet the service standard: 王伟');
    expect(en.out).toContain('Silver meets its standard better');
    const zh = await runCaptured(['capacity', '--quarter', '2026-Q2', '--db', db]);
    expect(zh.out).toContain('服务能力 2026-Q2');
    expect(zh.out).toContain('1 位负责人达不到服务标准：王伟');
    expect(zh.out).toContain('服务倒挂（鸡头凤尾）');
  });

  it('--json gives the figures untranslated', async () => {
    const db = await dbFile();
    const r = await cli(['capacity', '--quarter', '2026-Q2', '--json', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    const j = JSON.parse(r.out) as { quarter: string; overloaded: string[]; owners: { name: string; needDays: number }[]; inversions: unknown[] };
    expect(j.quarter).toBe('2026-Q2');
    expect(j.overloaded).toEqual(['王伟']);
    expect(j.owners.map((o) => [o.name, o.needDays])).toEqual([
      ['李娜', 0.75],
      ['王伟', 8],
    ]);
    expect(j.inversions).toHaveLength(2);
  });

  it('refuses a bad --quarter or extra words before opening the database', async () => {
    const db = env.file('none.db');
    const bad = await cli(['capacity', '--quarter', '2026-5', '--db', db]);
    expect(bad.code).toBe(EXIT_FAIL);
    expect(bad.err).toContain('--quarter is a quarter such as 2026-Q4, not "2026-5"');
    expect((await runCaptured(['capacity', '--quarter', 'Q5', '--db', db])).err).toContain('--quarter 应为季度');
    expect((await cli(['capacity', 'now', '--db', db])).err).toContain('usage: capacity [--quarter YYYY-Qn]');
    expect(env.logs).toEqual([]);
    const fs = await import('node:fs');
    expect(fs.existsSync(db)).toBe(false);
  });
});
