import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

describe('settings: database and backups', () => {
  let browser: Browser;
  let preview: Preview | undefined;
  let cleanup: (() => void) | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await preview?.stop();
    cleanup?.();
    preview = undefined;
  });

  async function open(lang: Locale): Promise<Page> {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    const page = await newPage(browser, { lang });
    await page.goto(`${preview.url}#/settings`);
    await page.getByRole('heading', { level: 1, name: msg(lang).settings.title }).waitFor();
    return page;
  }

  const backupRows = (page: Page) => page.locator('.backups-table tbody tr');

  it('shows the file, the schema version, the backups and the app version; backs up and restores', async () => {
    const lang = 'zh-CN';
    const t = msg(lang);
    const page = await open(lang);
    expect(await page.getByTestId('db-path').innerText()).toBe(preview!.dbPath);
    await page.getByTestId('app-version').filter({ hasText: /^\d+\.\d+\.\d+/ }).waitFor();
    await page.getByText(t.settings.about.transports.web).waitFor();
    // the daily automatic backup written on open
    await expect.poll(() => backupRows(page).count()).toBe(1);

    await invoke(preview!, 'accounts-create', { name: '华东电网有限公司' });
    await page.getByRole('button', { name: t.settings.database.backupNow }).click();
    await expect.poll(() => backupRows(page).count()).toBe(2);
    const manual = backupRows(page).filter({ hasText: t.settings.database.kinds.manual });
    await manual.waitFor();
    await invoke(preview!, 'accounts-create', { name: '招商银行股份有限公司' });
    await screenshot(page, 'settings-backups', lang);

    // Restore the manual backup: confirm first.
    await manual.getByRole('button', { name: t.settings.database.restore }).click();
    const dialog = page.getByRole('dialog', { name: t.settings.database.restoreTitle });
    await dialog.waitFor();
    // Cancel is focused first, so Enter never restores by accident.
    expect(await page.locator(':focus').textContent()).toBe(t.common.cancel);
    await screenshot(page, 'settings-restore-confirm', lang);
    await dialog.getByRole('button', { name: t.settings.database.restoreConfirm, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(t.settings.database.restored.slice(0, 2)).first().waitFor();
    // the current database was saved before being replaced
    await backupRows(page).filter({ hasText: t.settings.database.kinds['before-restore'] }).waitFor();

    const names = ((await invoke(preview!, 'accounts-list', {})) as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['华东电网有限公司']);
    await page.getByRole('link', { name: t.nav.accounts, exact: true }).click();
    await expect.poll(() => page.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(['华东电网有限公司']);
    await page.context().close();
  });

  it('lets the restore dialog be cancelled with Escape, changing nothing (en)', async () => {
    const lang = 'en';
    const t = msg(lang);
    const page = await open(lang);
    await invoke(preview!, 'accounts-create', { name: 'Contoso Energy Ltd.' });
    await page.getByRole('button', { name: t.settings.database.backupNow }).click();
    await expect.poll(() => backupRows(page).count()).toBe(2);
    await screenshot(page, 'settings-backups', lang);
    await backupRows(page).first().getByRole('button', { name: t.settings.database.restore }).click();
    const dialog = page.getByRole('dialog', { name: t.settings.database.restoreTitle });
    await dialog.waitFor();
    await screenshot(page, 'settings-restore-confirm', lang);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await backupRows(page).count()).toBe(2);
    const names = ((await invoke(preview!, 'accounts-list', {})) as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['Contoso Energy Ltd.']);
    await page.context().close();
  });
});
