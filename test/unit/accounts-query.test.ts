/**
 * accounts-query: search by Chinese, English and pinyin, every filter, the overdue filter, every
 * sort field in both directions with empty values last, facets and totals.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { ACCOUNT_SORT_FIELDS, type AccountQuery, type AccountSortField } from '../../shared/api/accounts';
import { TODAY, refused, tierId } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const WAN = 10_000_00; // 1万 yuan in fen

/** Six accounts that differ in every column the table sorts and filters by. */
async function portfolio() {
  const b = env.backend({ now: () => new Date('2026-05-01T08:00:00.000Z') });
  const wang = await b.call('people-save', { name: '王伟' });
  const li = await b.call('people-save', { name: '李娜' });
  const mk = async (
    name: string,
    f: Parameters<Backend['call']>[1] & object,
    revenue: { y2026?: number; y2025?: number },
    contact?: string,
  ) => {
    const a = await b.call('accounts-create', { name, ...(f as object) });
    if (revenue.y2026 !== undefined) await b.call('revenue-set', { accountId: a.id, year: 2026, revenue: revenue.y2026 });
    if (revenue.y2025 !== undefined) await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: revenue.y2025 });
    if (contact) await b.call('interactions-save', { accountId: a.id, kind: 'call', date: contact });
    return a.id;
  };
  const ids = {
    henan: await mk(
      '河南教育厅',
      { nameEn: 'Henan Department of Education', shortName: '豫教', industry: '教育', region: '华中', ownerId: wang.id, tierId: tierId(b, 'gold'), grade: 'B', lifecycle: 'maturity', receivableOutstanding: 100_000_00 },
      { y2026: 500 * WAN, y2025: 400 * WAN },
      '2026-05-01',
    ),
    huaxia: await mk(
      '华夏建设银行',
      { nameEn: 'Huaxia Construction Bank', industry: '金融', region: '华北', ownerId: li.id, tierId: tierId(b, 'diamond'), grade: 'A', lifecycle: 'growth' },
      { y2026: 3000 * WAN },
      '2026-05-14',
    ),
    acme: await mk(
      'Acme Corp',
      { industry: '制造', region: '华东', ownerId: wang.id, tierId: tierId(b, 'silver'), grade: 'D', lifecycle: 'decline', receivableOutstanding: 5_000_00 },
      { y2026: 100 * WAN },
      '2026-05-10',
    ),
    zhonglian: await mk('中联物流', {}, {}),
    guangzhou: await mk(
      '广州地铁集团',
      { industry: '交通物流', region: '华南', ownerId: li.id, tierId: tierId(b, 'platinum'), grade: 'C', lifecycle: 'acquisition' },
      { y2026: 0, y2025: 200 * WAN },
    ),
    beijing: await mk(
      '北京大学',
      { industry: '教育', region: '华北', ownerId: wang.id, grade: 'E', lifecycle: 'exit' },
      { y2026: 50 * WAN },
      '2025-01-01',
    ),
  };
  const names = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k])) as Record<number, keyof typeof ids>;
  const query = async (q: AccountQuery) => (await b.call('accounts-query', { today: TODAY, ...q })).rows.map((r) => names[r.id]!);
  return { b, ids, wang, li, query };
}

