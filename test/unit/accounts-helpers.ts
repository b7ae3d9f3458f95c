/**
 * Helpers for the account-database tests: a fixed clock, event capture, "refused and nothing
 * changed", and files to import.
 */
import { expect } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { Method } from '../../shared/api/contract';
import type { ApiError, ErrorCode } from '../../shared/api/errors';
import { dumpDb, expectError } from './helpers';

export const TODAY = '2026-05-15';
export const NOW = new Date(`${TODAY}T09:00:00.000Z`);

/** Collects the data-changed events the backend emits from now on. */
export function watch(b: Backend): { tables: string[] }[] {
  const events: { tables: string[] }[] = [];
  b.on('data-changed', (p) => events.push(p));
  return events;
}

/**
 * Invokes `method` and expects a typed error with `code`; the database is byte-for-byte the same
 * afterwards and no data-changed event was emitted.
 */
export async function refused(b: Backend, method: Method, args: unknown, code: ErrorCode): Promise<ApiError> {
  const before = dumpDb(b.connection());
  const events: unknown[] = [];
  const off = b.on('data-changed', (p) => events.push(p));
  try {
    const err = expectError(await b.invoke(method, args), code);
    expect(dumpDb(b.connection()), `${method} changed the database`).toEqual(before);
    expect(events, `${method} announced a change`).toEqual([]);
    return err;
  } finally {
    off();
  }
}

export function tierId(b: Backend, key: string): number {
  const id = b.connection().prepare('SELECT id FROM tiers WHERE key = ?').pluck().get(key) as number | undefined;
  if (id === undefined) throw new Error(`no tier ${key}`);
  return id;
}

export const b64 = (content: string | Uint8Array): string => Buffer.from(content).toString('base64');

/** A CSV line from cells, quoted where needed. */
export function csvLine(cells: readonly (string | number | null)[], delimiter = ','): string {
  return cells
    .map((c) => {
      const s = c === null ? '' : String(c);
      return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(delimiter);
}

export function csvText(rows: readonly (readonly (string | number | null)[])[], delimiter = ','): string {
  return `${rows.map((r) => csvLine(r, delimiter)).join('\r\n')}\r\n`;
}
