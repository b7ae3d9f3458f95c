/**
 * The importer never drops or misreads a column silently: every report (preview, dry run, run,
 * CLI) names the columns left out with how to map them; a money column without a year is
 * suggested, never imported until mapped; a currency written with an amount or in a header sets
 * the account's currency, and one row or column in two currencies, or in another currency than
 * the account's, is a row error; location headers fill the region.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK, runCli } from '../../electron/backend/cli/run';
import { guessColumn, suggestColumn } from '../../electron/backend/import/account-columns';
import type { ImportReport } from '../../shared/api/accounts-views';
import { messages } from '../../shared/i18n';
import { formatMoney } from '../../shared/domain/money';
import { headerCurrency, moneyCurrency } from '../../shared/domain/values';
import { readsAs, rowCurrency } from '../../shared/domain/reads-as';
import { NOW, b64 } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const YEAR = NOW.getFullYear();

function run(b: Backend, csv: string, opts: { skipInvalid?: boolean; dryRun?: boolean; map?: Record<string, string> } = {}): Promise<ImportReport> {
  return b.call('import-run', { fileName: 'accounts.csv', contentBase64: b64(csv), ...opts });
}

function account(b: Backend, name: string): { currency: string; companyRevenue: number | null } | undefined {
  return b.connection().prepare('SELECT currency, company_revenue AS companyRevenue FROM accounts WHERE name = ?').get(name) as never;
}

function revenue(b: Backend, name: string): { year: number; revenue: number | null }[] {
  return b
    .connection()
    .prepare('SELECT r.year, r.revenue FROM account_revenue r JOIN accounts a ON a.id = r.account_id WHERE a.name = ? ORDER BY r.year')
    .all(name) as never;
}

const CRM = 'Account Name,Revenue,Office_Location,Fax\nAcme,"$1,100.04",Shanghai,021-1\nBeta,"$2,000",Beijing,\n';

describe('columns not imported', () => {
  it('the preview, the dry run and the run name every column left out, with a suggestion for a money column without a year', async () => {
    const b = env.backend({ now: () => NOW });
    const preview = await b.call('import-preview', { fileName: 'crm.csv', contentBase64: b64(CRM) });
    expect(preview.mapping).toEqual(['name', null, 'region', null]);
    expect(preview.notImported).toEqual([
      { index: 1, column: 'Revenue', reason: 'unknown', suggestion: `revenue:${YEAR}` },
      { index: 3, column: 'Fax', reason: 'unknown', suggestion: null },
    ]);
    const dry = await run(b, CRM, { dryRun: true });
    expect(dry.notImported.map((c) => [c.column, c.suggestion])).toEqual([
      ['Revenue', `revenue:${YEAR}`],
      ['Fax', null],
    ]);
    const done = await run(b, CRM);
    expect(done.created).toBe(2);
    expect(done.notImported.map((c) => c.column)).toEqual(['Revenue', 'Fax']);
    // Suggested is not imported: no revenue was written until the column is mapped.
    expect(revenue(b, 'Acme')).toEqual([]);
  });

  it('a column the map ignores and a second column for a field already filled are named with their reason', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await run(b, '客户名称,客户,行业,收入\nA,B,金融,100\n', { map: { 行业: 'ignore' }, dryRun: true });
    expect(r.notImported).toEqual([
      { index: 1, column: '客户', reason: 'taken', suggestion: null },
      { index: 2, column: '行业', reason: 'ignored', suggestion: null },
      { index: 3, column: '收入', reason: 'unknown', suggestion: `revenue:${YEAR}` },
    ]);
    // A rejected run names them too.
    const bad = await run(b, '客户名称,员工数,传真\nA,ten,1\n');
    expect(bad.rejected).toBe(true);
    expect(bad.notImported.map((c) => c.column)).toEqual(['传真']);
  });

  it('once mapped, the suggested column is imported', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await run(b, CRM, { map: { Revenue: `revenue:${YEAR}` } });
    expect(r.notImported.map((c) => c.column)).toEqual(['Fax']);
    expect(revenue(b, 'Acme')).toEqual([{ year: YEAR, revenue: 110_004 }]);
  });

  it('suggests this year for Revenue / 收入 / 营业额 / 金额 (with a currency beside them), not for scaled or other headers', () => {
    for (const h of ['Revenue', '收入', '营业额', '金额', 'Sales', 'Amount', 'Revenue (USD)', '收入（元）', 'Revenue US$', '金额 ¥']) {
      expect(guessColumn(h), h).toBeNull();
      expect(suggestColumn(h, 2026), h).toBe('revenue:2026');
    }
    for (const h of ['收入（万元）', 'Revenue (k)', 'Fax', '客户名称', '']) expect(suggestColumn(h, 2026), h).toBeNull();
  });

  it('a suggestion is not offered for a target another column fills', async () => {
    const b = env.backend({ now: () => NOW });
    const preview = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64(`客户名称,${YEAR}收入,金额\nA,1,2\n`) });
    expect(preview.notImported).toEqual([{ index: 2, column: '金额', reason: 'unknown', suggestion: null }]);
  });

  it('the stakeholder import names the columns it leaves out as well', async () => {
    const b = env.backend({ now: () => NOW });
    const { id } = await b.call('accounts-create', { name: '甲' });
    const csv = '姓名,职务,微信\n张三,处长,zs\n';
    const preview = await b.call('stakeholders-import-preview', { accountId: id, fileName: 'p.csv', contentBase64: b64(csv) });
    expect(preview.notImported).toEqual([{ index: 2, column: '微信', reason: 'unknown', suggestion: null }]);
    const r = await b.call('stakeholders-import', { accountId: id, fileName: 'p.csv', contentBase64: b64(csv), dryRun: true });
    expect(r.notImported.map((c) => c.column)).toEqual(['微信']);
  });
});

describe('the CLI names the columns it leaves out', () => {
  // In English (--locale en); the Chinese lines are checked at the end.
  async function cli(argv: string[], locale = 'en') {
    let out = '';
    let err = '';
    const code = await runCli([...argv, '--locale', locale], { out: (s) => (out += s), err: (s) => (err += s), env: {} });
    return { code, out, err };
  }

  it('run and dry run: "not imported: Revenue (suggest --map ...)" and the fields a map can name', async () => {
    const db = env.file('keyplan.db');
    const f = env.file('crm.csv');
    fs.writeFileSync(f, CRM);
    const year = new Date().getFullYear();
    const dry = await cli(['import', 'accounts', f, '--dry-run', '--db', db]);
    expect(dry.code, dry.err).toBe(EXIT_OK);
    const lines = dry.out.split('\n');
    expect(lines[0]).toBe('would import 2 of 2 rows: 2 new, 0 updated');
    expect(lines[1]).toBe(`not imported: Revenue (suggest --map "Revenue=revenue:${year}")`);
    expect(lines[2]).toBe('not imported: Fax (no field recognised; map it with --map "Fax=FIELD")');
    expect(lines[3]).toMatch(/^ {2}fields: name, nameEn, .*revenue:YYYY, target:YYYY, ignore$/);
    const r = await cli(['import', 'accounts', f, '--map', `Revenue=revenue:${year},Fax=ignore`, '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toBe('imported 2 of 2 rows: 2 new, 0 updated\nnot imported: Fax (--map says ignore)\n');
  });

  it('a rejected import names them on stderr', async () => {
    const db = env.file('keyplan.db');
    const f = env.file('bad.csv');
    fs.writeFileSync(f, '客户名称,员工数,传真\nA,ten,1\n');
    const r = await cli(['import', 'accounts', f, '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('not imported: 传真 (no field recognised; map it with --map "传真=FIELD")');
  });

  it('import stakeholders too', async () => {
    const db = env.file('keyplan.db');
    expect((await cli(['create', 'account', '甲', '--db', db])).code).toBe(EXIT_OK);
    const f = env.file('p.csv');
    fs.writeFileSync(f, '姓名,职务,微信\n张三,处长,zs\n');
    const r = await cli(['import', 'stakeholders', f, '--account', '甲', '--dry-run', '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toContain('not imported: 微信 (no field recognised; map it with --map "微信=FIELD")\n  fields: name, title,');
  });

  it('in Chinese by default (--locale zh-CN)', async () => {
    const db = env.file('keyplan.db');
    const f = env.file('crm.csv');
    fs.writeFileSync(f, CRM);
    const r = await cli(['import', 'accounts', f, '--map', 'Fax=ignore', '--dry-run', '--db', db], 'zh-CN');
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toContain('未导入：Fax（--map 指定忽略）\n');
    expect(r.out).toContain(`未导入：Revenue（建议 --map "Revenue=revenue:${new Date().getFullYear()}"）\n`);
    expect(r.out).toContain('\n  可用字段：name, nameEn,');
  });
});

describe('currency', () => {
  it('reads the currency a sign, a code or a word names', () => {
    const cases: [string, ReturnType<typeof moneyCurrency>][] = [
      ['$1,100.04', 'USD'], ['US$5', 'USD'], ['USD 5', 'USD'], ['5 USD', 'USD'], ['100美元', 'USD'], ['-$3', 'USD'], ['($3)', 'USD'],
      ['€5', 'EUR'], ['EUR 5', 'EUR'], ['HK$5', 'HKD'], ['5 HKD', 'HKD'], ['5港币', 'HKD'],
      ['¥5', 'CNY'], ['￥5', 'CNY'], ['RMB 5', 'CNY'], ['CNY5', 'CNY'], ['1.2万元', 'CNY'], ['5元', 'CNY'],
      ['1.2万', null], ['1,000', null], ['£5', false], ['GBP 5', false],
    ];
    for (const [raw, c] of cases) expect(moneyCurrency(raw), raw).toBe(c);
    expect(headerCurrency('Revenue 2025 (USD)')).toBe('USD');
    expect(headerCurrency('2025收入（美元）')).toBe('USD');
    expect(headerCurrency('应收账款（元）')).toBe('CNY');
    expect(headerCurrency('Receivables HK$')).toBe('HKD');
    expect(headerCurrency('Revenue 2025')).toBeNull();
    expect(headerCurrency('Status')).toBeNull();
  });

  it('$ values are stored as USD in cents and shown as US$, not ¥', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await run(b, 'Account Name,Revenue 2025,Company Revenue\nAcme,"$1,100.04","US$2,000,000"\nPlain,"1.2万",\n');
    expect(r.errors).toEqual([]);
    expect(account(b, 'Acme')).toEqual({ currency: 'USD', companyRevenue: 200_000_000 });
    expect(revenue(b, 'Acme')).toEqual([{ year: 2025, revenue: 110_004 }]);
    expect(formatMoney(110_004, 'USD', 'en')).toBe('US$1,100.04');
    expect(formatMoney(110_004, 'USD', 'zh-CN', { compact: true })).toBe('US$1,100');
    // A plain number names no currency: the account keeps the default.
    expect(account(b, 'Plain')?.currency).toBe('CNY');
    expect(revenue(b, 'Plain')).toEqual([{ year: 2025, revenue: 1_200_000 }]);
  });

  it('a header naming the currency sets it for the whole column', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await run(b, '客户名称,2025收入（美元）,应收账款（美元）\n甲,"1,000",500\n');
    expect(r.errors).toEqual([]);
    expect(account(b, '甲')?.currency).toBe('USD');
  });

  it('two currencies in one row or a cell against its header are row errors, translated; nothing is read as yuan', async () => {
    const b = env.backend({ now: () => NOW });
    const csv = ['客户名称,2025收入,应收账款,Revenue 2024 (USD)', 'Mixed,$100,¥50,', 'Against header,,,¥10', 'Pound,£5,,', 'Fine,$1,$2,3'].join('\n');
    const r = await run(b, csv, { skipInvalid: true });
    expect(r.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [2, '应收账款', '¥50', 'mixed-currency'],
      [3, 'Revenue 2024 (USD)', '¥10', 'mixed-currency'],
      [4, '2025收入', '£5', 'unknown-currency'],
    ]);
    expect(r.created).toBe(1);
    expect(account(b, 'Fine')?.currency).toBe('USD');
    for (const code of ['mixed-currency', 'currency-conflict', 'unknown-currency'] as const) {
      expect(messages.en.domain.importError[code]).toBeTruthy();
      expect(messages['zh-CN'].domain.importError[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('the currency column decides; an amount in another currency than it is an error', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await run(b, '客户名称,币种,2025收入\n甲,美元,$5\n乙,EUR,$5\n丙,US$,7\n', { skipInvalid: true });
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[3, 'mixed-currency']]);
    expect(account(b, '甲')?.currency).toBe('USD');
    expect(account(b, '丙')?.currency).toBe('USD');
  });

  it('an amount in another currency than the existing account is refused, in the preview and the run; the same currency is fine', async () => {
    const b = env.backend({ now: () => NOW });
    await run(b, '客户名称,2025收入\n甲,¥100\n乙,$100\n');
    expect(account(b, '甲')?.currency).toBe('CNY');
    const csv = '客户名称,2026收入\n甲,$200\n乙,$300\n';
    const preview = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64(csv) });
    expect(preview.errors).toEqual([{ line: 2, column: '2026收入', value: '$200', code: 'currency-conflict' }]);
    const refused = await run(b, csv);
    expect(refused.rejected).toBe(true);
    expect(refused.errors.map((e) => e.code)).toEqual(['currency-conflict']);
    expect(revenue(b, '甲')).toEqual([{ year: 2025, revenue: 10_000 }]);
    const skipped = await run(b, csv, { skipInvalid: true });
    expect(skipped.updated).toBe(1);
    expect(revenue(b, '乙')).toEqual([
      { year: 2025, revenue: 10_000 },
      { year: 2026, revenue: 30_000 },
    ]);
    expect(account(b, '甲')?.currency).toBe('CNY');
    // A currency column changes it on purpose.
    const changed = await run(b, '客户名称,币种,2026收入\n甲,USD,$200\n');
    expect(changed.errors).toEqual([]);
    expect(account(b, '甲')?.currency).toBe('USD');
  });
});

describe('the preview reads the cells as the importer will', () => {
  it('1.2万 -> ¥12,000, $1,100.04 -> US$1,100.04; a plain amount in a dollar row is dollars; bad cells say why', () => {
    expect(readsAs('revenue:2026', '1.2万', 'Revenue', 'zh-CN')).toEqual({ kind: 'value', text: '¥12,000' });
    expect(readsAs('revenue:2026', '$1,100.04', 'Revenue', 'en')).toEqual({ kind: 'value', text: 'US$1,100.04' });
    expect(readsAs('companyRevenue', '500', 'Company revenue (EUR)', 'en')).toEqual({ kind: 'value', text: '€500' });
    expect(readsAs('companyRevenue', '1.2万', 'Company revenue', 'en', 'USD')).toEqual({ kind: 'value', text: 'US$12,000' });
    expect(readsAs('companyRevenue', '¥3', 'Company revenue (USD)', 'en')).toEqual({ kind: 'error', code: 'mixed-currency' });
    expect(readsAs('companyRevenue', '£3', 'Company revenue', 'en')).toEqual({ kind: 'error', code: 'unknown-currency' });
    expect(readsAs('employees', 'ten', 'Staff', 'en')).toEqual({ kind: 'error', code: 'not-a-number' });
    expect(readsAs('shareOfWallet', '0.35', 'SoW', 'en')).toEqual({ kind: 'value', text: '35%' });
    expect(readsAs('churnedOn', '2026年3月1日', '流失日期', 'zh-CN')).toEqual({ kind: 'value', text: '2026-03-01' });
    expect(readsAs('ignore', '$5', 'Fax', 'en')).toEqual({ kind: 'none' });
    const headers = ['Name', 'Revenue 2025', 'Company revenue', 'Currency'];
    expect(rowCurrency(['A', '$5', '1.2万', ''], headers, ['name', 'revenue:2025', 'companyRevenue', 'ignore'])).toBe('USD');
    expect(rowCurrency(['A', '5', '1.2万', 'EUR'], headers, ['name', 'revenue:2025', 'companyRevenue', 'currency'])).toBe('EUR');
    expect(rowCurrency(['A', '$5', '1', ''], headers, ['name', 'ignore', 'companyRevenue', 'ignore'])).toBeNull();
  });
});

describe('region', () => {
  it('Office_Location, Location, 所在地, 城市, 地区 and 省份 fill the region', () => {
    for (const h of ['Office_Location', 'Location', '所在地', '城市', '地区', '省份', 'City']) expect(guessColumn(h), h).toBe('region');
  });
});
