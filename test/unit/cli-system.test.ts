/**
 * The CLI's system verbs and its frame: doctor, backup and restore, usage and help, and real
 * subprocess runs to prove the exit code reaches the shell (the accounts verbs: cli-accounts.test.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../electron/backend/db/backup';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { EXIT_DB, EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { cliRunner, ROOT, subprocess } from './cli-helpers';
import {
  accountNames,
  dumpFile,
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

/** What the CLI says is read in English (`--locale en` unless the test chose a locale); sample keeps its default (Chinese) data. */
const cli = cliRunner(['sample']);

describe('doctor', () => {
  it('prints the schema version, the counts and ok', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme', '华为技术']);
    const r = await cli(['doctor', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(`database: ${db}`);
    expect(r.out).toContain(`schema version: ${LATEST_VERSION}`);
    expect(r.out).toContain('journal mode: wal; foreign keys: on');
    expect(r.out).toMatch(/^ {2}accounts: 2$/m);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('ok');
    expect(r.err).toBe('');
  });

  it('--json prints the report', async () => {
    const db = env.file('keyplan.db');
    const r = await cli(['doctor', '--json', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.out)).toMatchObject({ path: db, schemaVersion: LATEST_VERSION, ok: true, counts: { accounts: 0 } });
  });

  it('finds the database through KEYPLAN_DB', async () => {
    const db = env.file('from-env.db');
    const r = await cli(['doctor'], { KEYPLAN_DB: db });
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(`database: ${db}`);
    expect(fs.existsSync(db)).toBe(true);
  });

  it.each([
    ['random bytes', (f: string): void => writeRandomBytes(f, 40_000), /damaged/],
    ['a damaged page', (f: string): void => {
      writeCorruptDb(f);
    }, /damaged/],
    ['a newer schema', (f: string): void => writeNewerDb(f, LATEST_VERSION + 1), /newer version of Keyplan/],
  ] as const)('on %s exits 2 with a clear message and leaves the file byte-for-byte unchanged', async (_w, make, why) => {
    const db = env.file('keyplan.db');
    make(db);
    const hash = sha256(db);
    const r = await cli(['doctor', '--db', db]);
    expect(r.code).toBe(EXIT_DB);
    expect(r.out).toBe('');
    expect(r.err).toContain(`cannot use the database ${db}`);
    expect(r.err).toMatch(why);
    expect(r.err).toContain('The file was not changed');
    expect(r.err).toContain('restore --from FILE');
    expect(sha256(db)).toBe(hash);
    expect(ls(env.dir)).toEqual(['keyplan.db']);
  });

  it('on a damaged file points at the newest backup', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme']);
    await cli(['backup', '--db', db, '--out', path.join(backupsDir(db), 'keyplan-20260101T000000Z-manual.db')]);
    fs.rmSync(db);
    writeRandomBytes(db, 8192);
    const r = await cli(['doctor', '--db', db]);
    expect(r.code).toBe(EXIT_DB);
    expect(r.err).toContain(path.join(backupsDir(db), 'keyplan-20260101T000000Z-manual.db'));
  });
});

