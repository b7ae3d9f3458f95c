/**
 * portfolio-figures: revenue concentration (Pareto), accounts and revenue by tier, industry and
 * region, churn rate and reasons, receivables ageing at the bucket boundaries, figures per owner.
 */
import { describe, expect, it } from 'vitest';
import type { AccountFields } from '../../shared/api/accounts';
import { refused, tierId } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const W = 10_000_00; // 1万 yuan in fen
const DAY = '2026-05-15';

async function portfolio() {
  const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
  const wang = await b.call('people-save', { name: '王伟' });
  const li = await b.call('people-save', { name: '李娜' });
  const T = (k: string) => tierId(b, k);
  // name, fields, revenue 2026 and 2025 in 万
  const rows: [string, AccountFields, number | null, number | null][] = [
    ['A', { tierId: T('diamond'), industry: '金融', region: '华东', ownerId: wang.id, grade: 'A', receivableOutstanding: 100 * W, receivableDaysOverdue: 0 }, 500, 400],
    ['B', { tierId: T('diamond'), industry: '金融', region: '华北', ownerId: li.id, grade: 'B', receivableOutstanding: 200 * W, receivableDaysOverdue: 30 }, 200, 200],
    ['C', { tierId: T('platinum'), industry: '教育', region: '华东', ownerId: wang.id, receivableOutstanding: 300 * W, receivableDaysOverdue: 31 }, 100, null],
    ['D', { tierId: T('gold'), industry: '教育', region: '华南', ownerId: li.id, receivableOutstanding: 400 * W, receivableDaysOverdue: 60 }, 80, null],
    ['E', { tierId: T('gold'), industry: '制造', region: '华东', ownerId: wang.id, receivableOutstanding: 500 * W, receivableDaysOverdue: 61 }, 50, null],
    ['F', { tierId: T('silver'), industry: '能源', region: '华南', ownerId: li.id, churnStatus: 'at-risk', churnReason: 'competitor-price', receivableOutstanding: 600 * W, receivableDaysOverdue: 90 }, 30, null],
    ['G', { tierId: T('silver'), industry: '能源', region: '华南', ownerId: li.id, churnStatus: 'at-risk', churnReason: 'service', receivableOutstanding: 700 * W, receivableDaysOverdue: 91 }, 20, 50],
    ['H', { industry: '能源', region: '华南', grade: 'A', churnStatus: 'churned', churnReason: 'competitor-price', receivableOutstanding: 800 * W }, 10, 100],
    ['I', { region: '华南', churnStatus: 'churned', receivableOutstanding: 0, receivableDaysOverdue: 100 }, 10, 30],
    ['J', { region: '华南', receivableOutstanding: 900 * W, receivableDaysOverdue: 1 }, null, null],
  ];
  const ids: Record<string, number> = {};
  for (const [name, f, r26, r25] of rows) {
    const a = await b.call('accounts-create', { name, ...f });
    ids[name] = a.id;
    if (r26 !== null) await b.call('revenue-set', { accountId: a.id, year: 2026, revenue: r26 * W });
    if (r25 !== null) await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: r25 * W });
  }
  // an account in the bin counts nowhere
  const gone = await b.call('accounts-create', { name: 'Gone', tierId: T('diamond'), industry: '金融', churnStatus: 'churned', receivableOutstanding: 1 });
  await b.call('revenue-set', { accountId: gone.id, year: 2026, revenue: 99_999 * W });
  await b.call('accounts-delete', { id: gone.id });
  return { b, ids, wang, li };
}

