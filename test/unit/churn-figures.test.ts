/**
 * churn-figures and profit-figures on a real SQLite file, against hand-computed figures: churn
 * rates per quarter, half and year (who is "at the start"), the revenue each churn cost (the last
 * full year before, converted), by reason, industry and reason x industry; the profit precedence,
 * the head and the loss-making tail, lifetime value and return on spend.
 */
import { describe, expect, it } from 'vitest';
import type { AccountFields } from '../../shared/api/accounts';
import { contract } from '../../shared/api/contract';
import { periodsOf, profitOf } from '../../electron/backend/db/repos/churn';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const W = 10_000_00; // 1万 yuan in fen
const TODAY = '2026-09-15';

async function churnWorkspace() {
  // Records made on 2026-04-01: before that, an account counts only with revenue of an earlier year.
  const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
  await b.call('fx-set', { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-01-02' }] });
  // name, fields, revenue by year (万)
  const rows: [string, AccountFields, Record<number, number>][] = [
    ['A', { industry: '金融' }, { 2025: 100 }],
    ['B', { industry: '金融', churnStatus: 'churned', churnReason: 'competitor-price', churnedOn: '2026-02-10', churnNote: '低价' }, { 2025: 50 }],
    ['C', { industry: '教育', churnStatus: 'churned', churnReason: 'customer-business', churnedOn: '2026-05-20' }, { 2025: 30 }],
    ['D', { industry: '教育', churnStatus: 'churned', churnReason: 'customer-business', churnedOn: '2026-08-01' }, {}],
    ['E', { industry: '金融', churnStatus: 'churned', churnReason: 'service', churnedOn: '2025-11-01' }, { 2024: 40, 2025: 10 }],
    ['F', { industry: '制造' }, {}],
    ['G', { industry: '制造', churnStatus: 'churned', churnReason: 'other' }, { 2025: 60 }],
    ['H', { industry: '金融', currency: 'USD', churnStatus: 'churned', churnReason: 'competitor-price', churnedOn: '2026-03-01' }, { 2025: 10 }],
    ['I', { churnStatus: 'churned', churnReason: 'service', churnedOn: '2026-10-20' }, { 2025: 20 }],
    ['J', { industry: '教育', churnStatus: 'churned', churnReason: 'competitor-price', churnedOn: '2026-06-01' }, { 2025: 5 }],
  ];
  const ids: Record<string, number> = {};
  for (const [name, f, revenue] of rows) {
    const a = await b.call('accounts-create', { name, ...f });
    ids[name] = a.id;
    for (const [y, v] of Object.entries(revenue)) await b.call('revenue-set', { accountId: a.id, year: Number(y), revenue: v * W });
  }
  // an account in the bin counts nowhere
  const gone = await b.call('accounts-create', { name: 'Gone', industry: '金融', churnStatus: 'churned', churnReason: 'service', churnedOn: '2026-02-01' });
  await b.call('revenue-set', { accountId: gone.id, year: 2025, revenue: 999 * W });
  await b.call('accounts-delete', { id: gone.id });
  return { b, ids };
}

describe('churn-figures', () => {
  it('is a read: it declares no table', () => {
    expect(contract['churn-figures'].writes).toEqual([]);
    expect(contract['profit-figures'].writes).toEqual([]);
  });

  it('periods: quarters, halves and the year, to their last day', () => {
    expect(periodsOf(2024, 'quarter').map((p) => [p.key, p.start, p.end])).toEqual([
      ['Q1', '2024-01-01', '2024-03-31'],
      ['Q2', '2024-04-01', '2024-06-30'],
      ['Q3', '2024-07-01', '2024-09-30'],
      ['Q4', '2024-10-01', '2024-12-31'],
    ]);
    expect(periodsOf(2026, 'half').map((p) => p.end)).toEqual(['2026-06-30', '2026-12-31']);
    expect(periodsOf(2026, 'year')).toEqual([{ key: 'Y', start: '2026-01-01', end: '2026-12-31' }]);
  });

  it('rates by quarter: churned in the quarter over accounts at its start', async () => {
    const { b, ids } = await churnWorkspace();
    const f = await b.call('churn-figures', { year: 2026, period: 'quarter', today: TODAY });
    // Q1 start: A B C H I J (revenue in 2025); not D, F (made 04-01, no earlier revenue), E (churned 2025), G (undated).
    // Q2 start: A C D F I J (D and F made on 04-01); Q3: A D F I; Q4 has not begun.
    expect(f.periods.map((p) => [p.key, p.atStart, p.churned, p.rate, p.started, p.partial])).toEqual([
      ['Q1', 6, 2, 2 / 6, true, false],
      ['Q2', 6, 2, 2 / 6, true, false],
      ['Q3', 4, 1, 1 / 4, true, true],
      ['Q4', 0, 0, null, false, false],
    ]);
    expect(f.periods[0]!.accountIds.sort()).toEqual([ids.B, ids.H].sort());
    // revenue lost: B 50, H 10 USD at 7.1 = 71, C 30, D none recorded, J 5
    expect(f.periods.map((p) => p.revenueLost)).toEqual([121 * W, 35 * W, 0, 0]);
    expect(f.undated).toEqual([{ accountId: ids.G, name: 'G' }]);
  });

  it('the year, halves, revenue lost and its rate, by reason, industry and reason x industry', async () => {
    const { b, ids } = await churnWorkspace();
    const f = await b.call('churn-figures', { year: 2026, period: 'half', today: TODAY });
    expect(f.periods.map((p) => [p.key, p.atStart, p.churned, p.rate])).toEqual([
      ['H1', 6, 4, 4 / 6],
      ['H2', 4, 1, 1 / 4],
    ]);
    // Year start: A B C H I J, and D (it churned in the year); I churns after today: not counted churned.
    expect(f.total).toMatchObject({ atStart: 7, churned: 5, rate: 5 / 7, revenueLost: 156 * W, revenueBase: 276 * W, revenueRate: 156 / 276 });
    expect(f.accounts.map((a) => [a.name, a.churnedOn, a.revenueYear, a.revenueLost])).toEqual([
      ['B', '2026-02-10', 2025, 50 * W],
      ['H', '2026-03-01', 2025, 71 * W],
      ['C', '2026-05-20', 2025, 30 * W],
      ['J', '2026-06-01', 2025, 5 * W],
      ['D', '2026-08-01', 2025, null],
    ]);
    expect(f.accounts[0]!.note).toBe('低价');
    expect(f.byReason.map((r) => [r.reason, r.churned, r.share, r.revenueLost])).toEqual([
      ['competitor-price', 3, 0.6, 126 * W],
      ['customer-business', 2, 0.4, 30 * W],
    ]);
    expect(f.byIndustry.map((r) => [r.industry, r.churned, r.atStart, r.rate, r.share, r.revenueLost])).toEqual([
      ['教育', 3, 3, 1, 0.6, 35 * W],
      ['金融', 2, 3, 2 / 3, 0.4, 121 * W],
    ]);
    expect(f.byReasonIndustry.map((r) => [r.reason, r.industry, r.churned, r.revenueLost, r.accountIds.sort()])).toEqual([
      ['competitor-price', '金融', 2, 121 * W, [ids.B, ids.H].sort()],
      ['customer-business', '教育', 2, 30 * W, [ids.C, ids.D].sort()],
      ['competitor-price', '教育', 1, 5 * W, [ids.J]],
    ]);
    expect(f.fx.used.map((r) => r.currency)).toEqual(['USD']);
  });

  it('a past year: the revenue lost is that of the year before the churn', async () => {
    const { b, ids } = await churnWorkspace();
    const f = await b.call('churn-figures', { year: 2025, period: 'year', today: TODAY });
    expect(f.accounts).toMatchObject([{ accountId: ids.E, revenueYear: 2024, revenueLost: 40 * W, reason: 'service' }]);
    // 2025 start: A B C E H I J have no revenue before 2025 and were made in 2026: only E (churned in 2025) counts.
    expect(f.total).toMatchObject({ atStart: 1, churned: 1, rate: 1, partial: false });
  });

  it('a currency without a rate: the account is counted, its money left out and named', async () => {
    const { b } = await churnWorkspace();
    await b.call('fx-set', { reporting: 'CNY', rates: [] });
    const f = await b.call('churn-figures', { year: 2026, period: 'year', today: TODAY });
    expect(f.total).toMatchObject({ churned: 5, revenueLost: 85 * W });
    expect(f.accounts.find((a) => a.name === 'H')!.revenueLost).toBeNull();
    expect(f.fx.excluded).toEqual([{ currency: 'USD', accounts: 1, names: ['H'] }]);
  });
});

describe('profit-figures', () => {
  it('precedence: the year’s recorded profit, else the profit contribution, else revenue minus cost to serve', () => {
    expect(profitOf({ profit: 5, contribution: 9, revenue: 100, costToServe: 1 })).toEqual({ profit: 5, source: 'recorded' });
    expect(profitOf({ profit: null, contribution: -9, revenue: 100, costToServe: 1 })).toEqual({ profit: -9, source: 'contribution' });
    expect(profitOf({ profit: null, contribution: null, revenue: 100, costToServe: 130 })).toEqual({ profit: -30, source: 'revenue-cost' });
    expect(profitOf({ profit: null, contribution: null, revenue: 100, costToServe: null })).toBeNull();
    expect(profitOf({ profit: null, contribution: null, revenue: null, costToServe: 5 })).toBeNull();
  });

  it('the head, the loss-making tail, lifetime value and return on spend', async () => {
    const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
    const make = async (name: string, f: AccountFields, years: Record<number, { revenue?: number; profit?: number }> = {}) => {
      const a = await b.call('accounts-create', { name, ...f });
      for (const [y, v] of Object.entries(years)) {
        await b.call('revenue-set', { accountId: a.id, year: Number(y), ...(v.revenue !== undefined ? { revenue: v.revenue * W } : {}), ...(v.profit !== undefined ? { profit: v.profit * W } : {}) });
      }
      return a.id;
    };
    const p1 = await make('P1', { profitContribution: 999 * W, costToServe: 10 * W }, { 2025: { profit: 50 }, 2026: { revenue: 300, profit: 100 } });
    const p2 = await make('P2', { profitContribution: 60 * W, lifetimeValue: 500 * W });
    const p3 = await make('P3', { costToServe: 70 * W }, { 2026: { revenue: 40 } });
    const p4 = await make('P4', { profitContribution: -10 * W });
    await make('P5', { costToServe: 3 * W });
    const p6 = await make('P6', {}, { 2026: { profit: 20 } });
    const p7 = await make('P7', {}, { 2026: { profit: -2 } });
    const f = await b.call('profit-figures', { year: 2026 });
    expect(f.points.map((p) => [p.accountId, p.profit, p.source])).toEqual([
      [p1, 100 * W, 'recorded'],
      [p2, 60 * W, 'contribution'],
      [p6, 20 * W, 'recorded'],
      [p7, -2 * W, 'recorded'],
      [p4, -10 * W, 'contribution'],
      [p3, -30 * W, 'revenue-cost'],
    ]);
    expect(f).toMatchObject({ noData: 1, netProfit: 138 * W, positiveProfit: 180 * W, losses: 42 * W, headCount: 2, lossCount: 3, lossHeadCount: 2, lossHeadShareOfCount: 2 / 6 });
    expect(f.bySource).toEqual({ recorded: 3, contribution: 2, 'revenue-cost': 1 });
    expect(f.points.map((p) => [p.inHead, p.inLossHead])).toEqual([
      [true, false],
      [true, false],
      [false, false],
      [false, false],
      [false, true],
      [false, true],
    ]);
    // the whale curve: running profit over the net profit, above 1 before the losses bring it back
    expect(f.points[2]!.cumulative).toBeCloseTo(180 / 138);
    expect(f.points[5]!.cumulative).toBeCloseTo(1);
    const [a1, a2, , , , a3] = f.points;
    expect(a1).toMatchObject({ lifetimeValue: 150 * W, lifetimeSource: 'history', returnOnSpend: 10, revenue: 300 * W, costToServe: 10 * W });
    expect(a2).toMatchObject({ lifetimeValue: 500 * W, lifetimeSource: 'recorded', returnOnSpend: null });
    expect(a3).toMatchObject({ lifetimeValue: null, lifetimeSource: null, returnOnSpend: -30 / 70 });
  });
});
