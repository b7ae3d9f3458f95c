/**
 * Export and import together: an export imports back to the same data (CSV and XLSX, both
 * languages), JSON carries every account, and text that a spreadsheet would run as a formula is
 * guarded on the way out and restored on the way in.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { AccountRecord } from '../../shared/api/accounts';
import { NOW, TODAY, b64, tierId } from './accounts-helpers';
import {
  CHURN_REASONS,
  CHURN_STATUSES,
  CLASSIFICATIONS,
  DEAL_STATUSES,
  IMPORTANCES,
  LIFECYCLE_STAGES,
  POTENTIALS,
  URGENCIES,
} from '../../shared/domain/enums';
import { messages, type Locale, LOCALES } from '../../shared/i18n';
import { useTestEnv } from './helpers';

const env = useTestEnv();

const bytesOf = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64');

async function sampleDb(locale: Locale, accounts = 40): Promise<Backend> {
  const b = env.backend({ dbPath: env.file(`sample-${locale}.db`), now: () => NOW });
  await b.call('sample-load', { locale, accounts, today: TODAY });
  return b;
}

function freshDb(name: string): Backend {
  return env.backend({ dbPath: env.file(`${name}.db`), now: () => NOW });
}

/** Six accounts that between them hold every value of every category, a tier, and both yes and no. */
async function everyWord(b: Backend): Promise<void> {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  for (let i = 0; i < 6; i++) {
    await b.call('accounts-create', {
      name: `Acct ${i}`,
      classification: pick(CLASSIFICATIONS, i),
      lifecycle: pick(LIFECYCLE_STAGES, i),
      dealStatus: pick(DEAL_STATUSES, i),
      urgency: pick(URGENCIES, i),
      importance: pick(IMPORTANCES, i),
      growthPotential: pick(POTENTIALS, i),
      churnStatus: pick(CHURN_STATUSES, i),
      churnReason: pick(CHURN_REASONS, i),
      strategic: i % 2 === 0,
      tierId: tierId(b, pick(['diamond', 'platinum', 'gold', 'silver'], i)),
      grade: pick(['A', 'B', 'C', 'D', 'E'] as const, i),
    });
  }
}

describe('words in the chosen language', () => {
  it.each(LOCALES)('a %s export writes the words the app shows (no codes), and imports back to the same values', async (locale) => {
    const a = freshDb(`words-${locale}`);
    await everyWord(a);
    const csv = bytesOf(await a.call('export-accounts', { format: 'csv', locale })).toString('utf8');
    const rows = csv.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    const header = rows[0]!;
    const d = messages[locale].domain;
    const cellOf = (row: number, h: string) => rows[row + 1]![header.indexOf(h)];
    const f = d.field;
    expect(cellOf(1, f.classification)).toBe(d.classification.regional);
    expect(cellOf(4, f.lifecycle)).toBe(d.lifecycle.exit);
    expect(cellOf(0, f.dealStatus)).toBe(d.dealStatus.won);
    expect(cellOf(0, f.churnStatus)).toBe(d.churnStatus.active);
    expect(cellOf(3, f.tier)).toBe(locale === 'zh-CN' ? '银牌客户' : 'Silver');
    expect(cellOf(0, f.strategic)).toBe(locale === 'zh-CN' ? '是' : 'yes');
    if (locale === 'zh-CN') {
      // the codes appear nowhere in a Chinese file
      for (const code of ['regional', 'silver', 'exit', 'won', 'maturity', 'at-risk', 'competitor-price', 'yes', 'no']) {
        expect(rows.slice(1).flat()).not.toContain(code);
      }
    }
    const b = freshDb(`words-${locale}-back`);
    expect(await b.call('import-run', { fileName: 'accounts.csv', contentBase64: Buffer.from(csv).toString('base64') })).toMatchObject({ created: 6, errors: [] });
    const strip = (list: AccountRecord[]) => list.map(({ id: _i, parentId: _p, ownerId: _o, tierId: _t, createdAt: _c, updatedAt: _u, ...rest }) => rest);
    expect(strip(await b.call('accounts-list', {}))).toEqual(strip(await a.call('accounts-list', {})));
    // and the other language's export of the copy reads back the same too (XLSX this time)
    const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
    const c = freshDb(`words-${locale}-other`);
    const xlsx = await b.call('export-accounts', { format: 'xlsx', locale: other });
    expect(await c.call('import-run', { fileName: 'accounts.xlsx', contentBase64: xlsx.contentBase64 })).toMatchObject({ created: 6, errors: [] });
    expect(strip(await c.call('accounts-list', {}))).toEqual(strip(await a.call('accounts-list', {})));
  });
});

