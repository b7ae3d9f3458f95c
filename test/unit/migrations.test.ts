/**
 * Migrations: one describe block per migration (run the schema up to it on a fresh file and check
 * what it promises), then the runner's own rules. Adding migration 0002 means adding one
 * `migrationSuite(2, ...)` block below; the completeness test fails until it exists.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { checkMigrationList, migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/backend/db/migrations';
import { openConnection } from '../../electron/backend/db/open';
import { dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();
let open: Db[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

/** A fresh database file with the app's connection settings. */
function freshDb(name = 'm.db'): Db {
  const db = openConnection(env.file(name));
  open.push(db);
  return db;
}

/** A fresh database migrated up to `target`. */
function dbAt(target: number): Db {
  const db = freshDb();
  expect(migrate(db, { target })).toEqual(Array.from({ length: target }, (_, i) => i + 1));
  expect(schemaVersion(db)).toBe(target);
  return db;
}

function columns(db: Db, table: string) {
  return db.prepare('SELECT name, type, "notnull" AS "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table);
}

function isStrict(db: Db, table: string): boolean {
  const row = db.prepare("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(table) as
    | { strict: number }
    | undefined;
  if (!row) throw new Error(`no table ${table}`);
  return row.strict === 1;
}

function queryPlan(db: Db, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

function sqliteCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { code?: string }).code);
  }
  throw new Error('expected a SQLite error');
}

const covered = new Set<number>();
function migrationSuite(version: number, name: string, body: () => void): void {
  covered.add(version);
  describe(`migration ${String(version).padStart(4, '0')} ${name}`, () => {
    it('is the migration with this version and name', () => {
      expect(MIGRATIONS[version - 1]).toMatchObject({ version, name });
    });
    body();
  });
}

// --- one block per migration ---------------------------------------------------------------------

