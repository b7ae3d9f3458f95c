/**
 * The pure half of an account import: bytes in, messages out - the table's shape, then the rows as
 * account drafts (search keys computed) and row errors in chunks, then the end. Runs in the import
 * worker for large files (so the writes of one chunk overlap the reading of the next) and in the
 * calling thread for small ones and for previews; the messages are the same either way. Messages
 * are made as they are pulled: a file is never held as drafts whole.
 */
import type { MessagePort } from 'node:worker_threads';
import type { TableRow } from './table';
import { openTable } from './table';
import { searchKey } from '../search-key';
import { AppError } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/api/errors';
import { resolveMapping } from './account-mapping';
import { convertRow, tierMatcher, type AccountDraft, type RowError, type TierRef } from './account-rows';
import type { ColumnTarget } from './account-columns';

export interface ReadJob {
  bytes: Uint8Array;
  fileName: string;
  map?: Record<string, string>;
  tiers: TierRef[];
}

export interface ReadHead {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  mapping: ColumnTarget[];
}

export type ReadMessage =
  | { type: 'head'; head: ReadHead }
  | { type: 'chunk'; drafts: AccountDraft[]; errors: RowError[] }
  /** `rows`: the data rows of the file; `sample`: the first twenty, as read. */
  | { type: 'end'; rows: number; sample: TableRow[] }
  | { type: 'error'; error: ApiError };

/** A job for the import worker (account-reader.worker.ts), with its port and its counters. */
export interface WorkerJob {
  job: ReadJob;
  port: MessagePort;
  /** SIGNAL_BYTES shared between the two threads: Int32Array slots SENT, TAKEN, CLOSED. */
  signal: SharedArrayBuffer;
}

/** Messages sent (bumped by the worker), taken (bumped by the writer), and 1 once the writer closed. */
export const SENT = 0;
export const TAKEN = 1;
export const CLOSED = 2;
export const SIGNAL_BYTES = 3 * 4;
/** Messages (of up to CHUNK_ROWS drafts each) the worker may be ahead of the writer. */
export const AHEAD = 8;

/** Rows converted per chunk message at most (a CSV arrives in smaller pieces as it is parsed). */
const CHUNK_ROWS = 1000;

/**
 * An opened file: each `read()` reads it from its start, message by message, as they are pulled
 * (null after the end); a pull throws what stops the read. Only the pieces not yet pulled are
 * left to read: nothing is held but the file's bytes and the piece being converted.
 */
export interface AccountFile {
  read(): () => ReadMessage | null;
}

export async function openAccounts(job: ReadJob): Promise<AccountFile> {
  const table = await openTable(job.bytes, job.fileName);
  return {
    read() {
      const pieces = table[Symbol.iterator]();
      const queue: ReadMessage[] = [];
      let convert: ((rows: TableRow[]) => void) | undefined;
      let count = 0;
      let done = false;
      const sample: TableRow[] = [];
      return () => {
        while (queue.length === 0) {
          if (done) return null;
          const r = pieces.next();
          if (r.done) {
            done = true;
            queue.push({ type: 'end', rows: count, sample });
            break;
          }
          const piece = r.value;
          if (piece.type === 'head') {
            const t = piece.head;
            const mapping = resolveMapping(t.headers, job.map);
            queue.push({ type: 'head', head: { format: t.format, encoding: t.encoding, headers: t.headers, mapping } });
            convert = converter(t.headers, mapping, tierMatcher(job.tiers), (m) => queue.push(m));
          } else {
            const rows = piece.rows;
            count += rows.length;
            for (let i = 0; sample.length < 20 && i < rows.length; i++) sample.push(rows[i]!);
            for (let start = 0; start < rows.length; start += CHUNK_ROWS) convert!(rows.slice(start, start + CHUNK_ROWS));
          }
        }
        return queue.shift()!;
      };
    },
  };
}

/** Reads the whole file and hands every message to `emit`; throws what stops the read. */
export async function readAccounts(job: ReadJob, emit: (m: ReadMessage) => void): Promise<void> {
  const pull = (await openAccounts(job)).read();
  for (let m = pull(); m; m = pull()) emit(m);
}

/**
 * Turns rows into drafts (search keys spelt) and emits them. A name twice in the file is left to
 * the writer, which keeps the file's names anyway (importAccounts): the reader keeps none.
 */
function converter(headers: string[], mapping: ColumnTarget[], findTier: (raw: string) => number | null, emit: (m: ReadMessage) => void) {
  return (rows: TableRow[]) => {
    const drafts: AccountDraft[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      const r = convertRow(row, headers, mapping, findTier);
      for (const e of r.errors) errors.push(e);
      const d = r.draft;
      if (!d) continue;
      d.searchKey = searchKey(d.name, d.fields.nameEn, d.fields.shortName);
      drafts.push(d);
    }
    emit({ type: 'chunk', drafts, errors });
  };
}

/** An error as a message can carry it, and back. */
export function toWireError(e: unknown): ApiError {
  if (e instanceof AppError) return e.toApiError();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

export function fromWireError(e: ApiError): Error {
  return e.code === 'internal' ? new Error(e.message) : new AppError(e.code, e.message, e.params);
}