describe('export takes the filter', () => {
  it('without a query every account, with one the accounts the list shows for it, in its order, and says which', async () => {
    const a = await sampleDb('zh-CN');
    const all = await a.call('export-accounts', { format: 'json' });
    expect(all).toMatchObject({ accounts: 40, total: 40, filtered: false });
    const query = { grades: ['A' as const, 'B' as const], sort: 'name' as const };
    const shown = (await a.call('accounts-query', { ...query, today: TODAY })).rows;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(40);
    const some = await a.call('export-accounts', { format: 'json', query, today: TODAY });
    expect(some).toMatchObject({ accounts: shown.length, total: 40, filtered: true, fileName: `keyplan-客户-${TODAY}-筛选.json` });
    const json = JSON.parse(bytesOf(some).toString('utf8')) as AccountRecord[];
    expect(json.map((r) => r.name)).toEqual(shown.map((r) => r.name));
    expect(json.every((r) => r.grade === 'A' || r.grade === 'B')).toBe(true);
    // the filtered CSV imports into a fresh database (parents outside the filter become plain names there or are dropped cleanly)
    const csv = await a.call('export-accounts', { format: 'csv', locale: 'en', query, today: TODAY });
    expect(csv.fileName).toBe(`keyplan-accounts-${TODAY}-filtered.csv`);
    const lines = bytesOf(csv).toString('utf8').trim().split('\r\n');
    expect(lines.length).toBe(shown.length + 1);
  });
});

