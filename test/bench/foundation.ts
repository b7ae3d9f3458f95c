/** Foundation budgets: `doctor` and the browser preview's first screen on 10,000 accounts. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/backend';
import { runCli } from '../../electron/backend/cli/run';
import { launchBrowser, newPage, ROOT, startPreview } from '../e2e/harness';
import { benchDir, median, timeMedian, type Suite } from './lib';

/** A database with `n` accounts, written in one transaction. */
export async function seedAccounts(dbPath: string, n: number): Promise<void> {
  const backend = new Backend({ dbPath, transport: 'test', log: () => {} });
  const db = backend.connection();
  const insert = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
  const ts = new Date().toISOString();
  db.transaction(() => {
    for (let i = 1; i <= n; i++) insert.run(`客户 ${String(i).padStart(5, '0')} 有限公司`, ts, ts);
  })();
  await backend.close();
}

export const foundation: Suite = {
  name: 'foundation',
  title: 'database checks and the browser preview on 10,000 accounts',
  async run() {
    const { dir, cleanup } = benchDir();
    try {
      const dbPath = path.join(dir, 'keyplan.db');
      await seedAccounts(dbPath, 10_000);
      const quiet = { out: () => {}, err: () => {}, env: {} };
      const inProcess = await timeMedian(5, () => runCli(['doctor', '--db', dbPath], quiet));
      const cli: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/backend/cli/main.ts', 'doctor', '--db', dbPath], { cwd: ROOT });
        cli.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`doctor failed: ${r.stderr.toString()}`);
      }

      const preview = await startPreview({ dbPath });
      const browser = await launchBrowser();
      const loads: number[] = [];
      try {
        for (let i = 0; i < 5; i++) {
          const page = await newPage(browser, { lang: 'zh-CN' });
          const t = performance.now();
          await page.goto(`${preview.url}#/accounts`);
          // Interactive: the accounts screen shows its first rows and the search box takes input.
          await page.locator('table tbody tr').first().waitFor();
          await page.getByRole('searchbox').first().waitFor();
          loads.push(performance.now() - t);
          await page.close();
        }
      } finally {
        await browser.close();
        await preview.stop();
      }
      return [
        { label: 'doctor on 10,000 accounts, in process', value: inProcess, unit: 'ms', budget: 1000 },
        { label: 'doctor on 10,000 accounts, whole CLI process (tsx start included)', value: median(cli), unit: 'ms', budget: 1000 },
        { label: 'preview: navigation to first interactive screen, 10,000 accounts', value: median(loads), unit: 'ms', budget: 1500 },
      ];
    } finally {
      cleanup();
    }
  },
};
