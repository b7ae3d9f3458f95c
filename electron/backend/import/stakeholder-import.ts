/**
 * Importing the buyer's people into one account's map from CSV/XLSX (the account importer's table
 * reader and error report): read, map columns, convert rows, resolve reports-to by name (earlier or
 * later rows, or people already on the account), refuse reporting circles, then write everything
 * in one transaction - or nothing, when a row is invalid and the caller did not ask to skip invalid
 * rows. A dry run does the writes and rolls them back, so its counts are exact.
 *
 * - A name already on the account updates that person; empty cells leave what is there.
 * - 上级/Reports to sets the person's (solid) manager: an earlier solid reporting line of that person
 *   to someone else is replaced; dotted lines stay. A manager named nowhere is a row error.
 * - A circle of managers (A -> B -> A, or longer, also through lines already stored) is a row error
 *   on every row in it. The walk remembers where it has been: it always ends.
 * - 负责人/Owner names one of our people; a name we do not know is added to our team, as the account
 *   importer does (reported in peopleCreated).
 */
import type { Database as Db } from 'better-sqlite3';
import { forbiddenChar } from '../../../shared/api/text';
import type { ImportPreview, ImportRowError } from '../../../shared/api/accounts-views';
import type { LevelSuggestion, StakeholderImportReport } from '../../../shared/api/stakeholders';
import { inferLevel } from '../../../shared/domain/level-inference';
import { AppError } from '../../../shared/api/errors';
import type { Attitude, BuyingRole, Influence, Level, Strength } from '../../../shared/domain/stakeholders';
import { parseDate } from '../../../shared/domain/values';
import { requireAccount } from '../db/guards';
import { wayUp } from '../db/repos/stakeholders/cycles';
import { insertLine } from '../db/repos/stakeholders/lines';
import { insertStakeholder, patchStakeholder } from '../db/repos/stakeholders/people';
import type { StakeholderFields } from '../db/repos/stakeholders/rows';
import { normalizeHeader } from './account-columns';
import { skippedColumns } from './account-mapping';
import { guessStakeholderColumn, parseStakeholderTarget, splitRoles, wordOf, type StakeholderTarget } from './stakeholder-columns';
import { readTable, type Table, type TableRow } from './table';
import { peopleByName, writeImport } from './writes';

export interface StakeholderImportOptions {
  map?: Record<string, string> | undefined;
  skipInvalid?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** Without a level column: set the levels the titles suggest (the suggestions, confirmed). */
  inferLevels?: boolean | undefined;
}

export type StakeholderRowErrorCode =
  | 'person-required'
  | 'too-long'
  | 'not-a-date'
  | 'unknown-value'
  | 'unknown-role'
  | 'duplicate-person'
  | 'unknown-manager'
  | 'reporting-cycle'
  | 'control-char';

interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  code: StakeholderRowErrorCode;
  circle?: { name: string; line: number | null }[];
  circleMore?: number;
}

/** The most people a reported circle names (the first ones and the way back to the row's person). */
const MAX_CIRCLE = 8;

interface Draft {
  line: number;
  name: string;
  fields: Omit<StakeholderFields, 'name' | 'ownerId'>;
  managerName: string | null;
  ownerName: string | null;
}

/** The fields kept as paragraphs (line breaks allowed), as in the contract's stakeholderFieldsSchema. */
const MULTI_LINE = new Set<string>(['orgWins', 'personalWins', 'interests', 'notes']);
const LIMITS = { name: 200, title: 200, department: 200, favoursCompetitor: 200, orgWins: 4000, personalWins: 4000, interests: 4000, notes: 20_000, person: 200 } as const;

/** Column -> field: the explicit map first, then the header's aliases; `null` where nothing fits. */
export function resolveStakeholderMapping(headers: readonly string[], map: Record<string, string> = {}): StakeholderTarget[] {
  const byHeader = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const explicit = new Map<number, StakeholderTarget>();
  for (const [source, target] of Object.entries(map)) {
    const col = byHeader.get(normalizeHeader(source));
    if (col === undefined) {
      throw new AppError('import-bad-map', `The file has no column "${source}" (columns: ${headers.join(', ')}).`, { column: source });
    }
    const t = parseStakeholderTarget(target);
    if (t === null) throw new AppError('import-bad-map', `"${target}" is not a field a person on the map has.`, { column: source, field: target });
    explicit.set(col, t);
  }
  const used = new Set<StakeholderTarget>();
  for (const t of explicit.values()) {
    if (t !== 'ignore' && used.has(t)) throw new AppError('import-bad-map', `Two columns are mapped to "${t}".`, { column: t, field: t });
    used.add(t);
  }
  return headers.map((h, i) => {
    const e = explicit.get(i);
    if (e) return e;
    const g = guessStakeholderColumn(h);
    if (!g || used.has(g)) return 'ignore';
    used.add(g);
    return g;
  });
}

