/**
 * Churn analysis and the profit Pareto (issue 16, items 3 and 4; README, "Churn and profit", has the
 * definitions). Set-based: one query counts the accounts at each period's start (per industry), one
 * lists the year's churned accounts with the revenue of their last full year, one reads every
 * account's profit inputs. Amounts are in the reporting currency (shared/domain/fx.ts); an account
 * in a currency without a rate is counted but its money is left out and named in `fx`.
 */
import type { Database as Db } from 'better-sqlite3';
import type { ChurnCell, ChurnedAccount, ChurnFigures, ChurnPeriod, ChurnPeriodFigure, ChurnPeriodKey, ProfitFigures, ProfitPoint, ProfitSource } from '../../../../shared/api/churn';
import type { ChurnReason, Currency } from '../../../../shared/domain/enums';
import { CHURN_REASONS } from '../../../../shared/domain/enums';
import { fxPlan } from '../../../../shared/domain/fx';
import { getFxTable } from './fx-rates';

/** The share of a total that makes the head (二八法则). */
const HEAD = 0.8;

interface Span {
  key: ChurnPeriodKey;
  start: string;
  end: string;
}

/** The periods of `year`: four quarters, two halves or the year. */
export function periodsOf(year: number, period: ChurnPeriod): Span[] {
  const span = (key: ChurnPeriodKey, m1: number, m2: number): Span => {
    const last = new Date(Date.UTC(year, m2, 0)).getUTCDate();
    return { key, start: `${year}-${String(m1).padStart(2, '0')}-01`, end: `${year}-${String(m2).padStart(2, '0')}-${String(last).padStart(2, '0')}` };
  };
  if (period === 'quarter') return [span('Q1', 1, 3), span('Q2', 4, 6), span('Q3', 7, 9), span('Q4', 10, 12)];
  if (period === 'half') return [span('H1', 1, 6), span('H2', 7, 12)];
  return [span('Y', 1, 12)];
}

/** Accounts that may be named in an amount's footnote: those not in the reporting currency. */
function fxOf(db: Db) {
  const fx = getFxTable(db);
  const foreign = db.prepare('SELECT name, currency FROM accounts WHERE deleted_at IS NULL AND currency <> ?').all(fx.reporting) as { name: string; currency: Currency }[];
  return { fx, plan: fxPlan(foreign, fx) };
}

const emptyCell = (): ChurnCell => ({ churned: 0, revenueLost: 0, accountIds: [] });

