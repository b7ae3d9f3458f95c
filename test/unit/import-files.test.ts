/**
 * Reading the files people hand us: CSV in UTF-8 (with and without BOM), UTF-16LE, GBK and
 * GB18030, with commas, semicolons or tabs, quoted fields with commas and line breaks; XLSX with
 * numbers, dates, percentages, formulas and rich text; and what is not a table at all.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ErrorCode } from '../../shared/api/errors';
import { NOW, b64, csvText, refused } from './accounts-helpers';
import { useTestEnv, writeRandomBytes } from './helpers';

const env = useTestEnv();

const ROWS = [
  ['客户名称', '行业', '区域', '2025收入', '备注'],
  ['河南教育厅', '教育', '华中', '￥1,234,567.89', '重点客户'], // the full-width yen GBK has
  ['华夏建设银行', '金融', '华北', '1.2万', ''],
];

async function run(b: Backend, fileName: string, bytes: Uint8Array | string, extra: object = {}) {
  return b.call('import-run', { fileName, contentBase64: b64(bytes), ...extra });
}

async function expectTwoAccounts(b: Backend) {
  const list = await b.call('accounts-list', {});
  expect(list.map((a) => [a.name, a.industry, a.region, a.notes])).toEqual([
    ['华夏建设银行', '金融', '华北', null],
    ['河南教育厅', '教育', '华中', '重点客户'],
  ]);
  const henan = list.find((a) => a.name === '河南教育厅')!;
  expect((await b.call('accounts-get', { id: henan.id })).revenue).toEqual([{ year: 2025, revenue: 123_456_789, target: null, profit: null }]);
  const huaxia = list.find((a) => a.name === '华夏建设银行')!;
  expect((await b.call('accounts-get', { id: huaxia.id })).revenue[0]!.revenue).toBe(1_200_000);
}

describe('CSV encodings', () => {
  const text = csvText(ROWS);
  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    ['GBK (what Chinese Excel writes)', iconv.encode(text, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
  ] as const)('%s', async (_what, bytes, encoding) => {
    const b = env.backend({ now: () => NOW });
    const preview = await b.call('import-preview', { fileName: 'accounts.csv', contentBase64: b64(bytes) });
    expect(preview).toMatchObject({ format: 'csv', encoding, headers: ROWS[0], rows: 2, errors: [] });
    // the BOM is not part of the first header
    expect(preview.mapping.slice(0, 3)).toEqual(['name', 'industry', 'region']);
    const r = await run(b, 'accounts.csv', bytes);
    expect(r).toMatchObject({ rows: 2, created: 2, updated: 0, errors: [], rejected: false });
    await expectTwoAccounts(b);
  });

  it('GB18030 characters outside GBK (a four-byte sequence) survive', async () => {
    const b = env.backend();
    const name = '𠀀字号有限公司 €';
    await run(b, 'a.csv', iconv.encode(`客户名称\n${name}\n`, 'gb18030'));
    expect((await b.call('accounts-list', {})).map((a) => a.name)).toEqual([name]);
  });
});

describe('CSV shapes', () => {
  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
    ['full-width commas', '，'],
  ])('separated by %s', async (_what, d) => {
    const b = env.backend();
    await run(b, 'accounts.csv', csvText(ROWS, d).replace('￥1,234,567.89', '"￥1,234,567.89"'));
    await expectTwoAccounts(b);
  });

  it('quoted fields with commas, quotes and line breaks; line numbers count the lines of the file', async () => {
    const b = env.backend();
    const csv = [
      '客户名称,备注,员工数',
      '"Acme, Inc.","第一行',
      '第二行, 还有逗号",100',
      '"Say ""hi"" Ltd",plain,200',
      '',
      'Bad rows Ltd,x,lots',
      '',
    ].join('\n');
    const preview = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64(csv) });
    expect(preview.sample).toEqual([
      { line: 2, cells: ['Acme, Inc.', '第一行\n第二行, 还有逗号', '100'] },
      { line: 4, cells: ['Say "hi" Ltd', 'plain', '200'] },
      { line: 6, cells: ['Bad rows Ltd', 'x', 'lots'] },
    ]);
    expect(preview.errors).toEqual([{ line: 6, column: '员工数', value: 'lots', code: 'not-a-number' }]);
    const r = await run(b, 'a.csv', csv, { skipInvalid: true });
    expect(r).toMatchObject({ created: 2, skipped: 1 });
    const list = await b.call('accounts-list', {});
    expect(list.map((a) => [a.name, a.notes, a.employees])).toEqual([
      ['Acme, Inc.', '第一行\n第二行, 还有逗号', 100],
      ['Say "hi" Ltd', 'plain', 200],
    ]);
  });

  it('CRLF line ends, trailing blank lines and cells with stray spaces', async () => {
    const b = env.backend();
    const r = await run(b, 'a.csv', '客户名称 , 行业 \r\n  Acme  ,  制造 \r\n\r\n\r\n');
    expect(r).toMatchObject({ rows: 1, created: 1 });
    expect((await b.call('accounts-list', {}))[0]).toMatchObject({ name: 'Acme', industry: '制造' });
  });

  it('short rows and extra cells are read as they are', async () => {
    const b = env.backend();
    const r = await run(b, 'a.csv', '客户名称,行业,区域\nShort\nLong,制造,华东,extra,cells\n');
    expect(r).toMatchObject({ created: 2, errors: [] });
    expect((await b.call('accounts-list', {})).map((a) => [a.name, a.industry, a.region])).toEqual([
      ['Long', '制造', '华东'],
      ['Short', null, null],
    ]);
  });
});

describe('XLSX', () => {
  it('reads numbers, dates, percentages, formula results, rich text and booleans from the first sheet with rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '2025收入', '钱包份额', '流失日期', '员工数', '战略客户', '备注']);
    ws.addRow([{ richText: [{ text: '华夏' }, { font: { bold: true }, text: '银行' }] }, 1_234_567.89, 0.35, new Date(Date.UTC(2026, 0, 5)), { formula: '100*2', result: 200 }, true, { text: '链接', hyperlink: 'https://example.com' }]);
    ws.getCell('C2').numFmt = '0%';
    ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    ws.addRow(['Acme', { formula: 'B2/2', result: 617_283.945 }, 0.125, 46023, 12, '否', null]);
    ws.getCell('C3').numFmt = '0.0%';
    ws.addRow([]);
    ws.addRow(['Late', '3亿', '35', { formula: 'DATE(2026,2,1)', result: new Date(Date.UTC(2026, 1, 1)) }, '1,200', 'yes', '  trimmed  ']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const b = env.backend();
    const preview = await b.call('import-preview', { fileName: 'book.xlsx', contentBase64: b64(bytes) });
    expect(preview).toMatchObject({ format: 'xlsx', encoding: null, rows: 3, errors: [] });
    expect(preview.sample.map((s) => s.line)).toEqual([2, 3, 5]);
    expect(preview.sample[0]!.cells).toEqual(['华夏银行', '1234567.89', '35%', '2026-01-05', '200', 'true', '链接']);
    expect(await run(b, 'book.xlsx', bytes)).toMatchObject({ created: 3, errors: [] });
    const byName = Object.fromEntries((await b.call('accounts-list', {})).map((a) => [a.name, a]));
    expect(byName['华夏银行']).toMatchObject({ shareOfWalletBp: 3500, churnedOn: '2026-01-05', employees: 200, strategic: true, notes: '链接' });
    expect(byName['Acme']).toMatchObject({ shareOfWalletBp: 1250, churnedOn: '2026-01-01', employees: 12, strategic: false });
    expect(byName['Late']).toMatchObject({ shareOfWalletBp: 3500, churnedOn: '2026-02-01', employees: 1200, strategic: true, notes: 'trimmed' });
    const revenue = async (name: string) => (await b.call('accounts-get', { id: byName[name]!.id })).revenue[0]!.revenue;
    expect(await revenue('华夏银行')).toBe(123_456_789);
    expect(await revenue('Acme')).toBe(61_728_395); // 617283.945 rounds half away from zero
    expect(await revenue('Late')).toBe(3_000_000_000_0);
  });

  it('an XLSX row error names the spreadsheet row and the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Accounts');
    ws.addRow(['Account', 'Employees']);
    ws.addRow(['Good', 10]);
    ws.addRow(['Bad', 'a few']);
    const b = env.backend();
    const r = await run(b, 'book.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ rejected: true, created: 0, errors: [{ line: 3, column: 'Employees', value: 'a few', code: 'not-a-number' }] });
  });
});

describe('what is not a table', () => {
  const cases: [string, string, () => Uint8Array, ErrorCode][] = [
    ['random bytes', 'accounts.csv', () => {
      const f = env.file('random.bin');
      writeRandomBytes(f, 4096, 7);
      return fs.readFileSync(f);
    }, 'import-not-table'],
    ['a PNG', 'picture.csv', () => Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'), 'import-not-table'],
    ['UTF-8 text with NUL bytes', 'a.csv', () => Buffer.from('客户名称\n\0\0\0A\n'), 'import-not-table'],
    ['a ZIP that is not a workbook', 'book.xlsx', () => Buffer.from('504b0304140000000800', 'hex'), 'import-not-table'],
    ['text named .xlsx', 'book.xlsx', () => Buffer.from('客户名称\nA\n'), 'import-not-table'],
    ['an old .xls', 'book.xls', () => Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'import-not-table'],
    ['an empty file', 'a.csv', () => new Uint8Array(0), 'import-empty'],
    ['only a BOM', 'a.csv', () => Buffer.from([0xef, 0xbb, 0xbf]), 'import-empty'],
    ['blank lines', 'a.csv', () => Buffer.from('\n\r\n  \n'), 'import-empty'],
    ['a header without rows', 'a.csv', () => Buffer.from('客户名称,行业\n\n'), 'import-empty'],
    ['no name column', 'a.csv', () => Buffer.from('行业,区域\n金融,华北\n'), 'import-no-name'],
  ];

  it.each(cases)('%s: refused with a clear error, the database unchanged', async (_what, fileName, make, code) => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Existing' });
    const bytes = make();
    const err = await refused(b, 'import-run', { fileName, contentBase64: b64(bytes) }, code);
    expect(err.message.length).toBeGreaterThan(10);
    await refused(b, 'import-run', { fileName, contentBase64: b64(bytes), skipInvalid: true }, code);
    await refused(b, 'import-preview', { fileName, contentBase64: b64(bytes) }, code);
  });

  it('an empty XLSX workbook is import-empty; one with only a header too', async () => {
    const b = env.backend();
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    await refused(b, 'import-run', { fileName: 'e.xlsx', contentBase64: b64(Buffer.from(await empty.xlsx.writeBuffer())) }, 'import-empty');
    const headerOnly = new ExcelJS.Workbook();
    headerOnly.addWorksheet('Sheet1').addRow(['客户名称']);
    await refused(b, 'import-run', { fileName: 'h.xlsx', contentBase64: b64(Buffer.from(await headerOnly.xlsx.writeBuffer())) }, 'import-empty');
  });

  it('refuses arguments that are not a file', async () => {
    const b = env.backend();
    await refused(b, 'import-run', { fileName: '', contentBase64: '' }, 'invalid-args');
    await refused(b, 'import-run', { fileName: 'a.csv' }, 'invalid-args');
    await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: b64('客户名称\nA\n'), map: { 客户名称: 7 } }, 'invalid-args');
  });
});
