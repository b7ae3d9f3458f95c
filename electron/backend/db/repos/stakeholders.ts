/**
 * The stakeholder map's people, lines, tender maps and saved positions. Repositories take `db` first
 * and hold the SQL; every write is one transaction and checks what zod cannot: the owner exists,
 * both ends of a line and every tender member belong to the same account ('map-mismatch'), a
 * reporting line never closes a circle ('reporting-cycle'), a person in the bin cannot be linked
 * ('not-found').
 *
 * Reporting cycles: only reporting lines count, solid and dotted alike (a dotted-line manager is
 * still a manager, and the org chart's layout needs a graph without circles). Influence lines may
 * run both ways. The lines of people in the bin count too, so an undelete can never bring a circle
 * back.
 */
import type { Database as Db } from 'better-sqlite3';
import type { MapMember, MapSummary, Stakeholder, StakeholderMap, TenderRef } from '../../../../shared/api/stakeholders';
import { AppError } from '../../../../shared/api/errors';
import { analyseCoverage } from '../../../../shared/domain/coverage';
import {
  DEFAULT_STALE_DAYS,
  type Attitude,
  type BuyingRole,
  type Influence,
  type Level,
  type LineStrength,
  type MapLine,
  type MapPerson,
  type Strength,
} from '../../../../shared/domain/stakeholders';
import { accountInteractionTexts, interactionTextsOfMappedAccounts, laterOf, latestNamed } from './stakeholder-contacts';
import { writeTx } from '../tx';

// --- rows ----------------------------------------------------------------------------------------

export interface StakeholderRow {
  id: number;
  account_id: number;
  name: string;
  title: string;
  department: string;
  level: Level | null;
  roles: string;
  influence: Influence | null;
  attitude: Attitude | null;
  strength: Strength;
  owner_id: number | null;
  owner_name: string | null;
  last_contact_set: string | null;
  favours_competitor: string;
  org_wins: string;
  personal_wins: string;
  interests: string;
  notes: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export const STAKEHOLDER_SELECT = 'SELECT s.*, p.name AS owner_name FROM stakeholders s LEFT JOIN people p ON p.id = s.owner_id';

/** The editable fields: camelCase -> column. */
export const STAKEHOLDER_COLUMNS = {
  name: 'name',
  title: 'title',
  department: 'department',
  level: 'level',
  roles: 'roles',
  influence: 'influence',
  attitude: 'attitude',
  strength: 'strength',
  ownerId: 'owner_id',
  lastContactSet: 'last_contact_set',
  favoursCompetitor: 'favours_competitor',
  orgWins: 'org_wins',
  personalWins: 'personal_wins',
  interests: 'interests',
  notes: 'notes',
} as const;

export interface StakeholderFields {
  name?: string;
  title?: string;
  department?: string;
  level?: Level | null;
  roles?: BuyingRole[];
  influence?: Influence | null;
  attitude?: Attitude | null;
  strength?: Strength;
  ownerId?: number | null;
  lastContactSet?: string | null;
  favoursCompetitor?: string;
  orgWins?: string;
  personalWins?: string;
  interests?: string;
  notes?: string;
}
type FieldKey = keyof typeof STAKEHOLDER_COLUMNS;
const FIELD_KEYS = Object.keys(STAKEHOLDER_COLUMNS) as FieldKey[];

/** Roles as stored: a JSON array of known keys, each once, in the vocabulary's order is not required. */
export function rolesOf(json: string): BuyingRole[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as BuyingRole[]) : [];
  } catch {
    return [];
  }
}

const uniqueRoles = (roles: readonly BuyingRole[]) => [...new Set(roles)];

function toDb(k: FieldKey, v: unknown): unknown {
  if (k === 'roles') return JSON.stringify(uniqueRoles(v as BuyingRole[]));
  return v ?? null;
}

export function toStakeholder(r: StakeholderRow, derivedContact: string | null | undefined): Stakeholder {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    title: r.title,
    department: r.department,
    level: r.level,
    roles: rolesOf(r.roles),
    influence: r.influence,
    attitude: r.attitude,
    strength: r.strength,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    lastContactSet: r.last_contact_set,
    lastContact: laterOf(r.last_contact_set, derivedContact),
    favoursCompetitor: r.favours_competitor,
    orgWins: r.org_wins,
    personalWins: r.personal_wins,
    interests: r.interests,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface LineRow {
  id: number;
  account_id: number;
  kind: 'reports' | 'influence';
  from_id: number;
  to_id: number;
  dotted: number;
  strength: number;
}

const toLine = (r: LineRow): MapLine => ({
  id: r.id,
  kind: r.kind,
  fromId: r.from_id,
  toId: r.to_id,
  dotted: r.dotted === 1,
  strength: r.strength as LineStrength,
});

// --- checks --------------------------------------------------------------------------------------

export function assertAccount(db: Db, id: number): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM accounts WHERE id = ? AND deleted_at IS NULL').get(id) as { id: number; name: string } | undefined;
  if (!row) throw new AppError('not-found', `No account with id ${id}.`, { id });
  return row;
}

