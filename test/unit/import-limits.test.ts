/**
 * Bad files must not take the import down (issue 10, items 5 and 9): one stray quote in a large
 * CSV, or one huge cell, stops the read with the line where that record starts, and the process
 * stays within its memory; a file over the size an import takes, a workbook that unpacks to too
 * much, and a path that is no regular file (/dev/zero, a FIFO, a folder, a socket) are refused
 * before they are read. Both importers (accounts, stakeholders), both readers (worker, thread).
 *
 * The memory tests run the import in a child process (test/unit/fixtures/import-memory.ts) and
 * assert on its peak RSS: a bound on memory, not on time.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli/run';
import { importAccounts, previewAccountImport } from '../../electron/backend/import/account-import';
import { readImportFile } from '../../electron/backend/import/import-file';
import { importStakeholders, previewStakeholderImport } from '../../electron/backend/import/stakeholder-import';
import { MAX_XLSX_XML_BYTES, readTable } from '../../electron/backend/import/table';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORD_CHARS } from '../../shared/api/accounts';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import { messages, LOCALES } from '../../shared/i18n';
import { NOW, b64, csvText } from './accounts-helpers';
import { dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'import-memory.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

/** The AppError `fn` rejects with (fails when it resolves). */
async function rejection(fn: () => Promise<unknown> | unknown): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

async function expectCode(fn: () => Promise<unknown> | unknown, code: ErrorCode, params: Record<string, unknown> = {}): Promise<AppError> {
  const e = await rejection(fn);
  expect(e.code, e.message).toBe(code);
  expect(e.params).toMatchObject(params);
  return e;
}

const HEADER = '客户名称,行业,备注\n';
const row = (i: number) => `集团${i},教育,备注 ${i} 一些文字 filler`;

/** A CSV of about `mb` MB written block by block (fast, little memory); `edit` may change a row. */
function writeCsv(file: string, mb: number, edit: (i: number, line: string) => string = (_, l) => l): number {
  const fd = fs.openSync(file, 'w');
  let size = 0;
  let i = 0;
  try {
    size += fs.writeSync(fd, HEADER);
    while (size < mb * MB) {
      const lines: string[] = [];
      for (let k = 0; k < 2000; k++, i++) lines.push(edit(i, row(i)));
      size += fs.writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return size;
}

/** Runs the fixture: `node --import tsx import-memory.ts MODE DB FILE`; its one line of JSON. */
function measure(mode: string, file: string): Promise<{ exit?: number; stderr?: string; error?: { code: string; params: Record<string, unknown> }; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode, env.file(`${mode}.db`), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`import-memory ${mode} exited ${code}: ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

let backends = 0;
async function backendWithAccount() {
  const b = env.backend({ now: () => NOW, dbPath: env.file(`keyplan-${++backends}.db`) });
  const acct = await b.call('accounts-create', { name: '国能电力集团' });
  return { b, db: b.connection(), accountId: acct.id };
}

/** Every way a file is read for an import, each expected to refuse it with `code` (and `params`). */
async function refusedEverywhere(bytes: Uint8Array, fileName: string, code: ErrorCode, params: Record<string, unknown> = {}) {
  const { b, db, accountId } = await backendWithAccount();
  const before = dumpDb(db);
  // Copies: a worker may take the bytes it is handed.
  const copy = () => new Uint8Array(bytes);
  await expectCode(() => importAccounts(db, copy(), fileName, { reader: 'thread' }, NOW), code, params);
  await expectCode(() => importAccounts(db, copy(), fileName, { reader: 'worker', handOver: true }, NOW), code, params);
  await expectCode(() => previewAccountImport(db, copy(), fileName), code, params);
  await expectCode(() => importStakeholders(db, accountId, copy(), fileName, {}, NOW), code, params);
  await expectCode(() => previewStakeholderImport(db, accountId, copy(), fileName), code, params);
  // Through the doors, as the UI sends it: a typed error, never `internal`.
  for (const [method, args] of [
    ['import-run', { fileName, contentBase64: b64(bytes) }],
    ['import-preview', { fileName, contentBase64: b64(bytes) }],
    ['stakeholders-import', { accountId, fileName, contentBase64: b64(bytes) }],
    ['stakeholders-import-preview', { accountId, fileName, contentBase64: b64(bytes) }],
  ] as const) {
    const reply = await b.invoke(method, args);
    expect(reply.ok ? null : reply.error.code, method).toBe(code);
  }
  expect(dumpDb(db)).toEqual(before);
}

describe('one stray quote in a large CSV', () => {
  it('stops the read at the line where the unclosed record starts, within 300 MB, in every reader', async () => {
    const file = env.file('stray-quote.csv');
    // Row 100 opens a quote that nothing closes: the rest of the file would be one cell.
    const size = writeCsv(file, 27, (i, l) => (i === 100 ? l.replace('集团100,', '集团100,"') : l));
    expect(size).toBeGreaterThan(27 * MB);
    for (const mode of ['cli-accounts', 'cli-stakeholders', 'accounts-thread', 'accounts-worker', 'stakeholders']) {
      const r = await measure(mode, file);
      if (mode.startsWith('cli-')) {
        expect(r.exit, mode).toBe(1);
        // errors.import-cell-too-long in the default language (zh-CN), with the file and the line
        expect(r.stderr, mode).toMatch(/^keyplan: stray-quote\.csv 第 102 行.*\[import-cell-too-long\]\n$/);
      } else {
        expect(r.error, mode).toEqual({ code: 'import-cell-too-long', params: { file: 'stray-quote.csv', line: 102, maxMb: 1 } });
      }
      expect(r.maxRssMb, `${mode}: peak RSS`).toBeLessThan(300);
    }
  }, 120_000);

  it('a smaller one, in process: refused with the line by both importers, both readers, the previews and the handlers', async () => {
    const file = env.file('quote.csv');
    writeCsv(file, 3, (i, l) => (i === 40 ? `"${l}` : l));
    await refusedEverywhere(fs.readFileSync(file), 'quote.csv', 'import-cell-too-long', { line: 42 });
  });
});

