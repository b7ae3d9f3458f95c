/**
 * An open plan's live figures follow changes made elsewhere: revenue recorded through another door
 * (the HTTP API, as another window or the CLI would) reaches the open plan editor through the
 * data-changed event, which names the tables the method declares it writes (account_revenue), and
 * the revenue chart appears without a reload.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';

describe('plan editor: live figures', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`revenue recorded elsewhere shows in the open plan (${lang})`, async () => {
      const p = msg(lang).planEditor;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        const account = (await invoke(preview, 'accounts-create', { name: lang === 'en' ? 'Northwind' : '北风贸易' })) as { id: number; name: string };
        await invoke(preview, 'plan-create', { accountId: account.id, year: 2026 });
        await page.goto(`${preview.url}#/plans/${account.id}/2026`);
        await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: account.name, year: 2026 }) }).waitFor();
        const revenueBox = page.getByRole('region', { name: p.live.revenueTitle, exact: true });
        await revenueBox.getByText(p.live.noRevenue, { exact: true }).waitFor();

        // another door records this year's revenue while the plan is open
        await invoke(preview, 'revenue-set', { accountId: account.id, year: 2026, revenue: 1_200_000_00, target: 1_500_000_00 });
        await revenueBox.getByText(p.live.noRevenue, { exact: true }).waitFor({ state: 'detached' });
        await revenueBox.locator('svg').first().waitFor();
        await revenueBox.scrollIntoViewIfNeeded();
        await screenshot(page, 'plan-live-revenue', lang);
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
