/** Matrices, placements and moves. Repositories take `db` first; every write is one transaction. */
import { fxPlan } from '../../../../shared/domain/fx';
import { getFxTable } from './fx-rates';
import type { Database as Db } from 'better-sqlite3';
import type { AccountQuery } from '../../../../shared/api/accounts';
import type { Board, BoardCard, Matrix, PlacementMove, Quadrant } from '../../../../shared/api/board';
import { AppError } from '../../../../shared/api/errors';
import { pareto } from '../../../../shared/domain/pareto';
import { changesBetween, matrixVerdict, placementsAsOf, quadrantFigures, suggestQuadrant, type Move, type SuggestRule, type VerdictInput } from '../../../../shared/domain/quadrants';
import { queryAccountRows } from './account-query';
import { requireAccount } from '../guards';
import { writeTx } from '../tx';
import { generateKey } from '../../keys';
import { recorderName } from './identity';

interface MatrixRow {
  id: number;
  key: string;
  name_zh: string;
  name_en: string;
  x_label_zh: string;
  x_label_en: string;
  y_label_zh: string;
  y_label_en: string;
  builtin: number;
  suggest: string;
}

/** An English name left empty reads as the Chinese one (issue 11: Chinese users need not type English). */
const en = (col: string, zh: string) => `coalesce(nullif(${col}, ''), ${zh})`;

const QUADRANT_SELECT =
  `SELECT key, position, name_zh AS nameZh, ${en('name_en', 'name_zh')} AS nameEn, color, treatment_zh AS treatmentZh, treatment_en AS treatmentEn FROM quadrants WHERE matrix_id = ? AND replaced_by IS NULL`;
const ORDER = { tl: 0, tr: 1, bl: 2, br: 3 } as const;

function toMatrix(db: Db, r: MatrixRow): Matrix {
  const quadrants = (db.prepare(QUADRANT_SELECT).all(r.id) as Quadrant[]).sort((a, b) => ORDER[a.position] - ORDER[b.position]);
  return {
    id: r.id,
    key: r.key,
    nameZh: r.name_zh,
    nameEn: r.name_en || r.name_zh,
    xLabelZh: r.x_label_zh,
    xLabelEn: r.x_label_en || r.x_label_zh,
    yLabelZh: r.y_label_zh,
    yLabelEn: r.y_label_en || r.y_label_zh,
    builtin: r.builtin === 1,
    suggest: JSON.parse(r.suggest) as SuggestRule,
    quadrants,
  };
}

export function listMatrices(db: Db): Matrix[] {
  return (db.prepare('SELECT * FROM matrices ORDER BY position, id').all() as MatrixRow[]).map((r) => toMatrix(db, r));
}

export function getMatrix(db: Db, key: string): Matrix {
  const row = db.prepare('SELECT * FROM matrices WHERE key = ?').get(key) as MatrixRow | undefined;
  if (!row) throw new AppError('not-found', `No matrix "${key}".`, { name: key });
  return toMatrix(db, row);
}

export interface MatrixInput {
  id?: number;
  /** Left out or '': generated from the names (a new matrix), or kept (an existing one). */
  key?: string | undefined;
  nameZh: string;
  /** English labels are optional: '' reads as the Chinese one. */
  nameEn?: string | undefined;
  xLabelZh: string;
  xLabelEn?: string | undefined;
  yLabelZh: string;
  yLabelEn?: string | undefined;
  suggest?: SuggestRule | undefined;
  quadrants: {
    key?: string | undefined;
    position: Quadrant['position'];
    nameZh: string;
    nameEn?: string | undefined;
    color: string;
    treatmentZh?: string | undefined;
    treatmentEn?: string | undefined;
  }[];
}

/** A matrix's key: the one given, the one it has, or one generated from its names (unique). */
function matrixKeyOf(db: Db, m: MatrixInput): string {
  if (m.key) return m.key;
  if (m.id !== undefined) {
    const cur = db.prepare('SELECT key FROM matrices WHERE id = ?').pluck().get(m.id) as string | undefined;
    if (cur) return cur;
  }
  const taken = db.prepare('SELECT key FROM matrices').pluck().all() as string[];
  return generateKey({ en: m.nameEn, zh: m.nameZh }, taken, 'matrix');
}

/**
 * Quadrant keys: given ones are kept; an existing matrix's quadrant without a key keeps the key it
 * has in that position; the rest are generated from their names, unique within the matrix.
 */
