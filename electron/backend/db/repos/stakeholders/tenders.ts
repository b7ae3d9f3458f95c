/**
 * Tender maps: an opportunity of the account with the people who count for that bid (tender_members,
 * each with the roles they play in it). A member belongs to the tender's account ('map-mismatch').
 */
import type { Database as Db } from 'better-sqlite3';
import type { TenderRef } from '../../../../../shared/api/stakeholders';
import { AppError } from '../../../../../shared/api/errors';
import type { BuyingRole } from '../../../../../shared/domain/stakeholders';
import { requireAccount } from '../../guards';
import { writeTx } from '../../tx';
import { assertPeopleOfAccount } from './checks';
import { uniqueRoles } from './rows';

const TENDER_COLUMNS = `o.id, o.name, o.stage, o.bid_date AS bidDate,
  (SELECT count(*) FROM tender_members tm JOIN stakeholders s ON s.id = tm.stakeholder_id
    WHERE tm.opportunity_id = o.id AND s.deleted_at IS NULL) AS people`;

/** The opportunity behind a tender map; it must belong to `accountId` when that is given. */
export function getTender(db: Db, tenderId: number, accountId?: number): TenderRef & { accountId: number } {
  const row = db.prepare(`SELECT ${TENDER_COLUMNS}, o.account_id AS accountId FROM opportunities o WHERE o.id = ?`).get(tenderId) as
    | (TenderRef & { accountId: number })
    | undefined;
  if (!row) throw new AppError('not-found', `No opportunity with id ${tenderId}.`, { id: tenderId });
  if (accountId !== undefined && row.accountId !== accountId) {
    throw new AppError('map-mismatch', `Opportunity ${tenderId} belongs to another account.`, { id: tenderId });
  }
  return row;
}

/** The account's opportunities as tender maps, the latest changed first. */
export function listTenders(db: Db, accountId: number): TenderRef[] {
  return db.prepare(`SELECT ${TENDER_COLUMNS} FROM opportunities o WHERE o.account_id = ? ORDER BY o.updated_at DESC, o.id DESC`).all(accountId) as TenderRef[];
}

/** Adds (with their bid roles, when given) and removes members of a tender map; one transaction. */
export function setTenderMembers(
  db: Db,
  tenderId: number,
  add: readonly { stakeholderId: number; roles?: BuyingRole[] | undefined }[],
  remove: readonly number[],
): { tenderId: number; members: number } {
  return writeTx(db, () => {
    const tender = getTender(db, tenderId);
    requireAccount(db, tender.accountId);
    assertPeopleOfAccount(db, tender.accountId, add.map((a) => a.stakeholderId));
    const del = db.prepare('DELETE FROM tender_members WHERE opportunity_id = ? AND stakeholder_id = ?');
    for (const id of remove) del.run(tenderId, id);
    const ins = db.prepare(
      `INSERT INTO tender_members (opportunity_id, stakeholder_id, roles) VALUES (?, ?, ?)
       ON CONFLICT (opportunity_id, stakeholder_id) DO UPDATE SET roles = CASE WHEN ? THEN excluded.roles ELSE roles END`,
    );
    for (const a of add) ins.run(tenderId, a.stakeholderId, JSON.stringify(uniqueRoles(a.roles ?? [])), a.roles !== undefined ? 1 : 0);
    const members = db
      .prepare('SELECT count(*) FROM tender_members m JOIN stakeholders s ON s.id = m.stakeholder_id WHERE m.opportunity_id = ? AND s.deleted_at IS NULL')
      .pluck()
      .get(tenderId) as number;
    return { tenderId, members };
  });
}
