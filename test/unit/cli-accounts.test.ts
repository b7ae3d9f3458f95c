/**
 * The CLI's accounts verbs in-process with captured output: create and list accounts, import
 * accounts, export accounts with the accounts filter, and the sample workspace.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/types';
import { EXIT_DB, EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { cliRunner } from './cli-helpers';
import { accountNames, dumpFile, ls, sha256, useTestEnv, writeCorruptDb, writeDbWithAccounts, writeRandomBytes } from './helpers';

const env = useTestEnv();

/**
 * What the CLI says is read in English (`--locale en` unless the test chose a locale), except for
 * sample and export, whose --locale also picks the data's language (they read the default,
 * Chinese, messages; test/unit/cli-locale.test.ts has both languages).
 */
const cli = cliRunner(['sample', 'export']);

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

  it('refuses an unknown tier, owner or grade and a long search in the language of --locale, naming what was typed', async () => {
    const db = await seeded();
    const owner = (JSON.parse((await cli(['list', 'accounts', '--json', '--db', db])).out) as Account[]).find((a) => a.ownerName)!.ownerName!;
    const part = [...owner][0]!;
    const zh = (argv: string[]) => cli([...argv, '--locale', 'zh-CN', '--db', db]);
    const en = (argv: string[]) => cli([...argv, '--locale', 'en', '--db', db]);

    const tier = await zh(['list', 'accounts', '--tier', 'nope']);
    expect(tier.code).toBe(EXIT_FAIL);
    expect(tier.err).toBe('keyplan: 没有名为“nope”的客户分级。现有分级：diamond, platinum, gold, silver。\n');
    expect((await en(['export', 'accounts', '--tier', 'nope'])).err).toBe('keyplan: No tier "nope". Tiers: diamond, platinum, gold, silver.\n');

    const near = await zh(['export', 'accounts', '--owner', part]);
    expect(near.code).toBe(EXIT_FAIL);
    expect(near.err).toMatch(new RegExp(`^keyplan: 我方人员中没有“${part}”。是不是：.*${owner}.*？\\n$`));
    expect((await en(['list', 'accounts', '--owner', part])).err).toMatch(new RegExp(`^keyplan: No person "${part}" among our people\\. Did you mean: .*${owner}.*\\?\\n$`));
    expect((await zh(['list', 'accounts', '--owner', 'Nobody'])).err).toBe('keyplan: 我方人员中没有“Nobody”。\n');
    expect((await en(['list', 'accounts', '--owner', 'Nobody'])).err).toBe('keyplan: No person "Nobody" among our people.\n');

    expect((await zh(['list', 'accounts', '--grade', 'A,F'])).err).toBe('keyplan: --grade 只能是 A、B、C、D 或 E，不能是“F”\n');
    expect((await en(['list', 'accounts', '--grade', 'A,F'])).err).toBe('keyplan: --grade takes A, B, C, D or E, not "F"\n');
    const long = 'x'.repeat(201);
    expect((await zh(['export', 'accounts', '--search', long])).err).toBe('keyplan: --search 最多 200 个字符\n');
    expect((await en(['export', 'accounts', '--search', long])).err).toBe('keyplan: --search is at most 200 characters\n');
    // A typed value is one escaped value of the line, never a second line.
    expect((await en(['list', 'accounts', '--tier', 'a\nb'])).err).toBe('keyplan: No tier "a\\nb". Tiers: diamond, platinum, gold, silver.\n');
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
