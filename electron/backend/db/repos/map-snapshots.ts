/**
 * Snapshots of a map: the members (with the roles that counted on that map) and the lines between
 * them as they were when saved, under a label and a date ("before the tender"). Two snapshots of one
 * map, or a snapshot and the map now, compare into people added and removed, field changes
 * (attitude, strength, influence, roles, owner, level, title) and lines added and removed.
 */
import type { Database as Db } from 'better-sqlite3';
import type { MapSnapshotInfo, SnapshotComparison, SnapshotPersonChange } from '../../../../shared/api/stakeholders';
import { AppError } from '../../../../shared/api/errors';
import { BUYING_ROLES, type Attitude, type BuyingRole, type Influence, type Level, type MapLine, type Strength } from '../../../../shared/domain/stakeholders';
import { requireAccount } from '../guards';
import { mapLines, mapMembers } from './stakeholders/map-read';
import { getTender } from './stakeholders/tenders';
import { writeTx } from '../tx';

export interface SnapshotPerson {
  id: number;
  name: string;
  title: string;
  department: string;
  level: Level | null;
  roles: BuyingRole[];
  influence: Influence | null;
  attitude: Attitude | null;
  strength: Strength;
  ownerId: number | null;
  ownerName: string | null;
  x: number | null;
  y: number | null;
}

export interface SnapshotData {
  members: SnapshotPerson[];
  lines: Omit<MapLine, 'id'>[];
}

/** The map as it is now, in the form a snapshot stores. */
export function currentMapData(db: Db, accountId: number, tenderId: number | null, today: string): SnapshotData {
  const members = mapMembers(db, accountId, tenderId, today);
  const lines = mapLines(db, accountId, new Set(members.map((m) => m.id)));
  return {
    members: members.map((m) => ({
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
      x: m.x,
      y: m.y,
    })),
    lines: lines.map(({ kind, fromId, toId, dotted, strength }) => ({ kind, fromId, toId, dotted, strength })),
  };
}

const INFO_SELECT = `SELECT id, account_id AS accountId, opportunity_id AS tenderId, label, taken_on AS takenOn, created_at AS createdAt,
  coalesce(json_array_length(data, '$.members'), 0) AS people FROM map_snapshots`;

function info(db: Db, id: number): MapSnapshotInfo {
  const row = db.prepare(`${INFO_SELECT} WHERE id = ?`).get(id) as MapSnapshotInfo | undefined;
  if (!row) throw new AppError('not-found', `No snapshot with id ${id}.`, { id });
  return row;
}

function checkMap(db: Db, accountId: number, tenderId: number | null): void {
  requireAccount(db, accountId);
  if (tenderId !== null) getTender(db, tenderId, accountId);
}

export function listSnapshots(db: Db, accountId: number, tenderId: number | null): MapSnapshotInfo[] {
  checkMap(db, accountId, tenderId);
  return db
    .prepare(`${INFO_SELECT} WHERE account_id = ? AND opportunity_id IS ? ORDER BY taken_on DESC, id DESC`)
    .all(accountId, tenderId) as MapSnapshotInfo[];
}