export function churnFigures(db: Db, year: number, period: ChurnPeriod, today: string): ChurnFigures {
  const { fx, plan } = fxOf(db);
  const spans = periodsOf(year, period);
  const yearSpan = periodsOf(year, 'year')[0]!;
  const all = period === 'year' ? spans : [...spans, yearSpan];

  // In the portfolio at a period's start: not in the bin, not churned before the start (an account
  // churned without a date is in no period), and a customer by then - its record made on or before
  // the start, revenue recorded for an earlier year, or it churned within the period.
  const values = all.map(() => '(?, ?, ?)').join(', ');
  const startRows = db
    .prepare(
      `WITH p(key, s, e) AS (VALUES ${values}),
       a AS MATERIALIZED (
         SELECT coalesce(industry, '') AS industry, churn_status = 'churned' AS churned, churned_on,
                -- the day from which it counts as a customer: its record made, or 1 January of the
                -- year after its first recorded revenue (revenue in an earlier year than the period's)
                min(substr(created_at, 1, 10),
                    coalesce(((SELECT min(r.year) FROM account_revenue r WHERE r.account_id = accounts.id AND r.revenue > 0) + 1) || '-01-01', '9999-12-31')) AS since
         FROM accounts WHERE deleted_at IS NULL)
       SELECT p.key AS key, a.industry AS industry, count(*) AS n
       FROM p JOIN a
         ON NOT (a.churned AND (a.churned_on IS NULL OR a.churned_on < p.s))
        AND (a.since <= p.s OR (a.churned AND a.churned_on <= p.e))
       GROUP BY p.key, a.industry`,
    )
    .all(...all.flatMap((s) => [s.key, s.start, s.end])) as { key: string; industry: string; n: number }[];
  const atStart = new Map<string, number>();
  const industryAtStart = new Map<string, number>();
  for (const r of startRows) {
    atStart.set(r.key, (atStart.get(r.key) ?? 0) + r.n);
    if (r.key === 'Y') industryAtStart.set(r.industry, r.n);
  }

  const churnedRows = db
    .prepare(
      `SELECT a.id, a.name, a.currency, coalesce(a.industry, '') AS industry, coalesce(a.churn_reason, 'unknown') AS reason,
              a.churned_on AS churnedOn, a.churn_note AS note, r.revenue
       FROM accounts a
       LEFT JOIN account_revenue r ON r.account_id = a.id AND r.year = CAST(substr(a.churned_on, 1, 4) AS INTEGER) - 1
       WHERE a.deleted_at IS NULL AND a.churn_status = 'churned' AND a.churned_on BETWEEN ? AND ? AND a.churned_on <= ?
       ORDER BY a.churned_on, a.name`,
    )
    .all(yearSpan.start, yearSpan.end, today) as { id: number; name: string; currency: Currency; industry: string; reason: ChurnReason | 'unknown'; churnedOn: string; note: string | null; revenue: number | null }[];
  const accounts: ChurnedAccount[] = churnedRows.map((r) => ({
    accountId: r.id,
    name: r.name,
    industry: r.industry,
    reason: r.reason,
    churnedOn: r.churnedOn,
    note: r.note,
    revenueYear: Number(r.churnedOn.slice(0, 4)) - 1,
    revenueLost: r.revenue === null ? null : plan.convert(r.revenue, r.currency),
  }));
  const add = (c: ChurnCell, a: ChurnedAccount) => {
    c.churned++;
    c.revenueLost += a.revenueLost ?? 0;
    c.accountIds.push(a.accountId);
  };

  const periodFigure = (s: Span): ChurnPeriodFigure => {
    const started = s.start <= today;
    const cell = emptyCell();
    for (const a of accounts) if (a.churnedOn >= s.start && a.churnedOn <= s.end) add(cell, a);
    const n = atStart.get(s.key) ?? 0;
    return { ...cell, key: s.key, start: s.start, end: s.end, started, partial: started && today < s.end, atStart: started ? n : 0, rate: started && n > 0 ? cell.churned / n : null };
  };
  const yearFigure = periodFigure(yearSpan);

  // The revenue rate's base: the year before's revenue of the accounts at the year's start.
  const baseRows = db
    .prepare(
      `SELECT a.currency, sum(r.revenue) AS revenue
       FROM accounts a JOIN account_revenue r ON r.account_id = a.id AND r.year = ?
       WHERE a.deleted_at IS NULL AND r.revenue IS NOT NULL
         AND NOT (a.churn_status = 'churned' AND (a.churned_on IS NULL OR a.churned_on < ?))
       GROUP BY a.currency`,
    )
    .all(year - 1, yearSpan.start) as { currency: Currency; revenue: number }[];
  const revenueBase = baseRows.reduce((s, r) => s + (plan.convert(r.revenue, r.currency) ?? 0), 0);

  const reasons = new Map<ChurnReason | 'unknown', ChurnCell>();
  const industries = new Map<string, ChurnCell>();
  const cross = new Map<string, ChurnCell & { reason: ChurnReason | 'unknown'; industry: string }>();
  for (const a of accounts) {
    add(reasons.get(a.reason) ?? reasons.set(a.reason, emptyCell()).get(a.reason)!, a);
    add(industries.get(a.industry) ?? industries.set(a.industry, emptyCell()).get(a.industry)!, a);
    const k = `${a.reason}\u0000${a.industry}`;
    add(cross.get(k) ?? cross.set(k, { ...emptyCell(), reason: a.reason, industry: a.industry }).get(k)!, a);
  }
  const total = accounts.length;
  const order = [...CHURN_REASONS, 'unknown'] as const;
  const byCount = (a: ChurnCell, b: ChurnCell) => b.churned - a.churned || b.revenueLost - a.revenueLost;
  const undated = db
    .prepare("SELECT id AS accountId, name FROM accounts WHERE deleted_at IS NULL AND churn_status = 'churned' AND churned_on IS NULL ORDER BY name")
    .all() as { accountId: number; name: string }[];

  return {
    year,
    period,
    today,
    currency: fx.reporting,
    fx: plan.note,
    periods: spans.map(periodFigure),
    total: { ...yearFigure, revenueBase, revenueRate: revenueBase > 0 ? yearFigure.revenueLost / revenueBase : null },
    byReason: [...reasons.entries()]
      .map(([reason, c]) => ({ ...c, reason, share: total ? c.churned / total : 0 }))
      .sort((a, b) => byCount(a, b) || order.indexOf(a.reason) - order.indexOf(b.reason)),
    byIndustry: [...industries.entries()]
      .map(([industry, c]) => {
        const n = industryAtStart.get(industry) ?? 0;
        return { ...c, industry, atStart: n, rate: n > 0 ? c.churned / n : null, share: total ? c.churned / total : 0 };
      })
      .sort((a, b) => byCount(a, b) || a.industry.localeCompare(b.industry)),
    byReasonIndustry: [...cross.values()].sort((a, b) => byCount(a, b) || order.indexOf(a.reason) - order.indexOf(b.reason) || a.industry.localeCompare(b.industry)),
    accounts,
    undated,
  };
}

