/**
 * The accounts table's query. The whole portfolio (every live account with the figures the table
 * shows and its follow-up state) is read once into a snapshot, kept until the database changes, and
 * filtered and sorted in memory: changing a filter or a sort over 10,000 accounts then costs a few
 * milliseconds instead of a 10,000-row read. A change is noticed through SQLite itself: this
 * connection's total_changes() moves with every write it makes, and data_version moves when another
 * connection (the CLI, say) commits; the snapshot also belongs to one day, for the follow-up state.
 */
import type { Database as Db } from 'better-sqlite3';
import { ACCOUNT_LIST_FIELDS, type AccountListRow, type AccountQuery, type AccountQueryResult, type AccountRow } from '../../../../shared/api/accounts';
import { followUp, PENDING_PROMISE_SQL, type CadenceDays } from '../../../../shared/domain/cadence';
import { LIFECYCLE_STAGES } from '../../../../shared/domain/enums';

export function loadCadence(db: Db): CadenceDays {
  const rows = db.prepare('SELECT grade, days FROM grade_cadence').raw().all() as [keyof CadenceDays, number][];
  const out = { A: 1, B: 7, C: 15, D: 30, E: 365 } as CadenceDays;
  for (const [g, d] of rows) out[g] = d;
  return out;
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

interface Snapshot {
  key: string;
  rows: Sortable[];
  facets: AccountQueryResult['facets'];
}

const snapshots = new WeakMap<Db, Snapshot>();

function changeKey(db: Db, today: string): string {
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${today}|${own}|${others}`;
}

function snapshot(db: Db, today: string): Snapshot {
  const key = changeKey(db, today);
  const cached = snapshots.get(db);
  if (cached?.key === key) return cached;
  const year = Number(today.slice(0, 4));
  // Columns named as the API names them, so each row needs no conversion; only what lists show.
  const raw = db
    .prepare(
      `SELECT a.id, a.name, a.name_en AS nameEn, a.short_name AS shortName, a.parent_id AS parentId, p.name AS parentName,
              a.industry, a.region, a.owner_id AS ownerId, o.name AS ownerName, a.tier_id AS tierId, t.key AS tierKey,
              a.grade, a.lifecycle, a.churn_status AS churnStatus, a.churn_reason AS churnReason, a.currency,
              a.receivable_outstanding AS receivableOutstanding, a.receivable_days_overdue AS receivableDaysOverdue,
              a.growth_potential AS growthPotential, a.importance, a.urgency,
              r1.revenue AS revenueThisYear, r0.revenue AS revenueLastYear, a.last_contact AS lastContact,
              ${PENDING_PROMISE_SQL} AS nextStepDue, substr(a.created_at, 1, 10) AS since, a.search_key AS searchKey, t.rank AS tierRank
       FROM accounts a
       LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL
       LEFT JOIN people o ON o.id = a.owner_id
       LEFT JOIN tiers t ON t.id = a.tier_id
       LEFT JOIN account_revenue r1 ON r1.account_id = a.id AND r1.year = ?
       LEFT JOIN account_revenue r0 ON r0.account_id = a.id AND r0.year = ?
       WHERE a.deleted_at IS NULL`,
    )
    .all(year, year - 1) as Omit<Sortable, 'followUp' | 'nameKey'>[];
  const cadence = loadCadence(db);
  const industries = new Set<string>();
  const regions = new Set<string>();
  // The rows better-sqlite3 made are completed in place: no copies of 10,000 objects.
  const rows = raw as unknown as Sortable[];
  for (const r of raw) {
    const row = r as unknown as Sortable;
    row.followUp = followUp({ grade: r.grade, lastContact: r.lastContact, since: r.since, nextStepDue: r.nextStepDue }, today, cadence);
    row.nameKey = nameSortKey(r.name, r.searchKey);
    if (r.industry) industries.add(r.industry);
    if (r.region) regions.add(r.region);
  }
  const snap: Snapshot = {
    key,
    rows,
    facets: { industries: [...industries].sort(collator.compare), regions: [...regions].sort(collator.compare) },
  };
  snapshots.set(db, snap);
  return snap;
}

/** The accounts a query selects, with every field: for the backend's own views (Today, figures, board). */
export function queryAccountRows(db: Db, q: AccountQuery, today: string): { rows: AccountRow[]; total: number; facets: AccountQueryResult['facets'] } {
  const snap = snapshot(db, today);
  const search = q.search?.trim().toLowerCase();
  const tests: ((r: Sortable) => boolean)[] = [];
  const member = <T>(values: readonly T[] | undefined, get: (r: Sortable) => T | null) => {
    if (!values || values.length === 0) return;
    const set = new Set<T | null>(values);
    tests.push((r) => set.has(get(r)));
  };
  if (search) tests.push((r) => r.searchKey.includes(search));
  member(q.tierIds, (r) => r.tierId);
  member(q.industries, (r) => r.industry);
  member(q.regions, (r) => r.region);
  member(q.ownerIds, (r) => r.ownerId);
  member(q.lifecycles, (r) => r.lifecycle);
  member(q.grades, (r) => r.grade);
  if (q.overdueOnly) tests.push((r) => r.followUp.state === 'overdue');
  const rows = tests.length === 0 ? [...snap.rows] : snap.rows.filter((r) => tests.every((t) => t(r)));
  sortRows(rows, q.sort ?? 'name', q.desc ?? false);
  return {
    // The snapshot's own objects (with their sort helpers): read-only for callers.
    rows,
    total: snap.rows.length,
    facets: { industries: [...snap.facets.industries], regions: [...snap.facets.regions] },
  };
}

/** The `accounts-query` answer: the selected rows with the list's fields only. */
export function queryAccounts(db: Db, q: AccountQuery, today: string): AccountQueryResult {
  const { rows, total, facets } = queryAccountRows(db, q, today);
  return { rows: rows.map(listRow), total, facets };
}

function listRow(r: AccountRow): AccountListRow {
  const out: Record<string, unknown> = {};
  for (const k of ACCOUNT_LIST_FIELDS) out[k] = r[k];
  return out as AccountListRow;
}


/** A snapshot row: the API row plus what sorting and searching use (never sent as is). */
type Sortable = AccountRow & { tierRank: number | null; nameKey: string; searchKey: string; nextStepDue: string | null; since: string };

/**
 * Sorts in place. Names sort by their pinyin (as zh-CN collation does, but precomputed in the search
 * key, so 10,000 rows sort in a few milliseconds); other text columns by collation rank of their
 * few distinct values; empty values last whichever the direction; ties by name.
 */
function sortRows(rows: Sortable[], field: NonNullable<AccountQuery['sort']>, desc: boolean): void {
  const text = (get: (r: Sortable) => string | null) => {
    const distinct = [...new Set(rows.map(get).filter((v): v is string => !!v))].sort(collator.compare);
    const rank = new Map(distinct.map((v, i) => [v, i]));
    return (r: Sortable) => {
      const v = get(r);
      return v ? (rank.get(v) ?? null) : null;
    };
  };
  const key: (r: Sortable) => string | number | null = {
    name: (r: Sortable) => r.nameKey,
    industry: text((r) => r.industry),
    region: text((r) => r.region),
    owner: text((r) => r.ownerName),
    tier: (r: Sortable) => r.tierRank,
    grade: (r: Sortable) => r.grade,
    lifecycle: (r: Sortable) => (r.lifecycle ? LIFECYCLE_STAGES.indexOf(r.lifecycle) : null),
    revenueThisYear: (r: Sortable) => r.revenueThisYear,
    lastContact: (r: Sortable) => r.lastContact,
    followUpDue: (r: Sortable) => r.followUp.dueDate,
    receivableOutstanding: (r: Sortable) => r.receivableOutstanding,
  }[field];
  const dir = desc ? -1 : 1;
  const keys = new Map(rows.map((r) => [r, key(r)]));
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((a, b) => {
    const x = keys.get(a) ?? null;
    const y = keys.get(b) ?? null;
    if (x === null) return y === null ? cmp(a.nameKey, b.nameKey) : 1;
    if (y === null) return -1;
    return cmp(x, y) * dir || cmp(a.nameKey, b.nameKey);
  });
}

/** The pinyin of a Chinese name (second part of the search key), else the lower-case name. */
export function nameSortKey(name: string, key: string): string {
  if (!/[\u3400-\u9fff]/.test(name)) return name.toLowerCase();
  return key.split('\u0001')[1] ?? name;
}