function quadrantKeysOf(db: Db, m: MatrixInput): string[] {
  const byPosition = new Map<string, string>(
    m.id === undefined ? [] : (db.prepare('SELECT position, key FROM quadrants WHERE matrix_id = ? AND replaced_by IS NULL').raw().all(m.id) as [string, string][]),
  );
  const taken = new Set(m.quadrants.flatMap((q) => (q.key ? [q.key] : [])));
  return m.quadrants.map((q) => {
    if (q.key) return q.key;
    const kept = byPosition.get(q.position);
    if (kept && !taken.has(kept)) {
      taken.add(kept);
      return kept;
    }
    const k = generateKey({ en: q.nameEn, zh: q.nameZh }, taken, q.position);
    taken.add(k);
    return k;
  });
}

/**
 * Creates or edits a matrix. Quadrant keys of an existing matrix are kept (placements and history
 * refer to them): an edit may rename, recolour and move quadrants, not replace them.
 */
export function saveMatrix(db: Db, input: MatrixInput, now: Date): Matrix {
  return writeTx(db, () => {
    const key = matrixKeyOf(db, input);
    const qKeys = quadrantKeysOf(db, input);
    const m = { ...input, key, quadrants: input.quadrants.map((q, i) => ({ ...q, key: qKeys[i]! })) };
    const other = db.prepare('SELECT id FROM matrices WHERE key = ?').pluck().get(m.key) as number | undefined;
    if (other !== undefined && other !== m.id) throw new AppError('conflict', `A matrix with key "${m.key}" already exists.`, { name: m.key });
    const ts = now.toISOString();
    // The schema wants every English label (0003's CHECKs): one left empty stores the Chinese one.
    const vals = [m.key, m.nameZh, m.nameEn || m.nameZh, m.xLabelZh, m.xLabelEn || m.xLabelZh, m.yLabelZh, m.yLabelEn || m.yLabelZh];
    let id = m.id;
    if (id !== undefined) {
      const cur = db.prepare('SELECT * FROM matrices WHERE id = ?').get(id) as MatrixRow | undefined;
      if (!cur) throw new AppError('not-found', `No matrix with id ${id}.`, { id });
      if (cur.builtin && cur.key !== m.key) throw new AppError('invalid-args', 'A built-in matrix keeps its key.', { field: 'key' });
      const existing = (db.prepare('SELECT key FROM quadrants WHERE matrix_id = ? AND replaced_by IS NULL').pluck().all(id) as string[]).sort();
      if (JSON.stringify(existing) !== JSON.stringify(m.quadrants.map((q) => q.key).sort())) {
        throw new AppError('invalid-args', 'An existing matrix keeps its four quadrant keys.', { field: 'quadrants' });
      }
      db.prepare(
        'UPDATE matrices SET key = ?, name_zh = ?, name_en = ?, x_label_zh = ?, x_label_en = ?, y_label_zh = ?, y_label_en = ?, suggest = ?, updated_at = ? WHERE id = ?',
      ).run(...vals, JSON.stringify(m.suggest ?? JSON.parse(cur.suggest)), ts, id);
    } else {
      const pos = (db.prepare('SELECT coalesce(max(position), -1) + 1 FROM matrices').pluck().get() as number) ?? 0;
      id = Number(
        db
          .prepare(
            `INSERT INTO matrices (key, name_zh, name_en, x_label_zh, x_label_en, y_label_zh, y_label_en, builtin, suggest, position, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
          )
          .run(...vals, JSON.stringify(m.suggest ?? { kind: 'none' }), pos, ts, ts).lastInsertRowid,
      );
    }
    const upsert = db.prepare(
      `INSERT INTO quadrants (matrix_id, key, position, name_zh, name_en, color, treatment_zh, treatment_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (matrix_id, key) DO UPDATE SET position = excluded.position, name_zh = excluded.name_zh, name_en = excluded.name_en,
         color = excluded.color, treatment_zh = excluded.treatment_zh, treatment_en = excluded.treatment_en`,
    );
    for (const q of m.quadrants) upsert.run(id, q.key, q.position, q.nameZh, q.nameEn || q.nameZh, q.color, q.treatmentZh ?? '', q.treatmentEn ?? '');
    return getMatrix(db, m.key);
  });
}

export function deleteMatrix(db: Db, id: number): { id: number } {
  return writeTx(db, () => {
    const row = db.prepare('SELECT builtin FROM matrices WHERE id = ?').get(id) as { builtin: number } | undefined;
    if (!row) throw new AppError('not-found', `No matrix with id ${id}.`, { id });
    if (row.builtin) throw new AppError('invalid-args', 'A built-in matrix cannot be deleted.', { id });
    db.prepare('DELETE FROM matrices WHERE id = ?').run(id);
    return { id };
  });
}

// --- the board's preferences -----------------------------------------------------------------------

export interface BoardPrefs {
  /** Ask for a reason when a card is placed from the tray (its first placement). Off by default. */
  askReasonOnFirstPlacement: boolean;
}

const ASK_FIRST = 'board.askReasonOnFirstPlacement';

export function getBoardPrefs(db: Db): BoardPrefs {
  return { askReasonOnFirstPlacement: db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ASK_FIRST) === '1' };
}

export function setBoardPrefs(db: Db, prefs: BoardPrefs): BoardPrefs {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ASK_FIRST, prefs.askReasonOnFirstPlacement ? '1' : '0');
  return getBoardPrefs(db);
}

// --- moves ---------------------------------------------------------------------------------------

const MOVE_SELECT = `
  SELECT m.id, x.key AS matrixKey, x.name_zh AS matrixNameZh, ${en('x.name_en', 'x.name_zh')} AS matrixNameEn, m.account_id AS accountId, a.name AS accountName,
         m.from_key AS "from", m.to_key AS "to", qf.name_zh AS fromNameZh, ${en('qf.name_en', 'qf.name_zh')} AS fromNameEn,
         qt.name_zh AS toNameZh, ${en('qt.name_en', 'qt.name_zh')} AS toNameEn,
         m.at, m.by_person AS "by", m.reason
  FROM placement_moves m
  JOIN matrices x ON x.id = m.matrix_id
  JOIN accounts a ON a.id = m.account_id
  LEFT JOIN quadrants qf ON qf.matrix_id = m.matrix_id AND qf.key = m.from_key
  LEFT JOIN quadrants qt ON qt.matrix_id = m.matrix_id AND qt.key = m.to_key`;

function getMove(db: Db, id: number): PlacementMove {
  const row = db.prepare(`${MOVE_SELECT} WHERE m.id = ?`).get(id) as PlacementMove | undefined;
  if (!row) throw new AppError('not-found', `No move with id ${id}.`, { id });
  return row;
}

/** Places an account in a quadrant (or the tray, `to` null) and records the move. */
export function moveAccount(db: Db, matrixKey: string, accountId: number, to: string | null, reason: string, now: Date, by?: string): PlacementMove {
  return writeTx(db, () => {
    const matrix = getMatrix(db, matrixKey);
    requireAccount(db, accountId);
    if (to !== null && !matrix.quadrants.some((q) => q.key === to)) {
      throw new AppError('not-found', `Matrix "${matrixKey}" has no quadrant "${to}".`, { name: to });
    }
    const from = (db.prepare('SELECT quadrant_key FROM placements WHERE matrix_id = ? AND account_id = ?').pluck().get(matrix.id, accountId) as string | undefined) ?? null;
    if (from === to) throw new AppError('conflict', 'The account is already there.', { name: to ?? '' });
    const at = now.toISOString();
    if (to === null) db.prepare('DELETE FROM placements WHERE matrix_id = ? AND account_id = ?').run(matrix.id, accountId);
    else
      db.prepare(
        `INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (matrix_id, account_id) DO UPDATE SET quadrant_key = excluded.quadrant_key, placed_at = excluded.placed_at`,
      ).run(matrix.id, accountId, to, at);
    const id = Number(
      db
        .prepare('INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at, by_person, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(matrix.id, accountId, from, to, at, by ?? recorderName(db), reason).lastInsertRowid,
    );
    return getMove(db, id);
  });
}

/**
 * Accepts the data's suggestion for many accounts at once: each listed account that is not placed on
 * the matrix and has a suggestion is placed there (one move each, with `reason`), in one transaction.
 * The suggestion is worked out here from the account's data, not taken from the caller.
 */
export function placeSuggested(
  db: Db,
  matrixKey: string,
  accountIds: readonly number[],
  reason: string,
  now: Date,
  today: string,
): { moves: PlacementMove[]; skipped: number[] } {
  return writeTx(db, () => {
    const matrix = getMatrix(db, matrixKey);
    const rows = new Map(queryAccountRows(db, {}, today).rows.map((r) => [r.id, r]));
    const placed = new Set(db.prepare('SELECT account_id FROM placements WHERE matrix_id = ?').pluck().all(matrix.id) as number[]);
    const moves: PlacementMove[] = [];
    const skipped: number[] = [];
    for (const id of new Set(accountIds)) {
      const row = rows.get(id);
      const to = row && !placed.has(id) ? suggestQuadrant(matrix, row) : null;
      if (to === null) skipped.push(id);
      else moves.push(moveAccount(db, matrixKey, id, to, reason, now));
    }
    return { moves, skipped };
  });
}

/**
 * Moves several accounts to one quadrant (or the tray) with one reason, in one transaction: one
 * recorded move each. Accounts already there are skipped (not an error: a selection may hold some).
 */
export function moveMany(
  db: Db,
  matrixKey: string,
  accountIds: readonly number[],
  to: string | null,
  reason: string,
  now: Date,
): { moves: PlacementMove[]; skipped: number[] } {
  return writeTx(db, () => {
    const matrix = getMatrix(db, matrixKey);
    const where = db.prepare('SELECT quadrant_key FROM placements WHERE matrix_id = ? AND account_id = ?').pluck();
    const moves: PlacementMove[] = [];
    const skipped: number[] = [];
    for (const id of new Set(accountIds)) {
      const from = (where.get(matrix.id, id) as string | undefined) ?? null;
      if (from === to) skipped.push(id);
      else moves.push(moveAccount(db, matrixKey, id, to, reason, now));
    }
    return { moves, skipped };
  });
}

/** One reason for several recorded moves (a multi-card move), in one transaction. */
export function setMovesReason(db: Db, moveIds: readonly number[], reason: string): PlacementMove[] {
  return writeTx(db, () => [...new Set(moveIds)].map((id) => setMoveReason(db, id, reason)));
}

export function setMoveReason(db: Db, moveId: number, reason: string): PlacementMove {
  return writeTx(db, () => {
    const info = db.prepare('UPDATE placement_moves SET reason = ? WHERE id = ?').run(reason, moveId);
    if (info.changes === 0) throw new AppError('not-found', `No move with id ${moveId}.`, { id: moveId });
    return getMove(db, moveId);
  });
}

/** Undoes the latest move of an account on a matrix: the placement goes back and the move is gone. */
export function undoMove(db: Db, moveId: number): { accountId: number; quadrant: string | null } {
  return writeTx(db, () => {
    const m = db.prepare('SELECT * FROM placement_moves WHERE id = ?').get(moveId) as
      | { id: number; matrix_id: number; account_id: number; from_key: string | null; to_key: string | null; at: string }
      | undefined;
    if (!m) throw new AppError('not-found', `No move with id ${moveId}.`, { id: moveId });
    const latest = db.prepare('SELECT max(id) FROM placement_moves WHERE matrix_id = ? AND account_id = ?').pluck().get(m.matrix_id, m.account_id) as number;
    if (latest !== m.id) throw new AppError('conflict', 'Only the latest move of an account can be undone.', { id: moveId });
    if (m.from_key === null) db.prepare('DELETE FROM placements WHERE matrix_id = ? AND account_id = ?').run(m.matrix_id, m.account_id);
    else {
      const prev = db.prepare('SELECT at FROM placement_moves WHERE matrix_id = ? AND account_id = ? AND id < ? ORDER BY id DESC LIMIT 1').pluck().get(m.matrix_id, m.account_id, m.id) as string | undefined;
      db.prepare(
        `INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (matrix_id, account_id) DO UPDATE SET quadrant_key = excluded.quadrant_key, placed_at = excluded.placed_at`,
      ).run(m.matrix_id, m.account_id, m.from_key, prev ?? m.at);
    }
    db.prepare('DELETE FROM placement_moves WHERE id = ?').run(m.id);
    return { accountId: m.account_id, quadrant: m.from_key };
  });
}

export function accountHistory(db: Db, accountId: number): PlacementMove[] {
  return db.prepare(`${MOVE_SELECT} WHERE m.account_id = ? ORDER BY m.at DESC, m.id DESC`).all(accountId) as PlacementMove[];
}

/** Every current placement, for `list accounts --json`. */
export function allPlacements(db: Db): { accountId: number; matrix: string; quadrant: string; nameZh: string; nameEn: string }[] {
  return db
    .prepare(
      `SELECT p.account_id AS accountId, x.key AS matrix, p.quadrant_key AS quadrant, q.name_zh AS nameZh, ${en('q.name_en', 'q.name_zh')} AS nameEn
       FROM placements p JOIN matrices x ON x.id = p.matrix_id JOIN quadrants q ON q.matrix_id = p.matrix_id AND q.key = p.quadrant_key
       ORDER BY p.account_id, x.position`,
    )
    .all() as { accountId: number; matrix: string; quadrant: string; nameZh: string; nameEn: string }[];
}

function movesOf(db: Db, matrixId: number, upTo?: string): Move[] {
  const rows = db
    .prepare(
      `SELECT account_id AS accountId, from_key AS "from", to_key AS "to", at FROM placement_moves
       WHERE matrix_id = ?${upTo ? ' AND at <= ?' : ''} ORDER BY at, id`,
    )
    .all(...(upTo ? [matrixId, upTo] : [matrixId])) as Move[];
  return rows;
}

/** Retired quadrants of a matrix and the key their placements went to. */
function successors(db: Db, matrixId: number): Map<string, string> {
  const rows = db.prepare('SELECT key, replaced_by FROM quadrants WHERE matrix_id = ? AND replaced_by IS NOT NULL').raw().all(matrixId) as [string, string][];
  return new Map(rows);
}

/** What the 野猫 verdict reads, per account: profit contribution and cost to serve. */
export function verdictInputs(db: Db): Map<number, Omit<VerdictInput, 'growthPotential'>> {
  const rows = db
    .prepare('SELECT id, profit_contribution, cost_to_serve FROM accounts WHERE deleted_at IS NULL AND (profit_contribution IS NOT NULL OR cost_to_serve IS NOT NULL)')
    .raw()
    .all() as [number, number | null, number | null][];
  return new Map(rows.map(([id, profitContribution, costToServe]) => [id, { profitContribution, costToServe }]));
}

/** A moment given as a date means the end of that day. */
function endOf(moment: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(moment) ? `${moment}T23:59:59.999Z` : new Date(moment).toISOString();
}

export function getBoard(
  db: Db,
  args: { matrix: string; asOf?: string; since?: string; today: string } & Pick<AccountQuery, 'ownerIds' | 'industries' | 'regions' | 'tierIds'>,
): Board {
  const matrix = getMatrix(db, args.matrix);
  const all = queryAccountRows(db, {}, args.today).rows;
  // The Pareto head in one currency (shared/domain/fx.ts): an account without a rate is not ranked.
  const fx = fxPlan(all, getFxTable(db));
  const head = new Set(pareto(all.filter(fx.included), (r) => fx.convert(r.revenueThisYear ?? 0, r.currency) ?? 0).items.filter((i) => i.inHead).map((i) => i.item.id));
  const filter: AccountQuery = {};
  if (args.ownerIds) filter.ownerIds = args.ownerIds;
  if (args.industries) filter.industries = args.industries;
  if (args.regions) filter.regions = args.regions;
  if (args.tierIds) filter.tierIds = args.tierIds;
  const rows = Object.keys(filter).length ? queryAccountRows(db, filter, args.today).rows : all;
  const asOf = args.asOf ? endOf(args.asOf) : null;
  // A past moment may name a quadrant retired since (migration 0008): shown where it went, so a
  // change of model is not a change of the director's decision.
  const retired = successors(db, matrix.id);
  const then = (moment: string) => placementsAsOf(movesOf(db, matrix.id, moment), moment, retired);
  const placed = asOf
    ? then(asOf)
    : new Map((db.prepare('SELECT account_id, quadrant_key FROM placements WHERE matrix_id = ?').raw().all(matrix.id) as [number, string][]).map(([a, q]) => [a, q]));
  const since = args.since ? endOf(args.since) : null;
  const before = since ? then(since) : null;
  const verdicts = matrix.suggest.kind === 'value-potential' ? verdictInputs(db) : null;
  const changes = before ? changesBetween(before, placed).filter((c) => rows.some((r) => r.id === c.accountId)) : [];
  const movedFrom = new Map(changes.map((c) => [c.accountId, c.from]));
  const cards: BoardCard[] = rows.map((r) => {
    const card: BoardCard = {
      accountId: r.id,
      name: r.name,
      tierKey: r.tierKey,
      grade: r.grade,
      ownerName: r.ownerName,
      industry: r.industry,
      region: r.region,
      revenueThisYear: r.revenueThisYear,
      overdue: r.followUp.state === 'overdue',
      inParetoHead: head.has(r.id),
      quadrant: placed.get(r.id) ?? null,
      suggested: suggestQuadrant(matrix, r),
      verdict: null,
    };
    const v = verdicts?.get(r.id);
    if (v) card.verdict = matrixVerdict(matrix, { ...v, growthPotential: r.growthPotential });
    if (movedFrom.has(r.id)) card.movedFrom = movedFrom.get(r.id) ?? null;
    return card;
  });
  const figures = quadrantFigures(
    matrix.quadrants.map((q) => q.key),
    cards.filter((c) => c.quadrant !== null).map((c) => ({ quadrant: c.quadrant!, revenue: c.revenueThisYear ?? 0 })),
  );
  return { matrix, asOf, since, cards, figures, changes };
}
