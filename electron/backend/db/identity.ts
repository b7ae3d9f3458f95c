/**
 * What makes a SQLite file a Keyplan database, and which database a backup belongs to.
 *
 * - `PRAGMA application_id` is KEYPLAN_APPLICATION_ID ("KPLN") in every Keyplan database from
 *   migration 0007 on. Files from before it (schema versions 1..6) are recognised by their
 *   migration log, whose first row is Keyplan's first migration.
 * - Each database has a workspace id (a random UUID in `settings`, key WORKSPACE_KEY), set by the
 *   same migration. Backups are byte copies, so they carry the id of the database they were taken
 *   from; a backup list offers only the backups with the open database's id.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';

/** "KPLN" as a big-endian 32-bit integer, stored in the database header (offset 68). */
export const KEYPLAN_APPLICATION_ID = 0x4b504c4e;
/** The settings key of the workspace id. */
export const WORKSPACE_KEY = 'workspace.id';
/** The name of migration 0001, which every Keyplan database's migration log starts with. */
const FIRST_MIGRATION = 'foundation';

/**
 * - `keyplan`: has Keyplan's application id;
 * - `legacy`: a Keyplan database from before application ids (schema 1..6 and Keyplan's migration log);
 * - `blank`: a SQLite file with no tables and no version at all (nothing in it to damage);
 * - `foreign`: anything else: another program's database.
 */
export type Identity = 'keyplan' | 'legacy' | 'blank' | 'foreign';

/** Decides what a (readable) SQLite database is, without writing to it. */
export function identify(db: Db): Identity {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === KEYPLAN_APPLICATION_ID) return 'keyplan';
  if (appId !== 0) return 'foreign';
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  if (version === 0 && tables.length === 0) return 'blank';
  // Versions 1..6 are the schema versions shipped before migration 0007 set the application id.
  if (version < 1 || version > 6 || !tables.includes('migration_log') || !tables.includes('settings')) return 'foreign';
  try {
    const first = db.prepare('SELECT name FROM migration_log WHERE version = 1').pluck().get();
    return first === FIRST_MIGRATION ? 'legacy' : 'foreign';
  } catch {
    return 'foreign';
  }
}

/** Why a file of this identity is not a Keyplan database, in English (logs, the CLI), or null. */
export function identityProblem(identity: Identity, appId: number): string | null {
  if (identity !== 'foreign') return null;
  return appId === 0
    ? 'it is a SQLite database of another program (no Keyplan tables)'
    : `it is a SQLite database of another program (application id 0x${appId.toString(16).padStart(8, '0')})`;
}

/** The workspace id stored in an open Keyplan database, or null (before migration 0007). */
export function readWorkspaceId(db: Db): string | null {
  try {
    const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WORKSPACE_KEY);
    return typeof v === 'string' && v.length > 0 ? v : null;
  } catch {
    return null;
  }
}

const cache = new Map<string, { mtimeMs: number; size: number; id: string | null }>();
const IN_MEMORY_MAX = 64 * 1024 * 1024;

/**
 * The workspace id stored in a database file (a backup), or null when it has none or is not a
 * Keyplan database. Cheap: the header is read first (no Keyplan application id, no further
 * reading); Keyplan's backups are written in rollback-journal mode, which a read-only connection
 * reads without creating anything beside the file. Results are cached by path, mtime and size.
 */
export function workspaceIdOfFile(file: string, driver: { nativeBinding?: string } = {}): string | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.id;
  const id = readIdFromFile(file, st.size, driver.nativeBinding ? { nativeBinding: driver.nativeBinding } : {});
  cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, id });
  return id;
}

function readIdFromFile(file: string, size: number, driver: { nativeBinding?: string }): string | null {
  if (size < 100) return null;
  const header = Buffer.alloc(100);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  if (header.readUInt32BE(68) !== KEYPLAN_APPLICATION_ID) return null;
  let db: Db | undefined;
  try {
    if (header[18] === 1 && !fs.existsSync(`${file}-wal`)) {
      db = new Database(file, { readonly: true, fileMustExist: true, ...driver });
    } else if (size <= IN_MEMORY_MAX) {
      // a WAL-mode file (a copy of a live database): read from memory, so no -wal/-shm appear
      const image = fs.readFileSync(file);
      image[18] = 1;
      image[19] = 1;
      db = new Database(image, { readonly: true, ...driver });
    } else {
      return null;
    }
    return readWorkspaceId(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
