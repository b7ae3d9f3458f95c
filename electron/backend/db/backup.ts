import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupInfo, BackupKind } from '../../../shared/api/types';
import { readWorkspaceId, workspaceIdOfFile } from './identity';

/** How many automatic backups are kept. */
export const KEEP_BACKUPS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function stem(dbPath: string): string {
  return path.basename(dbPath).replace(/\.[^.]+$/, '') || 'keyplan';
}

/** `2026-11-24T03:50:07.123Z` -> `20261124T035007Z`, safe in file names on every OS. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const AUTO = /^(.+)-(\d{8}T\d{6}Z)(?:-(\d+))?\.db$/;
const MANUAL = /-\d{8}T\d{6}Z-manual(?:-\d+)?\.db$/;
const BEFORE_RESTORE = /-\d{8}T\d{6}Z-before-restore(?:-\d+)?\.db$/;
/** Any name autoBackupName gives; group 1 is the database's stem. */
const NAMED = /^(.+)-\d{8}T\d{6}Z(?:-manual|-before-restore)?(?:-\d+)?\.db$/;

/** What kind of backup a file in backups/ is, from the name Keyplan gives it (see autoBackupName). */
export function backupKind(name: string): BackupKind {
  if (BEFORE_RESTORE.test(name)) return 'before-restore';
  if (MANUAL.test(name)) return 'manual';
  if (AUTO.test(name)) return 'automatic';
  return 'other';
}

/**
 * The backups of one database in the backups/ folder beside it, newest first: automatic ones,
 * pre-restore copies and manual backups.
 *
 * With the database's workspace id (it is open), exactly the files that carry that id (read from
 * each file, see workspaceIdOfFile). Files without an id (written before Keyplan stored one) are
 * offered as unverified when their name is this database's (`<stem>-<time>…`); a file with
 * another id is another database's and never offered. Without an id (the database could not be
 * opened and its file does not say), the files named after it are offered as unverified.
 */
export function listBackups(dbPath: string, workspaceId: string | null = null, driver: { nativeBinding?: string } = {}): BackupInfo[] {
  const dir = backupsDir(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = stem(dbPath);
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!name.endsWith('.db')) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.statSync(full);
      if (!st.isFile()) continue;
      const id = workspaceIdOfFile(full, driver);
      const namedAfter = NAMED.exec(name)?.[1] === prefix;
      let verified: boolean;
      if (workspaceId !== null && id !== null) {
        if (id !== workspaceId) continue;
        verified = true;
      } else {
        if (!namedAfter) continue;
        verified = false;
      }
      out.push({ path: full, createdAt: st.mtime.toISOString(), bytes: st.size, kind: backupKind(name), verified });
    } catch {
      // vanished while listing: skip
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * Writes a consistent copy through SQLite's backup API. A backup never replaces a file: an
 * existing `dest` (a document, another database, this one) is refused with `file-exists`. The copy
 * goes to a temporary name first, is switched to rollback-journal mode (so backup lists can read
 * its workspace id without creating -wal/-shm files beside it), and is then hard-linked to its
 * final name, which fails instead of replacing a file that appeared meanwhile; a crash never leaves
 * a half-written file under the final name.
 */
export async function writeBackup(db: Db, dest: string, driver: { nativeBinding?: string } = {}): Promise<BackupInfo> {
  const target = path.resolve(dest);
  if (isLiveFile(db, target)) {
    throw new AppError('file-exists', `${target} is the open database; write the backup to another file.`, {
      path: target,
    });
  }
  if (fs.existsSync(target)) throw exists(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    toRollbackMode(partial, driver);
    fsyncFile(partial);
    placeWithoutReplacing(partial, target);
    fsyncDir(path.dirname(target));
  } finally {
    for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + ext, { force: true });
  }
  const st = fs.statSync(target);
  return { path: target, createdAt: st.mtime.toISOString(), bytes: st.size, kind: backupKind(path.basename(target)), verified: true };
}

function exists(target: string): AppError {
  return new AppError('file-exists', `${target} already exists; a backup never replaces a file. Choose a new file name.`, {
    path: target,
  });
}

