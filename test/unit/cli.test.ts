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
  writeForeignDb,
  writeNewerDb,
  writeRandomBytes,
} from './helpers';

const env = useTestEnv();
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * These tests read what the CLI says in English: `--locale en` unless the test chose a locale,
 * except for sample and export, whose --locale also picks the data's language (they read the
 * default, Chinese, messages; test/unit/cli-locale.test.ts has both languages).
 */
async function cli(argv: string[], envVars: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  if (!argv.includes('--locale') && argv[0] !== 'sample' && argv[0] !== 'export') argv = [...argv, '--locale', 'en'];
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s), env: envVars });
  return { code, out, err };
}

function subprocess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'electron/backend/cli/main.ts', ...args, '--locale', 'en'], {
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

describe('accounts', () => {
  it('create account and list accounts --json', async () => {
    const db = env.file('keyplan.db');
    const c = await cli(['create', 'account', '华为', '技术', '--db', db]);
    expect(c.code).toBe(EXIT_OK);
    expect(c.out).toBe('created account: 华为 技术\n');
    await cli(['create', 'account', 'Acme', '--db', db]);
    const l = await cli(['list', 'accounts', '--json', '--db', db]);
    expect(l.code).toBe(EXIT_OK);
    const list = JSON.parse(l.out) as Account[];
    expect(list.map((a) => a.name)).toEqual(['Acme', '华为 技术']);
    expect(list[0]).toMatchObject({ id: 2, name: 'Acme', parentName: null, ownerName: null, churnStatus: 'active', createdAt: expect.any(String) });
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

describe('import accounts', () => {
  const GOOD = '客户名称,行业,员工数,客户经理\n河南教育厅,教育,120,王伟\nAcme,制造,30,王伟\n';
  const BAD = '客户名称,行业,员工数,流失日期\nGood,教育,1,\nBad one,制造,ten,\nBad two,,5,2026-02-30\n';

  function file(name: string, content: string | Buffer): string {
    const f = env.file(name);
    fs.writeFileSync(f, content);
    return f;
  }

  it('imports a file: exit 0 and a summary', async () => {
    const db = env.file('keyplan.db');
    const r = await cli(['import', 'accounts', file('a.csv', GOOD), '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toBe('imported 2 of 2 rows: 2 new, 0 updated\nadded people: 王伟\n');
    expect(r.err).toBe('');
    expect(accountNames(db)).toEqual(['Acme', '河南教育厅'].sort());
    // again: the same rows update
    const again = await cli(['import', 'accounts', env.file('a.csv'), '--db', db]);
    expect(again.out).toBe('imported 2 of 2 rows: 0 new, 2 updated\n');
  });

  it('invalid rows: exit 1, every bad row listed with its line and reason, nothing imported', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Existing']);
    const before = dumpFile(db);
    const r = await cli(['import', 'accounts', file('bad.csv', BAD), '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      '  line 3, column "员工数" ("ten"): Not a number',
      '  line 4, column "流失日期" ("2026-02-30"): Not a date (write it like 2026-01-31)',
      'keyplan: 2 problem(s) in 2 row(s); nothing was imported. Fix them, or use --skip-invalid to import the valid rows.',
      '',
    ]);
    expect(dumpFile(db)).toEqual(before);
  });

  it('--skip-invalid imports the good rows and still lists the bad ones', async () => {
    const db = env.file('keyplan.db');
    const r = await cli(['import', 'accounts', file('bad.csv', BAD), '--skip-invalid', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toBe('imported 1 of 3 rows: 1 new, 0 updated, 2 skipped\n');
    expect(r.err).toContain('line 3, column "员工数"');
    expect(r.err).toContain('line 4, column "流失日期"');
    expect(accountNames(db)).toEqual(['Good']);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme']);
    const before = dumpFile(db);
    const r = await cli(['import', 'accounts', file('a.csv', GOOD), '--dry-run', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toBe('would import 2 of 2 rows: 1 new, 1 updated\nwould add people: 王伟\n');
    expect(dumpFile(db)).toEqual(before);
  });

  it('--json prints the report', async () => {
    const db = env.file('keyplan.db');
    const r = await cli(['import', 'accounts', file('bad.csv', BAD), '--json', '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(JSON.parse(r.out)).toMatchObject({ rejected: true, rows: 3, errors: [{ line: 3, code: 'not-a-number' }, { line: 4, code: 'not-a-date' }] });
  });

  it('--map names the columns; a bad map is refused before anything is written', async () => {
    const db = env.file('keyplan.db');
    const f = file('de.csv', 'Kunde,Umsatz 2025,Notiz\nAcme,1200,x\n');
    const r = await cli(['import', 'accounts', f, '--map', 'Kunde=name, Umsatz 2025=revenue:2025，Notiz=notes', '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    const list = JSON.parse((await cli(['list', 'accounts', '--json', '--db', db])).out) as Account[];
    expect(list).toEqual([expect.objectContaining({ name: 'Acme', notes: 'x' })]);
    const before = dumpFile(db);
    const unknownColumn = await cli(['import', 'accounts', f, '--map', 'Customer=name', '--db', db]);
    expect(unknownColumn.code).toBe(EXIT_FAIL);
    expect(unknownColumn.err).toContain('The file has no column "Customer"');
    expect(unknownColumn.err).toContain('[import-bad-map]');
    const unknownField = await cli(['import', 'accounts', f, '--map', 'Kunde=colour', '--db', db]);
    expect(unknownField.err).toContain('"colour" is not a field an account has');
    // a target is read as forgivingly as a header: customer_name is the name
    expect((await cli(['import', 'accounts', f, '--map', 'Kunde=customer_name', '--dry-run', '--db', db])).out).toMatch(/^would import 1 of 1 rows: 0 new, 1 updated/);
    const twice = await cli(['import', 'accounts', f, '--map', 'Kunde=name,Notiz=name', '--db', db]);
    expect(twice.err).toContain('Two columns are mapped to "name"');
    const malformed = await cli(['import', 'accounts', f, '--map', 'Kunde', '--db', db]);
    expect(malformed.code).toBe(EXIT_FAIL);
    expect(malformed.err).toContain('--map entries look like "Source column=field"');
    const noName = await cli(['import', 'accounts', f, '--map', 'Kunde=ignore', '--db', db]);
    expect(noName.err).toContain('[import-no-name]');
    expect(dumpFile(db)).toEqual(before);
  });

  it('a file that is not a table: a clear error, exit 1, the database unchanged', async () => {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Existing']);
    const before = dumpFile(db);
    const garbage = env.file('garbage.csv');
    writeRandomBytes(garbage, 8192, 3);
    const r = await cli(['import', 'accounts', garbage, '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toBe('keyplan: garbage.csv is neither a CSV text file nor an XLSX workbook. [import-not-table]\n');
    const empty = await cli(['import', 'accounts', file('empty.csv', ''), '--db', db]);
    expect(empty.code).toBe(EXIT_FAIL);
    expect(empty.err).toContain('[import-empty]');
    const headerOnly = await cli(['import', 'accounts', file('header.csv', '客户名称\n'), '--db', db]);
    expect(headerOnly.err).toContain('has a header but no data rows');
    expect(dumpFile(db)).toEqual(before);
  });

  it('a missing file or a missing argument exits 1', async () => {
    const db = env.file('keyplan.db');
    const missing = await cli(['import', 'accounts', env.file('nope.csv'), '--db', db]);
    expect(missing.code).toBe(EXIT_FAIL);
    expect(missing.err).toContain(`cannot read ${env.file('nope.csv')}`);
    expect(missing.err).toContain('[file-not-found]');
    const noFile = await cli(['import', 'accounts', '--db', db]);
    expect(noFile.code).toBe(EXIT_FAIL);
    expect(noFile.err).toContain('usage: import accounts FILE');
    expect((await cli(['import', 'people', 'x.csv', '--db', db])).code).toBe(EXIT_FAIL);
  });
});

describe('export accounts', () => {
  async function seeded(): Promise<string> {
    const db = env.file('keyplan.db');
    expect((await cli(['sample', '--accounts', '12', '--db', db])).code).toBe(EXIT_OK);
    return db;
  }

  it('--format csv prints the CSV; the same file imports into a new database', async () => {
    const db = await seeded();
    const r = await cli(['export', 'accounts', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out.startsWith('\ufeff客户名称,')).toBe(true);
    expect(r.out.trimEnd().split('\r\n')).toHaveLength(13);
    const copy = env.file('copy.db');
    const f = env.file('out.csv');
    fs.writeFileSync(f, r.out);
    expect((await cli(['import', 'accounts', f, '--db', copy])).out).toMatch(/^imported 12 of 12 rows: 12 new, 0 updated\n/);
    expect(accountNames(copy)).toEqual(accountNames(db));
  });

  it('--out writes the file (the format from its extension when not given), --locale en uses English headers', async () => {
    const db = await seeded();
    const xlsx = env.file('accounts.xlsx');
    const r = await cli(['export', 'accounts', '--out', xlsx, '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toBe(`已导出全部 12 个客户到 ${xlsx}（${fs.statSync(xlsx).size} 字节）\n`);
    expect([...fs.readFileSync(xlsx).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const json = env.file('accounts.json');
    expect((await cli(['export', 'accounts', '--format', 'json', '--out', json, '--db', db])).code).toBe(EXIT_OK);
    const parsed = JSON.parse(fs.readFileSync(json, 'utf8')) as Account[];
    expect(parsed).toHaveLength(12);
    const en = await cli(['export', 'accounts', '--format', 'csv', '--locale', 'en', '--db', db]);
    expect(en.out.startsWith('\ufeffAccount,')).toBe(true);
    expect(ls(env.dir).filter((n) => n.includes('.partial-'))).toEqual([]);
  });

  it('takes the accounts list\'s filter flags, and says what it exported (all, or n of the total)', async () => {
    const db = await seeded();
    const all = await cli(['export', 'accounts', '--format', 'csv', '--db', db]);
    expect(all.err).toBe('已导出全部 12 个客户\n');
    expect((await cli(['export', 'accounts', '--format', 'csv', '--locale', 'en', '--db', db])).err).toBe('exported all 12 accounts\n');
    const listed = await cli(['list', 'accounts', '--grade', 'a,B', '--json', '--db', db]);
    expect(listed.code).toBe(EXIT_OK);
    const ab = (JSON.parse(listed.out) as Account[]).map((a) => a.name);
    expect(ab.length).toBeGreaterThan(0);
    expect(ab.length).toBeLessThan(12);
    const json = env.file('ab.json');
    const r = await cli(['export', 'accounts', '--grade', 'A,B', '--out', json, '--db', db]);
    expect(r.out).toBe(`已导出筛选后的 ${ab.length} 个客户（共 12 个）到 ${json}（${fs.statSync(json).size} 字节）\n`);
    expect((JSON.parse(fs.readFileSync(json, 'utf8')) as Account[]).map((a) => a.name)).toEqual(ab);
    // the same filter as the list: a tier by key or name, an owner by name; unknown ones are refused
    const tier = await cli(['export', 'accounts', '--tier', 'diamond', '--format', 'csv', '--db', db]);
    expect(tier.code).toBe(EXIT_OK);
    expect(tier.err).toMatch(/^已导出筛选后的 \d+ 个客户（共 12 个）\n$/);
    const bad = await cli(['export', 'accounts', '--tier', 'nope', '--locale', 'en', '--db', db]);
    expect(bad.code).toBe(EXIT_FAIL);
    expect(bad.err).toContain('No tier "nope"');
    const grade = await cli(['list', 'accounts', '--grade', 'F', '--db', db]);
    expect(grade.code).toBe(EXIT_FAIL);
    expect(grade.err).toContain('--grade takes A, B, C, D or E, not "F"');
  });

  it('refuses an unknown format or locale, and XLSX without --out', async () => {
    const db = await seeded();
    const pdf = await cli(['export', 'accounts', '--format', 'pdf', '--db', db, '--locale', 'en']);
    expect(pdf.code).toBe(EXIT_FAIL);
    expect(pdf.err).toContain('--format is csv, xlsx or json, not "pdf"');
    const toStdout = await cli(['export', 'accounts', '--format', 'xlsx', '--db', db, '--locale', 'en']);
    expect(toStdout.code).toBe(EXIT_FAIL);
    expect(toStdout.err).toContain('an XLSX export needs --out FILE');
    const fr = await cli(['export', 'accounts', '--locale', 'fr', '--db', db]);
    expect(fr.err).toContain('--locale 只能是 zh-CN 或 en，不能是“fr”');
    expect((await cli(['export', 'plans', '--db', db])).code).toBe(EXIT_FAIL);
  });
});

describe('list accounts and sample', () => {
  it('list accounts --json: every field of every account, parents by name', async () => {
    const db = env.file('keyplan.db');
    await cli(['sample', '--accounts', '20', '--db', db]);
    const r = await cli(['list', 'accounts', '--json', '--db', db]);
    const list = JSON.parse(r.out) as Account[];
    expect(list).toHaveLength(20);
    const keys = Object.keys(list[0]!).sort();
    expect(keys).toEqual(
      [
        'id', 'name', 'nameEn', 'shortName', 'parentId', 'parentName', 'industry', 'region', 'ownerId', 'ownerName', 'classification', 'strategic',
        'brandInfluence', 'tierId', 'tierKey', 'lifecycle', 'dealStatus', 'grade', 'urgency', 'importance', 'currency', 'companyRevenue', 'employees',
        'profitContribution', 'shareOfWalletBp', 'growthPotential', 'lifetimeValue', 'costToServe', 'churnStatus', 'churnReason', 'churnNote',
        'churnedOn', 'receivableOutstanding', 'receivableDaysOverdue', 'paymentTerms', 'notes', 'createdAt', 'updatedAt', 'placements',
      ].sort(),
    );
    const child = list.find((a) => a.parentId !== null)!;
    expect(child.parentName).toBe(list.find((a) => a.id === child.parentId)!.name);
    // the plain list shows the parent in brackets
    const plain = await cli(['list', 'accounts', '--db', db]);
    expect(plain.out).toContain(`${child.id}\t${child.name}\t(${child.parentName})\n`);
  });

  it('sample --locale en --accounts N fills an empty database; a second time is refused', async () => {
    const db = env.file('keyplan.db');
    const r = await cli(['sample', '--locale', 'en', '--accounts', '7', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toBe('sample workspace loaded: 7 accounts\n');
    const names = accountNames(db);
    expect(names).toHaveLength(7);
    expect(names.every((n) => /^[\x20-\x7e]+$/.test(n))).toBe(true);
    const before = dumpFile(db);
    const again = await cli(['sample', '--db', db]);
    expect(again.code).toBe(EXIT_FAIL);
    expect(again.err).toContain('[sample-not-empty]');
    expect(dumpFile(db)).toEqual(before);
  });

  it('sample defaults to 40 Chinese accounts, and refuses bad sizes and locales', async () => {
    const db = env.file('keyplan.db');
    expect((await cli(['sample', '--db', db])).out).toBe('示例工作区已载入：40 个客户\n');
    expect(accountNames(db).every((n) => /[\u3400-\u9fff]/.test(n))).toBe(true);
    const other = env.file('other.db');
    for (const n of ['0', '20001', 'ten', '2.5']) {
      const r = await cli(['sample', '--accounts', n, '--db', other]);
      expect(r.code).toBe(EXIT_FAIL);
      expect(r.err).toContain('--accounts 是 1 到 20000 之间的整数');
    }
    expect((await cli(['sample', '--locale', 'fr', '--db', other])).err).toContain('--locale 只能是 zh-CN 或 en');
    // Refused before the database is opened: no file was created.
    expect(fs.existsSync(other)).toBe(false);
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
