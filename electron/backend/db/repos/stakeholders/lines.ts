/**
 * The map's lines: "reports to" (solid or dotted) and influence. Every write is one transaction and
 * checks what zod cannot: both ends belong to the same live account ('map-mismatch'), a person in
 * the bin cannot be linked ('not-found'), a reporting line never closes a circle ('reporting-cycle',
 * the rule in ./cycles, asked of the stored lines in one query).
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../../shared/api/errors';
import type { MapLine } from '../../../../../shared/domain/stakeholders';
import { requireAccount } from '../../guards';
import { writeTx } from '../../tx';
import { stakeholderRow } from './checks';
import { LINE_SELECT, toLine, type LineRow } from './rows';

/**
 * The rule of ./cycles (closesReportingCycle) on the stored lines, the bin's people included: `from`
 * is already above `to`. One recursive query, so that an import of thousands of lines does not walk
 * the chain above each new line a query at a time.
 */
export function closesStoredReportingCycle(db: Db, fromId: number, toId: number): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(x) AS (
         SELECT ? UNION SELECT l.to_id FROM stakeholder_lines l JOIN up ON l.from_id = up.x WHERE l.kind = 'reports')
       SELECT 1 FROM up WHERE x = ? LIMIT 1`,
    )
    .get(toId, fromId);
  return row !== undefined;
}

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
  if (kind === 'reports' && closesStoredReportingCycle(db, fromId, toId)) {
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
    requireAccount(db, from.account_id);
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
