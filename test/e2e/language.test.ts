import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, hashOf, htmlLang, inPage, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';
import { LOCALES } from '../../shared/i18n';

describe('language', () => {
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

  /** Waits until the whole UI speaks `lang`: <html lang>, the nav, the title. */
  async function speaks(page: Page, lang: Locale): Promise<void> {
    const t = msg(lang);
    await expect.poll(() => htmlLang(page)).toBe(lang);
    await page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.accounts, exact: true }).waitFor();
    const area = hashOf(page).replace('#/', '') || 'accounts';
    await expect.poll(() => page.title()).toBe(fill(t.app.pageTitle, { page: t.nav[area as keyof typeof t.nav] }));
  }

  it('follows the browser language until the user chooses', async () => {
    for (const lang of LOCALES) {
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.url}#/settings`);
      await speaks(page, lang);
      await page.context().close();
    }
  });

  it('switches in Settings, changes the text at once, and keeps the choice across a reload', async () => {
    const zh = msg('zh-CN');
    const en = msg('en');
    const page = await newPage(browser, { lang: 'zh-CN' });
    await page.goto(`${preview.url}#/settings`);
    await speaks(page, 'zh-CN');
    const group = page.getByRole('group', { name: zh.language.legend });
    expect(await group.getByRole('radio', { name: zh.language['zh-CN'] }).isChecked()).toBe(true);

    await group.getByRole('radio', { name: en.language.en }).check();
    await speaks(page, 'en');
    await page.getByRole('heading', { level: 1, name: en.settings.title }).waitFor();
    await page.getByRole('heading', { name: en.settings.database.title }).waitFor();
    expect(await inPage(page, "localStorage.getItem('keyplan.lang')")).toBe('en');
    await screenshot(page, 'settings-after-switch', 'en');

    await page.reload();
    await speaks(page, 'en');
    expect(await page.getByRole('radio', { name: en.language.en }).isChecked()).toBe(true);

    // and back
    await page.getByRole('group', { name: en.language.legend }).getByRole('radio', { name: zh.language['zh-CN'] }).check();
    await speaks(page, 'zh-CN');
    await page.reload();
    await speaks(page, 'zh-CN');
    await page.context().close();
  });

  it('lets ?lang= on the URL select the language over the stored choice and the browser', async () => {
    const page = await newPage(browser, { lang: 'zh-CN' });
    await page.goto(`${preview.url}&lang=en#/accounts`);
    await speaks(page, 'en');

    // A stored choice loses to the URL...
    await inPage(page, "localStorage.setItem('keyplan.lang', 'zh-CN')");
    await page.reload();
    await speaks(page, 'en');

    // ...and choosing in Settings drops the URL's ?lang=, so the choice holds after a reload.
    await page.goto(`${preview.url}&lang=en#/settings`);
    await speaks(page, 'en');
    await page.getByRole('radio', { name: msg('zh-CN').language['zh-CN'] }).check();
    await speaks(page, 'zh-CN');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.reload();
    await speaks(page, 'zh-CN');
    await page.context().close();

    const english = await newPage(browser, { lang: 'en' });
    await english.goto(`${preview.url}&lang=zh-CN`);
    await speaks(english, 'zh-CN');
    await english.context().close();
  });
});
