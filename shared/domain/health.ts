/**
 * Account health (domain.md, "Reading the portfolio's health"): a score 0-100 from what Keyplan
 * already keeps, that explains itself. Pure: the backend gathers each account's inputs as of a date
 * (electron/backend/db/repos/health.ts), this file scores them.
 *
 * The score is 100 less the points lost. Each input has a weight (points, the weights sum to 100,
 * editable in Settings) and a loss between 0 (fine) and 1 (as bad as it counts); the points it loses
 * are round(weight x loss), so every point lost belongs to exactly one input and the points lost sum
 * to 100 - score.
 *
 * The inputs and their loss (full loss at the far end of each range, linear in between):
 * - revenue: this year's revenue against its target pro rata to the part of the year passed (a quarter
 *   in, a quarter of the target): none at 100% or more, full at 50% or less.
 * - satisfaction: the latest score as of the date: none at 85 or more, full at 50 or less; or the fall
 *   from the score before it, full at a fall of 25 points; the larger of the two.
 * - follow-up: days past the grade's cadence since the last contact: full at twice the cadence (at
 *   least 30 days) past it. No grade: no loss.
 * - coverage: decision makers (decision maker, economic buyer, veto holder) nobody on our side covers
 *   (no owner, or a relationship weaker than friendly: coverage.ts's rule): full at 2.
 * - receivables: days overdue of an outstanding amount: full at 90 days.
 * - complaints: complaints whose next step is still open: full at 2.
 * - churn: churned is a full loss, at risk half.
 */
import { z } from 'zod';
import { addDays, daysBetween, quarterOf } from './dates';

export const HEALTH_INPUTS = ['revenue', 'satisfaction', 'followUp', 'coverage', 'receivables', 'complaints', 'churn'] as const;
export type HealthInput = (typeof HEALTH_INPUTS)[number];

export type HealthWeights = Record<HealthInput, number>;

/** The defaults (README, "Health and early warning"). */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  revenue: 20,
  satisfaction: 20,
  followUp: 15,
  coverage: 15,
  receivables: 10,
  complaints: 10,
  churn: 10,
};

