/**
 * Account health and early warning (README, "Health and early warning"): the inputs of
 * shared/domain/health.ts gathered for every live account (or one) as of the trend's dates, in one
 * pass of set-based queries (no query per account), scored, and the warnings a director decides.
 *
 * What the history cannot tell, and how it is treated at a past date:
 * - revenue and targets are kept per year: a past date reads its year's row as it is now, against the
 *   target pro rata to the part of the year passed by then;
 * - the stakeholder map's changes are not dated (a map imported today describes a relationship that is
 *   years old): every date reads the map as it is now, its live people with their owner and strength;
 * - a complaint's next step is ticked without a date: a closed complaint is closed at every date, an
 *   open one counts from the day it was logged;
 * - receivables are one figure now: a past date reads the days overdue less the days since then;
 * - "at risk" has no date of its own: it counts today, and from the date a warning was confirmed.
 */
import type { Database as Db } from 'better-sqlite3';
import type { AccountHealth, HealthDecision, HealthList, HealthWarning } from '../../../../shared/api/health';
import { AppError } from '../../../../shared/api/errors';
import { daysBetween } from '../../../../shared/domain/dates';
import {
  DEFAULT_HEALTH_SETTINGS,
  healthPoints,
  healthScore,
  healthSettingsSchema,
  trendDates,
  warningFor,
  weightsTotal,
  yearShare,
  type HealthInputs,
  type HealthReason,
  type HealthSettings,
  type WarningReason,
} from '../../../../shared/domain/health';
import { isDecider } from '../../../../shared/domain/coverage';
import { isCovered, type BuyingRole, type Strength } from '../../../../shared/domain/stakeholders';
import type { Grade } from '../../../../shared/domain/enums';
import { loadCadence } from './account-query';
import { recorderName } from './identity';
import { requireAccount } from '../guards';
import { writeTx } from '../tx';

const SETTINGS_KEY = 'health.settings';

export function getHealthSettings(db: Db): HealthSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined;
  if (raw === undefined) return DEFAULT_HEALTH_SETTINGS;
  try {
    const parsed = healthSettingsSchema.safeParse(JSON.parse(raw));
    if (parsed.success && weightsTotal(parsed.data.weights) === 100) return parsed.data;
  } catch {
    // a value no Keyplan wrote: the defaults
  }
  return DEFAULT_HEALTH_SETTINGS;
}

export function setHealthSettings(db: Db, s: HealthSettings): HealthSettings {
  const total = weightsTotal(s.weights);
  if (total !== 100) throw new AppError('health-weights-sum', `The health weights add up to ${total}, not 100.`, { total });
  return writeTx(db, () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(s));
    return getHealthSettings(db);
  });
}

interface AccountBase {
  id: number;
  name: string;
  ownerName: string | null;
  grade: Grade | null;
  since: string;
  outstanding: number | null;
  overdue: number | null;
  churn: 'active' | 'at-risk' | 'churned';
  churnedOn: string | null;
  /** This year's and last year's revenue and target (the trend's dates span at most these two). */
  rev1: number | null;
  tgt1: number | null;
  rev0: number | null;
  tgt0: number | null;
  /** The last contact as of each of the trend's dates: c0 .. c4. */
  [lastContact: `c${number}`]: string | null;
}

interface Scope {
  accountId?: number | undefined;
  ownerId?: number | undefined;
}

/** `AND <col> = ?` for one account, and its parameter. */
function one(scope: Scope, col: string): [string, unknown[]] {
  return scope.accountId === undefined ? ['', []] : [` AND ${col} = ?`, [scope.accountId]];
}

function group<T>(rows: [number, ...unknown[]][], make: (r: [number, ...unknown[]]) => T): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r[0]);
    if (list) list.push(make(r));
    else m.set(r[0], [make(r)]);
  }
  return m;
}