describe('one huge cell', () => {
  it('a 5 MB quoted cell, closed: refused with the line its record starts on', async () => {
    const text = `${HEADER}${row(1)}\n"第一行\n第二行",教育,x\n大,教育,"${'长'.repeat(5 * MB)}"\n${row(2)}\n`;
    await refusedEverywhere(Buffer.from(text, 'utf8'), 'cell.csv', 'import-cell-too-long', { line: 5, file: 'cell.csv' });
  });

  it('a 5 MB line without a quote or a line break', async () => {
    const text = `${HEADER}${row(1)}\n${'a'.repeat(5 * MB)}`;
    await refusedEverywhere(Buffer.from(text, 'utf8'), 'line.csv', 'import-cell-too-long', { line: 3 });
  });

  it('a row of many cells that add up to more than the limit (each cell is short)', async () => {
    const cells = Array.from({ length: MAX_IMPORT_RECORD_CHARS / 1000 + 10 }, () => 'x'.repeat(999)).join(',');
    const text = `${HEADER}${row(1)}\n名字,教育,${cells}\n`;
    await refusedEverywhere(Buffer.from(text, 'utf8'), 'wide.csv', 'import-cell-too-long', { line: 3 });
  });

  it('an XLSX with a 5 MB shared string: refused with its row number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '行业', '备注']);
    for (let i = 0; i < 5; i++) ws.addRow([`集团${i}`, '教育', `备注${i}`]);
    ws.addRow(['大', '教育', 'x'.repeat(5 * MB)]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await refusedEverywhere(bytes, 'cell.xlsx', 'import-cell-too-long', { line: 7, file: 'cell.xlsx' });
  });
});

describe('files that are read as before', () => {
  it('quoted multi-line cells across the CSV pieces keep their text and every later line number', async () => {
    // A 300 KB quoted cell with line breaks spans three pieces; short rows before and after.
    const long = Array.from({ length: 3000 }, (_, i) => `第${i}行 "引号", 逗号 ${'字'.repeat(90)}`).join('\n');
    const rows = [['客户名称', '行业', '备注'], ['甲', '教育', '一\n二'], ['乙', '金融', long], ['丙', '能源', 'x']];
    const text = csvText(rows);
    // csvText ends records with CRLF; line breaks in cells stay LF.
    expect(text).toContain('\r\n乙');
    for (const [name, bytes] of [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['utf-8, LF only', Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8')],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ] as const) {
      const t = await readTable(bytes, 'notes.csv');
      expect(t.rows.map((r) => [r.line, r.cells[0]]), name).toEqual([
        [2, '甲'],
        [4, '乙'],
        [4 + 3000, '丙'],
      ]);
      expect(t.rows[1]!.cells[2], name).toBe(long);
      expect(t.rows[0]!.cells[2], name).toBe('一\n二');
    }
  });

  it('a cell just under the limit is a cell (the field\'s own rule reports it, the read goes on)', async () => {
    const { db } = await backendWithAccount();
    const text = `${HEADER}甲,教育,${'长'.repeat(MAX_IMPORT_RECORD_CHARS - 100)}\n乙,金融,x\n`;
    const r = await importAccounts(db, Buffer.from(text, 'utf8'), 'near.csv', { skipInvalid: true }, NOW);
    expect(r).toMatchObject({ rows: 2, created: 1, skipped: 1 });
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'too-long']]);
  });
});

