/**
 * The stakeholder map's people: list, add (optionally under a manager and onto a tender map), edit,
 * move to the bin and back. Every write is one transaction and checks what zod cannot: the account
 * is live, the name is free on its map ('conflict'), the owner is one of our team, a manager or a
 * tender belongs to the same account ('map-mismatch'), a person in the bin cannot be edited.
 *
 * The folder's other modules: ./rows (row shapes), ./checks (shared checks), ./lines, ./cycles
 * (reporting circles, pure), ./tenders, ./layout, ./map-read and ./map-shape (the read model),
 * ./contacts ("last contact" from interactions).
 */
import type { Database as Db } from 'better-sqlite3';
import type { Stakeholder } from '../../../../../shared/api/stakeholders';
import { AppError } from '../../../../../shared/api/errors';
import { requireAccount } from '../../guards';
import { writeTx } from '../../tx';
import { assertNameFree, assertOwner, stakeholderRow } from './checks';
import { accountInteractionTexts, latestNamed } from './contacts';
import { insertLine } from './lines';
import { FIELD_KEYS, STAKEHOLDER_COLUMNS, STAKEHOLDER_SELECT, toDb, toStakeholder, type StakeholderFields, type StakeholderRow } from './rows';
import { getTender } from './tenders';

/** A person with lastContact derived from the account's interactions (one query). */
function withContact(db: Db, row: StakeholderRow, today: string): Stakeholder {
  const found = latestNamed(accountInteractionTexts(db, row.account_id), [{ id: row.id, name: row.name }], today);
  return toStakeholder(row, found.get(row.id));
}

export function getStakeholder(db: Db, id: number, today: string, opts: { includeDeleted?: boolean } = {}): Stakeholder {
  return withContact(db, stakeholderRow(db, id, opts), today);
}

/** Every live person of the account, by name. */
export function listStakeholders(db: Db, accountId: number, today: string): Stakeholder[] {
  requireAccount(db, accountId);
  const rows = db.prepare(`${STAKEHOLDER_SELECT} WHERE s.account_id = ? AND s.deleted_at IS NULL ORDER BY s.name, s.id`).all(accountId) as StakeholderRow[];
  const found = latestNamed(accountInteractionTexts(db, accountId), rows, today);
  return rows.map((r) => toStakeholder(r, found.get(r.id)));
}

/** Inserts a person; the caller runs this in a transaction. Returns the new id. */
export function insertStakeholder(db: Db, accountId: number, fields: StakeholderFields & { name: string }, now: Date): number {
  assertNameFree(db, accountId, fields.name);
  assertOwner(db, fields.ownerId);
  const ts = now.toISOString();
  const cols = ['account_id', 'created_at', 'updated_at'];
  const vals: unknown[] = [accountId, ts, ts];
  for (const k of FIELD_KEYS) {
    if (fields[k] === undefined) continue;
    cols.push(STAKEHOLDER_COLUMNS[k]);
    vals.push(toDb(k, fields[k]));
  }
  const info = db.prepare(`INSERT INTO stakeholders (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
  return Number(info.lastInsertRowid);
}

/** Applies a patch (undefined = leave, null = clear); in a transaction. */
export function patchStakeholder(db: Db, id: number, patch: StakeholderFields, now: Date): void {
  const cur = stakeholderRow(db, id);
  requireAccount(db, cur.account_id);
  if (patch.name !== undefined && patch.name !== cur.name) assertNameFree(db, cur.account_id, patch.name, id);
  assertOwner(db, patch.ownerId);
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const k of FIELD_KEYS) {
    if (patch[k] === undefined) continue;
    sets.push(`${STAKEHOLDER_COLUMNS[k]} = ?`);
    vals.push(toDb(k, patch[k]));
  }
  if (sets.length === 0) return;
  sets.push('updated_at = ?');
  vals.push(now.toISOString(), id);
  db.prepare(`UPDATE stakeholders SET ${sets.join(', ')} WHERE id = ?`).run(...vals);
}

export interface CreateStakeholderInput extends StakeholderFields {
  name: string;
  accountId: number;
  tenderId?: number | null | undefined;
  reportsTo?: number | null | undefined;
}

export function createStakeholder(db: Db, input: CreateStakeholderInput, now: Date, today: string): Stakeholder {
  return writeTx(db, () => {
    const { accountId, tenderId, reportsTo, ...fields } = input;
    requireAccount(db, accountId);
    if (tenderId != null) getTender(db, tenderId, accountId);
    let manager: StakeholderRow | null = null;
    if (reportsTo != null) {
      manager = stakeholderRow(db, reportsTo);
      if (manager.account_id !== accountId) throw new AppError('map-mismatch', `Person ${reportsTo} belongs to another account.`, { id: reportsTo });
    }
    const id = insertStakeholder(db, accountId, fields, now);
    if (manager) insertLine(db, accountId, 'reports', id, manager.id, false, 2, now);
    if (tenderId != null) db.prepare("INSERT INTO tender_members (opportunity_id, stakeholder_id, roles) VALUES (?, ?, '[]')").run(tenderId, id);
    return getStakeholder(db, id, today);
  });
}

export function updateStakeholder(db: Db, id: number, patch: StakeholderFields, now: Date, today: string): Stakeholder {
  return writeTx(db, () => {
    patchStakeholder(db, id, patch, now);
    return getStakeholder(db, id, today);
  });
}

/** Moves a person to the bin; lines, memberships and positions stay for an undo. */
export function deleteStakeholder(db: Db, id: number, now: Date): { id: number } {
  return writeTx(db, () => {
    requireAccount(db, stakeholderRow(db, id).account_id);
    const ts = now.toISOString();
    db.prepare('UPDATE stakeholders SET deleted_at = ?, updated_at = ? WHERE id = ?').run(ts, ts, id);
    return { id };
  });
}

export function undeleteStakeholder(db: Db, id: number, now: Date, today: string): Stakeholder {
  return writeTx(db, () => {
    const row = db.prepare('SELECT account_id, name, deleted_at FROM stakeholders WHERE id = ?').get(id) as
      | { account_id: number; name: string; deleted_at: string | null }
      | undefined;
    if (!row || row.deleted_at === null) throw new AppError('not-found', `No person with id ${id} in the bin.`, { id });
    requireAccount(db, row.account_id);
    assertNameFree(db, row.account_id, row.name);
    db.prepare('UPDATE stakeholders SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
    return getStakeholder(db, id, today);
  });
}