function convertRow(row: TableRow, headers: readonly string[], mapping: readonly StakeholderTarget[]): { draft: Draft | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fields: Draft['fields'] = {};
  const draft: Draft = { line: row.line, name: '', fields, managerName: null, ownerName: null };
  const fail = (col: number, code: StakeholderRowErrorCode, value?: string) =>
    errors.push({ line: row.line, column: headers[col] ?? null, value: value ?? row.cells[col] ?? null, code });
  /** One line unless `multi` (notes and the like); control characters are refused (shared/api/text.ts). */
  const text = (col: number, raw: string, max: number, multi = false): string | null => {
    // Our CSV exports guard text against spreadsheet formulas with a leading apostrophe.
    if (/^'[=+\-@\t\r]/.test(raw)) raw = raw.slice(1);
    if (raw.length > max) {
      fail(col, 'too-long');
      return null;
    }
    if (forbiddenChar(raw, multi) !== null) {
      fail(col, 'control-char');
      return null;
    }
    return raw;
  };
  const word = <T>(col: number, raw: string, find: (raw: string) => T | null, set: (v: T) => void) => {
    const v = find(raw);
    if (v === null) fail(col, 'unknown-value');
    else set(v);
  };

  mapping.forEach((target, col) => {
    const raw = (row.cells[col] ?? '').trim();
    if (target === 'ignore' || raw === '') return;
    switch (target) {
      case 'name': {
        const v = text(col, raw.replace(/\s+/g, ' '), LIMITS.name);
        if (v) draft.name = v;
        break;
      }
      case 'title':
      case 'department':
      case 'favoursCompetitor':
      case 'orgWins':
      case 'personalWins':
      case 'interests':
      case 'notes': {
        const v = text(col, raw, LIMITS[target], MULTI_LINE.has(target));
        if (v !== null) fields[target] = v;
        break;
      }
      case 'reportsTo':
        draft.managerName = text(col, raw.replace(/\s+/g, ' '), LIMITS.person);
        break;
      case 'owner':
        draft.ownerName = text(col, raw.replace(/\s+/g, ' '), 100);
        break;
      case 'level':
        word<Level>(col, raw, wordOf.level, (v) => (fields.level = v));
        break;
      case 'influence':
        word<Influence>(col, raw, wordOf.influence, (v) => (fields.influence = v));
        break;
      case 'attitude':
        word<Attitude>(col, raw, wordOf.attitude, (v) => (fields.attitude = v));
        break;
      case 'strength':
        word<Strength>(col, raw, wordOf.strength, (v) => (fields.strength = v));
        break;
      case 'roles': {
        const roles: BuyingRole[] = [];
        for (const part of splitRoles(raw)) {
          const r = wordOf.role(part);
          if (r === null) fail(col, 'unknown-role', part);
          else if (!roles.includes(r)) roles.push(r);
        }
        fields.roles = roles;
        break;
      }
      case 'lastContact': {
        const d = parseDate(raw);
        if (d.ok) fields.lastContactSet = d.value;
        else fail(col, 'not-a-date');
        break;
      }
    }
  });
  if (!draft.name) {
    const col = mapping.indexOf('name');
    errors.push({ line: row.line, column: col >= 0 ? (headers[col] ?? null) : null, value: null, code: 'person-required' });
  }
  return { draft: errors.length === 0 ? draft : null, errors };
}

interface Plan {
  table: Table;
  mapping: StakeholderTarget[];
  drafts: Draft[];
  errors: RowError[];
  levelSuggestions: LevelSuggestion[];
}

interface ExistingPerson {
  id: number;
  name: string;
  level: Level | null;
}

/** Reads and checks everything against the account; writes nothing. */
async function plan(db: Db, accountId: number, bytes: Uint8Array, fileName: string, opts: StakeholderImportOptions): Promise<Plan> {
  const table = await readTable(bytes, fileName);
  const mapping = resolveStakeholderMapping(table.headers, opts.map);
  if (!mapping.includes('name')) {
    throw new AppError('import-no-person-name', `No column holds the person's name (姓名/Name) (columns: ${table.headers.join(', ')}). Map one with name.`, {
      columns: table.headers.join(', '),
    });
  }
  const errors: RowError[] = [];
  let drafts: Draft[] = [];
  const seen = new Set<string>();
  const nameCol = table.headers[mapping.indexOf('name')] ?? null;
  for (const row of table.rows) {
    const r = convertRow(row, table.headers, mapping);
    errors.push(...r.errors);
    if (!r.draft) continue;
    if (seen.has(r.draft.name)) {
      errors.push({ line: row.line, column: nameCol, value: r.draft.name, code: 'duplicate-person' });
      continue;
    }
    seen.add(r.draft.name);
    drafts.push(r.draft);
  }

  // The account's people and its reporting lines (of everyone, the bin included, as the API counts them).
  const existing = new Map(
    (db.prepare('SELECT id, name, level FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL').all(accountId) as ExistingPerson[]).map((p) => [p.name, p]),
  );
  const storedLines = db
    .prepare("SELECT from_id AS fromId, to_id AS toId, dotted FROM stakeholder_lines WHERE account_id = ? AND kind = 'reports'")
    .all(accountId) as { fromId: number; toId: number; dotted: number }[];
  const managerCol = table.headers[mapping.indexOf('reportsTo')] ?? null;
  // Names of stored people by id (the bin too: their lines count), for naming a circle.
  const storedName = new Map(
    (db.prepare('SELECT id, name FROM stakeholders WHERE account_id = ?').raw().all(accountId) as [number, string][]).map(([id, name]) => [id, name]),
  );

  for (;;) {
    const inFile = new Map(drafts.map((d) => [d.name, d]));
    // Nodes: "id:N" for people already stored, "new:NAME" for people the file adds.
    const node = (name: string): string | null => {
      const e = existing.get(name);
      if (e) return `id:${e.id}`;
      return inFile.has(name) ? `new:${name}` : null;
    };
    const up = new Map<string, Set<string>>();
    const edge = (from: string, to: string) => {
      let s = up.get(from);
      if (!s) up.set(from, (s = new Set()));
      s.add(to);
    };
    const replaced = new Set<string>();
    for (const d of drafts) if (d.managerName) replaced.add(node(d.name)!);
    for (const l of storedLines) {
      const from = `id:${l.fromId}`;
      // The file's manager replaces a person's solid line; dotted lines stay.
      if (l.dotted === 0 && replaced.has(from)) continue;
      edge(from, `id:${l.toId}`);
    }
    const bad = new Set<Draft>();
    for (const d of drafts) {
      if (!d.managerName) continue;
      const to = node(d.managerName);
      if (to === null) {
        errors.push({ line: d.line, column: managerCol, value: d.managerName, code: 'unknown-manager' });
        bad.add(d);
        continue;
      }
      edge(node(d.name)!, to);
    }
    for (const d of drafts) {
      if (!d.managerName || bad.has(d)) continue;
      // Walk up from the manager, remembering the way; meeting this person again is a circle.
      const self = node(d.name)!;
      const way = wayUp((n: string) => up.get(n) ?? [], node(d.managerName)!, self);
      if (way !== null) {
        // self -> manager -> ... -> self, each named with the row that names them.
        const step = (n: string) => {
          const name = n.startsWith('new:') ? n.slice(4) : (storedName.get(Number(n.slice(3))) ?? n);
          return { name, line: inFile.get(name)?.line ?? null };
        };
        // A long circle is named by its first people and the way back (a 3,000-person ring is one error a row).
        const all = [self, ...way];
        const kept = all.length > MAX_CIRCLE ? [...all.slice(0, MAX_CIRCLE - 1), all[all.length - 1]!] : all;
        const circle = kept.map(step);
        const more = all.length - kept.length;
        errors.push({ line: d.line, column: managerCol, value: d.managerName, code: 'reporting-cycle', circle, ...(more > 0 ? { circleMore: more } : {}) });
        bad.add(d);
      }
    }
    if (bad.size === 0) break;
    drafts = drafts.filter((d) => !bad.has(d));
    if (!opts.skipInvalid) break;
  }
  errors.sort((a, b) => a.line - b.line);

  // No level column: what the titles suggest, for the rows that go in and people without a level.
  const levelSuggestions: LevelSuggestion[] = [];
  if (!mapping.includes('level')) {
    for (const d of drafts) {
      const title = d.fields.title;
      if (!title || (existing.get(d.name)?.level ?? null) !== null) continue;
      const guess = inferLevel(title);
      if (!guess) continue;
      levelSuggestions.push({ line: d.line, name: d.name, title, level: guess.level, word: guess.word });
      if (opts.inferLevels) d.fields.level = guess.level;
    }
  }
  return { table, mapping, drafts, errors, levelSuggestions };
}

function toReportError(e: RowError): ImportRowError {
  const base = { line: e.line, column: e.column, value: e.value, code: e.code };
  if (!e.circle) return base;
  return e.circleMore ? { ...base, circle: e.circle, circleMore: e.circleMore } : { ...base, circle: e.circle };
}

/**
 * Headers, the guessed mapping, the first rows and the problems an import would report. Without a
 * recognisable name column the mapping says so (null there) and no rows are checked, so the UI can
 * let the person pick the column.
 */
export async function previewStakeholderImport(
  db: Db,
  accountId: number,
  bytes: Uint8Array,
  fileName: string,
  map?: Record<string, string>,
): Promise<ImportPreview> {
  requireAccount(db, accountId);
  const table = await readTable(bytes, fileName);
  const mapping = resolveStakeholderMapping(table.headers, map);
  const errors = mapping.includes('name') ? (await plan(db, accountId, bytes, fileName, map ? { map } : {})).errors : [];
  return {
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    mapping: mapping.map((m) => (m === 'ignore' ? null : m)),
    sample: table.rows.slice(0, 20),
    rows: table.rows.length,
    errors: errors.slice(0, 500).map(toReportError),
    notImported: skippedColumns(table.headers, mapping, map, guessStakeholderColumn),
  };
}

export async function importStakeholders(
  db: Db,
  accountId: number,
  bytes: Uint8Array,
  fileName: string,
  opts: StakeholderImportOptions,
  now: Date,
): Promise<StakeholderImportReport> {
  requireAccount(db, accountId);
  const p = await plan(db, accountId, bytes, fileName, opts);
  const report: StakeholderImportReport = {
    dryRun: !!opts.dryRun,
    rows: p.table.rows.length,
    created: 0,
    updated: 0,
    skipped: 0,
    linesCreated: 0,
    peopleCreated: [],
    errors: p.errors.map(toReportError),
    rejected: false,
    levelSuggestions: p.levelSuggestions,
    levelsInferred: !!opts.inferLevels && p.levelSuggestions.length > 0,
    notImported: skippedColumns(p.table.headers, p.mapping, opts.map, guessStakeholderColumn),
  };
  if (p.errors.length > 0 && !opts.skipInvalid) {
    report.rejected = true;
    return report;
  }
  report.skipped = new Set(p.errors.map((e) => e.line)).size;
  const write = () => apply(db, accountId, p.drafts, now, report);
  writeImport(db, !!opts.dryRun, write);
  return report;
}

function apply(db: Db, accountId: number, drafts: readonly Draft[], now: Date, report: StakeholderImportReport): void {
  requireAccount(db, accountId);
  const ts = now.toISOString();
  const ownerId = peopleByName(db, ts, report.peopleCreated);
  const ids = new Map<string, number>(
    (db.prepare('SELECT name, id FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL').raw().all(accountId) as [string, number][]).map(([n, i]) => [n, i]),
  );
  for (const d of drafts) {
    const fields: StakeholderFields = { ...d.fields };
    if (d.ownerName) fields.ownerId = ownerId(d.ownerName);
    const prior = ids.get(d.name);
    if (prior !== undefined) {
      patchStakeholder(db, prior, fields, now);
      report.updated++;
    } else {
      ids.set(d.name, insertStakeholder(db, accountId, { ...fields, name: d.name }, now));
      report.created++;
    }
  }
  const dropSolid = db.prepare("DELETE FROM stakeholder_lines WHERE from_id = ? AND kind = 'reports' AND dotted = 0 AND to_id <> ?");
  const hasLine = db.prepare("SELECT 1 FROM stakeholder_lines WHERE from_id = ? AND kind = 'reports' AND to_id = ?");
  // Replace first, then add: a circle that only the old lines would close is not one.
  const pairs = drafts.filter((d) => d.managerName).map((d) => [ids.get(d.name)!, ids.get(d.managerName!)!] as const);
  for (const [from, to] of pairs) dropSolid.run(from, to);
  for (const [from, to] of pairs) {
    if (hasLine.get(from, to)) continue;
    insertLine(db, accountId, 'reports', from, to, false, undefined, now);
    report.linesCreated++;
  }
}
