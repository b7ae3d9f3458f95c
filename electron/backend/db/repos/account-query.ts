/**
 * The accounts table's query: filters in SQL (indexed, no aggregates: last contact and the next
 * promised step are kept on the account by triggers), follow-up state from the grade cadence in
 * shared/domain, then the overdue filter and the sort.
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

export function queryAccounts(db: Db, q: AccountQuery, today: string): AccountQueryResult {
  const where: string[] = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  const search = q.search?.trim().toLowerCase();
  if (search) {
    where.push('instr(a.search_key, ?) > 0');
    params.push(search);
  }
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('a.tier_id', q.tierIds);
  inList('a.industry', q.industries);
  inList('a.region', q.regions);
  inList('a.owner_id', q.ownerIds);
  inList('a.lifecycle', q.lifecycles);
  inList('a.grade', q.grades);
  const year = Number(today.slice(0, 4));
  const sql = `
    SELECT a.*, p.name AS parent_name, o.name AS owner_name, t.key AS tier_key, t.rank AS tier_rank,
           r1.revenue AS rev_this, r0.revenue AS rev_last
    FROM accounts a
    LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL
    LEFT JOIN people o ON o.id = a.owner_id
    LEFT JOIN tiers t ON t.id = a.tier_id
    LEFT JOIN account_revenue r1 ON r1.account_id = a.id AND r1.year = ${year}
    LEFT JOIN account_revenue r0 ON r0.account_id = a.id AND r0.year = ${year - 1}
    WHERE ${where.join(' AND ')}`;
  const cadence = loadCadence(db);
  const raw = db.prepare(sql).all(...params) as QueryRow[];
  let rows: Sortable[] = raw.map((r) => {
    const rec = toRecord(r);
    const lastContact = (r.last_contact as string | null) ?? null;
    return {
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
  });
  if (q.overdueOnly) rows = rows.filter((r) => r.followUp.state === 'overdue');
  sortRows(rows, q.sort ?? 'name', q.desc ?? false);
  const total = db.prepare('SELECT count(*) FROM accounts WHERE deleted_at IS NULL').pluck().get() as number;
  const distinct = (col: string) =>
    db.prepare(`SELECT DISTINCT ${col} FROM accounts WHERE deleted_at IS NULL AND ${col} IS NOT NULL AND ${col} <> ''`).pluck().all() as string[];
  return {
    rows: rows.map(({ tierRank: _t, nameKey: _n, ...r }) => r),
    total,
    facets: { industries: distinct('industry').sort(collator.compare), regions: distinct('region').sort(collator.compare) },
  };
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