describe('portfolio-figures', () => {
  it('Pareto: the accounts that make the first 80% of this year’s revenue, in order', async () => {
    const { b, ids } = await portfolio();
    const f = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(f).toMatchObject({ year: 2026, currency: 'CNY', totalRevenue: 1000 * W, accounts: 10 });
    expect(f.pareto.points.map((p) => p.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(f.pareto.points[0]).toEqual({ accountId: ids.A, name: 'A', revenue: 500 * W, cumulative: 0.5, inHead: true });
    expect(f.pareto.points.map((p) => p.inHead)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(f.pareto.points.at(-1)).toMatchObject({ name: 'J', revenue: 0, cumulative: 1, inHead: false });
    expect(f.pareto.headCount).toBe(3);
    expect(f.pareto.headShareOfCount).toBe(0.3);
  });

  it('accounts and revenue by tier (in rank order, untiered last), by industry and by region (largest first)', async () => {
    const { b } = await portfolio();
    const f = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(f.byTier).toEqual([
      { key: 'diamond', accounts: 2, revenue: 700 * W },
      { key: 'platinum', accounts: 1, revenue: 100 * W },
      { key: 'gold', accounts: 2, revenue: 130 * W },
      { key: 'silver', accounts: 2, revenue: 50 * W },
      { key: '', accounts: 3, revenue: 20 * W },
    ]);
    expect(f.byIndustry).toEqual([
      { key: '金融', accounts: 2, revenue: 700 * W },
      { key: '教育', accounts: 2, revenue: 180 * W },
      { key: '能源', accounts: 3, revenue: 60 * W },
      { key: '制造', accounts: 1, revenue: 50 * W },
      { key: '', accounts: 2, revenue: 10 * W },
    ]);
    expect(f.byRegion).toEqual([
      { key: '华东', accounts: 3, revenue: 650 * W },
      { key: '华北', accounts: 1, revenue: 200 * W },
      { key: '华南', accounts: 6, revenue: 150 * W },
    ]);
  });

  it('churn: rate by accounts, the churned accounts’ share of last year’s revenue, reasons by revenue', async () => {
    const { b } = await portfolio();
    const { churn } = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(churn.churned).toBe(2);
    expect(churn.atRisk).toBe(2);
    expect(churn.rate).toBe(0.2);
    // last year: 400 + 200 + 50 + 100 + 30 = 780, of which the churned H and I made 130
    expect(churn.revenueRate).toBeCloseTo(130 / 780, 12);
    expect(churn.reasons).toEqual([
      { reason: 'competitor-price', accounts: 2, revenue: 100 * W },
      { reason: 'service', accounts: 1, revenue: 50 * W },
      { reason: 'unknown', accounts: 1, revenue: 30 * W },
    ]);
  });

  it('receivables ageing: 0 is current, 30 and 31, 60 and 61, 90 and 91 fall on each side of their boundary', async () => {
    const { b } = await portfolio();
    const { receivables } = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(receivables).toEqual([
      { bucket: 'current', accounts: 2, amount: 900 * W }, // A (0 days) and H (no days given)
      { bucket: '1-30', accounts: 2, amount: 1100 * W }, // J (1), B (30)
      { bucket: '31-60', accounts: 2, amount: 700 * W }, // C (31), D (60)
      { bucket: '61-90', accounts: 2, amount: 1100 * W }, // E (61), F (90)
      { bucket: '90+', accounts: 1, amount: 700 * W }, // G (91); I owes nothing
    ]);
  });

  it('per owner: accounts, revenue and overdue follow-ups (churned accounts are not overdue)', async () => {
    const { b, wang, li } = await portfolio();
    const { perOwner } = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(perOwner).toEqual([
      { ownerId: wang.id, ownerName: '王伟', accounts: 3, revenue: 650 * W, overdue: 1 },
      { ownerId: li.id, ownerName: '李娜', accounts: 4, revenue: 330 * W, overdue: 1 },
      { ownerId: null, ownerName: null, accounts: 3, revenue: 20 * W, overdue: 0 },
    ]);
  });

  it('another year is read from that year’s revenue; the year defaults to today’s', async () => {
    const { b } = await portfolio();
    const last = await b.call('portfolio-figures', { year: 2025, today: DAY });
    expect(last.totalRevenue).toBe(780 * W);
    expect(last.pareto.points.slice(0, 3).map((p) => p.name)).toEqual(['A', 'B', 'H']);
    expect(last.pareto.headCount).toBe(3); // 400 + 200 = 77%, H crosses the line
    expect(last.churn.revenueRate).toBe(0); // the year before 2025 has no revenue
    const byDefault = await b.call('portfolio-figures', { today: DAY });
    expect(byDefault.year).toBe(2026);
    expect(byDefault.totalRevenue).toBe(1000 * W);
  });

  it('an empty database has empty figures, and bad arguments are refused', async () => {
    const b = env.backend();
    const f = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(f).toMatchObject({ totalRevenue: 0, accounts: 0, pareto: { points: [], headCount: 0, headShareOfCount: 0 }, byIndustry: [], byRegion: [], perOwner: [] });
    expect(f.byTier.map((t) => [t.key, t.accounts])).toEqual([['diamond', 0], ['platinum', 0], ['gold', 0], ['silver', 0]]);
    expect(f.churn).toEqual({ churned: 0, atRisk: 0, rate: 0, revenueRate: 0, reasons: [] });
    expect(f.receivables.map((r) => r.accounts)).toEqual([0, 0, 0, 0, 0]);
    await refused(b, 'portfolio-figures', { year: 1800 }, 'invalid-args');
    await refused(b, 'portfolio-figures', { today: 'today' }, 'invalid-args');
  });

  it('never adds currencies together: without a rate a USD account is left out and named; with one it is converted', async () => {
    const { b } = await portfolio();
    const usd = await b.call('accounts-create', { name: 'Acme Inc.', currency: 'USD', tierId: tierId(b, 'diamond'), industry: '金融', receivableOutstanding: 100_00 });
    await b.call('revenue-set', { accountId: usd.id, year: 2026, revenue: 1_000 * W }); // 10,000,000.00 USD
    const without = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(without.totalRevenue).toBe(1000 * W); // not 2000万 "yuan"
    expect(without.pareto.points.map((p) => p.name)).not.toContain('Acme Inc.');
    expect(without.fx).toEqual({ reporting: 'CNY', used: [], excluded: [{ currency: 'USD', accounts: 1, names: ['Acme Inc.'] }] });
    expect(without.byTier.find((t) => t.key === 'diamond')).toEqual({ key: 'diamond', accounts: 3, revenue: 700 * W });
    expect(without.receivables.reduce((s, r) => s + r.amount, 0)).toBe(4500 * W);

    await b.call('fx-set', { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] });
    const withRate = await b.call('portfolio-figures', { year: 2026, today: DAY });
    expect(withRate.totalRevenue).toBe(1000 * W + 7_100 * W);
    expect(withRate.pareto.points[0]).toMatchObject({ name: 'Acme Inc.', revenue: 7_100 * W });
    expect(withRate.fx).toEqual({ reporting: 'CNY', used: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }], excluded: [] });
    expect(withRate.receivables.reduce((s, r) => s + r.amount, 0)).toBe(4500 * W + 710_00);
    // the board's Pareto head uses the same conversion: Acme (71 million yuan) is the head alone
    const board = await b.call('board-get', { matrix: 'value-potential', today: DAY });
    const head = board.cards.filter((c) => c.inParetoHead).map((c) => c.name);
    expect(head).toEqual(['Acme Inc.']);
  });

  it('fx-set keeps the reporting currency and dated rates; refuses a rate for the reporting currency, twice the same, floats', async () => {
    const b = env.backend({ now: () => new Date('2026-04-01T08:00:00.000Z') });
    expect(await b.call('fx-get', {})).toEqual({ reporting: 'CNY', rates: [] });
    const saved = await b.call('fx-set', { reporting: 'USD', rates: [{ currency: 'CNY', rateMicro: 140_845, asOf: '2026-12-01' }] });
    expect(saved).toEqual({ reporting: 'USD', rates: [{ currency: 'CNY', rateMicro: 140_845, asOf: '2026-12-01' }] });
    await refused(b, 'fx-set', { reporting: 'USD', rates: [{ currency: 'USD', rateMicro: 1_000_000, asOf: '2026-12-01' }] }, 'fx-rates-invalid');
    const twice = { currency: 'EUR' as const, rateMicro: 7_700_000, asOf: '2026-12-01' };
    await refused(b, 'fx-set', { reporting: 'CNY', rates: [twice, twice] }, 'fx-rates-invalid');
    await refused(b, 'fx-set', { reporting: 'CNY', rates: [{ ...twice, rateMicro: 7.7 }] }, 'invalid-args');
    await refused(b, 'fx-set', { reporting: 'CNY', rates: [{ ...twice, rateMicro: 0 }] }, 'invalid-args');
    await refused(b, 'fx-set', { reporting: 'CNY', rates: [{ ...twice, asOf: '2026-02-30' }] }, 'invalid-args');
    await refused(b, 'fx-set', { reporting: 'GBP', rates: [] }, 'invalid-args');
    expect(await b.call('fx-get', {})).toEqual(saved); // nothing changed by the refusals
  });
});
