/**
 * The pure half of an account import: bytes in, messages out - the table's shape, then the rows as
 * account drafts (search keys computed) and row errors in chunks, then the end. Runs in the import
 * worker for large files (so the writes of one chunk overlap the reading of the next) and in the
 * calling thread for small ones and for previews; the messages are the same either way.
 */
import type { TableRow } from './table';
import { readTableInChunks } from './table';
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

/** Rows converted per chunk message at most (a CSV arrives in smaller pieces as it is parsed). */
const CHUNK_ROWS = 1000;

/** Reads the file and hands every message to `emit` as soon as it is ready; throws what stops the read. */
export async function readAccounts(job: ReadJob, emit: (m: ReadMessage) => void): Promise<void> {
  let convert: ((rows: TableRow[]) => void) | undefined;
  let count = 0;
  const sample: TableRow[] = [];
  await readTableInChunks(job.bytes, job.fileName, {
    head(table) {
      const mapping = resolveMapping(table.headers, job.map);
      emit({ type: 'head', head: { format: table.format, encoding: table.encoding, headers: table.headers, mapping } });
      convert = converter(table.headers, mapping, tierMatcher(job.tiers), emit);
    },
    rows(rows) {
      count += rows.length;
      for (let i = 0; sample.length < 20 && i < rows.length; i++) sample.push(rows[i]!);
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) convert!(rows.slice(start, start + CHUNK_ROWS));
    },
  });
  emit({ type: 'end', rows: count, sample });
}

/** Turns rows into drafts (duplicates of an earlier name refused, search keys spelt) and emits them. */
function converter(headers: string[], mapping: ColumnTarget[], findTier: (raw: string) => number | null, emit: (m: ReadMessage) => void) {
  const nameCol = headers[mapping.indexOf('name')] ?? null;
  const seen = new Set<string>();
  return (rows: TableRow[]) => {
    const drafts: AccountDraft[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      const r = convertRow(row, headers, mapping, findTier);
      for (const e of r.errors) errors.push(e);
      const d = r.draft;
      if (!d) continue;
      if (seen.has(d.name)) {
        errors.push({ line: row.line, column: nameCol, value: d.name, code: 'duplicate-name' });
        continue;
      }
      seen.add(d.name);
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
