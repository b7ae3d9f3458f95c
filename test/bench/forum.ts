/**
 * The customer-forum deck: the sample workspace (40 accounts, stakeholder maps, revenue over the
 * years), a plan for each of the 30 largest accounts, and the deck of those 30 to a 16:9 PDF through
 * forum-export, as `forum pdf` prints it:
 * - the whole export < 15000 ms (the first one, which also starts the browser);
 * - informative: the deck's HTML alone, a second export with the browser running, the PDF's size.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/backend';
import { chromiumPrinter, findChromium } from '../../electron/backend/documents/chromium-printer';
import { pdfPageCount } from '../../electron/backend/documents/pdf-pages';
import { benchDir, type Figure, type Suite } from './lib';

const today = '2026-06-30';

export const forum: Suite = {
  name: 'forum',
  title: 'the customer-forum deck of 30 accounts as a 16:9 PDF',
  async run() {
    const { dir, cleanup } = benchDir();
    const b = new Backend({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', now: () => new Date(`${today}T09:00:00Z`), log: () => {}, printer: chromiumPrinter() });
    try {
      await b.call('sample-load', { accounts: 40, today });
      const offered = await b.call('forum-accounts', { year: 2026, today });
      const ids = offered.accounts.slice(0, 30).map((a) => a.id);
      for (const a of offered.accounts.slice(0, 30)) if (!a.hasPlan) await b.call('plan-create', { accountId: a.id, year: 2026, today });
      let t = performance.now();
      await b.call('forum-deck', { year: 2026, accountIds: ids, locale: 'zh-CN', today });
      const figures: Figure[] = [{ label: 'forum deck HTML of 30 accounts', value: performance.now() - t, unit: 'ms' }];
      if (!findChromium()) return figures;
      const args = { year: 2026, accountIds: ids, locale: 'zh-CN' as const, today, jobId: 'bench' };
      t = performance.now();
      const file = await b.call('forum-export', args);
      const cold = performance.now() - t;
      t = performance.now();
      await b.call('forum-export', args);
      const warm = performance.now() - t;
      const pdf = Buffer.from(file.contentBase64, 'base64');
      figures.push(
        { label: 'forum deck of 30 accounts to PDF (starts the browser)', value: cold, unit: 'ms', budget: 15000 },
        { label: 'forum deck of 30 accounts to PDF (browser running)', value: warm, unit: 'ms' },
        { label: `forum deck PDF size (${pdfPageCount(pdf)} pages)`, value: pdf.length / 1024, unit: 'KiB' },
      );
      return figures;
    } finally {
      await b.close();
      cleanup();
    }
  },
};
