import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, hashOf, htmlLang, inPage, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Preview } from './harness';

const AREAS = ['accounts', 'board', 'stakeholders', 'plans', 'forum', 'settings'] as const;
const FORBIDDEN_WORDS = /coming soon|todo|not implemented|lorem|敬请期待|即将推出|尚未实现/i;

describe('navigation', () => {
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  for (const lang of LANGS) {
    it(`visits every area in ${lang}, each with a real empty state`, async () => {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      await page.goto(preview.url);
      const nav = page.getByRole('navigation', { name: t.nav.label });
      await expect.poll(() => htmlLang(page)).toBe(lang);

      for (const area of AREAS) {
        await nav.getByRole('link', { name: t.nav[area], exact: true }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/${area}`);
        const heading = page.getByRole('heading', { level: 1 });
        await expect.poll(() => heading.textContent()).toBe(t[area].title);
        expect(await nav.getByRole('link', { name: t.nav[area], exact: true }).getAttribute('aria-current')).toBe('page');
        expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
        if (area !== 'accounts' && area !== 'settings') {
          // empty areas explain themselves and point to the next step: add accounts first
          await page.getByRole('link', { name: t.nextStep.addAccounts }).waitFor();
        }
        if (area === 'accounts') await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
        if (area === 'settings') await page.getByTestId('app-version').filter({ hasText: /\d+\.\d+\.\d+/ }).waitFor();
        expect(await page.locator('body').innerText()).not.toMatch(FORBIDDEN_WORDS);
        await screenshot(page, `area-${area}`, lang);
        if (area === 'settings') await screenshot(page, 'area-settings-full', lang, { fullPage: true });
      }

      // The next step leads to the accounts list.
      await nav.getByRole('link', { name: t.nav.board, exact: true }).click();
      await page.getByRole('link', { name: t.nextStep.addAccounts }).click();
      await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/accounts');
      await page.context().close();
    });
  }

  it('is keyboard navigable: Tab reaches the nav links, Enter follows them, focus lands on the heading', async () => {
    const t = msg('en');
    const page = await newPage(browser, { lang: 'en' });
    await page.goto(preview.url);
    await page.getByRole('navigation').waitFor();
    let focused = '';
    for (let i = 0; i < 10 && focused !== t.nav.board; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.locator(':focus').innerText()).trim();
    }
    expect(focused).toBe(t.nav.board);
    await page.keyboard.press('Enter');
    await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/board');
    await expect.poll(() => inPage(page, 'document.activeElement && document.activeElement.tagName')).toBe('H1');
    await page.context().close();
  });

  it('shows the accounts in the next step once there are some', async () => {
    await invoke(preview, 'accounts-create', { name: '华东电网有限公司' });
    await invoke(preview, 'accounts-create', { name: '招商银行股份有限公司' });
    await invoke(preview, 'accounts-create', { name: '中国移动通信集团浙江有限公司' });
    for (const lang of LANGS) {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      // (The board and the stakeholder maps are no longer introductions once there are accounts.)
      await page.goto(`${preview.url}#/plans`);
      await page.getByText(fill(t.nextStep.haveAccounts, { n: 3 })).waitFor();
      await page.getByRole('link', { name: t.nextStep.reviewAccounts }).waitFor();
      await screenshot(page, 'area-plans-with-accounts', lang);
      // The board shows the three accounts waiting to be placed.
      await page.goto(`${preview.url}#/board`);
      await expect.poll(() => page.getByRole('region', { name: t.board.tray.title, exact: true }).getByRole('listitem').count()).toBe(3);
      await page.context().close();
    }
  });
});
