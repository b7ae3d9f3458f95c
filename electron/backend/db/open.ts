import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { DbState } from '../../../shared/api/types';
import { identify, identityProblem, type Identity } from './identity';
import { LATEST_VERSION } from './migrations';
import { checkDbFolder } from '../paths';

export interface DriverOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron uses its own build). */
  nativeBinding?: string;
  /**
   * How long a write waits for another process's write lock before it is refused as `db-busy`
   * (milliseconds; default BUSY_TIMEOUT_MS). Tests set it short.
   */
  busyTimeoutMs?: number;
}

/**
 * The default wait for another process's write lock. Every write takes the lock at its start
 * (db/tx.ts), so a second writer waits this long for the first one's transaction to finish: long
 * enough for any single save and for most imports, short enough that a save behind a very long
 * import is told "busy" within seconds rather than hanging. better-sqlite3 waits synchronously, so
 * the process does nothing else meanwhile.
 */
export const BUSY_TIMEOUT_MS = 5000;

export type Inspection =
  | { state: 'missing' }
  | { state: Exclude<DbState, 'ok'>; schemaVersion: number; detail: string }
  | { state: 'ok'; schemaVersion: number; identity: Exclude<Identity, 'foreign'> };

/**
 * Looks at a database file without changing it: opened read-only, `quick_check` run, identity and
 * version read. Nothing is written to the file, whatever it holds. A file that is not a Keyplan
 * database (0 bytes, another program's SQLite file) is `not-keyplan`: opening it would migrate it.
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
  if (stat.size === 0) {
    // an empty file is a valid empty SQLite database, but nobody made it with Keyplan
    return { state: 'not-keyplan', schemaVersion: 0, detail: `${file} is an empty file (0 bytes), not a Keyplan database` };
  }
  let db: Db | undefined;
  try {
    db = openForInspection(file, stat.size, opts);
    const version = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const verdict = rows.map((r) => r.quick_check).join('; ');
    if (verdict !== 'ok') return { state: 'corrupt', schemaVersion: version, detail: verdict };
    const identity = identify(db);
    if (identity === 'foreign') {
      const why = identityProblem(identity, db.pragma('application_id', { simple: true }) as number);
      return { state: 'not-keyplan', schemaVersion: version, detail: `${file} is not a Keyplan database: ${why}` };
    }
    if (version > LATEST_VERSION) {
      return {
        state: 'newer',
        schemaVersion: version,
        detail: `schema version ${version} is newer than this app's ${LATEST_VERSION}`,
      };
    }
    return { state: 'ok', schemaVersion: version, identity };
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
 * Refuses a file that cannot be restored from, with the reason: missing, damaged, unreadable, newer
 * (`backup-invalid`), or not a Keyplan database at all (`backup-not-keyplan`: 0 bytes, another
 * program's SQLite file, or a SQLite file with nothing in it, which would replace every account
 * with none).
 */
export function checkBackupSource(source: string, seen: Inspection): void {
  if (seen.state === 'not-keyplan' || (seen.state === 'ok' && seen.identity === 'blank')) {
    const why = seen.state === 'ok' ? 'it is an empty SQLite database' : seen.detail;
    throw new AppError('backup-not-keyplan', `The backup ${source} cannot be used: ${why}.`, { path: source });
  }
  if (seen.state !== 'ok') {
    const why = seen.state === 'missing' ? 'missing' : `${seen.state}: ${seen.detail}`;
    throw new AppError('backup-invalid', `The backup ${source} cannot be used (${why}).`, { path: source, state: seen.state });
  }
}

/** Files up to this size are inspected from a copy in memory (see openForInspection). */
const INSPECT_IN_MEMORY_MAX = 512 * 1024 * 1024;

/**
 * A read-only connection for inspectDatabaseFile that creates nothing beside the file. A read-only
 * connection to a WAL-mode file creates `-wal` and `-shm` next to it and leaves them behind, so
 * when there is no `-wal` (no process has the file open, and nothing is waiting in a WAL) the file
 * is read into memory instead, its header switched to rollback mode in the copy, which SQLite needs
 * to deserialize it. With a `-wal` present (a crash, or another process has the file open) SQLite
 * reads through it with the proper locks.
 */
function openForInspection(file: string, size: number, opts: DriverOptions): Db {
  if (size > 0 && size <= INSPECT_IN_MEMORY_MAX && !fs.existsSync(`${file}-wal`)) {
    const image = fs.readFileSync(file);
    if (image.length >= 20 && image[18] === 2) {
      image[18] = 1;
      image[19] = 1;
    }
    return new Database(image, { readonly: true, ...driver(opts) });
  }
  return new Database(file, { readonly: true, fileMustExist: true, ...driver(opts) });
}

/**
 * Opens the one writing connection with the settings every Keyplan database uses: WAL, full
 * fsync (a saved plan must survive a power cut), foreign keys, and a busy timeout. The file's
 * folder must exist (db-folder-missing).
 */
export function openConnection(file: string, opts: DriverOptions = {}): Db {
  // No folder is created here: only a door's default location is (paths.ts prepareDbPath); a typo
  // in an explicit path is refused rather than silently making folders and an empty database.
  checkDbFolder(file);
  const db = new Database(file, driver(opts));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Copies a database file to `dest` (which must not be in use). A file with a non-empty `-wal` beside
 * it (copied while open, or left by a crash) has committed transactions there that a plain file copy
 * would drop, so it is copied through SQLite's backup API instead; otherwise the bytes are copied.
 */
export async function copyDatabaseFile(source: string, dest: string, opts: DriverOptions = {}): Promise<void> {
  const walBytes = fs.statSync(`${source}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (walBytes === 0) {
    fs.copyFileSync(source, dest);
    return;
  }
  const src = new Database(source, { readonly: true, fileMustExist: true, ...driver(opts) });
  try {
    await src.backup(dest);
  } finally {
    src.close();
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
