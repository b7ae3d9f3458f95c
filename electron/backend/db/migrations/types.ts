import type { Database } from 'better-sqlite3';

/**
 * One schema step. `up` runs inside a transaction together with the `user_version` bump, so a
 * migration is applied whole or not at all. Never edit a migration that has shipped: add one.
 */
export interface Migration {
  version: number;
  name: string;
  /** `now` is the time the migration runs (the migration log's time), for rows it seeds. */
  up(db: Database, now: Date): void;
  /**
   * Runs with foreign keys off (SQLite's procedure for rebuilding a table: a dropped parent table
   * must not cascade into its children). The runner checks every reference before it commits.
   */
  rebuildsTables?: boolean;
}
