/**
 * Importing accounts from CSV/XLSX: the file is read into account drafts (account-reader.ts, in the
 * import worker for large files), names and parents are checked across the file and the database,
 * and everything is written in one transaction - or nothing, when any row is invalid and the
 * caller did not ask to skip invalid rows.
 *
 * The writer does not wait for the whole file: it writes each chunk of drafts as it arrives while
 * the worker reads the next, and rolls back when a later row turns out invalid. Parents are
 * checked at the end, when every name of the file is known; an import that skips invalid rows and
 * finds a bad parent there writes again without them.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import type { ImportPreview, ImportReport, ImportRowError } from '../../../shared/api/accounts-views';
import { ACCOUNT_COLUMNS } from '../db/repos/accounts';
import { searchKey } from '../search-key';
import { fromWireError, type ReadHead, type ReadMessage } from './account-reader';
import type { AccountDraft, RowError, TierRef } from './account-rows';
import { openReader, warmReaderWorker, WORKER_MIN_BYTES, type ReaderMode, type ReadSource } from './reader-source';
import { peopleByName, writeImport } from './writes';
import { writeTx } from '../db/tx';

import { accountSkippedColumns } from './account-mapping';

export { resolveMapping } from './account-mapping';

export interface ImportOptions {
  /** Source header -> target field; unmapped headers are guessed from their names. */
  map?: Record<string, string>;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Where the file is read (default: the worker for large files). */
  reader?: ReaderMode;
  /** The caller hands the bytes over: the worker may take them without a copy (they are empty afterwards). */
  handOver?: boolean;
}

function loadTiers(db: Db): TierRef[] {
  return db.prepare("SELECT id, key, name_zh AS nameZh, coalesce(nullif(name_en, ''), name_zh) AS nameEn FROM tiers").all() as TierRef[];
}

/** The next message that is not an error (an error is thrown). */
function take(source: ReadSource): Exclude<ReadMessage, { type: 'error' }> {
  const m = source.next();
  if (m.type === 'error') throw fromWireError(m.error);
  return m;
}

function readHead(source: ReadSource): ReadHead {
  const m = take(source);
  if (m.type !== 'head') throw new Error(`an import read began with ${m.type}`);
  return m.head;
}

/** The accounts not in the bin as they were before the import, by name. */
type Existing = Map<string, { id: number; nameEn: string | null; shortName: string | null; parent: string | null; currency: string }>;

function existingAccounts(db: Db): Existing {
  const rows = db
    .prepare(
      `SELECT a.name, a.id, a.name_en, a.short_name, p.name, a.currency FROM accounts a
       LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL WHERE a.deleted_at IS NULL`,
    )
    .raw()
    .all() as [string, number, string | null, string | null, string | null, string][];
  return new Map(rows.map(([n, id, nameEn, shortName, parent, currency]) => [n, { id, nameEn, shortName, parent, currency }]));
}

/**
 * A row whose amounts are in another currency than the account already kept (read from a sign,
 * a code or the header, not from a currency column) would be misread: its error, or null.
 */
function currencyConflict(existing: Existing, d: AccountDraft): RowError | null {
  if (!d.currencyFrom) return null;
  const prior = existing.get(d.name);
  if (!prior || prior.currency === d.fields.currency) return null;
  return { line: d.line, column: d.currencyFrom.column, value: d.currencyFrom.value, code: 'currency-conflict' };
}

/**
 * What the parent check keeps of a file: every account name it holds (with the id it was written
 * under, 0 while not written) and, of the rows that name a parent, only line, name and parent -
 * not the rows (a 48 MB file is some 800,000 of them).
 */
class FileNames {
  /** Name -> id written (0: not written). */
  readonly ids = new Map<string, number>();
  /** Name -> index into lines/parents, for the rows that name a parent, in file order. */
  readonly withParent = new Map<string, number>();
  readonly lines: number[] = [];
  readonly parents: string[] = [];

  constructor(private readonly nameCol: string | null) {}

