import type { Database as Db } from 'better-sqlite3';
import type { AccountFields, AccountRecord } from '../../../../shared/api/accounts';
import { AppError } from '../../../../shared/api/errors';
import { searchKey } from '../../search-key';
import { requireAccount } from '../guards';
import { writeTx } from '../tx';

/** camelCase field -> column, for the scalar fields of the account record. */
export const ACCOUNT_COLUMNS = {
  nameEn: 'name_en',
  shortName: 'short_name',
  parentId: 'parent_id',
  industry: 'industry',
  region: 'region',
  ownerId: 'owner_id',
  classification: 'classification',
  strategic: 'strategic',
  brandInfluence: 'brand_influence',
  tierId: 'tier_id',
  lifecycle: 'lifecycle',
  dealStatus: 'deal_status',
  grade: 'grade',
  urgency: 'urgency',
  importance: 'importance',
  currency: 'currency',
  companyRevenue: 'company_revenue',
  employees: 'employees',
  profitContribution: 'profit_contribution',
  shareOfWalletBp: 'share_of_wallet_bp',
  growthPotential: 'growth_potential',
  lifetimeValue: 'lifetime_value',
  costToServe: 'cost_to_serve',
  churnStatus: 'churn_status',
  churnReason: 'churn_reason',
  churnNote: 'churn_note',
  churnedOn: 'churned_on',
  receivableOutstanding: 'receivable_outstanding',
  receivableDaysOverdue: 'receivable_days_overdue',
  paymentTerms: 'payment_terms',
  notes: 'notes',
} as const satisfies Record<keyof AccountFields, string>;

type FieldKey = keyof typeof ACCOUNT_COLUMNS;
const FIELD_KEYS = Object.keys(ACCOUNT_COLUMNS) as FieldKey[];
const BOOLEAN_FIELDS = new Set<FieldKey>(['strategic', 'brandInfluence']);

export const ACCOUNT_SELECT = `
  SELECT a.*, p.name AS parent_name, o.name AS owner_name, t.key AS tier_key
  FROM accounts a
  LEFT JOIN accounts p ON p.id = a.parent_id
  LEFT JOIN people o ON o.id = a.owner_id
  LEFT JOIN tiers t ON t.id = a.tier_id`;

export type AccountDbRow = Record<string, unknown> & {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  parent_name: string | null;
  owner_name: string | null;
  tier_key: string | null;
};

export function toRecord(r: AccountDbRow): AccountRecord {
  const out: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    parentName: r.parent_name ?? null,
    ownerName: r.owner_name ?? null,
    tierKey: r.tier_key ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  for (const k of FIELD_KEYS) {
    const v = r[ACCOUNT_COLUMNS[k]];
    out[k] = BOOLEAN_FIELDS.has(k) ? v === 1 : (v ?? null);
  }
  return out as unknown as AccountRecord;
}

function toDb(k: FieldKey, v: unknown): unknown {
  if (BOOLEAN_FIELDS.has(k)) return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v ?? null;
}

export function getAccountRecord(db: Db, id: number, opts: { includeDeleted?: boolean } = {}): AccountRecord {
  requireAccount(db, id, { state: opts.includeDeleted ? 'any' : 'live' });
  return toRecord(db.prepare(`${ACCOUNT_SELECT} WHERE a.id = ?`).get(id) as AccountDbRow);
}

export function listAccountRecords(db: Db, search?: string): AccountRecord[] {
  const q = search?.trim().toLowerCase();
  const rows = (
    q
      ? db.prepare(`${ACCOUNT_SELECT} WHERE a.deleted_at IS NULL AND instr(a.search_key, ?) > 0 ORDER BY a.name COLLATE NOCASE, a.id`).all(q)
      : db.prepare(`${ACCOUNT_SELECT} WHERE a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE, a.id`).all()
  ) as AccountDbRow[];
  return rows.map(toRecord);
}

/** The id of the live account with this exact name, if any. */
export function accountIdByName(db: Db, name: string): number | undefined {
  return db.prepare('SELECT id FROM accounts WHERE name = ? AND deleted_at IS NULL').pluck().get(name) as number | undefined;
}