migrationSuite(1, 'foundation', () => {
  it('creates migration_log, settings and accounts as STRICT tables with the expected columns', () => {
    const db = dbAt(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['accounts', 'migration_log', 'settings']);
    for (const t of tables as string[]) expect(isStrict(db, t), t).toBe(true);
    expect(columns(db, 'accounts')).toEqual([
      { name: 'id', type: 'INTEGER', notnull: 0, pk: 1 },
      { name: 'name', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'created_at', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'updated_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    expect(columns(db, 'settings')).toEqual([
      { name: 'key', type: 'TEXT', notnull: 1, pk: 1 }, // STRICT: a primary key is never NULL
      { name: 'value', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    expect(columns(db, 'migration_log')).toEqual([
      { name: 'version', type: 'INTEGER', notnull: 0, pk: 1 },
      { name: 'name', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'applied_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
  });

  it('has a unique index on accounts.name', () => {
    const db = dbAt(1);
    const idx = db.prepare("SELECT name, \"unique\" AS isUnique FROM pragma_index_list('accounts')").all();
    expect(idx).toContainEqual({ name: 'accounts_name', isUnique: 1 });
    expect(db.prepare("SELECT name FROM pragma_index_info('accounts_name')").pluck().all()).toEqual(['name']);
  });

  it('enforces STRICT types and the constraints on accounts', () => {
    const db = dbAt(1);
    const ins = db.prepare('INSERT INTO accounts (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const ts = '2026-01-01T00:00:00.000Z';
    ins.run(1, '华为技术', ts, ts);
    // STRICT: a value that is not losslessly the declared type is refused
    expect(sqliteCode(() => ins.run('not-an-id', 'x', ts, ts))).toBe('SQLITE_MISMATCH'); // rowid alias
    expect(sqliteCode(() => ins.run(2, Buffer.from('blob'), ts, ts))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(() => ins.run(2, 'x', Buffer.from('2026'), ts))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    // empty and blank names
    expect(sqliteCode(() => ins.run(2, '', ts, ts))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => ins.run(2, '   ', ts, ts))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => ins.run(2, null, ts, ts))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(() => ins.run(2, 'y', null, ts))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    // unique name
    expect(sqliteCode(() => ins.run(2, '华为技术', ts, ts))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
  });

  it('enforces STRICT types on settings and migration_log', () => {
    const db = dbAt(1);
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', null))).toBe(
      'SQLITE_CONSTRAINT_NOTNULL',
    );
    expect(
      sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', Buffer.from([1]))),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(null, 'v'))).toBe(
      'SQLITE_CONSTRAINT_NOTNULL',
    );
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', 'v');
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', 'w'))).toBe(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
    expect(
      sqliteCode(() =>
        db.prepare('INSERT INTO migration_log (version, name, applied_at) VALUES (?, ?, ?)').run(9, 'n', Buffer.from('t')),
      ),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
  });

  it('looks accounts up by name through the index, not a table scan', () => {
    const db = dbAt(1);
    const ins = db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES (?, 't', 't')");
    db.transaction(() => {
      for (let i = 0; i < 500; i++) ins.run(`客户 ${i}`);
    })();
    db.exec('ANALYZE');
    const byName = queryPlan(db, "SELECT id FROM accounts WHERE name = 'x'");
    expect(byName).toMatch(/USING (COVERING )?INDEX accounts_name/);
    expect(byName).not.toMatch(/^SCAN/);
    // the full row by name (what the repository does) uses it too
    expect(queryPlan(db, "SELECT * FROM accounts WHERE name = 'x'")).toMatch(/SEARCH accounts USING INDEX accounts_name/);
    // and listing in name order can walk the index instead of sorting
    expect(queryPlan(db, 'SELECT id FROM accounts ORDER BY name')).not.toMatch(/TEMP B-TREE/);
  });

  it('logs itself in migration_log with the injected time', () => {
    const db = freshDb();
    migrate(db, { target: 1, now: () => new Date('2026-03-04T05:06:07.000Z') });
    expect(db.prepare('SELECT * FROM migration_log').all()).toEqual([
      { version: 1, name: 'foundation', applied_at: '2026-03-04T05:06:07.000Z' },
    ]);
  });
});

// --- the runner -----------------------------------------------------------------------------------

migrationSuite(3, 'quadrant-board', () => {
  it('creates matrices, quadrants, placements and placement_moves as STRICT tables', () => {
    const db = dbAt(3);
    for (const t of ['matrices', 'quadrants', 'placements', 'placement_moves']) expect(isStrict(db, t), t).toBe(true);
  });

  it('seeds the two built-in matrices with four quadrants each, one per position', () => {
    const db = dbAt(3);
    expect(db.prepare('SELECT key FROM matrices WHERE builtin = 1 ORDER BY position').pluck().all()).toEqual(['value-potential', 'importance-urgency']);
    const q = db.prepare('SELECT m.key, q.position, q.key AS q FROM quadrants q JOIN matrices m ON m.id = q.matrix_id ORDER BY m.position, q.position').all();
    expect(q).toEqual([
      { key: 'value-potential', position: 'bl', q: 'dog' },
      { key: 'value-potential', position: 'br', q: 'cash-cow' },
      { key: 'value-potential', position: 'tl', q: 'wildcat' },
      { key: 'value-potential', position: 'tr', q: 'star' },
      { key: 'importance-urgency', position: 'bl', q: 'later' },
      { key: 'importance-urgency', position: 'br', q: 'delegate' },
      { key: 'importance-urgency', position: 'tl', q: 'plan' },
      { key: 'importance-urgency', position: 'tr', q: 'now' },
    ]);
  });

  it('refuses a placement in a quadrant the matrix does not have, and a move that goes nowhere', () => {
    const db = dbAt(3);
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('A', 'x', 'x')").run();
    expect(sqliteCode(() => db.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, 1, 'now', 'x')").run())).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(sqliteCode(() => db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at) VALUES (1, 1, 'star', 'star', 'x')").run())).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
  });

  it('deleting an account removes its placements and moves', () => {
    const db = dbAt(3);
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('A', 'x', 'x')").run();
    db.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, 1, 'star', 'x')").run();
    db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at) VALUES (1, 1, NULL, 'star', 'x')").run();
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM placements').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM placement_moves').pluck().get()).toBe(0);
  });

  it('reads an account\'s history through its index', () => {
    const db = dbAt(3);
    expect(queryPlan(db, 'SELECT * FROM placement_moves WHERE account_id = 1 ORDER BY at')).toMatch(/placement_moves_account/);
  });
});

describe('migration list', () => {
  it('has a test block for every migration', () => {
    expect([...covered].sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
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
    open.push(db);
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

function tableNames(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}
