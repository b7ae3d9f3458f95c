/**
 * The CLI's one way to write a file it was asked for (`--out` of export, map, plan and forum):
 *
 * - checked before anything is opened or written: the folder exists and is a folder; the target is
 *   not a folder, not a device or other special file, and not the open database (nor its -wal/-shm);
 * - an existing regular file at --out is replaced (the user named it), atomically: the bytes go to a
 *   temporary file in the same folder (`.<name>.partial-<pid>-<random>`), which is flushed and then
 *   renamed over the target, so a reader sees the old file or the new one, never half of one;
 * - on every failure the temporary file is removed and the error is one line: `out-path-invalid`
 *   with the path and the reason (translated as errors.out-path-invalid / pathReason.<reason>).
 *
 * Backups (`backup --out`) never replace a file and are written by the backup code, not here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { messages } from '../../../shared/i18n';
import { shown } from './text';

export type PathReason = keyof (typeof messages)['en']['pathReason'];

export function outPathError(file: string, reason: PathReason, detail?: string): AppError {
  const why = messages.en.pathReason[reason];
  return new AppError('out-path-invalid', `cannot write ${shown(file)}: ${why}${detail ? ` (${shown(detail)})` : ''}. Nothing was written.`, {
    path: file,
    reason,
  });
}

/** Same file on disk (device and inode), for paths that exist. */
function sameFile(a: fs.Stats, b: string): boolean {
  const s = fs.statSync(b, { throwIfNoEntry: false });
  return !!s && s.dev === a.dev && s.ino === a.ino;
}

/**
 * Checks that `file` can be written as an output file and returns its absolute path. `dbPath`: the
 * database this process has open, which is never written over (nor its -wal and -shm).
 */
export function checkOutPath(file: string, dbPath?: string): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) throw outPathError(file, 'no-folder');
  if (!dirStat.isDirectory()) throw outPathError(file, 'not-a-folder');
  // stat, not lstat: a link to a folder or a device is what it points at.
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target, { throwIfNoEntry: false });
  } catch (e) {
    throw outPathError(file, 'write-failed', (e as Error).message);
  }
  if (!stat) return target;
  if (stat.isDirectory()) throw outPathError(file, 'is-folder');
  if (!stat.isFile()) throw outPathError(file, 'not-a-file');
  if (dbPath && ['', '-wal', '-shm'].some((ext) => sameFile(stat, path.resolve(dbPath) + ext))) throw outPathError(file, 'is-database');
  return target;
}

/** Writes `bytes` to `file` whole or not at all (see the module comment). */
export function writeOutFile(file: string, bytes: Uint8Array, dbPath?: string): void {
  const target = checkOutPath(file, dbPath);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Checked again just before the rename: a folder or device may have appeared meanwhile.
    checkOutPath(file, dbPath);
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw outPathError(file, 'write-failed', (e as Error).message);
  }
}
