/**
 * Backups: the daily automatic copy beside the database, its pruning, and writeBackup's promise
 * never to leave a half-written file under a backup's name.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEEP_BACKUPS,
  autoBackup,
  autoBackupName,
  backupsDir,
  listBackups,
  pruneBackups,
  stamp,
  writeBackup,
} from '../../electron/backend/db/backup';
import { migrate } from '../../electron/backend/db/migrate';
import { inspectDatabaseFile, openConnection } from '../../electron/backend/db/open';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { KEYPLAN_APPLICATION_ID, readWorkspaceId, workspaceIdOfFile } from '../../electron/backend/db/identity';
import { IS_ROOT, accountNames, expectError, expectOk, integrityCheck, ls, sha256, useTestEnv } from './helpers';

const env = useTestEnv();
let conns: Db[] = [];
afterEach(() => {
  for (const c of conns) if (c.open) c.close();
  conns = [];
});

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-05-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A migrated database with some accounts, open on the app's connection settings. */
function liveDb(names = ['Acme', '华为技术']): { db: Db; file: string } {
  const file = env.file('keyplan.db');
  const db = openConnection(file);
  conns.push(db);
  migrate(db);
  const ins = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
  for (const n of names) ins.run(n, T0.toISOString(), T0.toISOString());
  return { db, file };
}

function autoNames(dir: string): string[] {
  return ls(dir).filter((n) => /^keyplan-\d{8}T\d{6}Z\.db$/.test(n));
}

describe('stamp and names', () => {
  it('stamps are file-name safe and sortable', () => {
    expect(stamp(new Date('2026-11-24T03:50:07.123Z'))).toBe('20261124T035007Z');
    expect(autoBackupName('/x/y/keyplan.db', new Date('2026-11-24T03:50:07.123Z'))).toBe(
      path.join('/x/y/backups', 'keyplan-20261124T035007Z.db'),
    );
    expect(autoBackupName('/x/y/work.db', new Date('2026-11-24T03:50:07Z'), '-manual')).toBe(
      path.join('/x/y/backups', 'work-20261124T035007Z-manual.db'),
    );
    expect(backupsDir('/x/y/keyplan.db')).toBe(path.join('/x/y', 'backups'));
  });

  it('never reuses a taken name: a counter is added within the same second', async () => {
    const { db, file } = liveDb();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await writeBackup(db, autoBackupName(file, T0, '-manual'))).path);
    expect(names.map((n) => path.basename(n))).toEqual([
      `keyplan-${stamp(T0)}-manual.db`,
      `keyplan-${stamp(T0)}-manual-2.db`,
      `keyplan-${stamp(T0)}-manual-3.db`,
    ]);
    expect(ls(backupsDir(file))).toHaveLength(3);
  });
});

