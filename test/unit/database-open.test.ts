/**
 * Opening a database: inspectDatabaseFile in every state, the Backend on a file it must not touch,
 * and the connection settings every Keyplan database gets.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHODS, contract } from '../../shared/api/contract';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { inspectDatabaseFile, openConnection } from '../../electron/backend/db/open';
import { KEYPLAN_APPLICATION_ID, readWorkspaceId } from '../../electron/backend/db/identity';
import { migrate } from '../../electron/backend/db/migrate';
import {
  IS_ROOT,
  dumpFile,
  expectError,
  expectOk,
  ls,
  sampleArgs,
  sha256,
  useTestEnv,
  writeCorruptDb,
  writeDbWithAccounts,
  writeForeignDb,
  writeNewerDb,
  writeRandomBytes,
} from './helpers';

const env = useTestEnv();

describe('inspectDatabaseFile', () => {
  it('reports a missing file as missing', () => {
    expect(inspectDatabaseFile(env.file('nope.db'))).toEqual({ state: 'missing' });
  });

  it('reports a healthy database as ok with its schema version, and changes nothing', async () => {
    const file = env.file('good.db');
    await writeDbWithAccounts(file, ['Acme']);
    const hash = sha256(file);
    expect(inspectDatabaseFile(file)).toEqual({ state: 'ok', schemaVersion: LATEST_VERSION, identity: 'keyplan' });
    expect(sha256(file)).toBe(hash);
    expect(ls(env.dir)).toEqual(['good.db']);
  });

  it('reports an empty (0-byte) file as not a Keyplan database: only a path where nothing exists is created', () => {
    const file = env.file('empty.db');
    fs.writeFileSync(file, '');
    expect(inspectDatabaseFile(file)).toMatchObject({ state: 'not-keyplan', schemaVersion: 0, detail: expect.stringMatching(/0 bytes/) });
  });

  it.each([
    ['tables of its own, no ids', {}],
    ['its own application id', { appId: 0x12345678 }],
    ['its own application id and a user_version Keyplan has', { appId: 0x12345678, userVersion: 3 }],
    ['a user_version Keyplan has but none of its tables', { userVersion: 6 }],
    ['a user_version above Keyplan\'s', { userVersion: LATEST_VERSION + 40 }],
    ['WAL mode', { wal: true }],
  ])('reports another program\'s SQLite file (%s) as not-keyplan, untouched', (_n, opts) => {
    const file = env.file('foreign.db');
    writeForeignDb(file, opts);
    const hash = sha256(file);
    const seen = inspectDatabaseFile(file);
    expect(seen).toMatchObject({ state: 'not-keyplan', detail: expect.stringMatching(/not a Keyplan database/) });
    expect(sha256(file)).toBe(hash);
    expect(ls(env.dir)).toEqual(['foreign.db']);
  });

  it('recognises a Keyplan database from before application ids (schema 6) as legacy', () => {
    const file = env.file('legacy.db');
    const db = openConnection(file);
    migrate(db, { target: 6 });
    db.close();
    expect(inspectDatabaseFile(file)).toEqual({ state: 'ok', schemaVersion: 6, identity: 'legacy' });
  });

  it('reports random bytes as corrupt', () => {
    const file = env.file('random.db');
    writeRandomBytes(file, 64 * 1024);
    const seen = inspectDatabaseFile(file);
    expect(seen).toMatchObject({ state: 'corrupt', schemaVersion: 0 });
    expect(seen.state !== 'missing' && seen.state !== 'ok' && seen.detail).toMatch(/not a database/i);
  });

  it('reports a database with a damaged page as corrupt, without touching it', () => {
    const file = env.file('damaged.db');
    writeCorruptDb(file);
    const hash = sha256(file);
    const seen = inspectDatabaseFile(file);
    expect(seen.state).toBe('corrupt');
    expect(seen.state === 'corrupt' && seen.detail.length).toBeGreaterThan(0);
    expect(sha256(file)).toBe(hash);
    expect(ls(env.dir)).toEqual(['damaged.db']);
  });

  it('reports a directory as unreadable', () => {
    fs.mkdirSync(env.file('folder.db'));
    expect(inspectDatabaseFile(env.file('folder.db'))).toMatchObject({
      state: 'unreadable',
      schemaVersion: 0,
      detail: expect.stringMatching(/not a file/),
    });
  });

  it.skipIf(IS_ROOT)('reports a file without read/write permission as unreadable', async () => {
    const file = env.file('locked.db');
    await writeDbWithAccounts(file, ['Acme']);
    fs.chmodSync(file, 0o000);
    try {
      expect(inspectDatabaseFile(file)).toMatchObject({ state: 'unreadable', schemaVersion: 0 });
    } finally {
      fs.chmodSync(file, 0o600);
    }
  });

  it('reports a database from a newer app as newer, with its version', () => {
    const file = env.file('newer.db');
    writeNewerDb(file, LATEST_VERSION + 3);
    const hash = sha256(file);
    expect(inspectDatabaseFile(file)).toEqual({
      state: 'newer',
      schemaVersion: LATEST_VERSION + 3,
      detail: expect.stringContaining(String(LATEST_VERSION + 3)),
    });
    expect(sha256(file)).toBe(hash);
    expect(ls(env.dir)).toEqual(['newer.db']);
  });

  it('sees data that is still in the WAL of a crashed writer', async () => {
    const file = env.file('hot.db');
    await writeDbWithAccounts(file, ['Acme']);
    // copy a live database (main file + WAL) as a crash would leave it
    const live = openConnection(file);
    live.pragma('wal_autocheckpoint = 0');
    live.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('In the WAL', 't', 't')").run();
    fs.copyFileSync(file, env.file('crashed.db'));
    fs.copyFileSync(`${file}-wal`, env.file('crashed.db-wal'));
    live.close();
    expect(inspectDatabaseFile(env.file('crashed.db'))).toEqual({ state: 'ok', schemaVersion: LATEST_VERSION, identity: 'keyplan' });
    expect(dumpFile(env.file('crashed.db')).tables.accounts).toHaveLength(2);
  });
});

describe('Backend on a file it cannot use', () => {
  const needsDb = METHODS.filter((m) => contract[m].needsDb);

  it.each([
    ['corrupt (random bytes)', 'corrupt', (f: string): void => writeRandomBytes(f, 32 * 1024)],
    ['corrupt (damaged page)', 'corrupt', (f: string): void => {
      writeCorruptDb(f);
    }],
    ['newer', 'newer', (f: string): void => writeNewerDb(f, LATEST_VERSION + 1)],
    ['empty (0 bytes)', 'not-keyplan', (f: string): void => fs.writeFileSync(f, '')],
    ['another program\'s SQLite file', 'not-keyplan', (f: string): void => writeForeignDb(f)],
    ['another program\'s SQLite file in WAL mode', 'not-keyplan', (f: string): void => writeForeignDb(f, { wal: true, appId: 0x46697246 })],
  ] as const)('%s: reports it, refuses every database method, leaves the file as it was', async (_n, state, make) => {
    const file = env.file('keyplan.db');
    make(file);
    const hash = sha256(file);
    const backend = env.backend({ dbPath: file, autoBackup: true });
    await backend.settled();

    const status = backend.status();
    expect(status).toMatchObject({ state, path: file, supportedVersion: LATEST_VERSION, backups: [] });
    expect(status.detail).toBeTruthy();
    expect(env.logs.join('\n')).toContain(`not opened (${state})`);

    expect(needsDb.length).toBeGreaterThan(0);
    const args = sampleArgs(env.dir);
    for (const m of needsDb) {
      const err = expectError(await backend.invoke(m, args[m]), 'db-unavailable');
      expect(err.message).toContain(file);
    }
    // what still works: the app can explain itself
    expect(expectOk(await backend.invoke('db-status', {}))).toMatchObject({ state });
    expect(expectOk(await backend.invoke('app-info', {}))).toMatchObject({ dbPath: file, transport: 'test' });
    expect(() => backend.connection()).toThrow(expect.objectContaining({ code: 'db-unavailable' }));

    await backend.close();
    expect(sha256(file)).toBe(hash);
    // nothing created beside it: no -wal, no -shm, no backups folder
    expect(ls(env.dir)).toEqual(['keyplan.db']);
  });

  it('a directory in place of the file: unreadable', async () => {
    fs.mkdirSync(env.file('keyplan.db'));
    const backend = env.backend();
    expect(backend.status().state).toBe('unreadable');
    expectError(await backend.invoke('accounts-list', {}), 'db-unavailable');
    expect(fs.statSync(env.file('keyplan.db')).isDirectory()).toBe(true);
  });
});

describe('Backend on a good file', () => {
  it('a file in a folder that does not exist is not opened, and no folder or file is created', () => {
    const file = env.file('nested', 'folder', 'keyplan.db');
    const backend = env.backend({ dbPath: file });
    expect(backend.status()).toMatchObject({ state: 'unreadable', path: file });
    expect(backend.status().detail).toContain('does not exist');
    expect(fs.existsSync(env.file('nested'))).toBe(false);
  });

  it('creates a missing file, migrates it, and uses WAL, FULL sync, foreign keys and a busy timeout', () => {
    fs.mkdirSync(env.file('nested', 'folder'), { recursive: true });
    const file = env.file('nested', 'folder', 'keyplan.db');
    const backend = env.backend({ dbPath: file });
    expect(backend.status()).toMatchObject({ state: 'ok', path: file, schemaVersion: LATEST_VERSION });
    const db = backend.connection();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('openConnection alone applies the same settings', () => {
    const db = openConnection(env.file('plain.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('migrates a blank SQLite file (no tables, version 0: a first open stopped before its first migration)', async () => {
    const file = env.file('keyplan.db');
    const blank = new Database(file);
    blank.pragma('journal_mode = WAL');
    blank.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const backend = env.backend({ dbPath: file });
    expect(backend.status()).toMatchObject({ state: 'ok', schemaVersion: LATEST_VERSION });
    expect(await backend.call('accounts-list', {})).toEqual([]);
  });

  it('opens a Keyplan database from before application ids (schema 6), keeping its data, and marks it', async () => {
    const file = env.file('keyplan.db');
    const db = openConnection(file);
    migrate(db, { target: 6 });
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('Acme', 't', 't')").run();
    db.close();
    const backend = env.backend({ dbPath: file });
    expect(backend.status()).toMatchObject({ state: 'ok', schemaVersion: LATEST_VERSION });
    expect((await backend.call('accounts-list', {})).map((a) => a.name)).toEqual(['Acme']);
    const conn = backend.connection();
    expect(conn.pragma('application_id', { simple: true })).toBe(KEYPLAN_APPLICATION_ID);
    expect(readWorkspaceId(conn)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the data across close and reopen, and leaves no -wal/-shm after close', async () => {
    const file = env.file('keyplan.db');
    const a = env.backend({ dbPath: file });
    await a.call('accounts-create', { name: 'Acme' });
    await a.close();
    expect(ls(env.dir)).toEqual(['keyplan.db']);
    const b = env.backend({ dbPath: file });
    expect((await b.call('accounts-list', {})).map((x) => x.name)).toEqual(['Acme']);
  });

  it('emits db-changed with the new status on open', async () => {
    const a = env.backend();
    const seen: string[] = [];
    a.on('db-changed', (s) => seen.push(`${s.state}:${s.path}`));
    const other = env.file('other.db');
    await writeDbWithAccounts(other, []);
    await a.call('db-open', { path: other });
    expect(seen).toEqual([`ok:${other}`]);
  });
});