/** Every account's inputs at each of `dates` (ascending), keyed by account id. */
function gatherInputs(db: Db, dates: string[], today: string, scope: Scope): { accounts: AccountBase[]; inputsOf: (a: AccountBase) => HealthInputs[] } {
  const filters: string[] = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (scope.accountId !== undefined) {
    filters.push('a.id = ?');
    params.push(scope.accountId);
  }
  if (scope.ownerId !== undefined) {
    filters.push('a.owner_id = ?');
    params.push(scope.ownerId);
  }
  const year = Number(today.slice(0, 4));
  // The last contact as of each date: an index seek per account and date (interactions_account_date).
  const lastCols = dates.map((_, i) => `(SELECT max(i.date) FROM interactions i WHERE i.account_id = a.id AND i.date <= ?) AS c${i}`).join(', ');
  const accounts = db
    .prepare(
      `SELECT a.id, a.name, p.name AS ownerName, a.grade, substr(a.created_at, 1, 10) AS since, a.receivable_outstanding AS outstanding,
              a.receivable_days_overdue AS overdue, a.churn_status AS churn, a.churned_on AS churnedOn,
              r1.revenue AS rev1, r1.target AS tgt1, r0.revenue AS rev0, r0.target AS tgt0, ${lastCols}
       FROM accounts a LEFT JOIN people p ON p.id = a.owner_id
       LEFT JOIN account_revenue r1 ON r1.account_id = a.id AND r1.year = ?
       LEFT JOIN account_revenue r0 ON r0.account_id = a.id AND r0.year = ?
       WHERE ${filters.join(' AND ')}`,
    )
    .all(...dates, year, year - 1, ...params) as AccountBase[];
  const cadence = loadCadence(db);
  const [accOne, accParams] = one(scope, 'account_id');
  const satisfaction = group(
    db.prepare(`SELECT account_id, date, score FROM satisfaction WHERE 1${accOne} ORDER BY account_id, date, id`).raw().all(...accParams) as [number, string, number][],
    (r) => r as [number, string, number],
  );
  const deciders = group(
    db
      .prepare(
        `SELECT account_id, roles, owner_id, strength FROM stakeholders
         WHERE deleted_at IS NULL AND (roles LIKE '%decision-maker%' OR roles LIKE '%economic-buyer%' OR roles LIKE '%veto-holder%')${accOne}`,
      )
      .raw()
      .all(...accParams) as [number, string, number | null, Strength][],
    (r) => ({ roles: JSON.parse(r[1] as string) as BuyingRole[], owned: r[2] !== null, strength: r[3] as Strength }),
  );
  const complaints = group(
    db
      .prepare(`SELECT account_id, date FROM interactions WHERE kind = 'complaint' AND next_done = 0 AND (next_step <> '' OR next_due IS NOT NULL)${accOne}`)
      .raw()
      .all(...accParams) as [number, string][],
    (r) => r[1] as string,
  );
  const confirmedFrom = new Map<number, string>();
  for (const [id, at] of db
    .prepare(`SELECT account_id, min(substr(decided_at, 1, 10)) FROM health_warnings WHERE decision = 'confirmed'${accOne} GROUP BY account_id`)
    .raw()
    .all(...accParams) as [number, string][]) {
    confirmedFrom.set(id, at);
  }

  // Per date once: the share of its year passed, and how many days before today it is. Day numbers of
  // the dates read (last contacts, the days accounts were added) are cached: they repeat.
  const shares = dates.map(yearShare);
  const before = dates.map((d) => daysBetween(d, today));
  const dayNos = new Map<string, number>();
  const dayNo = (d: string): number => {
    let n = dayNos.get(d);
    if (n === undefined) {
      n = daysBetween('1970-01-01', d);
      dayNos.set(d, n);
    }
    return n;
  };
  const dateNos = dates.map(dayNo);

  // Computed per account when asked (nothing kept for 10,000 accounts at once).
  const inputsOf = (a: AccountBase): HealthInputs[] => {
    const cadenceDays = a.grade ? cadence[a.grade] : null;
    const sats = satisfaction.get(a.id) ?? [];
    const uncovered = (deciders.get(a.id) ?? []).filter((d) => isDecider(d) && (!d.owned || !isCovered(d.strength))).length;
    const open = complaints.get(a.id) ?? [];
    const confirmed = confirmedFrom.get(a.id) ?? '9999';
    const list: HealthInputs[] = new Array(dates.length);
    let s = -1;
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i]!;
      const thisYear = Number(date.slice(0, 4)) === year;
      const revenue = thisYear ? a.rev1 : Number(date.slice(0, 4)) === year - 1 ? a.rev0 : null;
      const target = thisYear ? a.tgt1 : Number(date.slice(0, 4)) === year - 1 ? a.tgt0 : null;
      while (s + 1 < sats.length && sats[s + 1]![1] <= date) s++;
      const from = a[`c${i}`] ?? (a.since <= date ? a.since : null);
      const churned = a.churn === 'churned' && (a.churnedOn === null || a.churnedOn <= date);
      const atRisk = a.churn === 'at-risk' && (date >= today || confirmed <= date);
      let complaintsOpen = 0;
      for (const d of open) if (d <= date) complaintsOpen++;
      list[i] = {
        revenue,
        target: target === null ? null : target * shares[i]!,
        satisfaction: s >= 0 ? sats[s]![2] : null,
        satisfactionBefore: s >= 1 ? sats[s - 1]![2] : null,
        followUpDaysLate: cadenceDays !== null && from !== null ? Math.max(0, dateNos[i]! - dayNo(from) - cadenceDays) : null,
        cadenceDays,
        uncoveredDeciders: uncovered,
        receivableDaysOverdue: a.outstanding ? Math.max(0, (a.overdue ?? 0) - before[i]!) : null,
        openComplaints: complaintsOpen,
        churn: churned ? 'churned' : atRisk ? 'at-risk' : 'active',
      };
    }
    return list;
  };
  return { accounts, inputsOf };
}