describe('autoBackup', () => {
  it('writes a valid copy with the data into backups/ beside the database', async () => {
    const { db, file } = liveDb();
    const info = await autoBackup(db, file, T0);
    expect(info).not.toBeNull();
    expect(info!.path).toBe(path.join(env.dir, 'backups', `keyplan-${stamp(T0)}.db`));
    expect(info!.bytes).toBe(fs.statSync(info!.path).size);
    expect(info!.bytes).toBeGreaterThan(0);
    expect(accountNames(info!.path)).toEqual(['Acme', '华为技术'].sort());
    expect(integrityCheck(info!.path)).toBe('ok');
    expect(inspectDatabaseFile(info!.path)).toEqual({ state: 'ok', schemaVersion: LATEST_VERSION, identity: 'keyplan' });
    // nothing else left in the folder (no partial file)
    expect(ls(backupsDir(file))).toEqual([`keyplan-${stamp(T0)}.db`]);
  });

  it('writes at most one backup a day', async () => {
    const { db, file } = liveDb();
    expect(await autoBackup(db, file, T0)).not.toBeNull();
    expect(await autoBackup(db, file, at(1000))).toBeNull();
    expect(await autoBackup(db, file, at(DAY - 1000))).toBeNull();
    expect(autoNames(backupsDir(file))).toHaveLength(1);
    expect(await autoBackup(db, file, at(DAY))).not.toBeNull();
    expect(autoNames(backupsDir(file))).toHaveLength(2);
    expect(await autoBackup(db, file, at(DAY + 3600_000))).toBeNull();
  });

  it('copies the data as it is at the time of the backup', async () => {
    const { db, file } = liveDb(['One']);
    const first = await autoBackup(db, file, T0);
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('Two', 't', 't')").run();
    const second = await autoBackup(db, file, at(DAY));
    expect(accountNames(first!.path)).toEqual(['One']);
    expect(accountNames(second!.path)).toEqual(['One', 'Two']);
  });

  it(`keeps the newest ${KEEP_BACKUPS} automatic backups`, async () => {
    const { db, file } = liveDb();
    const days = KEEP_BACKUPS + 4;
    for (let d = 0; d < days; d++) expect(await autoBackup(db, file, at(d * DAY))).not.toBeNull();
    const kept = autoNames(backupsDir(file));
    expect(kept).toHaveLength(KEEP_BACKUPS);
    const expected = Array.from({ length: KEEP_BACKUPS }, (_, i) => `keyplan-${stamp(at((days - KEEP_BACKUPS + i) * DAY))}.db`);
    expect(kept).toEqual(expected);
  });

  it('never prunes -before-restore or -manual copies, nor backups of another database', async () => {
    const { db, file } = liveDb();
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    const old = new Date('2020-01-01T00:00:00Z');
    const keepers = [
      `keyplan-${stamp(old)}-before-restore.db`,
      `keyplan-${stamp(old)}-manual.db`,
      `other-${stamp(old)}.db`,
      'notes.txt',
    ];
    for (const k of keepers) fs.writeFileSync(path.join(dir, k), 'x');
    for (let d = 0; d < KEEP_BACKUPS + 2; d++) await autoBackup(db, file, at(d * DAY));
    const names = ls(dir);
    for (const k of keepers) expect(names).toContain(k);
    expect(autoNames(dir)).toHaveLength(KEEP_BACKUPS);
  });

  it('is not suppressed by a recent manual or pre-restore copy', async () => {
    const { db, file } = liveDb();
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `keyplan-${stamp(T0)}-manual.db`), 'x');
    fs.writeFileSync(path.join(dir, `keyplan-${stamp(T0)}-before-restore.db`), 'x');
    expect(await autoBackup(db, file, at(60_000))).not.toBeNull();
    expect(autoNames(dir)).toEqual([`keyplan-${stamp(at(60_000))}.db`]);
  });

  it('pruneBackups removes stray partial files and honours keep', async () => {
    const { db, file } = liveDb();
    for (let d = 0; d < 5; d++) await autoBackup(db, file, at(d * DAY));
    const dir = backupsDir(file);
    fs.writeFileSync(path.join(dir, `keyplan-${stamp(T0)}.db.partial-12345`), 'half');
    pruneBackups(file, 2);
    expect(ls(dir)).toEqual([`keyplan-${stamp(at(3 * DAY))}.db`, `keyplan-${stamp(at(4 * DAY))}.db`]);
  });

  it('pruneBackups without a backups folder does nothing', () => {
    expect(() => pruneBackups(env.file('keyplan.db'))).not.toThrow();
    expect(fs.existsSync(backupsDir(env.file('keyplan.db')))).toBe(false);
  });
});