describe('round trip', () => {
  it.each(LOCALES)('sample workspace (%s) -> CSV -> new database -> CSV: the same bytes', async (locale) => {
    const a = await sampleDb(locale);
    const first = await a.call('export-accounts', { format: 'csv', locale });
    expect(first.fileName).toBe(locale === 'en' ? `keyplan-accounts-${TODAY}.csv` : `keyplan-客户-${TODAY}.csv`);
    expect(first.mime).toBe('text/csv');
    const csv = bytesOf(first);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so Excel reads UTF-8
    const b = freshDb('copy');
    const report = await b.call('import-run', { fileName: first.fileName, contentBase64: first.contentBase64 });
    expect(report).toMatchObject({ rows: 40, created: 40, updated: 0, errors: [], rejected: false });
    const second = await b.call('export-accounts', { format: 'csv', locale });
    expect(bytesOf(second).toString('utf8')).toBe(csv.toString('utf8'));
    // and the data behind the bytes: the same records, field by field
    const strip = (list: AccountRecord[]) =>
      list.map(({ id: _i, parentId: _p, ownerId: _o, createdAt: _c, updatedAt: _u, ...rest }) => rest);
    expect(strip(await b.call('accounts-list', {}))).toEqual(strip(await a.call('accounts-list', {})));
  });

  it('sample workspace -> XLSX -> new database: the same data as the CSV way', async () => {
    const a = await sampleDb('zh-CN');
    const xlsx = await a.call('export-accounts', { format: 'xlsx' });
    expect(xlsx.fileName).toBe(`keyplan-客户-${TODAY}.xlsx`);
    expect(xlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const b = freshDb('from-xlsx');
    expect(await b.call('import-run', { fileName: xlsx.fileName, contentBase64: xlsx.contentBase64 })).toMatchObject({ created: 40, errors: [] });
    const csvA = bytesOf(await a.call('export-accounts', { format: 'csv' })).toString('utf8');
    const csvB = bytesOf(await b.call('export-accounts', { format: 'csv' })).toString('utf8');
    expect(csvB).toBe(csvA);
    // XLSX -> XLSX -> import again: still the same
    const again = freshDb('xlsx-twice');
    const xlsx2 = await b.call('export-accounts', { format: 'xlsx', locale: 'en' });
    expect(await again.call('import-run', { fileName: 'accounts.xlsx', contentBase64: xlsx2.contentBase64 })).toMatchObject({ created: 40, errors: [] });
    expect(bytesOf(await again.call('export-accounts', { format: 'csv' })).toString('utf8')).toBe(csvA);
  });

  it('the XLSX export has typed cells: money and shares as numbers with formats, a frozen header', async () => {
    const a = freshDb('typed');
    await a.call('accounts-create', { name: 'Acme', shareOfWalletBp: 1234, receivableOutstanding: 123_456_78, employees: 12 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(await a.call('export-accounts', { format: 'xlsx', locale: 'en' })) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Accounts');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    expect(header).toEqual(expect.arrayContaining(['Account', 'Share of wallet', 'Receivables', 'Employees', 'Currency']));
    expect(ws.getRow(2).getCell(col('Share of wallet')).value).toBe(0.1234);
    expect(ws.getRow(2).getCell(col('Share of wallet')).numFmt).toBe('0.00%');
    expect(ws.getRow(2).getCell(col('Receivables')).value).toBe(123_456.78);
    expect(ws.getRow(2).getCell(col('Employees')).value).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('every field of a hand-made account survives CSV and XLSX, including awkward text', async () => {
    const a = freshDb('awkward');
    const wang = await a.call('people-save', { name: '王伟' });
    const zhang = await a.call('people-save', { name: '张三' });
    const group = await a.call('accounts-create', { name: 'Group, "Quoted" Ltd' });
    const acct = await a.call('accounts-create', {
      name: '河南教育厅',
      nameEn: 'Henan Dept. of Education',
      shortName: '豫教',
      parentId: group.id,
      industry: '教育',
      region: '华中',
      ownerId: wang.id,
      classification: 'regional',
      strategic: true,
      brandInfluence: true,
      tierId: 3,
      lifecycle: 'decline',
      dealStatus: 'negotiating',
      grade: 'C',
      urgency: 'not-urgent',
      importance: 'important',
      currency: 'HKD',
      companyRevenue: 0,
      employees: 0,
      profitContribution: -12_345,
      shareOfWalletBp: 3333,
      growthPotential: 'low',
      lifetimeValue: 1,
      costToServe: 99,
      churnStatus: 'at-risk',
      churnReason: 'customer-business',
      churnNote: '预算冻结, "暂停"\n下半年恢复',
      churnedOn: '2026-02-28',
      receivableOutstanding: 100_000_01,
      receivableDaysOverdue: 91,
      paymentTerms: '-30 days',
      notes: '@mention and +1\nsecond line', // (XLSX is XML: a CR in text would come back as a plain line break)
    });
    await a.call('accounts-team-set', { accountId: acct.id, members: [{ personId: zhang.id, role: '' }, { personId: wang.id, role: '' }] });
    await a.call('revenue-set', { accountId: acct.id, year: 2024, revenue: 0, target: 5 });
    await a.call('revenue-set', { accountId: acct.id, year: 2025, revenue: -1, target: null });
    const expected = (await a.call('accounts-list', {})).map(({ id: _i, parentId: _p, ownerId: _o, createdAt: _c, updatedAt: _u, ...rest }) => rest);
    for (const format of ['csv', 'xlsx'] as const) {
      const b = freshDb(`awkward-${format}`);
      const file = await a.call('export-accounts', { format });
      expect(await b.call('import-run', { fileName: file.fileName, contentBase64: file.contentBase64 })).toMatchObject({ created: 2, errors: [] });
      const got = (await b.call('accounts-list', {})).map(({ id: _i, parentId: _p, ownerId: _o, createdAt: _c, updatedAt: _u, ...rest }) => rest);
      expect(got, format).toEqual(expected);
      const copy = (await b.call('accounts-list', { search: 'hnjyt' }))[0]!;
      const d = await b.call('accounts-get', { id: copy.id });
      expect(d.team.map((m) => m.name).sort(), format).toEqual(['张三', '王伟'].sort());
      expect(d.revenue.map((r) => [r.year, r.revenue, r.target]), format).toEqual([
        [2024, 0, 5],
        [2025, -1, null],
      ]);
    }
  });

  it('an account whose parent is in the bin exports without the parent, and the file imports cleanly', async () => {
    const a = freshDb('bin');
    const group = await a.call('accounts-create', { name: 'Group' });
    await a.call('accounts-create', { name: 'Branch', parentId: group.id });
    await a.call('accounts-delete', { id: group.id });
    const file = await a.call('export-accounts', { format: 'csv' });
    expect(bytesOf(file).toString('utf8')).not.toContain('Group');
    const b = freshDb('bin-copy');
    expect(await b.call('import-run', { fileName: 'a.csv', contentBase64: file.contentBase64 })).toMatchObject({ created: 1, errors: [] });
    const json = JSON.parse(bytesOf(await a.call('export-accounts', { format: 'json' })).toString('utf8')) as { name: string; parentName: string | null }[];
    expect(json).toEqual([expect.objectContaining({ name: 'Branch', parentName: null })]);
  });
});

describe('JSON export', () => {
  it('parses, and has every account with every field, its parent by name, team and revenue by year', async () => {
    const a = await sampleDb('zh-CN');
    const file = await a.call('export-accounts', { format: 'json' });
    expect(file.mime).toBe('application/json');
    expect(file.fileName).toBe(`keyplan-客户-${TODAY}.json`);
    const json = JSON.parse(bytesOf(file).toString('utf8')) as Record<string, unknown>[];
    const list = await a.call('accounts-list', {});
    expect(json).toHaveLength(40);
    expect(json.map((x) => x.name)).toEqual(list.map((x) => x.name));
    for (const x of json) {
      const record = list.find((l) => l.id === x.id)!;
      for (const [k, v] of Object.entries(record)) expect(x[k], `${record.name}.${k}`).toEqual(v);
      expect(Array.isArray(x.team)).toBe(true);
      expect(Array.isArray(x.revenue)).toBe(true);
    }
    const subsidiaries = json.filter((x) => x.parentName !== null);
    expect(subsidiaries.length).toBeGreaterThan(0);
    for (const s of subsidiaries) expect(json.some((p) => p.name === s.parentName && p.id === s.parentId)).toBe(true);
    const withRevenue = json.find((x) => (x.revenue as unknown[]).length > 0)!;
    expect((withRevenue.revenue as { year: number }[]).map((r) => r.year)).toEqual([...(withRevenue.revenue as { year: number }[]).map((r) => r.year)].sort());
    expect(Object.keys((withRevenue.revenue as object[])[0]!).sort()).toEqual(['revenue', 'target', 'year']);
  });
});

describe('formula injection', () => {
  it.each(['=SUM(A1:A9)', '+86 138 0000', '-1 Ltd', '@cmd', '=HYPERLINK("http://x","y")'])(
    'text starting %j is written with a leading apostrophe and reads back without it',
    async (name) => {
      const a = freshDb('guard');
      const acct = await a.call('accounts-create', { name, notes: name });
      const person = await a.call('people-save', { name: `${name[0]}Bob` }); // a team cell is a list: no commas in it
      await a.call('accounts-team-set', { accountId: acct.id, members: [{ personId: person.id, role: '' }] });
      await a.call('accounts-update', { id: acct.id, patch: { ownerId: person.id } });
      const csv = bytesOf(await a.call('export-accounts', { format: 'csv' })).toString('utf8');
      const line = csv.split('\r\n')[1]!;
      expect(line.startsWith(`'${name[0]}`) || line.startsWith(`"'${name[0]}`)).toBe(true);
      expect(csv).not.toMatch(new RegExp(`(^|[,\\n])"?[=+\\-@]`));
      const b = freshDb('guard-copy');
      await b.call('import-run', { fileName: 'a.csv', contentBase64: b64(csv) });
      const [copy] = await b.call('accounts-list', {});
      expect([copy!.name, copy!.notes, copy!.ownerName]).toEqual([name, name, `${name[0]}Bob`]);
      expect((await b.call('accounts-get', { id: copy!.id })).team.map((m) => m.name)).toEqual([`${name[0]}Bob`]);
    },
  );

  it('numbers are not guarded: a negative amount stays a number', async () => {
    const a = freshDb('numbers');
    await a.call('accounts-create', { name: 'Acme', profitContribution: -500_00 });
    const csv = bytesOf(await a.call('export-accounts', { format: 'csv', locale: 'en' })).toString('utf8');
    expect(csv).toContain(',-500');
    expect(csv).not.toContain("'-500");
  });

  it('XLSX writes such text as text, never as a formula', async () => {
    const a = freshDb('xlsx-guard');
    await a.call('accounts-create', { name: '=1+1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(await a.call('export-accounts', { format: 'xlsx' })) as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });
});

describe('export-accounts', () => {
  it('an empty database exports a header and no rows', async () => {
    const a = freshDb('empty');
    expect(bytesOf(await a.call('export-accounts', { format: 'csv', locale: 'en' })).toString('utf8')).toBe('\ufeffAccount\r\n');
    expect(JSON.parse(bytesOf(await a.call('export-accounts', { format: 'json' })).toString('utf8'))).toEqual([]);
  });

  it('refuses unknown formats and locales', async () => {
    const a = freshDb('bad');
    for (const args of [{ format: 'pdf' }, { format: 'csv', locale: 'fr' }, {}]) {
      const r = await a.invoke('export-accounts', args);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
  });
});