/** The score that a later warning must fall below: the last decided one, per account. */
function lastDecided(db: Db, scope: Scope): Map<number, number> {
  const [accOne, accParams] = one(scope, 'account_id');
  const rows = db
    .prepare(`SELECT account_id, score_then, max(id) FROM health_warnings WHERE 1${accOne} GROUP BY account_id`)
    .raw()
    .all(...accParams) as [number, number, number][];
  return new Map(rows.map((r) => [r[0], r[1]]));
}

/** Health of every live account (or the scope's), lowest score first, and the warnings awaiting a decision. */
export function healthOf(db: Db, today: string, scope: Scope = {}): HealthList {
  const settings = getHealthSettings(db);
  const dates = trendDates(today);
  const { accounts, inputsOf } = gatherInputs(db, dates, today, scope);
  const decided = lastDecided(db, scope);
  const out: AccountHealth[] = [];
  const warnings: HealthWarning[] = [];
  for (const a of accounts) {
    const points = inputsOf(a);
    const now = healthScore(points[points.length - 1]!, settings.weights);
    const trend = points.map((p, i) => ({ date: dates[i]!, score: i === points.length - 1 ? now.score : healthPoints(p, settings.weights) }));
    const previous = trend[trend.length - 2]!.score;
    // An account already at risk (a confirmed warning, or set so by hand) or churned needs no suggestion.
    const warning = a.churn !== 'active' ? null : warningFor(now.score, previous, settings, decided.get(a.id) ?? null);
    out.push({
      accountId: a.id,
      accountName: a.name,
      ownerName: a.ownerName,
      score: now.score,
      lost: now.lost,
      reasons: now.reasons,
      trend,
      warning,
    });
    if (warning) warnings.push({ accountId: a.id, accountName: a.name, ownerName: a.ownerName, reason: warning, score: now.score, previous, reasons: now.reasons });
  }
  out.sort((x, y) => x.score - y.score || x.accountName.localeCompare(y.accountName));
  warnings.sort((x, y) => x.score - y.score || x.accountName.localeCompare(y.accountName));
  return { today, settings, accounts: out, warnings };
}

/** One live account's health. */
export function accountHealth(db: Db, accountId: number, today: string): AccountHealth {
  requireAccount(db, accountId);
  const list = healthOf(db, today, { accountId });
  const found = list.accounts[0];
  if (!found) throw new AppError('not-found', `No account with id ${accountId}.`, { id: accountId });
  return found;
}

interface DecisionRow {
  id: number;
  account_id: number;
  suggested_at: string;
  score_then: number;
  previous: number | null;
  reason: WarningReason;
  reasons: string;
  decision: 'confirmed' | 'dismissed';
  note: string;
  decided_by: string | null;
  decided_at: string;
}

const toDecision = (r: DecisionRow): HealthDecision => ({
  id: r.id,
  accountId: r.account_id,
  suggestedAt: r.suggested_at,
  scoreThen: r.score_then,
  previous: r.previous,
  reason: r.reason,
  reasons: JSON.parse(r.reasons) as HealthReason[],
  decision: r.decision,
  note: r.note,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

export function listDecisions(db: Db, accountId: number, decision?: 'confirmed'): HealthDecision[] {
  const rows = db
    .prepare(`SELECT * FROM health_warnings WHERE account_id = ?${decision ? ' AND decision = ?' : ''} ORDER BY decided_at DESC, id DESC`)
    .all(...(decision ? [accountId, decision] : [accountId])) as DecisionRow[];
  return rows.map(toDecision);
}

/**
 * Confirms or dismisses the account's warning, as the person chosen as "I am". Confirming makes an
 * active account "at risk" (the domain's word for it: the portfolio counts it, the plan shows it).
 */
export function decideWarning(db: Db, input: { accountId: number; decision: 'confirmed' | 'dismissed'; note: string }, today: string, now: Date): HealthDecision {
  return writeTx(db, () => {
    requireAccount(db, input.accountId);
    const h = healthOf(db, today, { accountId: input.accountId }).accounts[0];
    if (!h?.warning) throw new AppError('health-no-warning', `Account ${input.accountId} has no warning waiting for a decision.`, { id: input.accountId });
    const previous = h.trend[h.trend.length - 2]?.score ?? null;
    const id = Number(
      db
        .prepare(
          `INSERT INTO health_warnings (account_id, suggested_at, score_then, previous, reason, reasons, decision, note, decided_by, decided_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.accountId, today, h.score, previous, h.warning, JSON.stringify(h.reasons.slice(0, 3)), input.decision, input.note, recorderName(db) || null, now.toISOString())
        .lastInsertRowid,
    );
    if (input.decision === 'confirmed') {
      db.prepare("UPDATE accounts SET churn_status = 'at-risk', updated_at = ? WHERE id = ? AND churn_status = 'active'").run(now.toISOString(), input.accountId);
    }
    return toDecision(db.prepare('SELECT * FROM health_warnings WHERE id = ?').get(id) as DecisionRow);
  });
}