describe('sizes', () => {
  it('a file over the limit is refused before it is parsed', async () => {
    const { db, accountId } = await backendWithAccount();
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61);
    await expectCode(() => importAccounts(db, big, 'big.csv', { reader: 'thread' }, NOW), 'import-too-large', { file: 'big.csv', maxMb: 48 });
    await expectCode(() => importStakeholders(db, accountId, big, 'big.csv', {}, NOW), 'import-too-large', { maxMb: 48 });
    // ... and by the command line, before it is read (a sparse file: no disk used).
    const file = env.file('big.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1);
    await expectCode(() => readImportFile(file), 'import-too-large', { file: 'big.csv' });
    fs.truncateSync(file, MAX_IMPORT_BYTES);
    expect(readImportFile(file).length).toBe(MAX_IMPORT_BYTES);
  });

  /** A zip with one deflated entry of `size` spaces (enough for the size check, not a workbook). */
  function zipOf(name: string, size: number): Buffer {
    const data = zlib.deflateRawSync(Buffer.alloc(size, 0x20));
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + n.length, 12);
    end.writeUInt32LE(30 + n.length + data.length, 16);
    return Buffer.concat([local, n, data, central, n, end]);
  }

  it('a workbook whose sheets unpack to too much, or a zip bomb, is refused before it is unpacked', async () => {
    const sheets = zipOf('xl/worksheets/sheet1.xml', MAX_XLSX_XML_BYTES + 1);
    expect(sheets.length).toBeLessThan(100 * 1024);
    await refusedEverywhere(sheets, 'big.xlsx', 'import-too-large', { file: 'big.xlsx', maxMb: 16 });
    const bomb = zipOf('xl/media/image1.png', 65 * MB);
    await refusedEverywhere(bomb, 'bomb.xlsx', 'import-too-large', { maxMb: 64 });
  });

  it('the limits are said in both languages', () => {
    for (const locale of LOCALES) {
      for (const code of ['import-too-large', 'import-cell-too-long', 'import-not-a-file'] as const) {
        expect(messages[locale].errors[code], `${locale} ${code}`).toBeTypeOf('string');
      }
      expect(messages[locale].errors['import-cell-too-long']).toContain('{{line}}');
    }
  });
});

describe('the file as bytes (content) instead of base64', () => {
  it('an in-process caller hands the bytes; what JSON can carry, or too many bytes, is refused at the contract', async () => {
    const { b, accountId } = await backendWithAccount();
    const csv = () => Buffer.from(`${HEADER}${row(1)}\n${row(2)}\n`, 'utf8');
    const run = await b.call('import-run', { fileName: 'b.csv', content: csv(), dryRun: true });
    expect(run).toMatchObject({ rows: 2, created: 2, rejected: false });
    const preview = await b.call('import-preview', { fileName: 'b.csv', content: csv() });
    expect(preview.rows).toBe(2);
    const people = await b.call('stakeholders-import', { accountId, fileName: 'p.csv', content: Buffer.from('姓名,职位\n张三,总经理\n', 'utf8') });
    expect(people.created).toBe(1);
    // The HTTP bridge parses JSON: an array, an object or a string is no Uint8Array.
    for (const content of [[...csv()], { 0: 1 }, csv().toString('base64')]) {
      for (const method of ['import-run', 'import-preview'] as const) {
        const reply = await b.invoke(method, { fileName: 'b.csv', content });
        expect(reply.ok ? null : reply.error.code, `${method} ${typeof content}`).toBe('invalid-args');
      }
    }
    // Both at once, or over the limit.
    const both = await b.invoke('import-run', { fileName: 'b.csv', content: csv(), contentBase64: b64(csv()) });
    expect(both.ok ? null : both.error.code).toBe('invalid-args');
    const big = await b.invoke('import-run', { fileName: 'b.csv', content: new Uint8Array(MAX_IMPORT_BYTES + 1) });
    expect(big.ok ? null : big.error.code).toBe('invalid-args');
  });
});

describe('paths that are no regular file', () => {
  function specials(): [string, string][] {
    const fifo = env.file('pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const dir = env.file('folder.csv');
    fs.mkdirSync(dir);
    return [
      ['/dev/zero', 'device'],
      [fifo, 'pipe'],
      [dir, 'folder'],
    ];
  }

  it('are refused before a byte is read (no hang): /dev/zero, a FIFO, a folder, a socket', async () => {
    const sock = env.file('s.sock');
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      for (const [p, kind] of [...specials(), [sock, 'socket'] as [string, string]]) {
        const e = await expectCode(() => readImportFile(p), 'import-not-a-file', { path: p });
        expect(e.message, kind).toContain(kind);
      }
    } finally {
      server.close();
    }
    await expectCode(() => readImportFile(env.file('missing.csv')), 'file-not-found');
  }, 20_000);

  it('the command line: one line, exit 1, the database untouched, for both imports', async () => {
    const db = env.file('cli.db');
    const b = env.backend({ dbPath: db, now: () => NOW });
    await b.call('accounts-create', { name: '国能电力集团' });
    await b.close();
    for (const [p] of specials()) {
      for (const argv of [
        ['import', 'accounts', p, '--db', db, '--locale', 'en'],
        ['import', 'stakeholders', p, '--account', '国能电力集团', '--db', db, '--locale', 'en'],
      ]) {
        let out = '';
        let err = '';
        const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s), env: {} });
        expect(code, argv.join(' ')).toBe(1);
        expect(out).toBe('');
        expect(err).toMatch(/^keyplan: .* is not a file but .*\[import-not-a-file\]\n$/);
      }
    }
  }, 20_000);
});
