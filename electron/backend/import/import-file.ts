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

/**
 * An import method's file as bytes: handed over as they are (`content`, the command line) or
 * decoded from base64 (a Buffer is a Uint8Array: not copied again; a file may be 48 MB). Either
 * way the bytes are the call's alone: the import worker may take them.
 */
export function importBytes(a: { contentBase64: string } | { content: Uint8Array }): Uint8Array {
  return 'content' in a ? a.content : Buffer.from(a.contentBase64, 'base64');
}

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
    // Read what the file had when it was checked, in a buffer of its own of that size (the import
    // worker can take it whole, without a copy).
    const buf = Buffer.allocUnsafeSlow(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    const head = got === buf.length ? buf : buf.subarray(0, got);
    // It grew since (it is being written): the rest too, but never past the limit.
    const more: Buffer[] = [head];
    let total = got;
    for (;;) {
      const piece = Buffer.allocUnsafe(64 * 1024);
      const n = fs.readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_IMPORT_BYTES) throw tooLarge(path.basename(file), total, MAX_IMPORT_BYTES, 'it has more than');
      more.push(piece.subarray(0, n));
    }
    return more.length === 1 ? head : Buffer.concat(more, total);
  } finally {
    fs.closeSync(fd);
  }
}
