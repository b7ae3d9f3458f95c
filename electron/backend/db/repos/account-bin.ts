/**
 * The accounts' recycle bin (list, restore, purge) and bulk edit. Deleting an account only marks
 * it (`deleted_at`); everything tied to it stays until the bin is emptied. Purging deletes the row,
 * and the schema's ON DELETE CASCADE takes its revenue, interactions, opportunities, competitors,
 * satisfaction, team, stakeholder map (people, lines, layout, snapshots), board placements and their
 * moves, and its plans (sections, items, versions). Subsidiaries keep living without the parent.
 */
import type { Database as Db } from 'better-sqlite3';
import type { AccountRecord } from '../../../../shared/api/accounts';
import {
  BULK_FIELDS,
  type BinAccount,
  type BinPurgeResult,
  type BulkChange,
  type BulkField,
  type BulkPatch,
  type BulkUndoResult,
  type BulkUpdateResult,
} from '../../../../shared/api/accounts-bin';
import { AppError } from '../../../../shared/api/errors';
import { requireAccount } from '../guards';
import { writeTx } from '../tx';
import { getAccountRecord, patchAccount, undeleteAccount } from './accounts';

const COUNT = (table: string) => `(SELECT count(*) FROM ${table} x WHERE x.account_id = a.id)`;

export function listBin(db: Db): BinAccount[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.name, a.deleted_at, p.name AS parent_name, o.name AS owner_name,
        ${COUNT('plans')} AS plans,
        (SELECT count(*) FROM stakeholders x WHERE x.account_id = a.id AND x.deleted_at IS NULL) AS stakeholders,
        ${COUNT('map_snapshots')} AS map_snapshots,
        ${COUNT('placements')} AS placements,
        ${COUNT('interactions')} AS interactions,
        ${COUNT('opportunities')} AS opportunities,
        ${COUNT('account_revenue')} AS revenue_years,
        (SELECT count(*) FROM accounts c WHERE c.parent_id = a.id AND c.deleted_at IS NULL) AS live_children,
        EXISTS (SELECT 1 FROM accounts l WHERE l.name = a.name AND l.deleted_at IS NULL) AS name_taken
      FROM accounts a
      LEFT JOIN accounts p ON p.id = a.parent_id
      LEFT JOIN people o ON o.id = a.owner_id
      WHERE a.deleted_at IS NOT NULL
      ORDER BY a.deleted_at DESC, a.id DESC`,
    )
    .all() as Record<string, string | number | null>[];
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    deletedAt: r.deleted_at as string,
    parentName: (r.parent_name as string | null) ?? null,
    ownerName: (r.owner_name as string | null) ?? null,
    attached: {
      plans: r.plans as number,
      stakeholders: r.stakeholders as number,
      mapSnapshots: r.map_snapshots as number,
      placements: r.placements as number,
      interactions: r.interactions as number,
      opportunities: r.opportunities as number,
      revenueYears: r.revenue_years as number,
    },
    liveChildren: r.live_children as number,
    nameTaken: r.name_taken === 1,
  }));
}

/** The bin's accounts with these ids; refuses (naming it) an id that is not in the bin. */
function binned(db: Db, ids: readonly number[]): { id: number; name: string }[] {
  return ids.map((id) => {
    const row = requireAccount(db, id, { state: 'any', as: 'purged' });
    if (row.deletedAt === null) throw new AppError('bin-not-in-bin', `"${row.name}" is not in the bin (it was restored meanwhile).`, { name: row.name });
    return { id: row.id, name: row.name };
  });
}

/** Restores accounts from the bin, all or none (one transaction). */
export function restoreFromBin(db: Db, ids: readonly number[], now: Date): AccountRecord[] {
  return writeTx(db, () => {
    binned(db, ids);
    return ids.map((id) => undeleteAccount(db, id, now));
  });
}

/**
 * Deletes for good the accounts with these ids, which must all be in the bin (the ids the user saw
 * and confirmed: an account another window moved to the bin since is not taken with them). One
 * transaction: all or none.
 */
export function purgeFromBin(db: Db, ids: readonly number[], now: Date): BinPurgeResult {
  return writeTx(db, () => {
    const rows = binned(db, ids);
    const ts = now.toISOString();
    const idJson = JSON.stringify(ids);
    // Live subsidiaries lose their parent: say so in their updated_at (the schema would only null it).
    const orphaned = db
      .prepare(
        `UPDATE accounts SET parent_id = NULL, updated_at = ?
         WHERE parent_id IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      )
      .run(ts, idJson, idJson).changes;
    db.prepare('DELETE FROM accounts WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL').run(idJson);
    return { purged: rows.length, names: rows.map((r) => r.name), orphaned };
  });
}

