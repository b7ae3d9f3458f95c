/**
 * Importing accounts from CSV/XLSX: read, map columns, convert rows, check names and parents across
 * the file and the database, then write everything in one transaction - or nothing, when any row is
 * invalid and the caller did not ask to skip invalid rows.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import type { ImportPreview, ImportReport, ImportRowError } from '../../../shared/api/accounts-views';
import { AppError } from '../../../shared/api/errors';
import { ACCOUNT_COLUMNS } from '../db/repos/accounts';
import { searchKey } from '../search-key';
import { guessColumn, normalizeHeader, parseTarget, type ColumnTarget } from './account-columns';
import { convertRow, tierMatcher, type AccountDraft, type RowError, type TierRef } from './account-rows';
import { readTable, type Table } from './table';
import { peopleByName, writeImport } from './writes';

export interface ImportOptions {
  /** Source header -> target field; unmapped headers are guessed from their names. */
  map?: Record<string, string>;
  skipInvalid?: boolean;
  dryRun?: boolean;
}

/** Decides what each column means: the explicit map first, then the header's aliases. */
export function resolveMapping(headers: readonly string[], map: Record<string, string> = {}): ColumnTarget[] {
  const byHeader = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const explicit = new Map<number, ColumnTarget>();
  for (const [source, target] of Object.entries(map)) {
    const col = byHeader.get(normalizeHeader(source));
    if (col === undefined) {
      throw new AppError('import-bad-map', `The file has no column "${source}" (columns: ${headers.join(', ')}).`, { column: source });
    }
    const t = parseTarget(target);
    if (t === null) throw new AppError('import-bad-map', `"${target}" is not a field an account has.`, { column: source, field: target });
    explicit.set(col, t);
  }
  const used = new Set<ColumnTarget>();
  for (const t of explicit.values()) {
    if (t !== 'ignore' && used.has(t)) throw new AppError('import-bad-map', `Two columns are mapped to "${t}".`, { column: t, field: t });
    used.add(t);
  }
  const mapping = headers.map((h, i) => {
    const e = explicit.get(i);
    if (e) return e;
    const g = guessColumn(h);
    if (!g || used.has(g)) return 'ignore';
    used.add(g);
    return g;
  });
  if (!mapping.includes('name')) {
    throw new AppError('import-no-name', `No column holds the account name (columns: ${headers.join(', ')}). Map one with name.`, {
      columns: headers.join(', '),
    });
  }
  return mapping;
}

function loadTiers(db: Db): TierRef[] {
  return db.prepare('SELECT id, key, name_zh AS nameZh, name_en AS nameEn FROM tiers').all() as TierRef[];
}

interface Plan {
  table: Table;
  mapping: ColumnTarget[];
  drafts: AccountDraft[];
  errors: RowError[];
}

/** Reads and checks everything; writes nothing. */
async function plan(db: Db, bytes: Uint8Array, fileName: string, opts: ImportOptions): Promise<Plan> {
  const table = await readTable(bytes, fileName);
  const mapping = resolveMapping(table.headers, opts.map);
  const findTier = tierMatcher(loadTiers(db));
  const errors: RowError[] = [];
  let drafts: AccountDraft[] = [];
  const seen = new Map<string, number>();
  const nameCol = table.headers[mapping.indexOf('name')] ?? null;
  for (const row of table.rows) {
    const r = convertRow(row, table.headers, mapping, findTier);
    errors.push(...r.errors);
    if (!r.draft) continue;
    if (seen.has(r.draft.name)) {
      errors.push({ line: row.line, column: nameCol, value: r.draft.name, code: 'duplicate-name' });
      continue;
    }
    seen.set(r.draft.name, row.line);
    drafts.push(r.draft);
  }
  // Parents: named in the file (earlier or later) or already in the database; no circles.
  const parentCol = table.headers[mapping.indexOf('parent')] ?? null;
  const existingParent = db.prepare(
    'SELECT a.id, p.name AS parent FROM accounts a LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL WHERE a.name = ? AND a.deleted_at IS NULL',
  );
  for (;;) {
    const inFile = new Map(drafts.map((d) => [d.name, d]));
    const bad = new Set<AccountDraft>();
    // An account's parent after the import: the one its row names, else (an empty cell keeps the
    // stored value) the one it has in the database.
    const parentOf = (name: string): string | null => {
      const named = inFile.get(name)?.parentName;
      if (named) return named;
      const row = existingParent.get(name) as { id: number; parent: string | null } | undefined;
      return row?.parent ?? null;
    };
    for (const d of drafts) {
      if (!d.parentName) continue;
      const exists = inFile.has(d.parentName) || existingParent.get(d.parentName) !== undefined;
      if (!exists) {
        errors.push({ line: d.line, column: parentCol, value: d.parentName, code: 'unknown-parent' });
        bad.add(d);
        continue;
      }
      // Walk up from the parent; meeting this account again means a circle.
      let cur: string | null = d.parentName;
      for (let steps = 0; cur !== null && steps <= drafts.length + 1; steps++) {
        if (cur === d.name) {
          errors.push({ line: d.line, column: parentCol, value: d.parentName, code: 'parent-cycle' });
          bad.add(d);
          break;
        }
        cur = parentOf(cur);
      }
    }
    if (bad.size === 0) break;
    drafts = drafts.filter((d) => !bad.has(d));
    if (!opts.skipInvalid) break;
  }
  errors.sort((a, b) => a.line - b.line);
  return { table, mapping, drafts, errors };
}

