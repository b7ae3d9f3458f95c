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
type Existing = Map<string, { id: number; nameEn: string | null; shortName: string | null; parent: string | null }>;

function existingAccounts(db: Db): Existing {
  const rows = db
    .prepare(
      `SELECT a.name, a.id, a.name_en, a.short_name, p.name FROM accounts a
       LEFT JOIN accounts p ON p.id = a.parent_id AND p.deleted_at IS NULL WHERE a.deleted_at IS NULL`,
    )
    .raw()
    .all() as [string, number, string | null, string | null, string | null][];
  return new Map(rows.map(([n, id, nameEn, shortName, parent]) => [n, { id, nameEn, shortName, parent }]));
}

/**
 * Parents: named in the file (earlier or later) or already in the database; no circles. Adds the
 * errors it finds and returns the drafts that remain (with skipInvalid, checked again without the
 * bad ones until none is left).
 */
function checkParents(existing: Existing, all: AccountDraft[], errors: RowError[], parentCol: string | null, skipInvalid: boolean): AccountDraft[] {
  let drafts = all;
  for (;;) {
    const inFile = new Map(drafts.map((d) => [d.name, d]));
    const bad = new Set<AccountDraft>();
    // An account's parent after the import: the one its row names, else (an empty cell keeps the
    // stored value) the one it has in the database.
    const parentOf = (name: string): string | null => {
      const named = inFile.get(name)?.parentName;
      if (named) return named;
      return existing.get(name)?.parent ?? null;
    };
    for (const d of drafts) {
      if (!d.parentName) continue;
      const exists = inFile.has(d.parentName) || existing.has(d.parentName);
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
    if (bad.size === 0) return drafts;
    drafts = drafts.filter((d) => !bad.has(d));
    if (!skipInvalid) return drafts;
  }
}

function parentColumn(head: ReadHead): string | null {
  return head.headers[head.mapping.indexOf('parent')] ?? null;
}

export async function previewAccountImport(db: Db, bytes: Uint8Array, fileName: string, map?: Record<string, string>): Promise<ImportPreview> {
  // The import that follows a preview of a large file will want the worker: start it now.
  if (bytes.length >= WORKER_MIN_BYTES) warmReaderWorker();
  const source = await openReader({ bytes, fileName, tiers: loadTiers(db), ...(map ? { map } : {}) }, 'thread');
  const head = readHead(source);
  const drafts: AccountDraft[] = [];
  const errors: RowError[] = [];
  let m = take(source);
  for (; m.type === 'chunk'; m = take(source)) {
    drafts.push(...m.drafts);
    errors.push(...m.errors);
  }
  if (m.type !== 'end') throw new Error(`an import read went on after its end`);
  checkParents(existingAccounts(db), drafts, errors, parentColumn(head), false);
  errors.sort((a, b) => a.line - b.line);
  return {
    format: head.format,
    encoding: head.encoding,
    headers: head.headers,
    mapping: head.mapping.map((m) => (m === 'ignore' ? null : m)),
    sample: m.sample,
    rows: m.rows,
    errors: errors.slice(0, 500).map(toReportError),
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
    // The accounts already there are read inside each write transaction: a read before it could be
    // stale by the time the write lock is ours (another process may have written meanwhile).
    let existing: Existing = new Map();
    const head = readHead(source);
    const skipInvalid = !!opts.skipInvalid;
    const errors: RowError[] = [];
    let drafts: AccountDraft[] = [];
    let rows = 0;
    let report = emptyReport(opts, 0);
    let rewrite = false;
    try {
      writeTx(db, () => {
        existing = existingAccounts(db);
        const writer = draftWriter(db, existing, now, report);
        let m = take(source);
        for (; m.type === 'chunk'; m = take(source)) {
          for (const e of m.errors) errors.push(e);
          for (const d of m.drafts) {
            drafts.push(d);
            // Once a row is invalid an import that does not skip is refused: nothing more to write.
            if (skipInvalid || errors.length === 0) writer.write(d);
          }
        }
        if (m.type !== 'end') throw new Error('an import read went on after its head');
        rows = m.rows;
        const before = drafts.length;
        drafts = checkParents(existing, drafts, errors, parentColumn(head), skipInvalid);
        if (errors.length > 0 && !skipInvalid) throw new Undo('invalid rows');
        if (drafts.length !== before) {
          rewrite = true;
          throw new Undo('rows written before their parent was found invalid');
        }
        writer.finish();
        if (opts.dryRun) throw new Undo('dry run');
      });
    } catch (e) {
      if (!(e instanceof Undo)) throw e;
    }
    if (rewrite) {
      const again = emptyReport(opts, rows);
      writeImport(db, !!opts.dryRun, () => {
        existing = existingAccounts(db);
        const writer = draftWriter(db, existing, now, again);
        for (const d of drafts) writer.write(d);
        writer.finish();
      });
      report = again;
    }
    errors.sort((a, b) => a.line - b.line);
    report.errors = errors.map(toReportError);
    if (errors.length > 0 && !skipInvalid) {
      return { ...emptyReport(opts, rows), errors: report.errors, rejected: true };
    }
    report.rows = rows;
    report.skipped = new Set(errors.map((e) => e.line)).size;
    return report;
  } finally {
    source.close();
  }
}

function emptyReport(opts: ImportOptions, rows: number): ImportReport {
  return { dryRun: !!opts.dryRun, rows, created: 0, updated: 0, skipped: 0, peopleCreated: [], errors: [], rejected: false };
}

const REVENUE_BATCH = 100;

/** Writes drafts into the open transaction: accounts as they come, parents named later at the end. */
function draftWriter(db: Db, existing: Existing, now: Date, report: ImportReport): { write(d: AccountDraft): void; finish(): void } {
  const ts = now.toISOString();
  const personId = peopleByName(db, ts, report.peopleCreated);
  // Accounts in the bin under a name being imported make way (asked once, not once per row).
  const binned = new Set(db.prepare('SELECT name FROM accounts WHERE deleted_at IS NOT NULL').pluck().all() as string[]);
  const purge = db.prepare('DELETE FROM accounts WHERE name = ? AND deleted_at IS NOT NULL');
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
  const ids = new Map<string, number>();
  // Drafts whose parent comes later in the file: their parent is set at the end.
  const later: AccountDraft[] = [];

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
      if (d.parentName) {
        const parent = ids.get(d.parentName) ?? existing.get(d.parentName)?.id;
        if (parent !== undefined) {
          cols.push('parent_id');
          vals.push(parent);
        } else {
          later.push(d);
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
        if (binned.has(d.name)) purge.run(d.name);
        id = Number(statement(inserts, cols, () => insertSql(cols)).run(d.name, d.searchKey, ts, ts, ...vals).lastInsertRowid);
        report.created++;
      }
      ids.set(d.name, id);
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
      for (const d of later) {
        const parent = ids.get(d.parentName!) ?? existing.get(d.parentName!)?.id;
        if (parent !== undefined) setParent.run(parent, ids.get(d.name)!);
      }
    },
  };
}
