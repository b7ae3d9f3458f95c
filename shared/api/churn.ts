/**
 * Churn analysis and the profit Pareto across the API (issue 16, items 3 and 4): both read only
 * (`writes: []`), both internal (shared/domain/audience.ts: churn, margins and profit are never for a
 * customer). The definitions are in README, "Churn and profit"; electron/backend/db/repos/churn.ts
 * computes them.
 */
import { z } from 'zod';
import type { FxNote } from '../domain/fx';
import type { ChurnReason } from '../domain/enums';
import { isoDate } from './accounts';
import { method } from './method';

export const CHURN_PERIODS = ['quarter', 'half', 'year'] as const;
export type ChurnPeriod = (typeof CHURN_PERIODS)[number];
export type ChurnPeriodKey = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | 'Y';

/** A churned account behind the figures. */
export interface ChurnedAccount {
  accountId: number;
  name: string;
  /** '' when the account has no industry. */
  industry: string;
  reason: ChurnReason | 'unknown';
  churnedOn: string;
  note: string | null;
  /** The year whose revenue the churn cost: the last full year before churning. */
  revenueYear: number;
  /** That year's revenue in the reporting currency; null when none was recorded or it has no rate. */
  revenueLost: number | null;
}

/** One figure: how many churned, the revenue it cost, and who (ids into `accounts`). */
export interface ChurnCell {
  churned: number;
  revenueLost: number;
  accountIds: number[];
}

export interface ChurnPeriodFigure extends ChurnCell {
  /** Q1..Q4, H1/H2 or Y. */
  key: ChurnPeriodKey;
  start: string;
  end: string;
  /** Whether the period has begun (as of `today`); a period not begun has no figures. */
  started: boolean;
  /** Whether it is still running (figures to date). */
  partial: boolean;
  /** Accounts in the portfolio at the period's start (the rate's denominator). */
  atStart: number;
  /** churned / atStart; null when atStart is 0 or the period has not begun. */
  rate: number | null;
}

export interface ChurnFigures {
  year: number;
  period: ChurnPeriod;
  today: string;
  currency: string;
  fx: FxNote;
  periods: ChurnPeriodFigure[];
  /** The whole year (its own rate: churned in the year over accounts at the year's start). */
  total: ChurnPeriodFigure & {
    /** Revenue of the year before, of the accounts at the year's start (the revenue rate's base). */
    revenueBase: number;
    /** revenueLost / revenueBase; null when the base is 0. */
    revenueRate: number | null;
  };
  byReason: (ChurnCell & { reason: ChurnReason | 'unknown'; share: number })[];
  byIndustry: (ChurnCell & { industry: string; atStart: number; rate: number | null; share: number })[];
  byReasonIndustry: (ChurnCell & { reason: ChurnReason | 'unknown'; industry: string })[];
  /** Every account churned in the year, by date. */
  accounts: ChurnedAccount[];
  /** Accounts marked churned without a date: in no period (named so they can be dated). */
  undated: { accountId: number; name: string }[];
}

/** Where an account's profit comes from (README, "Churn and profit": the precedence). */
export const PROFIT_SOURCES = ['recorded', 'contribution', 'revenue-cost'] as const;
export type ProfitSource = (typeof PROFIT_SOURCES)[number];

export interface ProfitPoint {
  accountId: number;
  name: string;
  profit: number;
  source: ProfitSource;
  /** The year's revenue, when recorded. */
  revenue: number | null;
  /** Cost to serve, when recorded. */
  costToServe: number | null;
  /** Recorded lifetime value, else the sum of the yearly profits of its history; null without data. */
  lifetimeValue: number | null;
  lifetimeSource: 'recorded' | 'history' | null;
  /** profit / cost to serve; null without a cost to serve. */
  returnOnSpend: number | null;
  /** Running profit of this account and those above it, over the net profit (the whale curve). */
  cumulative: number;
  /** Among the accounts that make 80% of the positive profit. */
  inHead: boolean;
  /** Among the loss-makers that make 80% of the losses. */
  inLossHead: boolean;
}

export interface ProfitFigures {
  year: number;
  currency: string;
  fx: FxNote;
  /** By profit, highest first; only accounts with a profit figure. */
  points: ProfitPoint[];
  /** Accounts with no profit figure (left out, never guessed). */
  noData: number;
  bySource: Record<ProfitSource, number>;
  netProfit: number;
  positiveProfit: number;
  /** Sum of the losses, as a positive amount. */
  losses: number;
  headCount: number;
  headShareOfCount: number;
  lossCount: number;
  /** Loss-makers that make 80% of the losses, and their share of the accounts with a figure. */
  lossHeadCount: number;
  lossHeadShareOfCount: number;
}

const year = z.number().int().min(1900).max(2200);

export const churnContract = {
  /** Churn by period, reason, industry and reason x industry, with the revenue it cost. */
  'churn-figures': method<ChurnFigures>()(z.strictObject({ year: year.optional(), period: z.enum(CHURN_PERIODS).optional(), today: isoDate.optional() }), { writes: [] }),
  /** Accounts by profit contribution, the loss-making tail, lifetime value and return on spend. */
  'profit-figures': method<ProfitFigures>()(z.strictObject({ year: year.optional(), today: isoDate.optional() }), { writes: [] }),
};
