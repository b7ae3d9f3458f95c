/**
 * The one way Keyplan writes: a transaction that takes SQLite's write lock at its start
 * (`BEGIN IMMEDIATE`).
 *
 * A plain (deferred) transaction starts as a reader and asks for the write lock at its first write.
 * When another process committed in between, SQLite cannot wait for it (the snapshot the
 * transaction read is already stale) and fails at once with SQLITE_BUSY, whatever the busy timeout
 * says. Taking the lock first means a second writer simply waits (up to the connection's busy
 * timeout, see openConnection) and only then fails, as the typed `db-busy` (Backend.toApiError).
 *
 * Lint refuses `.transaction(` anywhere else in the backend (.config/eslint.config.js), so the rule
 * lives here. Nested calls become savepoints, as with better-sqlite3's own transactions.
 */
import type { Database as Db } from 'better-sqlite3';

export function writeTx<T>(db: Db, fn: () => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place a transaction is started
  return db.transaction(fn).immediate();
}
