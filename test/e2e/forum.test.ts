/**
 * The customer forum screen: pick the accounts, present the deck full-screen and page through it
 * with the keyboard, export the 16:9 PDF (a download), and the empty state.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBoard } from './board-helpers';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, SCREENSHOTS, screenshot, startPreview, tempDir } from './harness';

interface Offered {
  accounts: { id: number; name: string; hasPlan: boolean }[];
  defaults: number[];
}

describe('customer forum', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`picks accounts, presents with the keyboard and exports the PDF (${lang})`, { timeout: 120_000 }, async () => {
      const t = msg(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang, '#/forum');
      try {
        await page.getByRole('heading', { level: 1, name: t.forum.title }).waitFor();
        const year = new Date().getFullYear();
        const offered = (await invoke(preview, 'forum-accounts', { year })) as Offered;
        expect(offered.defaults.length).toBeGreaterThan(0);
        const first = offered.accounts.find((a) => a.id === offered.defaults[0])!;
        const extra = offered.accounts.find((a) => !offered.defaults.includes(a.id))!;
        // the defaults are ticked; untick one, tick another
        const box = (name: string) => page.getByRole('checkbox', { name, exact: true });
        expect(await box(first.name).isChecked()).toBe(true);
        expect(await box(extra.name).isChecked()).toBe(false);
        await box(extra.name).check();
        await page.getByText(fill(t.forum.accountsHint, { n: offered.defaults.length + 1, max: 30 })).waitFor();
        await screenshot(page, 'forum', lang);

        await page.getByRole('button', { name: t.forum.present }).click();
        const show = page.getByTestId('presentation');
        await show.waitFor();
        const count = page.getByTestId('slide-count');
        const text = async () => (await count.textContent()) ?? '';
        await expect.poll(text).toMatch(/1 \/ \d+/);
        const total = Number(/\/ (\d+)/.exec(await text())![1]);
        // 3 fixed slides, then per account 5 with a plan, 3 without
        const planned = offered.accounts.filter((a) => (offered.defaults.includes(a.id) || a.id === extra.id) && a.hasPlan).length;
        const chosen = offered.defaults.length + 1;
        expect(total).toBe(3 + planned * 5 + (chosen - planned) * 3);
        const frame = page.frameLocator('.presentation iframe');
        await frame.locator('.slide.on').getByText(fill(t.forumDoc.title, { year })).waitFor();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('PageDown');
        await expect.poll(text).toBe(fill(t.forum.slideOf, { n: 3, total }));
        await frame.locator('.slide.on').getByText(t.forumDoc.paretoTitle).waitFor();
        await page.keyboard.press('Space');
        await expect.poll(text).toBe(fill(t.forum.slideOf, { n: 4, total }));
        await screenshot(page, 'forum-present-divider', lang);
        await page.keyboard.press('ArrowRight');
        await frame.locator('.slide.on svg').first().waitFor();
        await screenshot(page, 'forum-present-review', lang);
        await page.keyboard.press('End');
        await expect.poll(text).toBe(fill(t.forum.slideOf, { n: total, total }));
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('PageUp');
        await expect.poll(text).toBe(fill(t.forum.slideOf, { n: total - 2, total }));
        await page.keyboard.press('Home');
        await expect.poll(text).toBe(fill(t.forum.slideOf, { n: 1, total }));
        await page.keyboard.press('Escape');
        await show.waitFor({ state: 'detached' });

        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: t.forum.exportPdf }).click()]);
        expect(download.suggestedFilename()).toBe(lang === 'zh-CN' ? `${year}客户座谈会.pdf` : `customer-forum-${year}.pdf`);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `forum-export-${lang}.pdf`);
        await download.saveAs(file);
        expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        await page.getByText(fill(t.forum.exported, { file: download.suggestedFilename() })).waitFor();
      } finally {
        await cleanup();
      }
    });
  }

  it('shows the export progress and cancels it: no file', { timeout: 120_000 }, async () => {
    const t = msg('en');
    const { page, cleanup } = await sampleBoard(browser, 'en', '#/forum');
    try {
      await page.getByRole('heading', { level: 1, name: t.forum.title }).waitFor();
      await page.getByRole('checkbox').nth(10).waitFor();
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.getByRole('button', { name: t.forum.exportPdf }).click();
      const bar = page.getByRole('status').filter({ has: page.locator('progress') });
      await bar.waitFor();
      await screenshot(page, 'forum-exporting', 'en');
      await page.getByRole('button', { name: t.forum.cancel }).click();
      await page.getByText(t.forum.cancelled).waitFor();
      await bar.waitFor({ state: 'detached' });
      expect(downloads).toBe(0);
      // and the next export runs to the end
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: t.forum.exportPdf }).click()]);
      expect(download.suggestedFilename()).toMatch(/^customer-forum-\d{4}\.pdf$/);
    } finally {
      await cleanup();
    }
  });

  it('says what to do when there are no accounts', async () => {
    const t = msg('en');
    const tmp = tempDir();
    const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    const page = await newPage(browser, { lang: 'en' });
    try {
      await page.goto(`${preview.url}#/forum`);
      await page.getByRole('heading', { name: t.forum.emptyTitle }).waitFor();
    } finally {
      await page.context().close();
      await preview.stop();
      tmp.cleanup();
    }
  });
});