  /** Keeps the draft's name (and parent); false, and an error, when an earlier row has the name. */
  add(d: AccountDraft, errors: RowError[]): boolean {
    if (this.ids.has(d.name)) {
      errors.push({ line: d.line, column: this.nameCol, value: d.name, code: 'duplicate-name' });
      return false;
    }
    this.ids.set(d.name, 0);
    if (d.parentName) {
      this.withParent.set(d.name, this.lines.length);
      this.lines.push(d.line);
      this.parents.push(d.parentName);
    }
    return true;
  }
}

/**
 * Parents: named in the file (earlier or later) or already in the database; no circles. Adds the
 * errors it finds and returns the names taken out of the file for them (with skipInvalid, checked
 * again without the bad ones until none is left).
 */
function checkParents(existing: Existing, file: FileNames, errors: RowError[], parentCol: string | null, skipInvalid: boolean): Set<string> {
  const removed = new Set<string>();
  const inFile = (name: string) => file.ids.has(name) && !removed.has(name);
  for (;;) {
    const bad: string[] = [];
    // An account's parent after the import: the one its row names, else (an empty cell keeps the
    // stored value) the one it has in the database.
    const parentOf = (name: string): string | null => {
      const i = removed.has(name) ? undefined : file.withParent.get(name);
      if (i !== undefined) return file.parents[i]!;
      return existing.get(name)?.parent ?? null;
    };
    const count = file.ids.size - removed.size;
    for (const [name, i] of file.withParent) {
      if (removed.has(name)) continue;
      const parent = file.parents[i]!;
      const line = file.lines[i]!;
      if (!inFile(parent) && !existing.has(parent)) {
        errors.push({ line, column: parentCol, value: parent, code: 'unknown-parent' });
        bad.push(name);
        continue;
      }
      // Walk up from the parent; meeting this account again means a circle.
      let cur: string | null = parent;
      for (let steps = 0; cur !== null && steps <= count + 1; steps++) {
        if (cur === name) {
          errors.push({ line, column: parentCol, value: parent, code: 'parent-cycle' });
          bad.push(name);
          break;
        }
        cur = parentOf(cur);
      }
    }
    for (const name of bad) removed.add(name);
    if (bad.length === 0 || !skipInvalid) return removed;
  }
}

function nameColumn(head: ReadHead): string | null {
  return head.headers[head.mapping.indexOf('name')] ?? null;
}

function parentColumn(head: ReadHead): string | null {
  return head.headers[head.mapping.indexOf('parent')] ?? null;
}

export async function previewAccountImport(db: Db, bytes: Uint8Array, fileName: string, map?: Record<string, string>, now: Date = new Date()): Promise<ImportPreview> {
  // The import that follows a preview of a large file will want the worker: start it now.
  if (bytes.length >= WORKER_MIN_BYTES) warmReaderWorker();
  const source = await openReader({ bytes, fileName, tiers: loadTiers(db), ...(map ? { map } : {}) }, 'thread');
  const head = readHead(source);
  const names = new FileNames(nameColumn(head));
  const errors: RowError[] = [];
  let m = take(source);
  const existing = existingAccounts(db);
  for (; m.type === 'chunk'; m = take(source)) {
    for (const e of m.errors) errors.push(e);
    for (const d of m.drafts) {
      const conflict = currencyConflict(existing, d);
      if (conflict) errors.push(conflict);
      else names.add(d, errors);
    }
  }
  if (m.type !== 'end') throw new Error(`an import read went on after its end`);
  checkParents(existing, names, errors, parentColumn(head), false);
  errors.sort((a, b) => a.line - b.line);
  return {
    format: head.format,
    encoding: head.encoding,
    headers: head.headers,
    mapping: head.mapping.map((m) => (m === 'ignore' ? null : m)),
    sample: m.sample,
    rows: m.rows,
    errors: errors.slice(0, 500).map(toReportError),
    notImported: accountSkippedColumns(head.headers, head.mapping, map, now.getFullYear()),
  };
}

function toReportError(e: RowError): ImportRowError {
  return { line: e.line, column: e.column, value: e.value, code: e.code };
}

/** Thrown inside the write transaction to undo it. */
class Undo extends Error {}

