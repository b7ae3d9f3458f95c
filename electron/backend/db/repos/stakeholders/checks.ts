/**
 * The checks on people that need the database and that several writes share: a person exists
 * (and is not in the bin), a name is free on the account's map, an owner is one of our team, a set
 * of people all belong to one account ('map-mismatch' when not).
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../../shared/api/errors';
import { STAKEHOLDER_SELECT, type StakeholderRow } from './rows';

export function stakeholderRow(db: Db, id: number, opts: { includeDeleted?: boolean } = {}): StakeholderRow {
  const row = db.prepare(`${STAKEHOLDER_SELECT} WHERE s.id = ?${opts.includeDeleted ? '' : ' AND s.deleted_at IS NULL'}`).get(id) as
    | StakeholderRow
    | undefined;
  if (!row) throw new AppError('not-found', `No person with id ${id} on any map.`, { id });
  return row;
}

/** The id of the live person with this exact name in the account, if any. */
export function stakeholderIdByName(db: Db, accountId: number, name: string): number | undefined {
  return db.prepare('SELECT id FROM stakeholders WHERE account_id = ? AND name = ? AND deleted_at IS NULL').pluck().get(accountId, name) as
    | number
    | undefined;
}

export function assertNameFree(db: Db, accountId: number, name: string, exceptId?: number): void {
  const other = stakeholderIdByName(db, accountId, name);
  if (other !== undefined && other !== exceptId) {
    throw new AppError('conflict', `A person named "${name}" is already on this account's map.`, { name });
  }
}

export function assertOwner(db: Db, id: number | null | undefined): void {
  if (id != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(id)) {
    throw new AppError('not-found', `No person of our team with id ${id}.`, { id });
  }
}

/** Checks that these ids are live people of the account: unknown or binned -> not-found, other account -> map-mismatch. */
export function assertPeopleOfAccount(db: Db, accountId: number, ids: readonly number[], opts: { allowDeleted?: boolean } = {}): void {
  if (ids.length === 0) return;
  const rows = db
    .prepare('SELECT id, account_id AS accountId, deleted_at AS deletedAt FROM stakeholders WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: number; accountId: number; deletedAt: string | null }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || (r.deletedAt !== null && !opts.allowDeleted)) throw new AppError('not-found', `No person with id ${id} on any map.`, { id });
    if (r.accountId !== accountId) throw new AppError('map-mismatch', `Person ${id} belongs to another account.`, { id });
  }
}
