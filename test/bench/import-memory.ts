/**
 * The import's peak memory on a 50 MB file (issue 10, item 5): a CSV with one stray quote early
 * (the rest of the file would be one record) and one with a single 50 MB cell early, each imported in a
 * process of its own (test/unit/fixtures/import-memory.ts) by the command line and by the import
 * worker; and a valid CSV of just under 48 MiB (the most the UI takes, some 930,000 rows), imported
 * whole. The figure is that process's peak RSS, tsx and the whole backend included. The valid file
 * takes 40-80 s on a loaded two-core machine, which is why it is measured here and not in a test.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/api/accounts';
import { benchDir, type Figure, type Suite } from './lib';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test', 'unit', 'fixtures', 'import-memory.ts');
const SIZE = 50_000_000;

/** A CSV of about `size` bytes, whole rows; `edit` may change row i. */
function writeCsv(file: string, size: number, edit: (i: number, line: string) => string = (_, l) => l): void {
  const fd = fs.openSync(file, 'w');
  let written = fs.writeSync(fd, '客户名称,行业,备注\n');
  for (let i = 0; written < size; ) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++, i++) lines.push(edit(i, `集团${i},教育,备注 ${i} 一些文字 filler`));
    written += fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
}

function peakMb(mode: string, db: string, file: string): Promise<{ maxRssMb: number; refused: string; rows: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode, db, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import-memory ${mode} exited ${code}`));
      const r = JSON.parse(out) as { maxRssMb: number; error?: { code: string }; stderr?: string; rows?: number; report?: { rows: number } };
      resolve({
        maxRssMb: r.maxRssMb,
        refused: r.error?.code ?? /\[([a-z-]+)\]/.exec(r.stderr ?? '')?.[1] ?? 'not refused',
        rows: r.report?.rows ?? r.rows ?? 0,
      });
    });
  });
}

export const importMemory: Suite = {
  name: 'import-memory',
  title: 'peak memory of an import of a 50 MB CSV with one stray quote or one huge cell, and of a valid 48 MiB one',
  async run() {
    const { dir, cleanup } = benchDir();
    try {
      const quote = path.join(dir, 'stray-quote.csv');
      writeCsv(quote, SIZE, (i, l) => (i === 100 ? l.replace('集团100,', '集团100,"') : l));
      const cell = path.join(dir, 'huge-cell.csv');
      // 2,000 rows, then one row whose last cell is the rest of the file.
      writeCsv(cell, 80_000);
      const fd = fs.openSync(cell, 'a');
      fs.writeSync(fd, '大,教育,"');
      const x = Buffer.alloc(1024 * 1024, 'x');
      for (let size = fs.fstatSync(fd).size; size < SIZE - 2; size += fs.writeSync(fd, x, 0, Math.min(x.length, SIZE - 2 - size)));
      fs.writeSync(fd, '"\n');
      fs.closeSync(fd);
      // Valid, whole rows, just under MAX_IMPORT_BYTES.
      const valid = path.join(dir, 'valid.csv');
      writeCsv(valid, MAX_IMPORT_BYTES - 256 * 1024);
      const tiny = path.join(dir, 'tiny.csv');
      fs.writeFileSync(tiny, '客户名称,行业\n集团1,教育\n');
      const base = await peakMb('cli-accounts', path.join(dir, 'base.db'), tiny);
      const figures: Figure[] = [{ label: 'the same process importing a 2-row file (node, tsx, the backend)', value: base.maxRssMb, unit: 'MB' }];
      for (const [label, mode, file] of [
        ['stray quote, command line', 'cli-accounts', quote],
        ['stray quote, import worker', 'accounts-worker', quote],
        ['stray quote, people import', 'cli-stakeholders', quote],
        ['one 50 MB cell, command line', 'cli-accounts', cell],
        ['one 50 MB cell, import worker', 'accounts-worker', cell],
      ] as const) {
        const r = await peakMb(mode, path.join(dir, `${mode}-${figures.length}.db`), file);
        if (r.refused !== 'import-cell-too-long') throw new Error(`${label}: ${r.refused}`);
        figures.push({ label: `import peak memory, 50 MB CSV: ${label} (refused)`, value: r.maxRssMb, unit: 'MB', budget: 300 });
      }
      for (const [label, mode] of [
        ['command line', 'cli-accounts'],
        ['import worker', 'accounts-worker'],
      ] as const) {
        const t = Date.now();
        const r = await peakMb(mode, path.join(dir, `${mode}-valid.db`), valid);
        if (r.refused !== 'not refused') throw new Error(`valid file, ${label}: ${r.refused}`);
        figures.push({ label: `import peak memory, valid 48 MiB CSV (${r.rows} rows): ${label}`, value: r.maxRssMb, unit: 'MB', budget: 300 });
        figures.push({ label: `import time, valid 48 MiB CSV: ${label}`, value: Date.now() - t, unit: 'ms' });
      }
      return figures;
    } finally {
      cleanup();
    }
  },
};
