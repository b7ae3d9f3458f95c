/**
 * Reading maps: one account's map (or a tender's) with its members, lines and coverage, and the
 * list of every account's map. The queries live here; ./map-shape shapes their rows in memory.
 */
import type { Database as Db } from 'better-sqlite3';
import type { MapMember, MapSummary, StakeholderMap } from '../../../../../shared/api/stakeholders';
import type { MapLine } from '../../../../../shared/domain/stakeholders';
import { requireAccount } from '../../guards';
import { accountInteractionTexts, interactionTextsOfMappedAccounts } from './contacts';
import { linesBetween, shapeMap, summariseMaps, toMapMembers, type MapSummaryBase, type MemberRow, type SummaryPersonRow } from './map-shape';
import { LINE_SELECT, toLine, type LineRow } from './rows';
import { getTender, listTenders } from './tenders';

/** The members of a map (account map: every live person; tender map: the live members) with their positions. */
export function mapMembers(db: Db, accountId: number, tenderId: number | null, today: string): MapMember[] {
  const rows = (
    tenderId === null
      ? db
          .prepare(
            `SELECT s.*, p.name AS owner_name, NULL AS bid_roles, l.x, l.y, l.collapsed
             FROM stakeholders s LEFT JOIN people p ON p.id = s.owner_id
             LEFT JOIN map_layout l ON l.tender_id = 0 AND l.stakeholder_id = s.id
             WHERE s.account_id = ? AND s.deleted_at IS NULL ORDER BY s.id`,
          )
          .all(accountId)
      : db
          .prepare(
            `SELECT s.*, p.name AS owner_name, m.roles AS bid_roles, l.x, l.y, l.collapsed
             FROM tender_members m JOIN stakeholders s ON s.id = m.stakeholder_id
             LEFT JOIN people p ON p.id = s.owner_id
             LEFT JOIN map_layout l ON l.tender_id = m.opportunity_id AND l.stakeholder_id = s.id
             WHERE m.opportunity_id = ? AND s.account_id = ? AND s.deleted_at IS NULL ORDER BY s.id`,
          )
          .all(tenderId, accountId)
  ) as MemberRow[];
  return toMapMembers(rows, accountInteractionTexts(db, accountId), today);
}

/** The account's lines, by id. */
function accountLines(db: Db, accountId: number): MapLine[] {
  return (db.prepare(`${LINE_SELECT} WHERE account_id = ? ORDER BY id`).all(accountId) as LineRow[]).map(toLine);
}

/** Lines whose both ends are members. */
export function mapLines(db: Db, accountId: number, memberIds: ReadonlySet<number>): MapLine[] {
  return linesBetween(accountLines(db, accountId), memberIds);
}

export function getMap(db: Db, accountId: number, tenderId: number | null, opts: { today: string; staleDays?: number | undefined }): StakeholderMap {
  const account = requireAccount(db, accountId);
  const tender = tenderId === null ? null : getTender(db, tenderId, accountId);
  return shapeMap({
    account,
    tender,
    tenders: listTenders(db, accountId),
    members: mapMembers(db, accountId, tenderId, opts.today),
    people:
      tenderId === null
        ? []
        : (db
            .prepare('SELECT id, name, title FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL ORDER BY name, id')
            .all(accountId) as { id: number; name: string; title: string }[]),
    lines: accountLines(db, accountId),
    today: opts.today,
    staleDays: opts.staleDays,
  });
}

/**
 * Every live account with its map's size and gaps: one aggregate query over all accounts, then the
 * people (and the interactions naming them) of the accounts that have any, in one query each.
 */
export function listMaps(db: Db, today: string): MapSummary[] {
  const accounts = db
    .prepare(
      `SELECT a.id AS accountId, a.name AS accountName, t.key AS tierKey, o.name AS ownerName,
              coalesce(s.n, 0) AS people, s.updated AS updatedAt, coalesce(op.n, 0) AS tenders
       FROM accounts a
       LEFT JOIN tiers t ON t.id = a.tier_id
       LEFT JOIN people o ON o.id = a.owner_id
       LEFT JOIN (SELECT account_id, count(*) AS n, max(updated_at) AS updated FROM stakeholders WHERE deleted_at IS NULL GROUP BY account_id) s
              ON s.account_id = a.id
       LEFT JOIN (SELECT account_id, count(*) AS n FROM opportunities GROUP BY account_id) op ON op.account_id = a.id
       WHERE a.deleted_at IS NULL
       ORDER BY a.name COLLATE NOCASE, a.id`,
    )
    .all() as MapSummaryBase[];
  // Only what the coverage reads, as arrays: this runs over every mapped person of the database.
  const rows = db
    .prepare(
      `SELECT s.account_id, s.id, s.name, s.title, s.department, s.level, s.roles, s.influence, s.attitude, s.strength, s.owner_id, p.name, s.last_contact_set
       FROM stakeholders s JOIN accounts a ON a.id = s.account_id LEFT JOIN people p ON p.id = s.owner_id
       WHERE s.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY s.account_id, s.id`,
    )
    .raw()
    .all() as SummaryPersonRow[];
  const texts = rows.length > 0 ? interactionTextsOfMappedAccounts(db) : new Map<number, { date: string; people: string }[]>();
  return summariseMaps(accounts, rows, texts, today);
}
