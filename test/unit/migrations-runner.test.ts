/**
 * The migration runner's own rules (electron/backend/db/migrate.ts): the list's shape, applying,
 * stopping at a target, failing atomically, and the latest schema as a whole. The per-migration
 * blocks are in migrations-NNNN-NNNN.test.ts; adding migration 0013 means adding one
 * `migrationSuite(13, ...)` block to the last of those; the completeness test below fails until it exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { checkMigrationList, migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/backend/db/migrations';
import { dumpDb } from './helpers';
import { tableNames, useMigrationDbs } from './migration-helpers';

const { env, freshDb, dbAt, keep } = useMigrationDbs();

describe('the latest schema', () => {
  it('has no IN list in a CHECK (see migration 0006: write comparisons)', () => {
    const db = dbAt(LATEST_VERSION);
    const offenders = (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[])
      .filter((t) => /CHECK\s*\(\s*\w+\s+IN\s*\(/i.test(t.sql))
      .map((t) => t.name);
    expect(offenders).toEqual([]);
  });
});

describe('migration list', () => {
  it('has a test block for every migration', () => {
    const dir = import.meta.dirname;
    const covered = fs
      .readdirSync(dir)
      .filter((f) => /^migrations-\d{4}-\d{4}\.test\.ts$/.test(f))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^migrationSuite\((\d+),/gm)].map((m) => Number(m[1])));
    expect(covered.sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('LATEST_VERSION is the last migration', () => {
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('accepts the shipped list and versions rising by one', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationList([fake(1), fake(2), fake(3)])).not.toThrow();
    expect(() => checkMigrationList([])).not.toThrow();
  });

  it.each([
    ['a gap', [1, 3]],
    ['a repeat', [1, 1]],
    ['a start above 1', [2, 3]],
    ['a start at 0', [0, 1]],
    ['a descent', [2, 1]],
  ])('refuses %s', (_why, versions) => {
    const list = versions.map((v, i) => fake(v, `m${i}`));
    expect(() => checkMigrationList(list)).toThrow(/expected/);
    // and migrate refuses it before touching the database
    const db = freshDb();
    expect(() => migrate(db, { list })).toThrow(/expected/);
    expect(schemaVersion(db)).toBe(0);
  });
});

describe('migrate()', () => {
  it('applies everything by default, then nothing on the second run', () => {
    const db = freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT version FROM migration_log ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('stops at target and continues from there later', () => {
    const db = freshDb();
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'extra_a'), fakeTable(LATEST_VERSION + 2, 'extra_b')];
    expect(migrate(db, { list, target: LATEST_VERSION + 1 })).toEqual([
      ...MIGRATIONS.map((m) => m.version),
      LATEST_VERSION + 1,
    ]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(tableNames(db)).toContain('extra_a');
    expect(tableNames(db)).not.toContain('extra_b');
    expect(migrate(db, { list })).toEqual([LATEST_VERSION + 2]);
    expect(db.prepare('SELECT version, name FROM migration_log ORDER BY version').all()).toEqual([
      ...MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
      { version: LATEST_VERSION + 1, name: 'extra_a' },
      { version: LATEST_VERSION + 2, name: 'extra_b' },
    ]);
  });

  it('target 0 leaves a fresh database empty', () => {
    const db = freshDb();
    expect(migrate(db, { target: 0 })).toEqual([]);
    expect(tableNames(db)).toEqual([]);
  });

  it('applies each migration atomically: a failure leaves user_version and schema as they were', () => {
    const db = freshDb();
    migrate(db);
    const before = dumpDb(db);
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'half-done',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        d.exec("INSERT INTO settings (key, value) VALUES ('half', 'done')");
        d.exec('ALTER TABLE accounts ADD COLUMN half TEXT');
        throw new Error('boom in the middle');
      },
    };
    expect(() => migrate(db, { list: [...MIGRATIONS, failing] })).toThrow('boom in the middle');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(dumpDb(db)).toEqual(before);
  });

  it('keeps the migrations before a failing one (each has its own transaction)', () => {
    const db = freshDb();
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'good_one'), broken(LATEST_VERSION + 2)];
    expect(() => migrate(db, { list })).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(tableNames(db)).toContain('good_one');
    expect(tableNames(db)).not.toContain('broken');
    expect(db.prepare('SELECT max(version) FROM migration_log').pluck().get()).toBe(LATEST_VERSION + 1);
  });

  it('a failing first migration leaves a fresh file at version 0 with no tables', () => {
    const db = freshDb();
    expect(() => migrate(db, { list: [broken(1)] })).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('refuses a database newer than the app with db-newer', () => {
    const db = freshDb();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    const before = dumpDb(db);
    let err: unknown;
    try {
      migrate(db);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db-newer');
    expect((err as AppError).params).toEqual({ found: LATEST_VERSION + 5, supported: LATEST_VERSION });
    expect((err as AppError).message).toMatch(/Update Keyplan/);
    expect(dumpDb(db)).toEqual(before);
  });

  it('compares against the list it is given', () => {
    const db = freshDb();
    migrate(db, { list: [...MIGRATIONS, fake(LATEST_VERSION + 1)] });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'db-newer' }));
  });

  it('writes one migration_log row per applied version, in order', () => {
    const db = freshDb();
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const now = () => new Date((t += 1000));
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'later')];
    migrate(db, { list, now });
    const rows = db.prepare('SELECT version, name, applied_at FROM migration_log ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[];
    expect(rows.map((r) => [r.version, r.name])).toEqual(list.map((m) => [m.version, m.name]));
    for (const r of rows) expect(r.applied_at).toMatch(/^2026-01-01T00:00:\d\d\.000Z$/);
    expect(new Set(rows.map((r) => r.applied_at)).size).toBe(rows.length);
  });

  it('works on a file reopened between steps', () => {
    const file = env.file('steps.db');
    let db = new Database(file);
    migrate(db, { target: 0 });
    db.close();
    db = new Database(file);
    keep(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });
});

function fake(version: number, name = `fake${version}`): Migration {
  return { version, name, up: () => {} };
}

function fakeTable(version: number, table: string): Migration {
  return { version, name: table, up: (db) => db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY) STRICT`) };
}

function broken(version: number): Migration {
  return {
    version,
    name: 'broken',
    up: (db) => db.exec('CREATE TABLE broken (id INTEGER PRIMARY KEY) STRICT; THIS IS NOT SQL'),
  };
}
