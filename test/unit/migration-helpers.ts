/**
 * Shared set-up of the migration tests (test/unit/migrations-*.test.ts): fresh database files with
 * the app's connection settings, a database migrated up to a version, and small schema probes.
 */
import type { Database as Db } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { openConnection } from '../../electron/backend/db/open';
import { useTestEnv, type TestEnv } from './helpers';

export interface MigrationDbs {
  env: TestEnv;
  /** A fresh database file with the app's connection settings. */
  freshDb(name?: string): Db;
  /** A fresh database migrated up to `target`. */
  dbAt(target: number): Db;
  /** Closes `db` after the test. */
  keep(db: Db): void;
}

/** Call once per test file, at its top: databases opened through it are closed after each test. */
export function useMigrationDbs(): MigrationDbs {
  const env = useTestEnv();
  let open: Db[] = [];
  afterEach(() => {
    for (const db of open) if (db.open) db.close();
    open = [];
  });
  const keep = (db: Db) => {
    open.push(db);
  };
  const freshDb = (name = 'm.db'): Db => {
    const db = openConnection(env.file(name));
    keep(db);
    return db;
  };
  const dbAt = (target: number): Db => {
    const db = freshDb();
    expect(migrate(db, { target })).toEqual(Array.from({ length: target }, (_, i) => i + 1));
    expect(schemaVersion(db)).toBe(target);
    return db;
  };
  return { env, freshDb, dbAt, keep };
}

export function columns(db: Db, table: string) {
  return db.prepare('SELECT name, type, "notnull" AS "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table);
}

export function isStrict(db: Db, table: string): boolean {
  const row = db.prepare("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(table) as
    | { strict: number }
    | undefined;
  if (!row) throw new Error(`no table ${table}`);
  return row.strict === 1;
}

export function queryPlan(db: Db, sql: string, params: unknown[] = []): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

export function sqliteCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { code?: string }).code);
  }
  throw new Error('expected a SQLite error');
}

export function tableNames(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/**
 * The test block of one migration. Every migration has one, in a test/unit/migrations-NNNN-NNNN
 * file (migrations-runner.test.ts checks that none is missing).
 */
export function migrationSuite(version: number, name: string, body: () => void): void {
  describe(`migration ${String(version).padStart(4, '0')} ${name}`, () => {
    it('is the migration with this version and name', () => {
      expect(MIGRATIONS[version - 1]).toMatchObject({ version, name });
    });
    body();
  });
}