export interface HealthSettings {
  weights: HealthWeights;
  /** A warning when the score fell by more than this since the end of last quarter. */
  dropPoints: number;
  /** A warning when the score is below this. */
  threshold: number;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = { weights: DEFAULT_HEALTH_WEIGHTS, dropPoints: 20, threshold: 50 };

const weight = z.number().int().min(0).max(100);

/** The Settings card's value: whole-point weights summing to 100 (`health-weights-sum`), drop 1-100, threshold 1-100. */
export const healthSettingsSchema = z.strictObject({
  weights: z.strictObject(Object.fromEntries(HEALTH_INPUTS.map((k) => [k, weight])) as Record<HealthInput, typeof weight>),
  dropPoints: z.number().int().min(1).max(100),
  threshold: z.number().int().min(1).max(100),
});

export function weightsTotal(w: HealthWeights): number {
  return HEALTH_INPUTS.reduce((s, k) => s + w[k], 0);
}

/** One account's inputs as of a date (null: not known, no loss). */
export interface HealthInputs {
  revenue: number | null;
  /** The year's target pro rata to the part of the year passed by the date (yearShare). */
  target: number | null;
  /** The latest satisfaction score as of the date, and the one before it. */
  satisfaction: number | null;
  satisfactionBefore: number | null;
  /** Days past the grade's cadence since the last contact (0 when within it); null without a grade. */
  followUpDaysLate: number | null;
  /** The grade's cadence in days, for the scale of followUpDaysLate. */
  cadenceDays: number | null;
  uncoveredDeciders: number;
  /** Days overdue of an outstanding receivable (0 or null: none overdue). */
  receivableDaysOverdue: number | null;
  openComplaints: number;
  churn: 'active' | 'at-risk' | 'churned';
}

export const EMPTY_INPUTS: HealthInputs = {
  revenue: null,
  target: null,
  satisfaction: null,
  satisfactionBefore: null,
  followUpDaysLate: null,
  cadenceDays: null,
  uncoveredDeciders: 0,
  receivableDaysOverdue: null,
  openComplaints: 0,
  churn: 'active',
};

/** Why points were lost: the input, the points and what to say (the catalogue's `health.reason.<key>`). */
export interface HealthReason {
  input: HealthInput;
  points: number;
  /** health.reason.<key> in the catalogues. */
  key: string;
  params: Record<string, number>;
}

export interface HealthScore {
  score: number;
  /** Points lost per input (0 for an input that lost none); sums to 100 - score. */
  lost: HealthWeights;
  /** Inputs that lost points, most points first (ties in HEALTH_INPUTS order). */
  reasons: HealthReason[];
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The loss (0..1) of each input, in HEALTH_INPUTS order. */
function lossesOf(i: HealthInputs): number[] {
  const revRatio = i.revenue !== null && i.target !== null && i.target > 0 ? i.revenue / i.target : null;
  const sat = i.satisfaction;
  const fall = sat !== null && i.satisfactionBefore !== null ? i.satisfactionBefore - sat : 0;
  return [
    revRatio === null ? 0 : clamp01((1 - revRatio) / 0.5),
    Math.max(sat === null ? 0 : clamp01((85 - sat) / 35), clamp01(fall / 25)),
    clamp01((i.followUpDaysLate ?? 0) / Math.max(30, 2 * (i.cadenceDays ?? 7))),
    clamp01(i.uncoveredDeciders / 2),
    clamp01((i.receivableDaysOverdue ?? 0) / 90),
    clamp01(i.openComplaints / 2),
    i.churn === 'churned' ? 1 : i.churn === 'at-risk' ? 0.5 : 0,
  ];
}

/** What to say about each input's loss: the catalogue's `health.reason.<key>` and its values. */
function words(i: HealthInputs, input: HealthInput): { key: string; params: Record<string, number> } {
  switch (input) {
    case 'revenue':
      return { key: 'revenue', params: { percent: i.revenue !== null && i.target ? Math.round((i.revenue / i.target) * 100) : 0 } };
    case 'satisfaction': {
      const sat = i.satisfaction ?? 0;
      const fall = i.satisfactionBefore !== null ? i.satisfactionBefore - sat : 0;
      const fell = fall > 0 && clamp01(fall / 25) >= clamp01((85 - sat) / 35);
      return { key: fell ? 'satisfactionFell' : 'satisfactionLow', params: { from: i.satisfactionBefore ?? 0, to: sat } };
    }
    case 'followUp':
      return { key: 'followUp', params: { days: i.followUpDaysLate ?? 0 } };
    case 'coverage':
      return { key: 'coverage', params: { n: i.uncoveredDeciders } };
    case 'receivables':
      return { key: 'receivables', params: { days: i.receivableDaysOverdue ?? 0 } };
    case 'complaints':
      return { key: 'complaints', params: { n: i.openComplaints } };
    case 'churn':
      return { key: i.churn === 'churned' ? 'churned' : 'atRisk', params: {} };
  }
}

/** The score alone (the trend's earlier points): exactly healthScore(...).score, without the words. */
export function healthPoints(inputs: HealthInputs, weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS): number {
  const l = lossesOf(inputs);
  let total = 0;
  for (let k = 0; k < HEALTH_INPUTS.length; k++) total += Math.round(weights[HEALTH_INPUTS[k]!] * l[k]!);
  return Math.max(0, 100 - total);
}

/** The score of one account's inputs under `weights` (which sum to 100). */
export function healthScore(inputs: HealthInputs, weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS): HealthScore {
  const l = lossesOf(inputs);
  const lost = {} as HealthWeights;
  const reasons: HealthReason[] = [];
  let total = 0;
  HEALTH_INPUTS.forEach((k, n) => {
    const points = Math.round(weights[k] * l[n]!);
    lost[k] = points;
    total += points;
    if (points > 0) reasons.push({ input: k, points, ...words(inputs, k) });
  });
  reasons.sort((a, b) => b.points - a.points || HEALTH_INPUTS.indexOf(a.input) - HEALTH_INPUTS.indexOf(b.input));
  return { score: Math.max(0, 100 - total), lost, reasons };
}

/**
 * The dates a trend is scored at: the ends of the last four whole quarters before `today`, oldest
 * first, then `today` itself.
 */
export function trendDates(today: string): string[] {
  const ends: string[] = [];
  let end = addDays(quarterOf(today).start, -1);
  for (let n = 0; n < 4; n++) {
    ends.unshift(end);
    end = addDays(quarterOf(end).start, -1);
  }
  return [...ends, today];
}

/** The part of its year passed by `date` (1 January: 1/365; 31 December: 1). */
export function yearShare(date: string): number {
  const year = date.slice(0, 4);
  return (daysBetween(`${year}-01-01`, date) + 1) / (daysBetween(`${year}-01-01`, `${year}-12-31`) + 1);
}

/** Days past the cadence on `asOf` since `from` (the last contact, else the day the account was added). */
export function daysLate(from: string, cadenceDays: number, asOf: string): number {
  return Math.max(0, daysBetween(from, asOf) - cadenceDays);
}

export type WarningReason = 'drop' | 'threshold';

/**
 * Whether an account's score calls for a warning: it fell by more than `dropPoints` since the end of
 * last quarter, or it is below `threshold`. After a decision (confirmed or dismissed) on a score, it
 * warns again only when the score is lower than that one.
 */
export function warningFor(
  score: number,
  lastQuarter: number | null,
  settings: Pick<HealthSettings, 'dropPoints' | 'threshold'>,
  decidedAt: number | null,
): WarningReason | null {
  if (decidedAt !== null && score >= decidedAt) return null;
  if (lastQuarter !== null && lastQuarter - score > settings.dropPoints) return 'drop';
  if (score < settings.threshold) return 'threshold';
  return null;
}