describe('accounts-query', () => {
  it('answers every row with its record and figures, the total and the facets', async () => {
    const { b, ids } = await portfolio();
    const r = await b.call('accounts-query', { today: TODAY });
    expect(r.total).toBe(6);
    expect(r.rows).toHaveLength(6);
    expect(r.facets).toEqual({ industries: ['交通物流', '教育', '金融', '制造'], regions: ['华北', '华东', '华南', '华中'] });
    const henan = r.rows.find((x) => x.id === ids.henan)!;
    expect(henan).toMatchObject({
      name: '河南教育厅',
      nameEn: 'Henan Department of Education',
      ownerName: '王伟',
      tierKey: 'gold',
      revenueThisYear: 500 * WAN,
      revenueLastYear: 400 * WAN,
      lastContact: '2026-05-01',
      followUp: { state: 'overdue', dueDate: '2026-05-08', daysOverdue: 7, reason: 'cadence' },
    });
    expect(r.rows.find((x) => x.id === ids.zhonglian)).toMatchObject({ revenueThisYear: null, lastContact: null, followUp: { state: 'none', dueDate: null } });
    // the year follows `today`
    const earlier = await b.call('accounts-query', { today: '2025-12-31' });
    expect(earlier.rows.find((x) => x.id === ids.henan)).toMatchObject({ revenueThisYear: 400 * WAN, revenueLastYear: null });
  });

  it('search: Chinese substring, English name, short name, pinyin in full and as initials, any case', async () => {
    const { query } = await portfolio();
    expect(await query({ search: '教育' })).toEqual(['henan']);
    expect(await query({ search: 'hnjyt' })).toEqual(['henan']);
    expect(await query({ search: 'HNJYT' })).toEqual(['henan']);
    expect(await query({ search: 'henan' })).toEqual(['henan']);
    expect(await query({ search: 'jiaoyuting' })).toEqual(['henan']);
    expect(await query({ search: 'department of' })).toEqual(['henan']);
    expect(await query({ search: '豫教' })).toEqual(['henan']);
    expect(await query({ search: 'yujiao' })).toEqual(['henan']);
    expect(await query({ search: 'huaxia' })).toEqual(['huaxia']);
    expect(await query({ search: 'yinhang' })).toEqual(['huaxia']);
    expect(await query({ search: 'hxjsyh' })).toEqual(['huaxia']);
    expect(await query({ search: '  Acme  ' })).toEqual(['acme']);
    expect(await query({ search: 'bjdx' })).toEqual(['beijing']);
    expect(await query({ search: '大学' })).toEqual(['beijing']);
    expect(await query({ search: 'nothing at all' })).toEqual([]);
    expect(await query({ search: '' })).toHaveLength(6);
    expect(await query({ search: '   ' })).toHaveLength(6);
  });

  it('filters by tier, industry, region, owner, lifecycle and grade, and combines them', async () => {
    const { b, query, wang, li } = await portfolio();
    expect(await query({ tierIds: [tierId(b, 'gold'), tierId(b, 'diamond')] })).toEqual(['henan', 'huaxia']);
    expect(await query({ industries: ['教育'] })).toEqual(['beijing', 'henan']);
    expect(await query({ industries: ['教育', '制造'] })).toEqual(['acme', 'beijing', 'henan']);
    expect(await query({ regions: ['华北'] })).toEqual(['beijing', 'huaxia']);
    expect(await query({ ownerIds: [wang.id] })).toEqual(['acme', 'beijing', 'henan']);
    expect(await query({ ownerIds: [li.id] })).toEqual(['guangzhou', 'huaxia']);
    expect(await query({ lifecycles: ['decline', 'exit'] })).toEqual(['acme', 'beijing']);
    expect(await query({ grades: ['A', 'E'] })).toEqual(['beijing', 'huaxia']);
    expect(await query({ ownerIds: [wang.id], industries: ['教育'], grades: ['B'] })).toEqual(['henan']);
    expect(await query({ ownerIds: [wang.id], regions: ['华南'] })).toEqual([]);
    expect(await query({ search: 'hn', ownerIds: [wang.id] })).toEqual(['henan']);
    // an empty list is no filter
    expect(await query({ tierIds: [], industries: [], regions: [], ownerIds: [], lifecycles: [], grades: [] })).toHaveLength(6);
    // the total counts every live account whatever the filter
    expect((await b.call('accounts-query', { grades: ['A'] })).total).toBe(6);
  });

  it('overdueOnly keeps the accounts whose follow-up is overdue on the day', async () => {
    const { query, wang } = await portfolio();
    expect(await query({ overdueOnly: true })).toEqual(['beijing', 'henan']);
    expect(await query({ overdueOnly: true, sort: 'followUpDue' })).toEqual(['beijing', 'henan']);
    expect(await query({ overdueOnly: true, today: '2026-05-08' })).toEqual(['beijing']);
    // two weeks on, more are late
    expect(await query({ overdueOnly: true, today: '2026-06-01' })).toEqual(['beijing', 'guangzhou', 'henan', 'huaxia']);
    expect(await query({ overdueOnly: true, ownerIds: [wang.id], today: '2026-06-10' })).toEqual(['acme', 'beijing', 'henan']);
  });

  // Expected orders, ascending and descending; ties break by name; empty values last both ways.
  const orders: Record<AccountSortField, [string[], string[]]> = {
    name: [
      ['acme', 'beijing', 'guangzhou', 'henan', 'huaxia', 'zhonglian'],
      ['zhonglian', 'huaxia', 'henan', 'guangzhou', 'beijing', 'acme'],
    ],
    industry: [
      ['guangzhou', 'beijing', 'henan', 'huaxia', 'acme', 'zhonglian'],
      ['acme', 'huaxia', 'beijing', 'henan', 'guangzhou', 'zhonglian'],
    ],
    region: [
      ['beijing', 'huaxia', 'acme', 'guangzhou', 'henan', 'zhonglian'],
      ['henan', 'guangzhou', 'acme', 'beijing', 'huaxia', 'zhonglian'],
    ],
    owner: [
      ['guangzhou', 'huaxia', 'acme', 'beijing', 'henan', 'zhonglian'],
      ['acme', 'beijing', 'henan', 'guangzhou', 'huaxia', 'zhonglian'],
    ],
    tier: [
      ['huaxia', 'guangzhou', 'henan', 'acme', 'beijing', 'zhonglian'],
      ['acme', 'henan', 'guangzhou', 'huaxia', 'beijing', 'zhonglian'],
    ],
    grade: [
      ['huaxia', 'henan', 'guangzhou', 'acme', 'beijing', 'zhonglian'],
      ['beijing', 'acme', 'guangzhou', 'henan', 'huaxia', 'zhonglian'],
    ],
    lifecycle: [
      ['guangzhou', 'huaxia', 'henan', 'acme', 'beijing', 'zhonglian'],
      ['beijing', 'acme', 'henan', 'huaxia', 'guangzhou', 'zhonglian'],
    ],
    revenueThisYear: [
      ['guangzhou', 'beijing', 'acme', 'henan', 'huaxia', 'zhonglian'],
      ['huaxia', 'henan', 'acme', 'beijing', 'guangzhou', 'zhonglian'],
    ],
    lastContact: [
      ['beijing', 'henan', 'acme', 'huaxia', 'guangzhou', 'zhonglian'],
      ['huaxia', 'acme', 'henan', 'beijing', 'guangzhou', 'zhonglian'],
    ],
    followUpDue: [
      ['beijing', 'henan', 'huaxia', 'guangzhou', 'acme', 'zhonglian'],
      ['acme', 'guangzhou', 'huaxia', 'henan', 'beijing', 'zhonglian'],
    ],
    receivableOutstanding: [
      ['acme', 'henan', 'beijing', 'guangzhou', 'huaxia', 'zhonglian'],
      ['henan', 'acme', 'beijing', 'guangzhou', 'huaxia', 'zhonglian'],
    ],
  };

  it('has an expected order for every sort field', () => {
    expect(Object.keys(orders).sort()).toEqual([...ACCOUNT_SORT_FIELDS].sort());
  });

  it.each(ACCOUNT_SORT_FIELDS)('sorts by %s both ways, empty values last', async (field) => {
    const { query } = await portfolio();
    const [asc, desc] = orders[field];
    expect(await query({ sort: field })).toEqual(asc);
    expect(await query({ sort: field, desc: false })).toEqual(asc);
    expect(await query({ sort: field, desc: true })).toEqual(desc);
  });

  it('sorts by name when no sort is given', async () => {
    const { query } = await portfolio();
    expect(await query({})).toEqual(orders.name[0]);
  });

  it('sees every change: through the handlers, and through another connection to the same file', async () => {
    const { b, query, ids } = await portfolio();
    expect(await query({ sort: 'revenueThisYear', desc: true })).toEqual(orders.revenueThisYear[1]);
    await b.call('revenue-set', { accountId: ids.zhonglian, year: 2026, revenue: 10_000 * WAN });
    expect((await query({ sort: 'revenueThisYear', desc: true }))[0]).toBe('zhonglian');
    await b.call('accounts-delete', { id: ids.huaxia });
    const after = await b.call('accounts-query', { today: TODAY });
    expect(after.total).toBe(5);
    expect(after.facets.industries).toEqual(['交通物流', '教育', '制造']);
    // another process (the CLI, say) writes to the same file
    const other = env.backend({ dbPath: env.file('keyplan.db') });
    await other.call('accounts-create', { name: 'Written elsewhere', industry: '零售' });
    const seen = await b.call('accounts-query', { today: TODAY });
    expect(seen.total).toBe(6);
    expect(seen.rows.map((r) => r.name)).toContain('Written elsewhere');
    expect(seen.facets.industries).toContain('零售');
  });

  it('a row handed out cannot change the next answer', async () => {
    const { b } = await portfolio();
    const first = await b.call('accounts-query', { today: TODAY });
    first.rows[0]!.name = 'mutated';
    first.rows.length = 0;
    first.facets.industries.push('mutated');
    const second = await b.call('accounts-query', { today: TODAY });
    expect(second.rows).toHaveLength(6);
    expect(second.rows[0]!.name).toBe('Acme Corp');
    expect(second.facets.industries).not.toContain('mutated');
  });

  it('refuses unknown sort fields, lifecycles, grades and dates', async () => {
    const { b } = await portfolio();
    await refused(b, 'accounts-query', { sort: 'colour' }, 'invalid-args');
    await refused(b, 'accounts-query', { lifecycles: ['retired'] }, 'invalid-args');
    await refused(b, 'accounts-query', { grades: ['F'] }, 'invalid-args');
    await refused(b, 'accounts-query', { today: '2026-13-01' }, 'invalid-args');
    await refused(b, 'accounts-query', { tierIds: [0] }, 'invalid-args');
    await refused(b, 'accounts-query', { search: 'x'.repeat(201) }, 'invalid-args');
  });
});

describe('accounts-list', () => {
  it('lists every live account with its record, sorted by name, and searches the same keys as the query', async () => {
    const { b } = await portfolio();
    const all = await b.call('accounts-list', {});
    expect(all.map((a) => a.name)).toEqual(['Acme Corp', '中联物流', '北京大学', '华夏建设银行', '广州地铁集团', '河南教育厅']);
    expect(all.find((a) => a.name === '河南教育厅')).toMatchObject({ ownerName: '王伟', tierKey: 'gold', shortName: '豫教' });
    expect((await b.call('accounts-list', { search: 'hnjyt' })).map((a) => a.name)).toEqual(['河南教育厅']);
  });
});
