/**
 * The CLI: runCli in-process with captured output, plus real subprocess runs to prove the exit
 * code reaches the shell.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/types';
import { backupsDir } from '../../electron/backend/db/backup';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { EXIT_DB, EXIT_FAIL, EXIT_OK, runCli } from '../../electron/backend/cli/run';
import {
  accountNames,
  dumpFile,
  integrityCheck,
  ls,
  sha256,
  useTestEnv,
  writeCorruptDb,
  writeDbWithAccounts,
  writeNewerDb,
  writeRandomBytes,
} from './helpers';

const env = useTestEnv();
const ROOT = path.resolve(import.meta.dirname, '../..');

async function cli(argv: string[], envVars: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s), env: envVars });
  return { code, out, err };
}

function subprocess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'electron/backend/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, KEYPLAN_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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

describe('accounts', () => {
  it('create account and list accounts --json', async () => {
    const db = env.file('keyplan.db');
    const c = await cli(['create', 'account', '华为', '技术', '--db', db]);
    expect(c.code).toBe(EXIT_OK);
    expect(c.out).toBe('created account 1: 华为 技术\n');
    await cli(['create', 'account', 'Acme', '--db', db]);
    const l = await cli(['list', 'accounts', '--json', '--db', db]);
    expect(l.code).toBe(EXIT_OK);
    const list = JSON.parse(l.out) as Account[];
    expect(list.map((a) => a.name)).toEqual(['Acme', '华为 技术']);
    expect(list[0]).toEqual({ id: 2, name: 'Acme', createdAt: expect.any(String), updatedAt: expect.any(String) });
    const plain = await cli(['list', 'accounts', '--db', db]);
    expect(plain.out).toBe('2\tAcme\n1\t华为 技术\n');
  });

  it('a duplicate account name exits 1 with the conflict', async () => {
    const db = env.file('keyplan.db');
    await cli(['create', 'account', 'Acme', '--db', db]);
    const r = await cli(['create', 'account', 'Acme', '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('[conflict]');
  });

  it('list without "accounts" and create without a name are usage errors', async () => {
    const db = env.file('keyplan.db');
    expect((await cli(['list', '--db', db])).err).toContain('list what?');
    expect((await cli(['list', 'plans', '--db', db])).code).toBe(EXIT_FAIL);
    const r = await cli(['create', 'account', '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('usage: create account NAME');
  });

  it('list accounts on a damaged file exits 2 and leaves it unchanged', async () => {
    const db = env.file('keyplan.db');
    writeCorruptDb(db);
    const hash = sha256(db);
    const r = await cli(['list', 'accounts', '--db', db]);
    expect(r.code).toBe(EXIT_DB);
    expect(sha256(db)).toBe(hash);
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
});
