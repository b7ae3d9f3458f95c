/**
 * Large account files are read in the import worker while the writer writes what is read so far
 * (account-reader.ts, reader-source.ts). Whatever reads it, a file must give the same report and
 * the same database; a CSV parsed in pieces must keep its line numbers; and an import refused half
 * way (a bad row late in the file) must leave nothing of what it wrote before.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { importAccounts, type ImportOptions } from '../../electron/backend/import/account-import';
import { readTable } from '../../electron/backend/import/table';
import { NOW, csvText } from './accounts-helpers';
import { dumpDb, useTestEnv, withoutWorkspaceId } from './helpers';

const env = useTestEnv();

/** A file of `n` accounts with revenue, owners, parents (some named later in the file) and a quoted multi-line note now and then. */
function bigFile(n: number, bad: (i: number) => string[] | null = () => null): Buffer {
  const rows: string[][] = [['客户名称', 'English name', '上级单位', '行业', '负责人', '2025收入', '2026收入', '等级', '备注']];
  for (let i = 0; i < n; i++) {
    const parent = i % 10 === 3 ? `集团${i + 5}` : i % 10 === 8 ? `集团${i - 3}` : '';
    rows.push(
      bad(i) ?? [
        `集团${i}`,
        `Group ${i}`,
        parent,
        ['教育', '金融', '能源'][i % 3]!,
        `经理${i % 7}`,
        `￥${(i * 1234.5).toFixed(2)}`,
        `${(i % 50) + 1}万`,
        'ABCDE'[i % 5]!,
        i % 97 === 0 ? `第一行\n第二行 "引号", 逗号\n第三行 ${i}` : `备注 ${i}`,
      ],
    );
  }
  return Buffer.from(csvText(rows), 'utf8');
}

async function both(file: Buffer, opts: ImportOptions = {}) {
  const out: { report: unknown; dump: unknown }[] = [];
  for (const reader of ['thread', 'worker'] as const) {
    const b: Backend = env.backend({ now: () => NOW, dbPath: env.file(`${reader}.db`) });
    const report = await importAccounts(b.connection(), file, 'big.csv', { ...opts, reader }, NOW);
    out.push({ report, dump: withoutWorkspaceId(dumpDb(b.connection())) });
  }
  return out;
}

describe('the import worker', () => {
  it('imports a multi-chunk file exactly as the calling thread does', async () => {
    const file = bigFile(4000);
    expect(file.length).toBeGreaterThan(8 * 32 * 1024); // several CSV pieces
    const [thread, worker] = await both(file);
    expect(thread!.report).toMatchObject({ rows: 4000, created: 4000, errors: [], rejected: false });
    expect(worker!.report).toEqual(thread!.report);
    expect(worker!.dump).toEqual(thread!.dump);
  });

  it('refuses a file whose bad row comes after thousands of written ones, and leaves the database as it was', async () => {
    const file = bigFile(3000, (i) => (i === 2900 ? ['集团2900', '', '', '', '', 'lots', '', 'Z', ''] : null));
    const b = env.backend({ now: () => NOW });
    const before = dumpDb(b.connection());
    const r = await importAccounts(b.connection(), file, 'big.csv', { reader: 'worker' }, NOW);
    expect(r.rejected).toBe(true);
    expect(r.created).toBe(0);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [expect.any(Number), 'not-a-number'],
      [expect.any(Number), 'unknown-value'],
    ]);
    expect(dumpDb(b.connection())).toEqual(before);
    const [thread, worker] = await both(file);
    expect(worker!.report).toEqual(thread!.report);
  });

  it('skipping invalid rows: a parent found missing at the end takes its rows out of what was written', async () => {
    // row 1500 names a parent that is nowhere: found only when the whole file is known, after
    // row 1500 was written; it is reported and left out, everything else written once.
    const file = bigFile(2000, (i) => (i === 1500 ? ['集团1500', '', '没有这个集团', '', '', '', '', '', ''] : null));
    const [thread, worker] = await both(file, { skipInvalid: true });
    expect(thread!.report).toMatchObject({ rows: 2000, created: 1999, skipped: 1, rejected: false });
    expect((thread!.report as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(['unknown-parent']);
    expect(worker!.report).toEqual(thread!.report);
    expect(worker!.dump).toEqual(thread!.dump);
  });

  it('a dry run through the worker counts what it would do and writes nothing', async () => {
    const b = env.backend({ now: () => NOW });
    const before = dumpDb(b.connection());
    const r = await importAccounts(b.connection(), bigFile(1200), 'big.csv', { reader: 'worker', dryRun: true }, NOW);
    expect(r).toMatchObject({ dryRun: true, rows: 1200, created: 1200, rejected: false });
    expect(dumpDb(b.connection())).toEqual(before);
  });

  it('passes on the errors that stop a read: an empty file, a header alone, a map naming no column', async () => {
    const b = env.backend({ now: () => NOW });
    for (const reader of ['thread', 'worker'] as const) {
      await expect(importAccounts(b.connection(), Buffer.alloc(0), 'e.csv', { reader }, NOW)).rejects.toMatchObject({ code: 'import-empty' });
      await expect(importAccounts(b.connection(), Buffer.from('客户名称,行业\r\n'), 'h.csv', { reader }, NOW)).rejects.toMatchObject({
        code: 'import-empty',
      });
      await expect(importAccounts(b.connection(), bigFile(10), 'm.csv', { reader, map: { 没有: 'name' } }, NOW)).rejects.toMatchObject({
        code: 'import-bad-map',
      });
    }
    expect((b.connection().prepare('SELECT count(*) FROM accounts').pluck().get() as number)).toBe(0);
  });
});

describe('reading a CSV in pieces', () => {
  it('keeps every row and its line number when quoted line breaks cross the pieces', async () => {
    const file = bigFile(3000);
    const t = await readTable(file, 'big.csv');
    expect(t.rows).toHaveLength(3000);
    // line = 1 (header) + 1 + the line breaks inside the notes of the rows before
    let line = 2;
    for (let i = 0; i < 3000; i++) {
      expect(t.rows[i]!.line, `row ${i}`).toBe(line);
      expect(t.rows[i]!.cells[0]).toBe(`集团${i}`);
      line += i % 97 === 0 ? 3 : 1;
    }
    expect(t.rows[97]!.cells[8]).toBe('第一行\n第二行 "引号", 逗号\n第三行 97');
  });
});
