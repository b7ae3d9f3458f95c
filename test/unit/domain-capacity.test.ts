/**
 * Service capacity (shared/domain/capacity.ts): each owner's load against their days, the forecast
 * compliance, the what-if moves, the tiers' service and the inversion flag.
 */
import { describe, expect, it } from 'vitest';
import { asOfDate, daysNeeded, effectiveMoves, inversions, ownerLoads, parseQuarter, tierService, type CapacityInput } from '../../shared/domain/capacity';
import { quarterOf } from '../../shared/domain/dates';

const Q = quarterOf('2026-05-16'); // day 46 of the 91 days of Q2

const TIERS = [
  { id: 1, key: 'diamond', nameZh: '钻石客户', nameEn: 'Diamond', rank: 1, visitsPerQuarter: 6, callsPerMonth: 4 },
  { id: 2, key: 'gold', nameZh: '金牌客户', nameEn: 'Gold', rank: 2, visitsPerQuarter: 2, callsPerMonth: 1 },
];

function input(): CapacityInput {
  return {
    quarter: Q,
    asOf: '2026-05-16',
    owners: [
      { id: 10, name: '王伟', quarterDays: 10, visitsPerDay: 2, callsPerDay: 12 },
      { id: 20, name: '李娜', quarterDays: 40, visitsPerDay: 2, callsPerDay: 12 },
    ],
    tiers: TIERS,
    accounts: [
      // 王伟: two diamonds (6 visits + 12 calls each = 3 + 1 = 4 days) and one gold (1 + 0.25 days)
      { id: 1, name: 'A', ownerId: 10, tierId: 1, done: { visits: 0, calls: 1 } },
      { id: 2, name: 'B', ownerId: 10, tierId: 1, done: { visits: 1, calls: 0 } },
      { id: 3, name: 'C', ownerId: 10, tierId: 2, done: { visits: 0, calls: 0 } },
      // 李娜: a gold served generously, and an account without a tier
      { id: 4, name: 'D', ownerId: 20, tierId: 2, done: { visits: 2, calls: 3 } },
      { id: 5, name: 'E', ownerId: 20, tierId: null, done: { visits: 1, calls: 0 } },
      // nobody's
      { id: 6, name: 'F', ownerId: null, tierId: 2, done: { visits: 0, calls: 0 } },
    ],
  };
}

describe('capacity', () => {
  it('costs a standard in days: a visit is 1/visitsPerDay, a call 1/callsPerDay', () => {
    expect(daysNeeded({ visits: 6, calls: 12 }, { visitsPerDay: 2, callsPerDay: 12 })).toBe(4);
    expect(daysNeeded({ visits: 0, calls: 0 }, { visitsPerDay: 2, callsPerDay: 12 })).toBe(0);
  });

  it("loads each owner with their accounts' whole-quarter standard; who needs more days than they have cannot meet it", () => {
    const [wang, li, none] = ownerLoads(input());
    expect(wang).toMatchObject({ ownerId: 10, accounts: 3, need: { visits: 14, calls: 27 }, needDays: 9.25, days: 10, overloaded: false, forecast: 1 });
    expect(wang!.load).toBeCloseTo(0.925);
    expect(li).toMatchObject({ ownerId: 20, accounts: 2, need: { visits: 2, calls: 3 }, needDays: 1.25, days: 40, overloaded: false, forecast: 1 });
    // the accounts without an owner have no days at all
    expect(none).toMatchObject({ ownerId: null, name: null, accounts: 1, days: 0, load: null, forecast: 0, overloaded: true });
  });

  it('compliance so far is pro rata to asOf (half-way through Q2: a diamond owes 3 visits and 6 calls)', () => {
    const [wang] = ownerLoads(input());
    expect(wang!.actual).toMatchObject({ visitsDone: 1, callsDone: 1, visitsRequired: 3 + 3 + 1, callsRequired: 6 + 6 + 1 });
    expect(wang!.actual.ratio).toBeCloseTo(2 / 20);
  });

  it('a what-if move changes the forecast of both owners and nothing else', () => {
    const base = input();
    const before = ownerLoads(base);
    const moves = new Map([[1, 20 as number | null]]);
    const [wang, li] = ownerLoads(base, new Map([[2, 10]]));
    expect(wang).toEqual(before[0]); // moving an account to its own owner changes nothing
    expect(li).toEqual(before[1]);
    const overloaded = { ...base, owners: [{ ...base.owners[0]!, quarterDays: 8 }, base.owners[1]!] };
    const o = ownerLoads(overloaded);
    expect(o[0]).toMatchObject({ overloaded: true });
    expect(o[0]!.forecast).toBeCloseTo(8 / 9.25);
    const after = ownerLoads(overloaded, moves);
    expect(after[0]).toMatchObject({ accounts: 2, needDays: 5.25, overloaded: false, forecast: 1 });
    expect(after[1]).toMatchObject({ accounts: 3, needDays: 5.25, overloaded: false });
    // the input is untouched
    expect(ownerLoads(overloaded)).toEqual(o);
    // to nobody
    const orphan = ownerLoads(overloaded, new Map([[3, null]]));
    expect(orphan[2]).toMatchObject({ ownerId: null, accounts: 2 });
    expect(effectiveMoves(overloaded, new Map<number, number | null>([[1, 20], [2, 10], [3, null], [999, 20]]))).toEqual([
      { accountId: 1, from: 10, to: 20 },
      { accountId: 3, from: 10, to: null },
    ]);
  });

  it('reads a quarter and the day follow-ups are counted to', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ year: 2026, q: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(parseQuarter('2026-q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    for (const bad of ['2026-Q5', '2026-4', 'Q4', '26-Q1']) expect(parseQuarter(bad), bad).toBeNull();
    expect(asOfDate(Q, '2026-05-16')).toBe('2026-05-16');
    expect(asOfDate(Q, '2026-09-01')).toBe('2026-06-30');
    expect(asOfDate(Q, '2026-01-05')).toBe('2026-04-01');
  });
});

describe('service inversion (鸡头凤尾)', () => {
  it('serves each tier so far: compliance pro rata and follow-ups per account', () => {
    const [diamond, gold] = tierService(input());
    expect(diamond).toMatchObject({ key: 'diamond', accounts: 2, followUpsPerAccount: 1 });
    expect(diamond!.actual.ratio).toBeCloseTo(2 / 18);
    expect(gold).toMatchObject({ key: 'gold', accounts: 3, followUpsPerAccount: 1.67 });
    expect(gold!.actual.ratio).toBeCloseTo(2 / 6);
  });

  it('flags a lower tier served better than a higher one, by compliance and by follow-ups per account', () => {
    const flags = inversions(tierService(input()));
    expect(flags.map((f) => [f.higher, f.lower, f.measure])).toEqual([
      ['diamond', 'gold', 'compliance'],
      ['diamond', 'gold', 'follow-ups'],
    ]);
  });

  it('flags nothing when the higher tier is served at least as well, or a tier has no accounts', () => {
    const base = input();
    const served = { ...base, accounts: base.accounts.map((a) => (a.tierId === 1 ? { ...a, done: { visits: 6, calls: 12 } } : a)) };
    expect(inversions(tierService(served))).toEqual([]);
    const noDiamonds = { ...base, accounts: base.accounts.filter((a) => a.tierId !== 1) };
    expect(inversions(tierService(noDiamonds))).toEqual([]);
  });
});