/** The stored value of a field as the record has it, and a patch value in the same form. */
function same(k: BulkField, current: AccountRecord, next: unknown): boolean {
  const a = current[k] as unknown;
  if (k === 'strategic') return a === !!next;
  const b = typeof next === 'string' && next.trim() === '' ? null : (next ?? null);
  return a === b;
}

/**
 * Sets the same fields on many accounts in one transaction. Only the accounts whose values change
 * are written (their updated_at moves; the others keep theirs). All or nothing: an id that is not a
 * live account, or an owner or tier that does not exist, refuses the whole edit.
 */
export function bulkUpdate(db: Db, ids: readonly number[], patch: BulkPatch, now: Date): BulkUpdateResult {
  return writeTx(db, () => {
    const keys = BULK_FIELDS.filter((k) => patch[k] !== undefined);
    const changed: BulkChange[] = [];
    let unchanged = 0;
    for (const id of ids) {
      const current = getAccountRecord(db, id);
      const diff = keys.filter((k) => !same(k, current, patch[k]));
      if (diff.length === 0) {
        unchanged++;
        continue;
      }
      const next = Object.fromEntries(diff.map((k) => [k, patch[k]])) as BulkPatch;
      patchAccount(db, id, next, now);
      const before = Object.fromEntries(diff.map((k) => [k, current[k]])) as BulkPatch;
      changed.push({ id, name: current.name, before, updatedAt: now.toISOString() });
    }
    // An owner or tier that does not exist is refused even when no account needed the change.
    if (changed.length === 0) patchAccountRefsOnly(db, patch);
    return { changed, unchanged };
  });
}

function patchAccountRefsOnly(db: Db, patch: BulkPatch): void {
  if (patch.ownerId != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(patch.ownerId)) {
    throw new AppError('not-found', `No person with id ${patch.ownerId}.`, { id: patch.ownerId });
  }
  if (patch.tierId != null && !db.prepare('SELECT 1 FROM tiers WHERE id = ?').get(patch.tierId)) {
    throw new AppError('not-found', `No tier with id ${patch.tierId}.`, { id: patch.tierId });
  }
}

/**
 * Undoes a bulk edit: puts back each account's values from before it, unless the account changed
 * again since (its updated_at is not the edit's) or is gone; those are skipped and named.
 */
export function undoBulkUpdate(db: Db, changes: readonly { id: number; before: BulkPatch; updatedAt: string }[], now: Date): BulkUndoResult {
  return writeTx(db, () => {
    let reverted = 0;
    const skipped: string[] = [];
    const get = db.prepare('SELECT name, updated_at, deleted_at FROM accounts WHERE id = ?');
    for (const c of changes) {
      const row = get.get(c.id) as { name: string; updated_at: string; deleted_at: string | null } | undefined;
      if (!row) continue;
      if (row.deleted_at !== null || row.updated_at !== c.updatedAt) {
        skipped.push(row.name);
        continue;
      }
      patchAccount(db, c.id, c.before, now);
      reverted++;
    }
    return { reverted, skipped };
  });
}
