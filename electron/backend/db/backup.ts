import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupInfo } from '../../../shared/api/types';

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

/** Backups beside a database, newest first. Includes the automatic ones and pre-restore copies. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!name.endsWith('.db')) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.statSync(full);
      if (!st.isFile()) continue;
      out.push({ path: full, createdAt: st.mtime.toISOString(), bytes: st.size });
    } catch {
      // vanished while listing: skip
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * Writes a consistent copy through SQLite's backup API. The copy goes to a temporary name first and
 * is renamed into place, so a crash never leaves a half-written file under the final name.
 */
export async function writeBackup(db: Db, dest: string): Promise<BackupInfo> {
  const target = path.resolve(dest);
  if (isLiveFile(db, target)) {
    // renaming a copy over the open database would send every later write to the replaced file
    throw new AppError('file-exists', `${target} is the open database; write the backup to another file.`, {
      path: target,
    });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  const st = fs.statSync(target);
  return { path: target, createdAt: st.mtime.toISOString(), bytes: st.size };
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
 * Daily automatic backup: written when the newest automatic backup is older than a day (or there is
 * none), then the oldest automatic ones beyond KEEP_BACKUPS are deleted. Returns the new backup, or
 * null when none was due.
 */
export async function autoBackup(db: Db, dbPath: string, now: Date): Promise<BackupInfo | null> {
  const autos = automaticBackups(dbPath);
  const newest = autos[0];
  if (newest && now.getTime() - newest.time.getTime() < DAY_MS) return null;
  const info = await writeBackup(db, autoBackupName(dbPath, now));
  pruneBackups(dbPath);
  return info;
}

/** Deletes automatic backups beyond the newest KEEP_BACKUPS (and stray partial files). */
export function pruneBackups(dbPath: string, keep = KEEP_BACKUPS): void {
  const autos = automaticBackups(dbPath);
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

function automaticBackups(dbPath: string): { path: string; time: Date }[] {
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
    const s = m[2]!;
    const time = new Date(
      `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`,
    );
    out.push({ path: path.join(dir, name), time });
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
