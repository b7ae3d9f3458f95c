/** Service-standard compliance (shared/domain/compliance): what is required by when, and the ratio. */
import { describe, expect, it } from 'vitest';
import { compliance, required, sumCompliance } from '../../shared/domain/compliance';

const gold = { visitsPerQuarter: 2, callsPerMonth: 1 };
const diamond = { visitsPerQuarter: 6, callsPerMonth: 4 };

describe('required', () => {
  it('for the whole quarter: the visits, and the calls of three months', () => {
    expect(required(gold, '2026-02-14')).toEqual({ visits: 2, calls: 3 });
    expect(required(diamond, '2026-11-30')).toEqual({ visits: 6, calls: 12 });
    expect(required({ visitsPerQuarter: 0, callsPerMonth: 0 }, '2026-05-01')).toEqual({ visits: 0, calls: 0 });
  });

  it('pro rata: nothing on the first day, half in the middle, all on the last day (rounded down)', () => {
    // Q1 2026 has 90 days; 2026-02-14 is its 45th
    expect(required(diamond, '2026-01-01', true)).toEqual({ visits: 0, calls: 0 });
    expect(required(diamond, '2026-02-14', true)).toEqual({ visits: 3, calls: 6 });
    expect(required(gold, '2026-02-14', true)).toEqual({ visits: 1, calls: 1 });
    expect(required(diamond, '2026-03-31', true)).toEqual({ visits: 6, calls: 12 });
    // Q2 has 91 days: the day before the end is not quite all
    expect(required(diamond, '2026-06-29', true)).toEqual({ visits: 5, calls: 11 });
    expect(required(diamond, '2026-06-30', true)).toEqual({ visits: 6, calls: 12 });
  });

  it('a third of a quarter of three visits is exactly one visit (no floating-point shortfall)', () => {
    // 2026-01-30 is day 30 of 90
    expect(required({ visitsPerQuarter: 3, callsPerMonth: 1 }, '2026-01-30', true)).toEqual({ visits: 1, calls: 1 });
    expect(required({ visitsPerQuarter: 3, callsPerMonth: 1 }, '2026-01-29', true)).toEqual({ visits: 0, calls: 0 });
  });
});

describe('compliance', () => {
  it('is done over required, visits and calls together', () => {
    expect(compliance({ visits: 1, calls: 2 }, { visits: 2, calls: 3 })).toEqual({
      visitsDone: 1,
      visitsRequired: 2,
      callsDone: 2,
      callsRequired: 3,
      ratio: 0.6,
    });
    expect(compliance({ visits: 0, calls: 0 }, { visits: 2, calls: 3 }).ratio).toBe(0);
    expect(compliance({ visits: 2, calls: 3 }, { visits: 2, calls: 3 }).ratio).toBe(1);
  });

  it('caps over-delivery: many calls do not make up for missing visits, and the ratio never passes 1', () => {
    const c = compliance({ visits: 0, calls: 30 }, { visits: 2, calls: 3 });
    expect(c.ratio).toBeCloseTo(0.6, 12);
    expect(c.callsDone).toBe(30); // what was done is still reported as done
    expect(compliance({ visits: 9, calls: 9 }, { visits: 2, calls: 3 }).ratio).toBe(1);
  });

  it('is 1 when nothing is required yet', () => {
    expect(compliance({ visits: 0, calls: 0 }, { visits: 0, calls: 0 }).ratio).toBe(1);
    expect(compliance({ visits: 3, calls: 0 }, { visits: 0, calls: 0 }).ratio).toBe(1);
  });
});

describe('sumCompliance', () => {
  it('adds the counts; one account’s over-delivery does not hide another’s shortfall', () => {
    const a = compliance({ visits: 5, calls: 0 }, { visits: 2, calls: 3 }); // 2 of 5
    const b = compliance({ visits: 1, calls: 3 }, { visits: 2, calls: 3 }); // 4 of 5
    expect(sumCompliance([a, b])).toEqual({ visitsDone: 6, visitsRequired: 4, callsDone: 3, callsRequired: 6, ratio: 0.6 });
  });

  it('of nothing is zero counts and a ratio of 1', () => {
    expect(sumCompliance([])).toEqual({ visitsDone: 0, visitsRequired: 0, callsDone: 0, callsRequired: 0, ratio: 1 });
  });
});
