/** The health score (shared/domain/health.ts): the formula, its attribution, the trend's dates, the warning rule. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_WEIGHTS, EMPTY_INPUTS, HEALTH_INPUTS, daysLate, healthPoints, healthScore, trendDates, warningFor, yearShare, type HealthInputs } from '../../shared/domain/health';

const sick: HealthInputs = {
  revenue: 70,
  target: 100,
  satisfaction: 72,
  satisfactionBefore: 92,
  followUpDaysLate: 12,
  cadenceDays: 7,
  uncoveredDeciders: 2,
  receivableDaysOverdue: 95,
  openComplaints: 1,
  churn: 'active',
};

describe('health score', () => {
  it('is 100 with nothing wrong, and nothing unknown costs points', () => {
    expect(healthScore(EMPTY_INPUTS)).toEqual({ score: 100, lost: Object.fromEntries(HEALTH_INPUTS.map((k) => [k, 0])), reasons: [] });
  });

  it('loses points per input and says why, most points first', () => {
    const h = healthScore(sick);
    expect(h.lost).toEqual({ revenue: 12, satisfaction: 16, followUp: 6, coverage: 15, receivables: 10, complaints: 5, churn: 0 });
    expect(h.score).toBe(36);
    expect(h.reasons.slice(0, 3).map((r) => [r.key, r.params])).toEqual([
      ['satisfactionFell', { from: 92, to: 72 }],
      ['coverage', { n: 2 }],
      ['revenue', { percent: 70 }],
    ]);
  });

  it('attributes every point lost to exactly one input: the points lost sum to 100 - score', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 500; i++) {
      const raw = HEALTH_INPUTS.map(() => rnd(30));
      const sum = raw.reduce((s, x) => s + x, 0) || 1;
      const w = Object.fromEntries(HEALTH_INPUTS.map((k, j) => [k, Math.floor((raw[j]! * 100) / sum)])) as typeof DEFAULT_HEALTH_WEIGHTS;
      w.revenue += 100 - HEALTH_INPUTS.reduce((s, k) => s + w[k], 0);
      const inputs: HealthInputs = {
        revenue: rnd(200),
        target: rnd(3) === 0 ? null : 1 + rnd(150),
        satisfaction: rnd(101),
        satisfactionBefore: rnd(2) ? rnd(101) : null,
        followUpDaysLate: rnd(60),
        cadenceDays: 1 + rnd(30),
        uncoveredDeciders: rnd(4),
        receivableDaysOverdue: rnd(150),
        openComplaints: rnd(4),
        churn: (['active', 'at-risk', 'churned'] as const)[rnd(3)]!,
      };
      const h = healthScore(inputs, w);
      expect(healthPoints(inputs, w)).toBe(h.score);
      const lost = HEALTH_INPUTS.reduce((s, k) => s + h.lost[k], 0);
      expect(lost).toBe(100 - h.score);
      expect(h.reasons.reduce((s, r) => s + r.points, 0)).toBe(100 - h.score);
      for (const k of HEALTH_INPUTS) expect(h.lost[k]).toBeLessThanOrEqual(w[k]);
    }
  });

  it('follows the weights: an input weighted 0 costs nothing', () => {
    const h = healthScore(sick, { ...DEFAULT_HEALTH_WEIGHTS, receivables: 0, revenue: 30 });
    expect(h.lost.receivables).toBe(0);
    expect(h.lost.revenue).toBe(18);
    expect(h.reasons.some((r) => r.input === 'receivables')).toBe(false);
  });

  it('reads a low score without a fall as low, a churned account as a full loss', () => {
    expect(healthScore({ ...EMPTY_INPUTS, satisfaction: 60 }).reasons[0]).toMatchObject({ key: 'satisfactionLow', params: { to: 60 } });
    expect(healthScore({ ...EMPTY_INPUTS, churn: 'churned' }).lost.churn).toBe(10);
    expect(healthScore({ ...EMPTY_INPUTS, churn: 'at-risk' }).lost.churn).toBe(5);
  });
});

describe('trend dates and follow-up lateness', () => {
  it('are the ends of the last four whole quarters, then today', () => {
    expect(trendDates('2026-05-16')).toEqual(['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-05-16']);
    expect(trendDates('2026-01-01')).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-01-01']);
  });
  it('reads the target pro rata to the part of the year passed', () => {
    expect(yearShare('2026-12-31')).toBe(1);
    expect(yearShare('2026-01-01')).toBeCloseTo(1 / 365);
    expect(yearShare('2024-07-01')).toBeCloseTo(183 / 366);
  });
  it('counts days past the cadence', () => {
    expect(daysLate('2026-05-01', 7, '2026-05-16')).toBe(8);
    expect(daysLate('2026-05-10', 7, '2026-05-16')).toBe(0);
  });
});

describe('warnings', () => {
  const s = { dropPoints: 15, threshold: 60 };
  it('warn on a fall of more than dropPoints, or below the threshold', () => {
    expect(warningFor(70, 86, s, null)).toBe('drop');
    expect(warningFor(70, 85, s, null)).toBeNull();
    expect(warningFor(59, 61, s, null)).toBe('threshold');
    expect(warningFor(60, null, s, null)).toBeNull();
  });
  it('after a decision, warn again only when the score falls below the decided one', () => {
    expect(warningFor(50, 80, s, 50)).toBeNull();
    expect(warningFor(55, 80, s, 50)).toBeNull();
    expect(warningFor(49, 80, s, 50)).toBe('drop');
  });
});