/** Switches a fresh copy (a WAL-mode header, as its source) to rollback-journal mode. */
function toRollbackMode(file: string, driver: { nativeBinding?: string }): void {
  const copy = new Database(file, { fileMustExist: true, ...(driver.nativeBinding ? { nativeBinding: driver.nativeBinding } : {}) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Gives `partial` the name `target` unless something is there: a hard link fails with EEXIST
 * where a rename would replace. File systems without hard links (FAT, some network shares) get an
 * exclusive copy instead (also refused when the target exists).
 */
function placeWithoutReplacing(partial: string, target: string): void {
  try {
    fs.linkSync(partial, target);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  }
  try {
    fs.copyFileSync(partial, target, fs.constants.COPYFILE_EXCL);
    fsyncFile(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw exists(target);
    throw e;
  }
}

/** Whether `target` is the database file of `db` or one of its -wal/-shm/-journal companions. */
function isLiveFile(db: Db, target: string): boolean {
  const live = path.resolve(db.name);
  const t = fs.statSync(target, { throwIfNoEntry: false });
  return ['', '-wal', '-shm', '-journal'].some((ext) => {
    if (live + ext === target) return true;
    const s = t && fs.statSync(live + ext, { throwIfNoEntry: false });
    return !!s && s.dev === t.dev && s.ino === t.ino;
  });
}

/**
 * A new backup's path in backups/. Stamps have one-second resolution, so when the name is taken
 * (two restores or manual backups within a second) a counter is added: a backup is never replaced.
 */
export function autoBackupName(dbPath: string, now: Date, suffix = ''): string {
  const base = path.join(backupsDir(dbPath), `${stem(dbPath)}-${stamp(now)}${suffix}`);
  let name = `${base}.db`;
  for (let n = 2; fs.existsSync(name); n++) name = `${base}-${n}.db`;
  return name;
}

/**
 * Daily automatic backup: written when the newest automatic backup of this database is older than a
 * day (or there is none), then the oldest automatic ones beyond KEEP_BACKUPS are deleted. Only the
 * backups that carry this database's workspace id count (and are pruned): another database with
 * the same file stem in the folder (keyplan.db beside keyplan.sqlite) keeps its own. Returns the
 * new backup, or null when none was due.
 */
export async function autoBackup(db: Db, dbPath: string, now: Date, driver: { nativeBinding?: string } = {}): Promise<BackupInfo | null> {
  const workspaceId = readWorkspaceId(db);
  const autos = automaticBackups(dbPath, workspaceId, driver);
  const newest = autos[0];
  if (newest && now.getTime() - newest.time.getTime() < DAY_MS) return null;
  const info = await writeBackup(db, autoBackupName(dbPath, now), driver);
  pruneBackups(dbPath, KEEP_BACKUPS, workspaceId, driver);
  return info;
}

/**
 * Deletes automatic backups beyond the newest `keep` (and stray partial files). With a workspace
 * id, only that database's automatic backups are counted and deleted; without, every automatic
 * backup named after the database.
 */
export function pruneBackups(
  dbPath: string,
  keep = KEEP_BACKUPS,
  workspaceId: string | null = null,
  driver: { nativeBinding?: string } = {},
): void {
  const autos = automaticBackups(dbPath, workspaceId, driver);
  for (const old of autos.slice(keep)) fs.rmSync(old.path, { force: true });
  const dir = backupsDir(dbPath);
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name.includes('.db.partial-')) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // no backups folder yet
  }
}

function automaticBackups(dbPath: string, workspaceId: string | null, driver: { nativeBinding?: string }): { path: string; time: Date }[] {
  const dir = backupsDir(dbPath);
  const prefix = stem(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: { path: string; time: Date }[] = [];
  for (const name of names) {
    const m = AUTO.exec(name);
    if (!m || m[1] !== prefix) continue;
    const full = path.join(dir, name);
    if (workspaceId !== null && workspaceIdOfFile(full, driver) !== workspaceId) continue;
    const s = m[2]!;
    const time = new Date(
      `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`,
    );
    out.push({ path: full, time });
  }
  return out.sort((a, b) => b.time.getTime() - a.time.getTime());
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some file systems refuse directory fsync; the rename is still atomic
  }
}