function assertReferences(db: Db, id: number | null, fields: AccountFields): void {
  if (fields.parentId != null) {
    if (fields.parentId === id) throw new AppError('invalid-args', 'An account cannot be its own parent.', { field: 'parentId' });
    requireAccount(db, fields.parentId, { as: 'parent' });
    if (id !== null && isAncestor(db, id, fields.parentId)) {
      throw new AppError('invalid-args', 'That parent would make a circle of parent accounts.', { field: 'parentId' });
    }
  }
  if (fields.ownerId != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(fields.ownerId)) {
    throw new AppError('not-found', `No person with id ${fields.ownerId}.`, { id: fields.ownerId });
  }
  if (fields.tierId != null && !db.prepare('SELECT 1 FROM tiers WHERE id = ?').get(fields.tierId)) {
    throw new AppError('not-found', `No tier with id ${fields.tierId}.`, { id: fields.tierId });
  }
}

/** Whether `ancestor` is `id` or above it in the parent chain of `start`. */
function isAncestor(db: Db, id: number, start: number): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(x) AS (SELECT ? UNION SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.x WHERE a.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE x = ? LIMIT 1`,
    )
    .get(start, id);
  return row !== undefined;
}

export function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = accountIdByName(db, name);
  if (other !== undefined && other !== exceptId) {
    throw new AppError('conflict', `An account named "${name}" already exists.`, { name });
  }
}

/** Inserts an account; the caller runs this inside a transaction. Returns the new id. */
export function insertAccount(db: Db, name: string, fields: AccountFields, now: Date): number {
  assertNameFree(db, name);
  assertReferences(db, null, fields);
  const cols = ['name', 'created_at', 'updated_at', 'search_key'];
  const ts = now.toISOString();
  const vals: unknown[] = [name, ts, ts, searchKey(name, fields.nameEn, fields.shortName)];
  for (const k of FIELD_KEYS) {
    if (fields[k] !== undefined) {
      cols.push(ACCOUNT_COLUMNS[k]);
      vals.push(toDb(k, fields[k]));
    }
  }
  const info = db.prepare(`INSERT INTO accounts (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
  return Number(info.lastInsertRowid);
}

/** Updates the given fields (undefined = leave as is, null = clear); inside a transaction. */
export function patchAccount(db: Db, id: number, patch: AccountFields & { name?: string }, now: Date): void {
  const current = getAccountRecord(db, id);
  if (patch.name !== undefined && patch.name !== current.name) assertNameFree(db, patch.name, id);
  assertReferences(db, id, patch);
  const sets: string[] = [];
  const vals: unknown[] = [];
  if (patch.name !== undefined) {
    sets.push('name = ?');
    vals.push(patch.name);
  }
  for (const k of FIELD_KEYS) {
    if (patch[k] !== undefined) {
      sets.push(`${ACCOUNT_COLUMNS[k]} = ?`);
      vals.push(toDb(k, patch[k]));
    }
  }
  if (sets.length === 0) return;
  const name = patch.name ?? current.name;
  const nameEn = patch.nameEn !== undefined ? patch.nameEn : current.nameEn;
  const shortName = patch.shortName !== undefined ? patch.shortName : current.shortName;
  sets.push('search_key = ?', 'updated_at = ?');
  vals.push(searchKey(name, nameEn, shortName), now.toISOString(), id);
  db.prepare(`UPDATE accounts SET ${sets.join(', ')} WHERE id = ?`).run(...vals);
}

export function createAccountRecord(db: Db, name: string, fields: AccountFields, now: Date): AccountRecord {
  return writeTx(db, () => getAccountRecord(db, insertAccount(db, name, fields, now)));
}

export function updateAccountRecord(db: Db, id: number, patch: AccountFields & { name?: string }, now: Date): AccountRecord {
  return writeTx(db, () => {
    patchAccount(db, id, patch, now);
    return getAccountRecord(db, id);
  });
}

/** Moves an account to the bin (children keep their link; they show it as deleted). */
export function softDeleteAccount(db: Db, id: number, now: Date): { id: number; name: string } {
  return writeTx(db, () => {
    const a = getAccountRecord(db, id);
    db.prepare('UPDATE accounts SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now.toISOString(), now.toISOString(), id);
    return { id, name: a.name };
  });
}

export function undeleteAccount(db: Db, id: number, now: Date): AccountRecord {
  return writeTx(db, () => {
    const row = requireAccount(db, id, { state: 'deleted' });
    if (accountIdByName(db, row.name) !== undefined) {
      throw new AppError('bin-name-taken', `"${row.name}" cannot be restored: another account now has that name. Rename that one first.`, { name: row.name });
    }
    db.prepare('UPDATE accounts SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
    return getAccountRecord(db, id);
  });
}