export async function importAccounts(db: Db, bytes: Uint8Array, fileName: string, opts: ImportOptions, now: Date): Promise<ImportReport> {
  const source = await openReader({ bytes, fileName, tiers: loadTiers(db), ...(opts.map ? { map: opts.map } : {}) }, opts.reader, !!opts.handOver);
  try {
    const head = readHead(source);
    const skipInvalid = !!opts.skipInvalid;
    const errors: RowError[] = [];
    let rows = 0;
    let report = emptyReport(opts, 0);
    // Rows whose parent turned out invalid at the end, after they were written (skipInvalid only).
    let removed = new Set<string>();
    try {
      writeTx(db, () => {
        // The accounts already there are read inside the write transaction: a read before it could
        // be stale by the time the write lock is ours (another process may have written meanwhile).
        const existing = existingAccounts(db);
        const names = new FileNames(nameColumn(head));
        const writer = draftWriter(db, existing, now, report, names.ids);
        let m = take(source);
        for (; m.type === 'chunk'; m = take(source)) {
          for (const e of m.errors) errors.push(e);
          for (const d of m.drafts) {
            const conflict = currencyConflict(existing, d);
            if (conflict) {
              errors.push(conflict);
              continue;
            }
            if (!names.add(d, errors)) continue;
            // Once a row is invalid an import that does not skip is refused: nothing more to write.
            if (skipInvalid || errors.length === 0) writer.write(d);
          }
        }
        if (m.type !== 'end') throw new Error('an import read went on after its head');
        rows = m.rows;
        removed = checkParents(existing, names, errors, parentColumn(head), skipInvalid);
        if (errors.length > 0 && !skipInvalid) throw new Undo('invalid rows');
        if (removed.size > 0) throw new Undo('rows written before their parent was found invalid');
        writer.finish();
        if (opts.dryRun) throw new Undo('dry run');
      });
    } catch (e) {
      if (!(e instanceof Undo)) throw e;
    }
    if (skipInvalid && removed.size > 0) {
      // Written again, read again from the start, without the rows taken out (their errors are known).
      const again = emptyReport(opts, rows);
      source.rewind();
      readHead(source);
      writeImport(db, !!opts.dryRun, () => {
        const written = new Map<string, number>();
        const existing = existingAccounts(db);
        const writer = draftWriter(db, existing, now, again, written);
        let m = take(source);
        for (; m.type === 'chunk'; m = take(source)) {
          // Not the rows taken out, nor a name's second row, nor a row in another currency than its
          // account's (all refused as before).
          for (const d of m.drafts) if (!removed.has(d.name) && !written.has(d.name) && !currencyConflict(existing, d)) writer.write(d);
        }
        if (m.type !== 'end') throw new Error('an import read went on after its head');
        writer.finish();
      });
      report = again;
    }
    errors.sort((a, b) => a.line - b.line);
    report.errors = errors.map(toReportError);
    report.notImported = accountSkippedColumns(head.headers, head.mapping, opts.map, now.getFullYear());
    if (errors.length > 0 && !skipInvalid) {
      return { ...emptyReport(opts, rows), errors: report.errors, rejected: true, notImported: report.notImported };
    }
    report.rows = rows;
    report.skipped = new Set(errors.map((e) => e.line)).size;
    return report;
  } finally {
    source.close();
  }
}

function emptyReport(opts: ImportOptions, rows: number): ImportReport {
  return { dryRun: !!opts.dryRun, rows, created: 0, updated: 0, skipped: 0, peopleCreated: [], errors: [], rejected: false, notImported: [] };
}

const REVENUE_BATCH = 100;

