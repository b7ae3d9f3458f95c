/**
 * The accounts table's query. The whole portfolio (every live account with the figures the table
 * shows and its follow-up state) is read once into a snapshot, kept until the database changes, and
 * filtered and sorted in memory: changing a filter or a sort over 10,000 accounts then costs a few
 * milliseconds instead of a 10,000-row read. A change is noticed through SQLite itself: this
 * connection's total_changes() moves with every write it makes, and data_version moves when another
 * connection (the CLI, say) commits; the snapshot also belongs to one day, for the follow-up state.
 */
import type { Database as Db } from 'better-sqlite3';
import type { AccountQuery, AccountQueryResult, AccountRow } from '../../../../shared/api/accounts';
import { followUp, type CadenceDays } from '../../../../shared/domain/cadence';
import { dateOf } from '../../../../shared/domain/dates';
import { LIFECYCLE_STAGES } from '../../../../shared/domain/enums';
import { toRecord, type AccountDbRow } from './accounts';

export function loadCadence(db: Db): CadenceDays {
  const rows = db.prepare('SELECT grade, days FROM grade_cadence').raw().all() as [keyof CadenceDays, number][];
  const out = { A: 1, B: 7, C: 15, D: 30, E: 365 } as CadenceDays;
  for (const [g, d] of rows) out[g] = d;
  return out;
}

type QueryRow = AccountDbRow & { rev_this: number | null; rev_last: number | null; tier_rank: number | null };

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

interface Snapshot {
  key: string;
  rows: Sortable[];
  /** Each row's search key (names and their pinyin, lower case), by row. */
  searchKeys: Map<Sortable, string>;
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
  const raw = db
    .prepare(
      `SELECT a.*, p.name AS parent_name, o.name AS owner_name, t.key AS tier_key, t.rank AS tier_rank,
              r1.revenue AS rev_this, r0.revenue AS rev_last
       FROM accounts a
       LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL
       LEFT JOIN people o ON o.id = a.owner_id
       LEFT JOIN tiers t ON t.id = a.tier_id
       LEFT JOIN account_revenue r1 ON r1.account_id = a.id AND r1.year = ?
       LEFT JOIN account_revenue r0 ON r0.account_id = a.id AND r0.year = ?
       WHERE a.deleted_at IS NULL`,
    )
    .all(year, year - 1) as QueryRow[];
  const cadence = loadCadence(db);
  const searchKeys = new Map<Sortable, string>();
  const industries = new Set<string>();
  const regions = new Set<string>();
  const rows = raw.map((r) => {
    const rec = toRecord(r);
    const lastContact = (r.last_contact as string | null) ?? null;
    const row: Sortable = {
      ...rec,
      revenueThisYear: r.rev_this,
      revenueLastYear: r.rev_last,
      lastContact,
      followUp: followUp(
        { grade: rec.grade, lastContact, since: dateOf(rec.createdAt), nextStepDue: (r.next_step_due as string | null) ?? null },
        today,
        cadence,
      ),
      tierRank: r.tier_rank,
      nameKey: nameSortKey(rec.name, r.search_key as string),
    };
    searchKeys.set(row, r.search_key as string);
    if (rec.industry) industries.add(rec.industry);
    if (rec.region) regions.add(rec.region);
    return row;
  });
  const snap: Snapshot = {
    // Read after the snapshot's own statements, which change nothing.
    key,
    rows,
    searchKeys,
    facets: { industries: [...industries].sort(collator.compare), regions: [...regions].sort(collator.compare) },
  };
  snapshots.set(db, snap);
  return snap;
}

export function queryAccounts(db: Db, q: AccountQuery, today: string): AccountQueryResult {
  const snap = snapshot(db, today);
  const search = q.search?.trim().toLowerCase();
  const tests: ((r: Sortable) => boolean)[] = [];
  const member = <T>(values: readonly T[] | undefined, get: (r: Sortable) => T | null) => {
    if (!values || values.length === 0) return;
    const set = new Set<T | null>(values);
    tests.push((r) => set.has(get(r)));
  };
  if (search) tests.push((r) => snap.searchKeys.get(r)!.includes(search));
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
    rows: rows.map(publicRow),
    total: snap.rows.length,
    facets: { industries: [...snap.facets.industries], regions: [...snap.facets.regions] },
  };
}

/** The row without the snapshot's sort helpers (a shallow copy: callers may not mutate the snapshot). */
function publicRow({ tierRank: _t, nameKey: _n, ...r }: Sortable): AccountRow {
  return r;
}

type Sortable = AccountRow & { tierRank: number | null; nameKey: string };

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