describe('backup and restore', () => {
  it('backup --out writes a valid copy', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme', '华为技术']);
    const out = env.file('copies', 'copy.db');
    const r = await cli(['backup', '--db', db, '--out', out]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(new RegExp(`^backup written: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes\\)\\n$`));
    expect(accountNames(out)).toEqual(['Acme', '华为技术'].sort());
    expect(integrityCheck(out)).toBe('ok');
    expect(dumpFile(out)).toEqual(dumpFile(db));
  });

  it('backup without --out is a usage error', async () => {
    const r = await cli(['backup', '--db', env.file('keyplan.db')]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('backup needs --out FILE');
  });

  it('backup over the database itself is refused', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme']);
    const r = await cli(['backup', '--db', db, '--out', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('[file-exists]');
    expect(accountNames(db)).toEqual(['Acme']);
  });

  it('backup --out over an existing file is refused (exit 1) and the file stays byte for byte', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme']);
    const notes = env.file('notes.txt');
    fs.writeFileSync(notes, 'quarterly notes\n');
    const r = await cli(['backup', '--db', db, '--out', notes]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toBe(`keyplan: ${notes} already exists; a backup never replaces a file. Choose a new file name. [file-exists]\n`);
    expect(fs.readFileSync(notes, 'utf8')).toBe('quarterly notes\n');
    expect(ls(env.dir)).toEqual(['keyplan.db', 'notes.txt']);
  });

  it('backup --out onto another live database is refused; that database is untouched and keeps working', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Mine']);
    const other = env.file('team-b.db');
    const live = env.backend({ dbPath: other });
    await live.call('accounts-create', { name: 'Theirs 1' });
    const before = sha256(other);
    const r = await cli(['backup', '--db', db, '--out', other]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('[file-exists]');
    expect(sha256(other)).toBe(before);
    await live.call('accounts-create', { name: 'Theirs 2' });
    await live.close();
    expect(accountNames(other)).toEqual(['Theirs 1', 'Theirs 2']);
  });

  it('a second process asked to back up over this process\'s live database refuses (exit 1); every write here survives', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Mine']);
    const live = env.file('live.db');
    const running = env.backend({ dbPath: live });
    await running.call('accounts-create', { name: 'Before' });
    const r = await subprocess(['backup', '--db', db, '--out', live]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.stderr).toContain('[file-exists]');
    await running.call('accounts-create', { name: 'After' });
    await running.close();
    expect(accountNames(live)).toEqual(['After', 'Before']);
    expect(integrityCheck(live)).toBe('ok');
  });

  it('restore --from an empty or foreign SQLite file is refused (exit 1), the database unchanged', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Current']);
    const empty = env.file('empty.db');
    fs.writeFileSync(empty, '');
    const foreign = env.file('foreign.db');
    writeForeignDb(foreign);
    const before = dumpFile(db);
    for (const from of [empty, foreign]) {
      const hash = sha256(from);
      const r = await cli(['restore', '--db', db, '--from', from]);
      expect(r.code).toBe(EXIT_FAIL);
      expect(r.err).toContain('[backup-not-keyplan]');
      expect(r.err).toContain('not a Keyplan database');
      expect(sha256(from)).toBe(hash);
    }
    expect(dumpFile(db)).toEqual(before);
    expect(fs.existsSync(backupsDir(db))).toBe(false);
  });

  it('a foreign SQLite file as --db: exit 2, the file untouched, nothing created beside it', async () => {
    const foreign = env.file('places.sqlite');
    writeForeignDb(foreign, { wal: true });
    const hash = sha256(foreign);
    const r = await cli(['doctor', '--db', foreign]);
    expect(r.code).toBe(EXIT_DB);
    expect(r.err).toContain('it is not a Keyplan database');
    expect(sha256(foreign)).toBe(hash);
    expect(ls(env.dir)).toEqual(['places.sqlite']);
  });

  it('restore --from a good backup replaces the data and keeps the old database', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Current']);
    const from = env.file('good.db');
    await writeDbWithAccounts(from, ['From backup']);
    const r = await cli(['restore', '--db', db, '--from', from]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(`restored ${db} from ${from}`);
    expect(accountNames(db)).toEqual(['From backup']);
    const kept = ls(backupsDir(db)).filter((n) => n.includes('-before-restore'));
    expect(kept).toHaveLength(1);
    expect(accountNames(path.join(backupsDir(db), kept[0]!))).toEqual(['Current']);
  });

  it('restore --from a corrupt file is refused (exit 1) and changes nothing', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Current']);
    const bad = env.file('bad.db');
    writeCorruptDb(bad);
    const badHash = sha256(bad);
    const before = dumpFile(db);
    const filesBefore = ls(env.dir);
    const r = await cli(['restore', '--db', db, '--from', bad]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('[backup-invalid]');
    expect(r.err).toContain(bad);
    expect(dumpFile(db)).toEqual(before);
    expect(sha256(bad)).toBe(badHash);
    expect(ls(env.dir)).toEqual(filesBefore);
  });

  it('restore --from a missing file exits 1', async () => {
    const r = await cli(['restore', '--db', env.file('keyplan.db'), '--from', env.file('missing.db')]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('[file-not-found]');
  });

  it('restore works when the current database is damaged, keeping it aside', async () => {
    const db = env.file('keyplan.db');
    writeCorruptDb(db);
    const hash = sha256(db);
    const from = env.file('good.db');
    await writeDbWithAccounts(from, ['Rescued']);
    const r = await cli(['restore', '--db', db, '--from', from]);
    expect(r.code).toBe(EXIT_OK);
    expect(accountNames(db)).toEqual(['Rescued']);
    const aside = ls(env.dir).filter((n) => n.startsWith('keyplan.db.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(sha256(env.file(aside[0]!))).toBe(hash);
  });

  it('restore without --from is a usage error', async () => {
    const r = await cli(['restore', '--db', env.file('keyplan.db')]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('restore needs --from FILE');
  });
});

describe('usage', () => {
  it('an unknown verb exits 1 with the help text', async () => {
    const r = await cli(['frobnicate', '--db', env.file('keyplan.db')]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('unknown verb "frobnicate"');
    expect(r.err).toContain('Usage:');
    expect(r.err).toContain('doctor');
    expect(fs.existsSync(env.file('keyplan.db'))).toBe(false);
  });

  it('an unknown option exits 1 with the help text', async () => {
    const r = await cli(['doctor', '--frob']);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('--frob');
    expect(r.err).toContain('Usage:');
  });

  it('help and --help print the help and exit 0; nothing at all exits 1', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(EXIT_OK);
      expect(r.out).toContain('Usage:');
    }
    const none = await cli([]);
    expect(none.code).toBe(EXIT_FAIL);
    expect(none.out).toContain('Usage:');
  });
});

describe('as a real process', () => {
  it('npx tsx electron/backend/cli/main.ts doctor: exit 0 on a good file, 2 on a damaged one', async () => {
    const good = env.file('good.db');
    await writeDbWithAccounts(good, ['Acme']);
    const bad = env.file('bad.db');
    writeCorruptDb(bad);
    const hash = sha256(bad);
    const [ok, broken] = await Promise.all([subprocess(['doctor', '--db', good]), subprocess(['doctor', '--db', bad])]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`schema version: ${LATEST_VERSION}`);
    expect(ok.stdout.trimEnd().split('\n').at(-1)).toBe('ok');
    expect(broken.code, broken.stderr).toBe(2);
    expect(broken.stderr).toContain('the file is damaged');
    expect(broken.stdout).toBe('');
    expect(sha256(bad)).toBe(hash);
  });

  it('a reader that stops early (list accounts | head) ends the command quietly with exit 0', async () => {
    const db = env.file('many.db');
    expect((await cli(['sample', '--db', db, '--accounts', '2000'])).code).toBe(EXIT_OK);
    const r = await new Promise<{ code: number | null; stderr: string; first: string }>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'electron/backend/cli/main.ts', 'list', 'accounts', '--db', db], {
        cwd: ROOT,
        env: { ...process.env, KEYPLAN_DB: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let first = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // Like head: take the first piece, then close the pipe.
      child.stdout.once('data', (c: Buffer) => {
        first = c.toString();
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr, first }));
    });
    expect(r.first.length).toBeGreaterThan(0);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.code).toBe(0);
  });
});
