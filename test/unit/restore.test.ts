/**
 * Restoring a backup and switching files: the backup is checked first, the replaced database is
 * always kept (a -before-restore backup when healthy, renamed aside untouched when not).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupsDir, stamp } from '../../electron/backend/db/backup';
import { KEYPLAN_APPLICATION_ID, readWorkspaceId } from '../../electron/backend/db/identity';
import { migrate } from '../../electron/backend/db/migrate';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { openConnection } from '../../electron/backend/db/open';
import {
  accountNames,
  dumpDb,
  dumpFile,
  expectError,
  expectOk,
  integrityCheck,
  ls,
  sha256,
  useTestEnv,
  writeCorruptDb,
  writeDbWithAccounts,
  writeForeignDb,
  writeNewerDb,
  writeRandomBytes,
} from './helpers';

const env = useTestEnv();
const T0 = new Date('2026-06-01T09:30:00.000Z');
const now = () => T0;

const names = async (b: ReturnType<typeof env.backend>) => (await b.call('accounts-list', {})).map((a) => a.name);

describe('db-restore', () => {
  it('replaces the data with the backup and keeps a -before-restore copy of what it replaced', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Acme' });
    await backend.call('accounts-create', { name: '华为技术' });
    const saved = await backend.call('db-backup', { out: env.file('saved.db') });
    await backend.call('accounts-create', { name: 'Added later' });
    await backend.call('accounts-rename', { id: 1, name: 'Acme Renamed' });

    const events: string[] = [];
    backend.on('db-changed', (s) => events.push(s.state));
    const status = await backend.call('db-restore', { from: saved.path });

    expect(status).toMatchObject({ state: 'ok', path: env.file('keyplan.db'), schemaVersion: LATEST_VERSION });
    expect(await names(backend)).toEqual(['Acme', '华为技术']);
    expect(events).toEqual(['ok']);

    const before = path.join(backupsDir(env.file('keyplan.db')), `keyplan-${stamp(T0)}-before-restore.db`);
    expect(fs.existsSync(before)).toBe(true);
    expect(accountNames(before)).toEqual(['Acme Renamed', 'Added later', '华为技术'].sort());
    expect(integrityCheck(before)).toBe('ok');
    expect(status.backups.map((b) => b.path)).toContain(before);
    // the source is left as it was
    expect(accountNames(saved.path)).toEqual(['Acme', '华为技术'].sort());
    // nothing stray beside the database (the open database's process registration folder aside)
    expect(ls(env.dir)).toEqual(['backups', 'keyplan.db', 'keyplan.db-shm', 'keyplan.db-wal', 'keyplan.db.keyplan-procs', 'saved.db']);
    // and the restored database is fully writable
    expect((await backend.call('accounts-create', { name: 'After restore' })).name).toBe('After restore');
  });

  it('keeps every -before-restore copy, even for two restores within a second', async () => {
    const a = env.file('a.db');
    const b = env.file('b.db');
    await writeDbWithAccounts(a, ['From A']);
    await writeDbWithAccounts(b, ['From B']);
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Original' });
    await backend.call('db-restore', { from: a });
    await backend.call('db-restore', { from: b });
    expect(await names(backend)).toEqual(['From B']);
    const dir = backupsDir(env.file('keyplan.db'));
    const copies = ls(dir).filter((n) => n.includes('-before-restore'));
    expect(copies).toHaveLength(2);
    const contents = copies.map((c) => accountNames(path.join(dir, c)).join(',')).sort();
    expect(contents).toEqual(['From A', 'Original']);
  });

  it.each([
    ['random bytes', (f: string): void => writeRandomBytes(f, 20_000), 'corrupt'],
    ['a damaged page', (f: string): void => {
      writeCorruptDb(f);
    }, 'corrupt'],
    ['a newer schema', (f: string): void => writeNewerDb(f, LATEST_VERSION + 1), 'newer'],
  ] as const)('refuses a backup with %s and leaves everything as it was', async (_what, make, state) => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Keep me' });
    const bad = env.file('bad.db');
    make(bad);
    const badHash = sha256(bad);
    const before = dumpDb(backend.connection());
    const filesBefore = ls(env.dir);

    const err = expectError(await backend.invoke('db-restore', { from: bad }), 'backup-invalid');
    expect(err.params).toMatchObject({ path: bad, state });
    expect(err.message).toContain(bad);

    expect(backend.status().state).toBe('ok');
    expect(dumpDb(backend.connection())).toEqual(before);
    expect(await names(backend)).toEqual(['Keep me']);
    expect(sha256(bad)).toBe(badHash);
    expect(ls(env.dir)).toEqual(filesBefore);
    expect(fs.existsSync(backupsDir(env.file('keyplan.db')))).toBe(false);
  });

  it.each([
    ['an empty (0-byte) file', (f: string): void => fs.writeFileSync(f, ''), /0 bytes/],
    ['another program\'s SQLite file', (f: string): void => writeForeignDb(f), /another program/],
    ['a SQLite file with another application id', (f: string): void => writeForeignDb(f, { appId: 0x12345678 }), /application id 0x12345678/],
    ['an empty SQLite database', (f: string): void => {
      const blank = new Database(f);
      blank.pragma('journal_mode = WAL');
      blank.close();
    }, /empty SQLite database/],
  ] as const)('refuses %s as not a Keyplan database, the database and the file unchanged', async (_what, make, why) => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Keep me' });
    const bad = env.file('bad.db');
    make(bad);
    const badHash = sha256(bad);
    const before = dumpDb(backend.connection());
    const filesBefore = ls(env.dir);

    const err = expectError(await backend.invoke('db-restore', { from: bad }), 'backup-not-keyplan');
    expect(err.params).toEqual({ path: bad });
    expect(err.message).toMatch(why);

    expect(backend.status().state).toBe('ok');
    expect(dumpDb(backend.connection())).toEqual(before);
    expect(sha256(bad)).toBe(badHash);
    expect(ls(env.dir)).toEqual(filesBefore);
    expect(fs.existsSync(backupsDir(env.file('keyplan.db')))).toBe(false);
  });

  it('restores a backup written by an older Keyplan (schema 6, no ids), which then gets them', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Current' });
    const old = env.file('old-backup.db');
    const db = openConnection(old);
    migrate(db, { target: 6 });
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('From the old backup', 't', 't')").run();
    db.close();
    const id = readWorkspaceId(backend.connection());
    const status = await backend.call('db-restore', { from: old });
    expect(status.state).toBe('ok');
    expect(await names(backend)).toEqual(['From the old backup']);
    expect(backend.connection().pragma('application_id', { simple: true })).toBe(KEYPLAN_APPLICATION_ID);
    // the database keeps its workspace id, so the copy saved before the restore is still its own
    expect(readWorkspaceId(backend.connection())).toBe(id);
    expect(status.backups.map((b) => [b.kind, b.verified])).toEqual([['before-restore', true]]);
  });

  it('restoring another database\'s file keeps this database\'s workspace id and backups', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Ours' });
    const id = readWorkspaceId(backend.connection());
    const theirs = env.file('team-b.db');
    await writeDbWithAccounts(theirs, ['Theirs']);
    const status = await backend.call('db-restore', { from: theirs });
    expect(await names(backend)).toEqual(['Theirs']);
    expect(readWorkspaceId(backend.connection())).toBe(id);
    const kept = status.backups.filter((b) => b.kind === 'before-restore');
    expect(kept).toHaveLength(1);
    expect(accountNames(kept[0]!.path)).toEqual(['Ours']);
    expect(expectOk(await backend.invoke('db-status', {}))).toMatchObject({ backups: status.backups });
  });

  it('refuses a missing file with file-not-found', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Keep me' });
    const err = expectError(await backend.invoke('db-restore', { from: env.file('nope.db') }), 'file-not-found');
    expect(err.params).toEqual({ path: env.file('nope.db') });
    expect(await names(backend)).toEqual(['Keep me']);
  });

  it('refuses to restore the database from itself', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Keep me' });
    expectError(await backend.invoke('db-restore', { from: env.file('keyplan.db') }), 'backup-invalid');
    expect(await names(backend)).toEqual(['Keep me']);
  });

  it('refuses a folder as the backup', async () => {
    const backend = env.backend({ now });
    fs.mkdirSync(env.file('folder.db'));
    expect(
      expectError(await backend.invoke('db-restore', { from: env.file('folder.db') }), 'backup-invalid').params,
    ).toMatchObject({ state: 'unreadable' });
  });

  it('when the current file is corrupt: renames it aside untouched and opens the backup', async () => {
    const good = env.file('good.db');
    await writeDbWithAccounts(good, ['Rescued']);
    const current = env.file('keyplan.db');
    writeCorruptDb(current);
    const hash = sha256(current);

    const backend = env.backend({ now });
    expect(backend.status().state).toBe('corrupt');
    const status = await backend.call('db-restore', { from: good });
    expect(status.state).toBe('ok');
    expect(await names(backend)).toEqual(['Rescued']);

    const aside = `${current}.corrupt-${stamp(T0)}`;
    expect(fs.existsSync(aside)).toBe(true);
    expect(sha256(aside)).toBe(hash);
    // no -before-restore copy: the damaged file was never opened for writing
    expect(fs.existsSync(backupsDir(current))).toBe(false);
    expect(ls(env.dir).filter((n) => !n.startsWith('keyplan.db-'))).toEqual([
      'good.db',
      'keyplan.db',
      path.basename(aside),
      'keyplan.db.keyplan-procs',
    ]);
  });

  it('when the current file is newer: renames it aside and opens the backup', async () => {
    const good = env.file('good.db');
    await writeDbWithAccounts(good, ['Older but usable']);
    const current = env.file('keyplan.db');
    writeNewerDb(current, LATEST_VERSION + 2);
    const hash = sha256(current);
    const backend = env.backend({ now });
    expect(backend.status().state).toBe('newer');
    await backend.call('db-restore', { from: good });
    expect(sha256(`${current}.newer-${stamp(T0)}`)).toBe(hash);
    expect(dumpFile(`${current}.newer-${stamp(T0)}`).userVersion).toBe(LATEST_VERSION + 2);
    expect(await names(backend)).toEqual(['Older but usable']);
  });

  it('a backup with data still in its WAL is restored with that data', async () => {
    // a copy of a database taken while it was open: main file plus WAL
    fs.mkdirSync(env.file('live'));
    const live = env.backend({ dbPath: env.file('live', 'live.db') });
    await live.call('accounts-create', { name: 'Checkpointed' });
    live.connection().pragma('wal_checkpoint(TRUNCATE)');
    live.connection().pragma('wal_autocheckpoint = 0');
    await live.call('accounts-create', { name: 'Only in the WAL' });
    fs.copyFileSync(env.file('live', 'live.db'), env.file('copy.db'));
    fs.copyFileSync(env.file('live', 'live.db-wal'), env.file('copy.db-wal'));
    expect(accountNames(env.file('copy.db'))).toEqual(['Checkpointed', 'Only in the WAL']);

    const backend = env.backend({ now });
    await backend.call('db-restore', { from: env.file('copy.db') });
    expect(await names(backend)).toEqual(['Checkpointed', 'Only in the WAL']);
  });
});

describe('db-open and db-create', () => {
  it('db-open switches to another existing database', async () => {
    const other = env.file('other.db');
    await writeDbWithAccounts(other, ['In the other file']);
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'In the first file' });
    const status = await backend.call('db-open', { path: other });
    expect(status).toMatchObject({ state: 'ok', path: other });
    expect(await names(backend)).toEqual(['In the other file']);
    expect((await backend.call('app-info', {})).dbPath).toBe(other);
    // the first file kept its data
    expect(accountNames(env.file('keyplan.db'))).toEqual(['In the first file']);
  });

  it('db-open resolves a relative path', async () => {
    const other = env.file('rel.db');
    await writeDbWithAccounts(other, []);
    const backend = env.backend();
    const rel = path.relative(process.cwd(), other);
    expect((await backend.call('db-open', { path: rel })).path).toBe(other);
  });

  it('db-open refuses a missing file and stays on the current one', async () => {
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'Still here' });
    const err = expectError(await backend.invoke('db-open', { path: env.file('missing.db') }), 'file-not-found');
    expect(err.params).toEqual({ path: env.file('missing.db') });
    expect(fs.existsSync(env.file('missing.db'))).toBe(false);
    expect(backend.status()).toMatchObject({ state: 'ok', path: env.file('keyplan.db') });
    expect(await names(backend)).toEqual(['Still here']);
  });

  it('db-open on a corrupt file reports it and leaves it unchanged', async () => {
    const bad = env.file('bad.db');
    writeCorruptDb(bad);
    const hash = sha256(bad);
    const backend = env.backend();
    const status = await backend.call('db-open', { path: bad });
    expect(status).toMatchObject({ state: 'corrupt', path: bad });
    expectError(await backend.invoke('accounts-list', {}), 'db-unavailable');
    expect(sha256(bad)).toBe(hash);
  });

  it('db-create starts a new empty database', async () => {
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'Old file' });
    // A folder that does not exist is refused, and the current database stays open.
    expectError(await backend.invoke('db-create', { path: env.file('sub', 'fresh.db') }), 'db-folder-missing');
    expect(fs.existsSync(env.file('sub'))).toBe(false);
    expect(await names(backend)).toEqual(['Old file']);
    const fresh = env.file('fresh.db');
    const status = await backend.call('db-create', { path: fresh });
    expect(status).toMatchObject({ state: 'ok', path: fresh, schemaVersion: LATEST_VERSION });
    expect(await names(backend)).toEqual([]);
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('db-create refuses an existing path and changes nothing', async () => {
    const taken = env.file('taken.db');
    await writeDbWithAccounts(taken, ['Precious']);
    const hash = sha256(taken);
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'Current' });
    const err = expectError(await backend.invoke('db-create', { path: taken }), 'file-exists');
    expect(err.params).toEqual({ path: taken });
    expect(sha256(taken)).toBe(hash);
    expect(backend.status().path).toBe(env.file('keyplan.db'));
    expect(await names(backend)).toEqual(['Current']);
  });

  it('db-create refuses an existing non-database file too', async () => {
    fs.writeFileSync(env.file('notes.txt'), 'hello');
    const backend = env.backend();
    expectError(await backend.invoke('db-create', { path: env.file('notes.txt') }), 'file-exists');
    expect(fs.readFileSync(env.file('notes.txt'), 'utf8')).toBe('hello');
  });
});

describe('db-restore that fails half-way', () => {
  const diskFull = () =>
    vi.spyOn(fs, 'copyFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });

  it('reopens the healthy database it was replacing, with its data', async () => {
    const backend = env.backend({ now });
    await backend.call('accounts-create', { name: 'Kept' });
    const saved = await backend.call('db-backup', { out: env.file('saved.db') });
    await backend.call('accounts-create', { name: 'Also kept' });
    const spy = diskFull();
    try {
      expectError(await backend.invoke('db-restore', { from: saved.path }), 'internal');
    } finally {
      spy.mockRestore();
    }
    expect(backend.status().state).toBe('ok');
    expect(await names(backend)).toEqual(['Also kept', 'Kept']);
  });

  it('puts a corrupt database back where it was, byte for byte', async () => {
    const good = env.file('good.db');
    await writeDbWithAccounts(good, ['Good']);
    const dbPath = env.file('keyplan.db');
    writeCorruptDb(dbPath);
    const before = sha256(dbPath);
    const backend = env.backend({ now });
    expect(backend.status().state).toBe('corrupt');
    const spy = diskFull();
    try {
      expectError(await backend.invoke('db-restore', { from: good }), 'internal');
    } finally {
      spy.mockRestore();
    }
    expect(sha256(dbPath)).toBe(before);
    expect(backend.status().state).toBe('corrupt');
  });
});