interface ProfitRow {
  id: number;
  name: string;
  currency: Currency;
  contribution: number | null;
  costToServe: number | null;
  lifetime: number | null;
  revenue: number | null;
  profit: number | null;
  historyProfit: number | null;
}

/**
 * An account's profit in `year`, by precedence: the year's recorded profit (account_revenue.profit),
 * else the account's profit contribution, else the year's revenue minus its cost to serve; null
 * without any of them.
 */
export function profitOf(r: Pick<ProfitRow, 'profit' | 'contribution' | 'revenue' | 'costToServe'>): { profit: number; source: ProfitSource } | null {
  if (r.profit !== null) return { profit: r.profit, source: 'recorded' };
  if (r.contribution !== null) return { profit: r.contribution, source: 'contribution' };
  if (r.revenue !== null && r.costToServe !== null) return { profit: r.revenue - r.costToServe, source: 'revenue-cost' };
  return null;
}

export function profitFigures(db: Db, year: number): ProfitFigures {
  const { fx, plan } = fxOf(db);
  const rows = db
    .prepare(
      `SELECT a.id, a.name, a.currency, a.profit_contribution AS contribution, a.cost_to_serve AS costToServe,
              a.lifetime_value AS lifetime, r.revenue, r.profit,
              (SELECT sum(h.profit) FROM account_revenue h WHERE h.account_id = a.id AND h.year <= ?) AS historyProfit
       FROM accounts a
       LEFT JOIN account_revenue r ON r.account_id = a.id AND r.year = ?
       WHERE a.deleted_at IS NULL`,
    )
    .all(year, year) as ProfitRow[];
  const bySource: Record<ProfitSource, number> = { recorded: 0, contribution: 0, 'revenue-cost': 0 };
  let noData = 0;
  const points: Omit<ProfitPoint, 'cumulative' | 'inHead' | 'inLossHead'>[] = [];
  for (const r of rows) {
    const p = profitOf(r);
    if (!p || !plan.included(r)) {
      noData += p ? 0 : 1;
      continue;
    }
    const conv = (v: number | null) => (v === null ? null : plan.convert(v, r.currency));
    bySource[p.source]++;
    const cost = conv(r.costToServe);
    const lifetimeValue = r.lifetime !== null ? conv(r.lifetime) : conv(r.historyProfit);
    const profit = conv(p.profit)!;
    points.push({
      accountId: r.id,
      name: r.name,
      profit,
      source: p.source,
      revenue: conv(r.revenue),
      costToServe: cost,
      lifetimeValue,
      lifetimeSource: r.lifetime !== null ? 'recorded' : r.historyProfit !== null ? 'history' : null,
      returnOnSpend: cost !== null && cost > 0 ? profit / cost : null,
    });
  }
  points.sort((a, b) => b.profit - a.profit || a.name.localeCompare(b.name));
  const netProfit = points.reduce((s, p) => s + p.profit, 0);
  const positiveProfit = points.reduce((s, p) => s + Math.max(0, p.profit), 0);
  const losses = points.reduce((s, p) => s + Math.max(0, -p.profit), 0);
  // The head: from the top, accounts until 80% of the positive profit is reached (the one that
  // crosses the line included). The loss head: the same from the bottom, over the losses.
  let running = 0;
  let head = 0;
  let lossRunning = 0;
  let lossHead = 0;
  const inLossHead = new Set<number>();
  for (let i = points.length - 1; i >= 0 && points[i]!.profit < 0; i--) {
    if (lossRunning < HEAD * losses - 1e-9) {
      inLossHead.add(points[i]!.accountId);
      lossHead++;
    }
    lossRunning += -points[i]!.profit;
  }
  let cum = 0;
  const out: ProfitPoint[] = points.map((p) => {
    const inHead = p.profit > 0 && running < HEAD * positiveProfit - 1e-9;
    if (inHead) head++;
    if (p.profit > 0) running += p.profit;
    cum += p.profit;
    return { ...p, cumulative: netProfit === 0 ? 0 : cum / netProfit, inHead, inLossHead: inLossHead.has(p.accountId) };
  });
  return {
    year,
    currency: fx.reporting,
    fx: plan.note,
    points: out,
    noData,
    bySource,
    netProfit,
    positiveProfit,
    losses,
    headCount: head,
    headShareOfCount: out.length ? head / out.length : 0,
    lossCount: out.filter((p) => p.profit < 0).length,
    lossHeadCount: lossHead,
    lossHeadShareOfCount: out.length ? lossHead / out.length : 0,
  };
}