describe('listBackups', () => {
  it('lists this database\'s backups in backups/, newest first, with their kind', async () => {
    const { db, file } = liveDb();
    const id = readWorkspaceId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(listBackups(file, id)).toEqual([]);
    const a = await writeBackup(db, autoBackupName(file, T0));
    const b = await writeBackup(db, autoBackupName(file, T0, '-manual'));
    const c = await writeBackup(db, autoBackupName(file, T0, '-before-restore'));
    const d = await writeBackup(db, autoBackupName(file, T0, '-before-restore'));
    fs.utimesSync(a.path, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    fs.utimesSync(c.path, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    fs.utimesSync(d.path, new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
    fs.writeFileSync(path.join(backupsDir(file), 'readme.txt'), 'not a backup');
    fs.mkdirSync(path.join(backupsDir(file), 'folder.db'));
    const list = listBackups(file, id);
    expect(list.map((x) => [path.basename(x.path), x.kind, x.verified])).toEqual([
      [path.basename(b.path), 'manual', true],
      [path.basename(d.path), 'before-restore', true],
      [path.basename(c.path), 'before-restore', true],
      [path.basename(a.path), 'automatic', true],
    ]);
    expect(path.basename(d.path)).toMatch(/-before-restore-2\.db$/);
    expect(list[3]!.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(list[0]!.bytes).toBe(fs.statSync(b.path).size);
    // reading the ids left nothing beside the backups
    expect(ls(backupsDir(file)).filter((n) => /-(wal|shm|journal)$/.test(n))).toEqual([]);
  });

  it('two databases in one folder each list only their own backups, even with the same file stem', async () => {
    const one = liveDb(['Team one']);
    const twoFile = env.file('team-two.db');
    const two = openConnection(twoFile);
    conns.push(two);
    migrate(two);
    // a third database whose file stem is the first one's: keyplan.sqlite beside keyplan.db
    const sameStemFile = env.file('keyplan.sqlite');
    const sameStem = openConnection(sameStemFile);
    conns.push(sameStem);
    migrate(sameStem);
    const mine = await autoBackup(one.db, one.file, T0);
    const theirs = await autoBackup(two, twoFile, T0);
    const lookalike = await autoBackup(sameStem, sameStemFile, at(1000));
    expect(path.basename(lookalike!.path)).toMatch(/^keyplan-\d{8}T\d{6}Z\.db$/);

    const idOne = readWorkspaceId(one.db);
    const idTwo = readWorkspaceId(two);
    expect(idOne).not.toBe(idTwo);
    expect(listBackups(one.file, idOne).map((b) => b.path)).toEqual([mine!.path]);
    expect(listBackups(twoFile, idTwo).map((b) => b.path)).toEqual([theirs!.path]);
    expect(listBackups(sameStemFile, readWorkspaceId(sameStem)).map((b) => b.path)).toEqual([lookalike!.path]);
    // and the first one's daily backup is not suppressed or pruned by its lookalike's
    expect(await autoBackup(one.db, one.file, at(2000))).toBeNull();
    pruneBackups(one.file, 0, idOne);
    expect(fs.existsSync(lookalike!.path)).toBe(true);
    expect(fs.existsSync(theirs!.path)).toBe(true);
    expect(fs.existsSync(mine!.path)).toBe(false);
  });

  it('offers a backup without an id (older Keyplan) only when named after the database, marked unverified', async () => {
    const { db, file } = liveDb();
    const id = readWorkspaceId(db);
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    // an old backup: a schema-6 database, no application id, no workspace id
    const legacy = path.join(dir, `keyplan-${stamp(T0)}.db`);
    const old = openConnection(legacy);
    migrate(old, { target: 6 });
    old.close();
    fs.copyFileSync(legacy, path.join(dir, `other-${stamp(T0)}.db`));
    fs.copyFileSync(legacy, path.join(dir, 'dropped-here.db'));
    expect(listBackups(file, id).map((b) => [path.basename(b.path), b.kind, b.verified])).toEqual([
      [`keyplan-${stamp(T0)}.db`, 'automatic', false],
    ]);
  });

  it('without an id to compare (the database could not be opened), offers the files named after it, unverified', async () => {
    const { db, file } = liveDb();
    const own = await writeBackup(db, autoBackupName(file, T0, '-manual'));
    const other = openConnection(env.file('other.db'));
    conns.push(other);
    migrate(other);
    await writeBackup(other, autoBackupName(env.file('other.db'), T0));
    expect(listBackups(file, null).map((b) => [b.path, b.verified])).toEqual([[own.path, false]]);
  });
});

describe('writeBackup', () => {
  it('writes a consistent copy to any path, creating the folder', async () => {
    const { db } = liveDb();
    const dest = env.file('elsewhere', 'deep', 'copy.db');
    const info = await writeBackup(db, dest);
    expect(info.path).toBe(dest);
    expect(accountNames(dest)).toEqual(['Acme', '华为技术'].sort());
    expect(ls(path.dirname(dest))).toEqual(['copy.db']);
  });

  it('never replaces an existing file: a text file stays byte for byte, nothing is left beside it', async () => {
    const { db } = liveDb(['Fresh']);
    const dest = env.file('notes.txt');
    fs.writeFileSync(dest, 'my notes');
    const err = await writeBackup(db, dest).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'file-exists', params: { path: dest } });
    expect(fs.readFileSync(dest, 'utf8')).toBe('my notes');
    expect(ls(env.dir).filter((n) => n.startsWith('notes'))).toEqual(['notes.txt']);
  });

  it('never replaces another live database: refused, that database keeps every write', async () => {
    const { db } = liveDb(['Mine']);
    const otherFile = env.file('other', 'team.db');
    fs.mkdirSync(path.dirname(otherFile));
    const other = openConnection(otherFile);
    conns.push(other);
    migrate(other);
    const ins = other.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
    ins.run('Theirs 1', 't', 't');
    other.pragma('wal_checkpoint(TRUNCATE)');
    const hash = sha256(otherFile);
    await expect(writeBackup(db, otherFile)).rejects.toMatchObject({ code: 'file-exists' });
    expect(sha256(otherFile)).toBe(hash);
    ins.run('Theirs 2', 't', 't');
    other.close();
    expect(accountNames(otherFile)).toEqual(['Theirs 1', 'Theirs 2']);
    expect(ls(env.file('other'))).toEqual(['team.db']);
  });

  it('refuses atomically: a name taken after the check (here a dangling link) is not replaced', async () => {
    const { db } = liveDb();
    const dest = env.file('late.db');
    fs.symlinkSync(env.file('nowhere'), dest);
    expect(fs.existsSync(dest)).toBe(false);
    await expect(writeBackup(db, dest)).rejects.toMatchObject({ code: 'file-exists' });
    expect(fs.readlinkSync(dest)).toBe(env.file('nowhere'));
    expect(ls(env.dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('writes backups in rollback-journal mode carrying the workspace id', async () => {
    const { db } = liveDb();
    const info = await writeBackup(db, env.file('copy.db'));
    const header = fs.readFileSync(info.path).subarray(0, 100);
    expect(header[18]).toBe(1);
    expect(header.readUInt32BE(68)).toBe(KEYPLAN_APPLICATION_ID);
    expect(workspaceIdOfFile(info.path)).toBe(readWorkspaceId(db));
    expect(ls(env.dir).filter((n) => n.startsWith('copy'))).toEqual(['copy.db']);
  });

  it('leaves no partial file when the destination is a directory', async () => {
    const { db } = liveDb();
    const dest = env.file('out', 'taken.db');
    fs.mkdirSync(path.join(dest, 'inside'), { recursive: true });
    await expect(writeBackup(db, dest)).rejects.toThrow();
    expect(ls(env.file('out'))).toEqual(['taken.db']);
    expect(ls(dest)).toEqual(['inside']);
  });

  it('leaves nothing when the destination folder cannot be created', async () => {
    const { db } = liveDb();
    fs.writeFileSync(env.file('a-file'), 'x');
    await expect(writeBackup(db, env.file('a-file', 'copy.db'))).rejects.toThrow();
    expect(fs.readFileSync(env.file('a-file'), 'utf8')).toBe('x');
    expect(ls(env.dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it.skipIf(IS_ROOT)('leaves nothing when the destination folder is not writable', async () => {
    const { db } = liveDb();
    const out = env.file('locked');
    fs.mkdirSync(out);
    fs.chmodSync(out, 0o500);
    try {
      await expect(writeBackup(db, path.join(out, 'copy.db'))).rejects.toThrow();
      expect(ls(out)).toEqual([]);
    } finally {
      fs.chmodSync(out, 0o700);
    }
  });

  it('leaves no partial file when the connection is closed', async () => {
    const file = env.file('closed.db');
    const db = new Database(file);
    db.close();
    const dest = env.file('out', 'copy.db');
    await expect(writeBackup(db, dest)).rejects.toThrow();
    expect(ls(env.file('out'))).toEqual([]);
  });
});

describe('Backend with autoBackup', () => {
  it('writes one backup after opening, and none on a second open the same day', async () => {
    const now = () => T0;
    const first = env.backend({ autoBackup: true, now });
    await first.call('accounts-create', { name: 'Acme' });
    await first.settled();
    const dir = backupsDir(env.file('keyplan.db'));
    expect(autoNames(dir)).toEqual([`keyplan-${stamp(T0)}.db`]);
    expect(integrityCheck(path.join(dir, autoNames(dir)[0]!))).toBe('ok');
    await first.close();

    const second = env.backend({ autoBackup: true, now: () => at(DAY / 2) });
    await second.settled();
    expect(autoNames(dir)).toHaveLength(1);
    const listed = expectOk(await second.invoke('db-backups-list', {})) as { path: string }[];
    expect(listed.map((b) => path.basename(b.path))).toEqual([`keyplan-${stamp(T0)}.db`]);
    await second.close();

    const third = env.backend({ autoBackup: true, now: () => at(DAY) });
    await third.settled();
    expect(autoNames(dir)).toHaveLength(2);
    expect(accountNames(path.join(dir, `keyplan-${stamp(at(DAY))}.db`))).toEqual(['Acme']);
  });

  it('writes no backup without the option', async () => {
    const b = env.backend({ now: () => T0 });
    await b.settled();
    expect(fs.existsSync(backupsDir(env.file('keyplan.db')))).toBe(false);
  });

  it('logs and carries on when the automatic backup fails', async () => {
    // a file where the backups folder should be
    fs.writeFileSync(env.file('backups'), 'in the way');
    const b = env.backend({ autoBackup: true, now: () => T0 });
    await b.settled();
    expect(env.logs.join('\n')).toMatch(/automatic backup failed/);
    expect((await b.call('accounts-create', { name: 'Still works' })).name).toBe('Still works');
  });
});

describe('the backups offered for a database that cannot be opened', () => {
  it('a newer or damaged file that still says which database it is: only its own backups, verified', async () => {
    const file = env.file('keyplan.db');
    const { db } = liveDb(['Acme']);
    const own = await writeBackup(db, autoBackupName(file, T0));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    // another database's backup under this database's name (a file copied in by hand)
    const other = openConnection(env.file('elsewhere.db'));
    conns.push(other);
    migrate(other);
    await writeBackup(other, autoBackupName(file, at(1000)));
    const b = env.backend({ dbPath: file });
    expect(b.status()).toMatchObject({ state: 'newer' });
    expect(b.status().backups.map((x) => [x.path, x.verified])).toEqual([[own.path, true]]);
  });
});

describe('db-backup and db-backup-save-as (Back up now)', () => {
  it('db-backup {out} refuses an existing file with file-exists; without out writes a new name in backups/', async () => {
    const b = env.backend({ now: () => T0 });
    const taken = env.file('taken.db');
    fs.writeFileSync(taken, 'somebody else\'s');
    const err = await b.invoke('db-backup', { out: taken });
    expect(err).toMatchObject({ ok: false, error: { code: 'file-exists', params: { path: taken } } });
    expect(fs.readFileSync(taken, 'utf8')).toBe('somebody else\'s');
    const first = expectOk(await b.invoke('db-backup', {})) as { path: string; kind: string };
    const second = expectOk(await b.invoke('db-backup', {})) as { path: string };
    expect(path.basename(first.path)).toBe(`keyplan-${stamp(T0)}-manual.db`);
    expect(path.basename(second.path)).toBe(`keyplan-${stamp(T0)}-manual-2.db`);
    expect(first.kind).toBe('manual');
  });

  it('without a save dialog (the preview) writes a new file in backups/, listed as manual', async () => {
    const b = env.backend({ now: () => T0 });
    const saved = expectOk(await b.invoke('db-backup-save-as', { title: 'Save' })) as { written: { path: string } };
    expect(path.dirname(saved.written.path)).toBe(backupsDir(env.file('keyplan.db')));
    const listed = expectOk(await b.invoke('db-backups-list', {})) as { path: string; kind: string; verified: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ path: saved.written.path, kind: 'manual', verified: true })]);
  });

  it('with a save dialog: writes where the user chose, nothing when cancelled, never over an existing file', async () => {
    const asked: [string, string | undefined][] = [];
    let answer: string | null = null;
    const b = env.backend({
      now: () => T0,
      chooseBackupPath: (suggested, title) => {
        asked.push([suggested, title]);
        return Promise.resolve(answer);
      },
    });
    await b.call('accounts-create', { name: 'Acme' });

    expect(await b.call('db-backup-save-as', { title: '保存数据库备份' })).toEqual({ written: null });
    expect(asked).toEqual([[path.join(backupsDir(env.file('keyplan.db')), `keyplan-${stamp(T0)}-manual.db`), '保存数据库备份']]);
    expect(fs.existsSync(backupsDir(env.file('keyplan.db')))).toBe(false);

    answer = env.file('usb', 'keyplan-copy.db');
    const saved = await b.call('db-backup-save-as', {});
    expect(saved.written?.path).toBe(answer);
    expect(accountNames(answer)).toEqual(['Acme']);

    // the dialog's own "replace?" question is not enough: an existing file is refused
    const hash = sha256(answer);
    expect(expectError(await b.invoke('db-backup-save-as', {}), 'file-exists').params).toEqual({ path: answer });
    expect(sha256(answer)).toBe(hash);
    answer = env.file('keyplan.db');
    expectError(await b.invoke('db-backup-save-as', {}), 'file-exists');
    expect((await b.call('accounts-list', {})).map((a) => a.name)).toEqual(['Acme']);
  });
});
