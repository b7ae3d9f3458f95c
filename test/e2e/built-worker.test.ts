/**
 * The import worker as the app ships it: the chunk electron-vite builds (out/main/chunks/
 * account-reader.worker-*.mjs, an ES module with its libraries left to node_modules) starts, reads a
 * CSV in pieces and gives the same import as the calling thread. Runs after the build, with the E2E
 * tests; the unit tests start the worker from its TypeScript source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { importAccounts } from '../../electron/backend/import/account-import';
import { setReaderWorkerFile } from '../../electron/backend/import/reader-source';
import { ROOT, tempDir } from './harness';

const NOW = new Date('2026-11-24T09:00:00Z');

function csv(n: number): Buffer {
  const rows = ['客户名称,行业,负责人,2026收入,上级单位'];
  for (let i = 0; i < n; i++) rows.push(`客户${i},${['教育', '金融'][i % 2]},经理${i % 5},"￥${i * 100 + 1}",${i % 10 === 1 ? `客户${i + 1}` : ''}`);
  return Buffer.from(rows.join('\r\n'), 'utf8');
}

describe('the built import worker', () => {
  it('starts from the build output and imports what the calling thread imports', async () => {
    const dir = path.join(ROOT, 'out', 'main', 'chunks');
    const file = fs.readdirSync(dir).find((f) => /^account-reader\.worker-.*\.mjs$/.test(f));
    expect(file, 'the build emits the worker as its own .mjs chunk').toBeTruthy();
    setReaderWorkerFile(path.join(dir, file!));
    const tmp = tempDir();
    try {
      const reports = [];
      const names = [];
      for (const reader of ['worker', 'thread'] as const) {
        const b = new Backend({ dbPath: path.join(tmp.dir, `${reader}.db`), transport: 'test', log: () => {}, now: () => NOW });
        reports.push(await importAccounts(b.connection(), csv(3000), 'big.csv', { reader }, NOW));
        names.push(b.connection().prepare('SELECT name, parent_id, search_key FROM accounts ORDER BY id').all());
        await b.close();
      }
      expect(reports[0]).toMatchObject({ rows: 3000, created: 3000, rejected: false });
      expect(reports[0]).toEqual(reports[1]);
      expect(names[0]).toEqual(names[1]);
    } finally {
      tmp.cleanup();
    }
  });
});