/** Writes drafts into the open transaction: accounts as they come, parents named later at the end. */
function draftWriter(db: Db, existing: Existing, now: Date, report: ImportReport, ids: Map<string, number>): { write(d: AccountDraft): void; finish(): void } {
  const ts = now.toISOString();
  const personId = peopleByName(db, ts, report.peopleCreated);
  // An account in the bin keeps its name and everything tied to it (names are unique among the
  // live accounts only, migration 0010): a new account of the same name is simply another account.
  // Statements by the columns a row fills: the rows of one file mostly fill the same ones.
  const inserts = new Map<string, Statement>();
  const updates = new Map<string, Statement>();
  const statement = (cache: Map<string, Statement>, cols: string[], sql: () => string): Statement => {
    const key = cols.join();
    let st = cache.get(key);
    if (!st) {
      st = db.prepare(sql());
      cache.set(key, st);
    }
    return st;
  };
  const insertSql = (cols: string[]) => {
    const all = ['name', 'search_key', 'created_at', 'updated_at', ...cols];
    return `INSERT INTO accounts (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
  };
  const updateSql = (cols: string[]) => `UPDATE accounts SET ${[...cols, 'search_key', 'updated_at'].map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
  // Revenue of new accounts goes in REVENUE_BATCH rows per statement (a quarter less time than one by one).
  const revenueBatch = db.prepare(`INSERT INTO account_revenue (account_id, year, revenue, target) VALUES ${Array(REVENUE_BATCH).fill('(?, ?, ?, ?)').join(', ')}`);
  const revenueNew = db.prepare('INSERT INTO account_revenue (account_id, year, revenue, target) VALUES (?, ?, ?, ?)');
  const pending: (number | null)[] = [];
  const revenueMerge = db.prepare(
    `INSERT INTO account_revenue (account_id, year, revenue, target) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, year) DO UPDATE SET
       revenue = coalesce(excluded.revenue, revenue), target = coalesce(excluded.target, target)`,
  );
  const teamAdd = db.prepare("INSERT OR IGNORE INTO account_team (account_id, person_id, role) VALUES (?, ?, '')");
  // The id of a name written earlier in the file (`ids` has 0 for a name read but not written).
  const idOf = (name: string): number | undefined => ids.get(name) || existing.get(name)?.id;
  // Accounts whose parent comes later in the file (id, parent's name): their parent is set at the end.
  const laterIds: number[] = [];
  const laterParents: string[] = [];
  let later: string | null = null;

  return {
    write(d) {
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
      later = null;
      if (d.parentName) {
        const parent = idOf(d.parentName);
        if (parent !== undefined) {
          cols.push('parent_id');
          vals.push(parent);
        } else {
          later = d.parentName;
        }
      }
      const prior = existing.get(d.name);
      let id: number;
      if (prior) {
        // The reader spelt the key from the file's names; a name the file leaves empty keeps the stored one.
        const key =
          (d.fields.nameEn === undefined && prior.nameEn) || (d.fields.shortName === undefined && prior.shortName)
            ? searchKey(d.name, d.fields.nameEn ?? prior.nameEn, d.fields.shortName ?? prior.shortName)
            : d.searchKey;
        id = prior.id;
        statement(updates, cols, () => updateSql(cols)).run(...vals, key, ts, id);
        report.updated++;
      } else {
        id = Number(statement(inserts, cols, () => insertSql(cols)).run(d.name, d.searchKey, ts, ts, ...vals).lastInsertRowid);
        report.created++;
      }
      ids.set(d.name, id);
      if (later !== null) {
        laterIds.push(id);
        laterParents.push(later);
      }
      if (prior) {
        for (const [year, r] of d.revenue) revenueMerge.run(id, year, r.revenue ?? null, r.target ?? null);
      } else {
        for (const [year, r] of d.revenue) {
          pending.push(id, year, r.revenue ?? null, r.target ?? null);
          if (pending.length === REVENUE_BATCH * 4) {
            revenueBatch.run(pending);
            pending.length = 0;
          }
        }
      }
      for (const name of d.teamNames) teamAdd.run(id, personId(name));
    },
    finish() {
      for (let i = 0; i < pending.length; i += 4) revenueNew.run(pending.slice(i, i + 4));
      pending.length = 0;
      const setParent = db.prepare('UPDATE accounts SET parent_id = ? WHERE id = ?');
      for (let i = 0; i < laterIds.length; i++) {
        const parent = idOf(laterParents[i]!);
        if (parent !== undefined) setParent.run(parent, laterIds[i]!);
      }
    },
  };
}