export function saveSnapshot(
  db: Db,
  s: { accountId: number; tenderId: number | null; label: string; takenOn: string; today: string },
  now: Date,
): MapSnapshotInfo {
  return writeTx(db, () => {
    checkMap(db, s.accountId, s.tenderId);
    const data = currentMapData(db, s.accountId, s.tenderId, s.today);
    const id = Number(
      db
        .prepare('INSERT INTO map_snapshots (account_id, opportunity_id, label, taken_on, data, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.accountId, s.tenderId, s.label, s.takenOn, JSON.stringify(data), now.toISOString()).lastInsertRowid,
    );
    return info(db, id);
  });
}

export function deleteSnapshot(db: Db, id: number): { id: number } {
  return writeTx(db, () => {
    const res = db.prepare('DELETE FROM map_snapshots WHERE id = ?').run(id);
    if (res.changes === 0) throw new AppError('not-found', `No snapshot with id ${id}.`, { id });
    return { id };
  });
}

interface SnapshotRow {
  id: number;
  account_id: number;
  opportunity_id: number | null;
  label: string;
  taken_on: string;
  data: string;
}

function snapshotRow(db: Db, id: number): SnapshotRow {
  const row = db.prepare('SELECT id, account_id, opportunity_id, label, taken_on, data FROM map_snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
  if (!row) throw new AppError('not-found', `No snapshot with id ${id}.`, { id });
  return row;
}

function parseData(json: string): SnapshotData {
  const d = JSON.parse(json) as Partial<SnapshotData>;
  return { members: Array.isArray(d.members) ? d.members : [], lines: Array.isArray(d.lines) ? d.lines : [] };
}

const rolesText = (roles: readonly BuyingRole[]): string | null => {
  const sorted = BUYING_ROLES.filter((r) => roles.includes(r));
  return sorted.length > 0 ? sorted.join(',') : null;
};

/** What changed from `a` to `b`: people, their fields, lines. */
export function diffSnapshots(a: SnapshotData, b: SnapshotData): Pick<SnapshotComparison, 'added' | 'removed' | 'changed' | 'linesAdded' | 'linesRemoved'> {
  const before = new Map(a.members.map((m) => [m.id, m]));
  const after = new Map(b.members.map((m) => [m.id, m]));
  const brief = (m: SnapshotPerson) => ({ id: m.id, name: m.name, title: m.title });
  const added = b.members.filter((m) => !before.has(m.id)).map(brief);
  const removed = a.members.filter((m) => !after.has(m.id)).map(brief);
  const changed: SnapshotPersonChange[] = [];
  for (const m of b.members) {
    const old = before.get(m.id);
    if (!old) continue;
    const pairs: [SnapshotPersonChange['field'], string | number | null, string | number | null][] = [
      ['attitude', old.attitude, m.attitude],
      ['strength', old.strength, m.strength],
      ['influence', old.influence, m.influence],
      ['roles', rolesText(old.roles), rolesText(m.roles)],
      ['owner', old.ownerName, m.ownerName],
      ['level', old.level, m.level],
      ['title', old.title || null, m.title || null],
    ];
    for (const [field, x, y] of pairs) if (x !== y) changed.push({ id: m.id, name: m.name, field, before: x, after: y });
  }
  const key = (l: Omit<MapLine, 'id'>) => `${l.kind}:${l.fromId}:${l.toId}`;
  const la = new Set(a.lines.map(key));
  const lb = new Set(b.lines.map(key));
  return {
    added,
    removed,
    changed,
    linesAdded: [...lb].filter((k) => !la.has(k)).length,
    linesRemoved: [...la].filter((k) => !lb.has(k)).length,
  };
}

/** Compares two snapshots of one map, or a snapshot with the map now (`to` null). */
export function compareSnapshots(db: Db, fromId: number, toId: number | null, today: string): SnapshotComparison {
  const from = snapshotRow(db, fromId);
  let toData: SnapshotData;
  let toRef: SnapshotComparison['to'];
  if (toId === null) {
    checkMap(db, from.account_id, from.opportunity_id);
    toData = currentMapData(db, from.account_id, from.opportunity_id, today);
    toRef = { id: null, label: '', takenOn: today };
  } else {
    const to = snapshotRow(db, toId);
    if (to.account_id !== from.account_id || to.opportunity_id !== from.opportunity_id) {
      throw new AppError('map-mismatch', `Snapshots ${fromId} and ${toId} are of different maps.`, { id: toId });
    }
    toData = parseData(to.data);
    toRef = { id: to.id, label: to.label, takenOn: to.taken_on };
  }
  return {
    from: { id: from.id, label: from.label, takenOn: from.taken_on },
    to: toRef,
    ...diffSnapshots(parseData(from.data), toData),
  };
}
