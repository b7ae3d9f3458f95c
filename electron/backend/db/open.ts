import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DbState } from '../../../shared/api/types';
import { LATEST_VERSION } from './migrations';

export interface DriverOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron uses its own build). */
  nativeBinding?: string;
}

export type Inspection =
  | { state: 'missing' }
  | { state: Exclude<DbState, 'ok'>; schemaVersion: number; detail: string }
  | { state: 'ok'; schemaVersion: number };

/**
 * Looks at a database file without changing it: opened read-only, `quick_check` run, version read.
 * Nothing is written to the file, whatever it holds.
 */
export function inspectDatabaseFile(file: string, opts: DriverOptions = {}): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', schemaVersion: 0, detail: describe(e) };
  }
  if (!stat.isFile()) return { state: 'unreadable', schemaVersion: 0, detail: `${file} is not a file` };
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    return { state: 'unreadable', schemaVersion: 0, detail: describe(e) };
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...driver(opts) });
    const version = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const verdict = rows.map((r) => r.quick_check).join('; ');
    if (verdict !== 'ok') return { state: 'corrupt', schemaVersion: version, detail: verdict };
    if (version > LATEST_VERSION) {
      return {
        state: 'newer',
        schemaVersion: version,
        detail: `schema version ${version} is newer than this app's ${LATEST_VERSION}`,
      };
    }
    return { state: 'ok', schemaVersion: version };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      return { state: 'corrupt', schemaVersion: 0, detail: describe(e) };
    }
    return { state: 'unreadable', schemaVersion: 0, detail: describe(e) };
  } finally {
    db?.close();
  }
}

/**
 * Opens the one writing connection with the settings every Keyplan database uses: WAL, full
 * fsync (a saved plan must survive a power cut), foreign keys, and a busy timeout.
 */
export function openConnection(file: string, opts: DriverOptions = {}): Db {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, driver(opts));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function driver(opts: DriverOptions): { nativeBinding?: string } {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

export function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: string }).code;
    return code && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