export async function previewAccountImport(db: Db, bytes: Uint8Array, fileName: string, map?: Record<string, string>): Promise<ImportPreview> {
  const p = await plan(db, bytes, fileName, map ? { map } : {});
  return {
    format: p.table.format,
    encoding: p.table.encoding,
    headers: p.table.headers,
    mapping: p.mapping.map((m) => (m === 'ignore' ? null : m)),
    sample: p.table.rows.slice(0, 20),
    rows: p.table.rows.length,
    errors: p.errors.slice(0, 500).map(toReportError),
  };
}

function toReportError(e: RowError): ImportRowError {
  return { line: e.line, column: e.column, value: e.value, code: e.code };
}

export async function importAccounts(db: Db, bytes: Uint8Array, fileName: string, opts: ImportOptions, now: Date): Promise<ImportReport> {
  const p = await plan(db, bytes, fileName, opts);
  const report: ImportReport = {
    dryRun: !!opts.dryRun,
    rows: p.table.rows.length,
    created: 0,
    updated: 0,
    skipped: 0,
    peopleCreated: [],
    errors: p.errors.map(toReportError),
    rejected: false,
  };
  if (p.errors.length > 0 && !opts.skipInvalid) {
    report.rejected = true;
    return report;
  }
  const invalidLines = new Set(p.errors.map((e) => e.line));
  report.skipped = invalidLines.size;
  const write = () => applyDrafts(db, p.drafts, now, report);
  writeImport(db, !!opts.dryRun, write);
  return report;
}

function applyDrafts(db: Db, drafts: readonly AccountDraft[], now: Date, report: ImportReport): void {
  const ts = now.toISOString();
  const personId = peopleByName(db, ts, report.peopleCreated);
  const existing = new Map<string, { id: number; nameEn: string | null; shortName: string | null }>(
    (db.prepare('SELECT name, id, name_en, short_name FROM accounts WHERE deleted_at IS NULL').raw().all() as [string, number, string | null, string | null][]).map(
      ([n, id, en, sh]) => [n, { id, nameEn: en, shortName: sh }],
    ),
  );
  // Accounts in the bin under a name being imported make way (asked once, not once per row).
  const binned = new Set(db.prepare('SELECT name FROM accounts WHERE deleted_at IS NOT NULL').pluck().all() as string[]);
  const purge = db.prepare('DELETE FROM accounts WHERE name = ? AND deleted_at IS NOT NULL');
  // Insert statements by the columns a row fills (rows of one file mostly fill the same ones).
  const statements = new Map<string, Statement>();
  const cached = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  // Insert statements by the columns a row fills: the rows of one file mostly fill the same ones.
  const inserts = new Map<string, Statement>();
  const insertFor = (cols: string[]): Statement => {
    const key = cols.join();
    let st = inserts.get(key);
    if (!st) {
      const all = ['name', 'search_key', 'created_at', 'updated_at', ...cols];
      st = db.prepare(`INSERT INTO accounts (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
      inserts.set(key, st);
    }
    return st;
  };
  const ids = new Map<string, number>();
  const parentSet = new Set<AccountDraft>();

  for (const d of drafts) {
    const cols: string[] = [];
    const vals: unknown[] = [];
    const fields = d.fields as Record<string, unknown>;
    for (const k in fields) {
      const v = fields[k];
      if (v === undefined) continue;
      cols.push(ACCOUNT_COLUMNS[k as keyof typeof ACCOUNT_COLUMNS]);
      vals.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    if (d.ownerName) {
      cols.push('owner_id');
      vals.push(personId(d.ownerName));
    }
    if (d.tierId !== null) {
      cols.push('tier_id');
      vals.push(d.tierId);
    }
    // A parent already written (earlier in the file, or in the database) is set with the row itself.
    const parent = d.parentName ? (ids.get(d.parentName) ?? existing.get(d.parentName)?.id) : undefined;
    if (parent !== undefined) {
      cols.push('parent_id');
      vals.push(parent);
      parentSet.add(d);
    }
    const prior = existing.get(d.name);
    const key = searchKey(d.name, d.fields.nameEn ?? prior?.nameEn, d.fields.shortName ?? prior?.shortName);
    if (prior) {
      const sets = cols.map((c) => `${c} = ?`);
      sets.push('search_key = ?', 'updated_at = ?');
      cached(`UPDATE accounts SET ${sets.join(', ')} WHERE id = ?`).run(...vals, key, ts, prior.id);
      ids.set(d.name, prior.id);
      report.updated++;
    } else {
      if (binned.has(d.name)) purge.run(d.name);
      const info = insertFor(cols).run(d.name, key, ts, ts, ...vals);
      ids.set(d.name, Number(info.lastInsertRowid));
      report.created++;
    }
  }

  const setParent = db.prepare('UPDATE accounts SET parent_id = ? WHERE id = ?');
  const revenue = db.prepare(
    `INSERT INTO account_revenue (account_id, year, revenue, target) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, year) DO UPDATE SET
       revenue = coalesce(excluded.revenue, revenue), target = coalesce(excluded.target, target)`,
  );
  const teamAdd = db.prepare("INSERT OR IGNORE INTO account_team (account_id, person_id, role) VALUES (?, ?, '')");
  for (const d of drafts) {
    const id = ids.get(d.name)!;
    if (d.parentName && !parentSet.has(d)) {
      const parent = ids.get(d.parentName) ?? existing.get(d.parentName)?.id;
      if (parent !== undefined) setParent.run(parent, id);
    }
    for (const [year, r] of d.revenue) revenue.run(id, year, r.revenue ?? null, r.target ?? null);
    for (const name of d.teamNames) teamAdd.run(id, personId(name));
  }
}
