/**
 * The follow-up view ("Today") and the portfolio figures: compositions of the account query and the
 * pure domain functions (cadence, compliance, Pareto).
 */
import type { Database as Db } from 'better-sqlite3';
import type { AccountRow } from '../../../../shared/api/accounts';
import type { AccountCompliance, Bucket, FollowUpItem, OwnerDay, PortfolioFigures, TodayView } from '../../../../shared/api/accounts-views';
import { compliance, required, sumCompliance, type ComplianceFigures } from '../../../../shared/domain/compliance';
import { addDays, quarterOf } from '../../../../shared/domain/dates';
import { pareto } from '../../../../shared/domain/pareto';
import { fxPlan, type FxNote, type FxTable } from '../../../../shared/domain/fx';
import type { ChurnReason, Currency } from '../../../../shared/domain/enums';
import { getFxTable } from './fx-rates';
import { queryAccountRows } from './account-query';

interface Standard {
  tierId: number;
  visitsPerQuarter: number;
  callsPerMonth: number;
}

/** Visits and calls per account between two dates (inclusive). */
export function contactCounts(db: Db, from: string, to: string): Map<number, { visits: number; calls: number }> {
  const rows = db
    .prepare(
      `SELECT account_id, sum(kind = 'visit') AS visits, sum(kind = 'call') AS calls
       FROM interactions WHERE date BETWEEN ? AND ? AND kind IN ('visit', 'call') GROUP BY account_id`,
    )
    .all(from, to) as { account_id: number; visits: number; calls: number }[];
  return new Map(rows.map((r) => [r.account_id, { visits: r.visits, calls: r.calls }]));
}

function standards(db: Db): Map<number, Standard> {
  const rows = db.prepare('SELECT id AS tierId, visits_per_quarter AS visitsPerQuarter, calls_per_month AS callsPerMonth FROM tiers').all() as Standard[];
  return new Map(rows.map((s) => [s.tierId, s]));
}

/** Compliance of one account in the quarter of `today`, pro rata to the days passed; null without a tier. */
export function accountCompliance(row: Pick<AccountRow, 'tierId'>, counts: { visits: number; calls: number } | undefined, std: Map<number, Standard>, today: string): ComplianceFigures | null {
  const s = row.tierId === null ? undefined : std.get(row.tierId);
  if (!s) return null;
  return compliance(counts ?? { visits: 0, calls: 0 }, required(s, today, true));
}

