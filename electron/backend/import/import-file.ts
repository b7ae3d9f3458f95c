/**
 * Reading a file named on the command line for an import: only a regular file, and only up to
 * MAX_IMPORT_BYTES. A folder, a device (/dev/zero would never end), a pipe (would wait for a writer
 * for ever) or a socket is refused before a byte is read, as is a file over the limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { tooLarge } from './table';

function notAFile(file: string, kind: string): AppError {
  return new AppError('import-not-a-file', `${file} is not a file but ${kind}; choose a CSV or XLSX file.`, { path: file });
}

function kindOf(st: fs.Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function readImportFile(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new AppError('file-not-found', `cannot read ${file}: ${(e as Error).message}`, { path: file });
  }
  const kind = kindOf(st);
  if (kind) throw notAFile(file, kind);
  if (st.size > MAX_IMPORT_BYTES) throw tooLarge(path.basename(file), st.size, MAX_IMPORT_BYTES, 'it has');
  let fd: number;
  try {
    // Non-blocking, so that a pipe put in the file's place since the check cannot make open wait.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new AppError('file-not-found', `cannot read ${file}: ${(e as Error).message}`, { path: file });
  }
  try {
    const again = kindOf(fs.fstatSync(fd));
    if (again) throw notAFile(file, again);
    // Read to the end, but never past the limit (the file may grow while it is read).
    const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_IMPORT_BYTES) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) throw tooLarge(path.basename(file), got, MAX_IMPORT_BYTES, 'it has more than');
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