function assertOwner(db: Db, id: number | null | undefined): void {
  if (id != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(id)) {
    throw new AppError('not-found', `No person of our team with id ${id}.`, { id });
  }
}

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

function stakeholderRow(db: Db, id: number, opts: { includeDeleted?: boolean } = {}): StakeholderRow {
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

function assertNameFree(db: Db, accountId: number, name: string, exceptId?: number): void {
  const other = stakeholderIdByName(db, accountId, name);
  if (other !== undefined && other !== exceptId) {
    throw new AppError('conflict', `A person named "${name}" is already on this account's map.`, { name });
  }
}

/**
 * Whether "from reports to to" would close a circle: `from` is already above `to` (to reports,
 * through any chain of solid or dotted reporting lines, to from).
 */
export function closesReportingCycle(db: Db, fromId: number, toId: number): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(x) AS (
         SELECT ? UNION SELECT l.to_id FROM stakeholder_lines l JOIN up ON l.from_id = up.x WHERE l.kind = 'reports')
       SELECT 1 FROM up WHERE x = ? LIMIT 1`,
    )
    .get(toId, fromId);
  return row !== undefined;
}

// --- people --------------------------------------------------------------------------------------

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
  assertAccount(db, accountId);
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
  assertAccount(db, cur.account_id);
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
    assertAccount(db, accountId);
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
    assertAccount(db, stakeholderRow(db, id).account_id);
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
    assertAccount(db, row.account_id);
    assertNameFree(db, row.account_id, row.name);
    db.prepare('UPDATE stakeholders SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now.toISOString(), id);
    return getStakeholder(db, id, today);
  });
}

// --- lines ---------------------------------------------------------------------------------------

const LINE_SELECT = 'SELECT id, account_id, kind, from_id, to_id, dotted, strength FROM stakeholder_lines';

function lineRow(db: Db, id: number): LineRow {
  const row = db.prepare(`${LINE_SELECT} WHERE id = ?`).get(id) as LineRow | undefined;
  if (!row) throw new AppError('not-found', `No line with id ${id}.`, { id });
  return row;
}

/**
 * Inserts a line after the checks that need the database (cycle); the caller checked both ends.
 * Drawing an existing line again returns it (with the new dotted/strength), not a second one.
 */
export function insertLine(db: Db, accountId: number, kind: MapLine['kind'], fromId: number, toId: number, dotted: boolean | undefined, strength: number | undefined, now: Date): number {
  if (fromId === toId) throw new AppError('invalid-args', 'A line joins two different people.', { field: 'toId' });
  const existing = db.prepare('SELECT id FROM stakeholder_lines WHERE from_id = ? AND kind = ? AND to_id = ?').pluck().get(fromId, kind, toId) as number | undefined;
  const dot = kind === 'reports' ? dotted : false;
  if (existing !== undefined) {
    if (dot !== undefined) db.prepare('UPDATE stakeholder_lines SET dotted = ? WHERE id = ?').run(dot ? 1 : 0, existing);
    if (strength !== undefined) db.prepare('UPDATE stakeholder_lines SET strength = ? WHERE id = ?').run(strength, existing);
    return existing;
  }
  if (kind === 'reports' && closesReportingCycle(db, fromId, toId)) {
    const name = db.prepare('SELECT name FROM stakeholders WHERE id = ?').pluck().get(fromId) as string;
    throw new AppError('reporting-cycle', `"${name}" would report, through others, to themselves.`, { name });
  }
  return Number(
    db
      .prepare('INSERT INTO stakeholder_lines (account_id, kind, from_id, to_id, dotted, strength, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(accountId, kind, fromId, toId, dot ? 1 : 0, strength ?? 2, now.toISOString()).lastInsertRowid,
  );
}

export function createLine(
  db: Db,
  l: { kind: MapLine['kind']; fromId: number; toId: number; dotted?: boolean | undefined; strength?: number | undefined },
  now: Date,
): MapLine {
  return writeTx(db, () => {
    const from = stakeholderRow(db, l.fromId);
    const to = stakeholderRow(db, l.toId);
    if (from.account_id !== to.account_id) {
      throw new AppError('map-mismatch', `${from.name} and ${to.name} belong to different accounts.`, { name: to.name });
    }
    assertAccount(db, from.account_id);
    return toLine(lineRow(db, insertLine(db, from.account_id, l.kind, l.fromId, l.toId, l.dotted, l.strength, now)));
  });
}

export function updateLine(db: Db, id: number, patch: { dotted?: boolean | undefined; strength?: number | undefined }): MapLine {
  return writeTx(db, () => {
    const cur = lineRow(db, id);
    if (patch.dotted !== undefined && cur.kind === 'reports') db.prepare('UPDATE stakeholder_lines SET dotted = ? WHERE id = ?').run(patch.dotted ? 1 : 0, id);
    if (patch.strength !== undefined) db.prepare('UPDATE stakeholder_lines SET strength = ? WHERE id = ?').run(patch.strength, id);
    return toLine(lineRow(db, id));
  });
}

export function deleteLine(db: Db, id: number): MapLine {
  return writeTx(db, () => {
    const line = toLine(lineRow(db, id));
    db.prepare('DELETE FROM stakeholder_lines WHERE id = ?').run(id);
    return line;
  });
}

// --- tender maps ---------------------------------------------------------------------------------

/** The live people of the account with these ids, checked: unknown or binned -> not-found, other account -> map-mismatch. */
function peopleOfAccount(db: Db, accountId: number, ids: readonly number[], opts: { allowDeleted?: boolean } = {}): void {
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

export function setTenderMembers(
  db: Db,
  tenderId: number,
  add: readonly { stakeholderId: number; roles?: BuyingRole[] | undefined }[],
  remove: readonly number[],
): { tenderId: number; members: number } {
  return writeTx(db, () => {
    const tender = getTender(db, tenderId);
    assertAccount(db, tender.accountId);
    peopleOfAccount(db, tender.accountId, add.map((a) => a.stakeholderId));
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

// --- layout --------------------------------------------------------------------------------------

export interface LayoutInput {
  accountId: number;
  tenderId?: number | null | undefined;
  positions?: { id: number; x: number; y: number }[] | undefined;
  collapsed?: { id: number; collapsed: boolean }[] | undefined;
  reset?: boolean | undefined;
}

/** Saves positions and folded branches of one map; people in the bin keep theirs for an undo. */
export function saveLayout(db: Db, input: LayoutInput): { saved: number } {
  return writeTx(db, () => {
    assertAccount(db, input.accountId);
    const tender = input.tenderId ?? 0;
    if (input.tenderId != null) getTender(db, input.tenderId, input.accountId);
    const ids = [...(input.positions ?? []).map((p) => p.id), ...(input.collapsed ?? []).map((c) => c.id)];
    peopleOfAccount(db, input.accountId, ids, { allowDeleted: true });
    if (input.tenderId != null && ids.length > 0) {
      const members = new Set(
        db.prepare('SELECT stakeholder_id FROM tender_members WHERE opportunity_id = ?').pluck().all(input.tenderId) as number[],
      );
      const outside = ids.find((id) => !members.has(id));
      if (outside !== undefined) throw new AppError('map-mismatch', `Person ${outside} is not on this tender's map.`, { id: outside });
    }
    if (input.reset) {
      db.prepare(
        'UPDATE map_layout SET x = NULL, y = NULL WHERE tender_id = ? AND stakeholder_id IN (SELECT id FROM stakeholders WHERE account_id = ?)',
      ).run(tender, input.accountId);
    }
    const pos = db.prepare(
      `INSERT INTO map_layout (stakeholder_id, tender_id, x, y) VALUES (?, ?, ?, ?)
       ON CONFLICT (tender_id, stakeholder_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
    );
    for (const p of input.positions ?? []) pos.run(p.id, tender, p.x, p.y);
    const fold = db.prepare(
      `INSERT INTO map_layout (stakeholder_id, tender_id, collapsed) VALUES (?, ?, ?)
       ON CONFLICT (tender_id, stakeholder_id) DO UPDATE SET collapsed = excluded.collapsed`,
    );
    for (const c of input.collapsed ?? []) fold.run(c.id, tender, c.collapsed ? 1 : 0);
    // Rows that hold nothing any more go.
    db.prepare(
      'DELETE FROM map_layout WHERE tender_id = ? AND x IS NULL AND collapsed = 0 AND stakeholder_id IN (SELECT id FROM stakeholders WHERE account_id = ?)',
    ).run(tender, input.accountId);
    return { saved: new Set(ids).size };
  });
}

// --- maps ----------------------------------------------------------------------------------------

interface MemberRow extends StakeholderRow {
  bid_roles: string | null;
  x: number | null;
  y: number | null;
  collapsed: number | null;
}

export function toMapPerson(m: MapMember): MapPerson {
  return {
    id: m.id,
    name: m.name,
    title: m.title,
    department: m.department,
    level: m.level,
    roles: m.mapRoles,
    influence: m.influence,
    attitude: m.attitude,
    strength: m.strength,
    ownerId: m.ownerId,
    ownerName: m.ownerName,
    lastContact: m.lastContact,
  };
}

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
  const found = latestNamed(accountInteractionTexts(db, accountId), rows, today);
  return rows.map((r) => {
    const base = toStakeholder(r, found.get(r.id));
    const bid = r.bid_roles === null ? [] : rolesOf(r.bid_roles);
    return { ...base, mapRoles: bid.length > 0 ? bid : base.roles, x: r.x, y: r.y, collapsed: r.collapsed === 1 };
  });
}

/** Lines whose both ends are members. */
export function mapLines(db: Db, accountId: number, memberIds: ReadonlySet<number>): MapLine[] {
  return (db.prepare(`${LINE_SELECT} WHERE account_id = ? ORDER BY id`).all(accountId) as LineRow[])
    .filter((l) => memberIds.has(l.from_id) && memberIds.has(l.to_id))
    .map(toLine);
}

export function listTenders(db: Db, accountId: number): TenderRef[] {
  return db.prepare(`SELECT ${TENDER_COLUMNS} FROM opportunities o WHERE o.account_id = ? ORDER BY o.updated_at DESC, o.id DESC`).all(accountId) as TenderRef[];
}

export function getMap(db: Db, accountId: number, tenderId: number | null, opts: { today: string; staleDays?: number | undefined }): StakeholderMap {
  const account = assertAccount(db, accountId);
  const tender = tenderId === null ? null : getTender(db, tenderId, accountId);
  const members = mapMembers(db, accountId, tenderId, opts.today);
  const ids = new Set(members.map((m) => m.id));
  const notOnMap =
    tenderId === null
      ? []
      : (db
          .prepare('SELECT id, name, title FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL ORDER BY name, id')
          .all(accountId) as { id: number; name: string; title: string }[]).filter((p) => !ids.has(p.id));
  return {
    account: { id: account.id, name: account.name },
    tender: tender ? { id: tender.id, name: tender.name, stage: tender.stage, bidDate: tender.bidDate, people: tender.people } : null,
    tenders: listTenders(db, accountId),
    members,
    notOnMap,
    lines: mapLines(db, accountId, ids),
    coverage: analyseCoverage(members.map(toMapPerson), { today: opts.today, staleDays: opts.staleDays ?? DEFAULT_STALE_DAYS }),
  };
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
    .all() as Omit<MapSummary, 'gaps' | 'deciderGaps'>[];
  // Only what the coverage reads, as arrays: this runs over every mapped person of the database.
  const rows = db
    .prepare(
      `SELECT s.account_id, s.id, s.name, s.title, s.department, s.level, s.roles, s.influence, s.attitude, s.strength, s.owner_id, p.name, s.last_contact_set
       FROM stakeholders s JOIN accounts a ON a.id = s.account_id LEFT JOIN people p ON p.id = s.owner_id
       WHERE s.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY s.account_id, s.id`,
    )
    .raw()
    .all() as [number, number, string, string, string, Level | null, string, Influence | null, Attitude | null, Strength, number | null, string | null, string | null][];
  const byAccount = new Map<number, MapPerson[]>();
  for (const [accountId, id, name, title, department, level, roles, influence, attitude, strength, ownerId, ownerName, lastContact] of rows) {
    let list = byAccount.get(accountId);
    if (!list) byAccount.set(accountId, (list = []));
    list.push({ id, name, title, department, level, roles: rolesOf(roles), influence, attitude, strength, ownerId, ownerName, lastContact });
  }
  const texts = byAccount.size > 0 ? interactionTextsOfMappedAccounts(db) : new Map<number, { date: string; people: string }[]>();
  return accounts.map((a) => {
    const persons = byAccount.get(a.accountId);
    if (!persons) return { ...a, gaps: 0, deciderGaps: 0 };
    const found = latestNamed(texts.get(a.accountId) ?? [], persons, today);
    for (const p of persons) p.lastContact = laterOf(p.lastContact, found.get(p.id));
    const report = analyseCoverage(persons, { today, staleDays: DEFAULT_STALE_DAYS });
    return { ...a, gaps: report.gaps.length, deciderGaps: report.gaps.filter((g) => g.kind === 'decider-not-supporter').length };
  });
}