export function todayView(db: Db, today: string, opts: { ownerId?: number; soonDays?: number } = {}): TodayView {
  const rows = queryAccountRows(db, opts.ownerId ? { ownerIds: [opts.ownerId] } : {}, today).rows.filter((r) => r.churnStatus !== 'churned');
  const quarter = quarterOf(today);
  const counts = contactCounts(db, quarter.start, today);
  const std = standards(db);
  const soon = opts.soonDays ?? 3;
  const byOwner = new Map<number | null, OwnerDay & { _c: ComplianceFigures[] }>();
  const accounts: AccountCompliance[] = [];
  let overdue = 0;
  let due = 0;
  for (const r of rows) {
    let o = byOwner.get(r.ownerId);
    if (!o) {
      o = { ownerId: r.ownerId, ownerName: r.ownerName, overdue: [], due: [], compliance: sumCompliance([]), accounts: 0, _c: [] };
      byOwner.set(r.ownerId, o);
    }
    o.accounts++;
    const item: FollowUpItem = {
      accountId: r.id,
      accountName: r.name,
      grade: r.grade,
      tierKey: r.tierKey,
      lastContact: r.lastContact,
      followUp: r.followUp,
      nextStep: null,
    };
    if (r.followUp.state === 'overdue') {
      o.overdue.push(item);
      overdue++;
    } else if (r.followUp.dueDate && r.followUp.dueDate <= addDays(today, soon)) {
      // within soonDays of its date it is "due" here, as followUp(..., soonDays) would say
      o.due.push({ ...item, followUp: { ...r.followUp, state: 'due' } });
      due++;
    }
    const c = accountCompliance(r, counts.get(r.id), std, today);
    if (c) {
      o._c.push(c);
      accounts.push({ accountId: r.id, accountName: r.name, ownerName: r.ownerName, tierKey: r.tierKey, compliance: c });
    }
  }
  // The promised next step, for items due because of one.
  const stepOf = db.prepare(
    'SELECT next_step FROM interactions WHERE account_id = ? AND next_done = 0 AND next_due = ? ORDER BY id DESC LIMIT 1',
  ).pluck();
  const owners = [...byOwner.values()].map(({ _c, ...o }) => {
    for (const item of [...o.overdue, ...o.due]) {
      if (item.followUp.reason === 'next-step') item.nextStep = (stepOf.get(item.accountId, item.followUp.dueDate) as string | undefined) ?? null;
    }
    o.overdue.sort((a, b) => b.followUp.daysOverdue - a.followUp.daysOverdue || a.accountName.localeCompare(b.accountName));
    o.due.sort((a, b) => (a.followUp.dueDate ?? '').localeCompare(b.followUp.dueDate ?? ''));
    return { ...o, compliance: sumCompliance(_c) };
  });
  owners.sort((a, b) => b.overdue.length - a.overdue.length || (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff'));
  accounts.sort((a, b) => a.compliance.ratio - b.compliance.ratio);
  return {
    today,
    quarter,
    owners,
    accounts,
    totals: { overdue, due, compliance: sumCompliance(accounts.map((a) => a.compliance)) },
  };
}

/**
 * Revenue per account in the reporting currency for `year` (shared/domain/fx.ts): accounts in a
 * currency without a rate are absent from the map (never added in as if they were the reporting
 * currency) and named in `note`.
 */
export function reportingRevenue(db: Db, rows: readonly Pick<AccountRow, 'id' | 'name' | 'currency'>[], years: number[]): { byYear: Map<number, Map<number, number>>; fx: FxTable; note: FxNote; included: (r: Pick<AccountRow, 'currency' | 'name'>) => boolean; convert: (minor: number, currency: Currency) => number | null } {
  const fx = getFxTable(db);
  const plan = fxPlan(rows, fx);
  const currencyOf = new Map(rows.filter(plan.included).map((r) => [r.id, r.currency]));
  const revenueOf = db.prepare('SELECT account_id, revenue FROM account_revenue WHERE year = ? AND revenue IS NOT NULL').raw();
  const byYear = new Map<number, Map<number, number>>();
  for (const y of years) {
    const m = new Map<number, number>();
    for (const [id, v] of revenueOf.all(y) as [number, number][]) {
      const c = currencyOf.get(id);
      if (c !== undefined) m.set(id, plan.convert(v, c) ?? 0);
    }
    byYear.set(y, m);
  }
  return { byYear, fx, note: plan.note, included: plan.included, convert: plan.convert };
}

export function portfolioFigures(db: Db, year: number, today: string): PortfolioFigures {
  const rows = queryAccountRows(db, {}, today).rows;
  const money = reportingRevenue(db, rows, [year, year - 1]);
  const rev = money.byYear.get(year)!;
  const revLast = money.byYear.get(year - 1)!;
  const p = pareto(rows.filter(money.included), (r) => rev.get(r.id) ?? 0);
  const tiers = db.prepare('SELECT id, key FROM tiers ORDER BY rank').all() as { id: number; key: string }[];
  const bucket = (keyOf: (r: AccountRow) => string | null, order?: string[]): Bucket[] => {
    const m = new Map<string, Bucket>();
    for (const k of order ?? []) m.set(k, { key: k, accounts: 0, revenue: 0 });
    for (const r of rows) {
      const k = keyOf(r) ?? '';
      const b = m.get(k) ?? { key: k, accounts: 0, revenue: 0 };
      b.accounts++;
      b.revenue += rev.get(r.id) ?? 0;
      m.set(k, b);
    }
    const list = [...m.values()];
    return order ? list : list.sort((a, b) => b.revenue - a.revenue || b.accounts - a.accounts);
  };
  const churned = rows.filter((r) => r.churnStatus === 'churned');
  const totalLast = rows.reduce((s, r) => s + (revLast.get(r.id) ?? 0), 0);
  const churnedLast = churned.reduce((s, r) => s + (revLast.get(r.id) ?? 0), 0);
  const reasons = new Map<ChurnReason | 'unknown', { accounts: number; revenue: number }>();
  for (const r of rows.filter((x) => x.churnStatus !== 'active')) {
    const k = r.churnReason ?? 'unknown';
    const e = reasons.get(k) ?? { accounts: 0, revenue: 0 };
    e.accounts++;
    e.revenue += revLast.get(r.id) ?? 0;
    reasons.set(k, e);
  }
  const ageing = (['current', '1-30', '31-60', '61-90', '90+'] as const).map((b) => ({ bucket: b, accounts: 0, amount: 0 }));
  for (const r of rows) {
    if (!r.receivableOutstanding) continue;
    const amount = money.convert(r.receivableOutstanding, r.currency);
    if (amount === null) continue;
    const d = r.receivableDaysOverdue ?? 0;
    const i = d <= 0 ? 0 : d <= 30 ? 1 : d <= 60 ? 2 : d <= 90 ? 3 : 4;
    ageing[i]!.accounts++;
    ageing[i]!.amount += amount;
  }
  const owners = new Map<number | null, PortfolioFigures['perOwner'][number]>();
  for (const r of rows) {
    const o = owners.get(r.ownerId) ?? { ownerId: r.ownerId, ownerName: r.ownerName, accounts: 0, revenue: 0, overdue: 0 };
    o.accounts++;
    o.revenue += rev.get(r.id) ?? 0;
    if (r.followUp.state === 'overdue' && r.churnStatus !== 'churned') o.overdue++;
    owners.set(r.ownerId, o);
  }
  return {
    year,
    currency: money.fx.reporting,
    fx: money.note,
    totalRevenue: p.total,
    accounts: rows.length,
    pareto: {
      points: p.items.map((i) => ({ accountId: i.item.id, name: i.item.name, revenue: i.value, cumulative: i.cumulative, inHead: i.inHead })),
      headCount: p.headCount,
      headShareOfCount: p.headShareOfCount,
    },
    byTier: bucket((r) => r.tierKey, [...tiers.map((t) => t.key), '']).filter((b) => b.key !== '' || b.accounts > 0),
    byIndustry: bucket((r) => r.industry),
    byRegion: bucket((r) => r.region),
    churn: {
      churned: churned.length,
      atRisk: rows.filter((r) => r.churnStatus === 'at-risk').length,
      rate: rows.length === 0 ? 0 : churned.length / rows.length,
      revenueRate: totalLast === 0 ? 0 : churnedLast / totalLast,
      reasons: [...reasons.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.revenue - a.revenue),
    },
    receivables: ageing,
    perOwner: [...owners.values()].sort((a, b) => b.revenue - a.revenue),
  };
}
