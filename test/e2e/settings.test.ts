import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Backend } from '../../electron/backend/backend';
import { migrate } from '../../electron/backend/db/migrate';
import { openConnection } from '../../electron/backend/db/open';
import { invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

describe('settings: database and backups', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale): Promise<Page> => e2e.open(lang, { route: '#/settings', heading: msg(lang).settings.title });

  const backupRows = (page: Page) => page.locator('.backups-table tbody tr');

  it('shows the file, the schema version, the backups and the app version; backs up and restores', async () => {
    const lang = 'zh-CN';
    const t = msg(lang);
    const page = await open(lang);
    expect(await page.getByTestId('db-path').innerText()).toBe(e2e.preview.dbPath);
    await page.getByTestId('app-version').filter({ hasText: /^\d+\.\d+\.\d+/ }).waitFor();
    await page.getByText(t.settings.about.transports.web).waitFor();
    // the daily automatic backup written on open
    await expect.poll(() => backupRows(page).count()).toBe(1);

    await invoke(e2e.preview, 'accounts-create', { name: '华东电网有限公司' });
    await page.getByRole('button', { name: t.settings.database.backupNow }).click();
    await expect.poll(() => backupRows(page).count()).toBe(2);
    const manual = backupRows(page).filter({ hasText: t.settings.database.kinds.manual });
    await manual.waitFor();
    await invoke(e2e.preview, 'accounts-create', { name: '招商银行股份有限公司' });
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

    const names = ((await invoke(e2e.preview, 'accounts-list', {})) as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['华东电网有限公司']);
    await page.getByRole('link', { name: t.nav.accounts, exact: true }).click();
    await expect.poll(() => page.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(['华东电网有限公司']);
    await page.context().close();
  });

  it('lets the restore dialog be cancelled with Escape, changing nothing (en)', async () => {
    const lang = 'en';
    const t = msg(lang);
    const page = await open(lang);
    await invoke(e2e.preview, 'accounts-create', { name: 'Contoso Energy Ltd.' });
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
    const names = ((await invoke(e2e.preview, 'accounts-list', {})) as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(['Contoso Energy Ltd.']);
    await page.context().close();
  });

  for (const lang of LANGS) {
    it(`lists only this database's backups, an old one without an id marked unverified (${lang})`, async () => {
      const t = msg(lang);
      const page = await e2e.open(lang, {
        route: '#/settings',
        heading: t.settings.title,
        prepare: async (dir) => {
          // another database in the same folder, with its own automatic backup in the shared backups/
          const other = new Backend({ dbPath: path.join(dir, 'team-b.db'), transport: 'test', autoBackup: true, log: () => {} });
          await other.call('accounts-create', { name: 'Other team account' });
          await other.close();
          // an old backup of this database, from before backups carried an id (schema 6)
          const old = path.join(dir, 'backups', 'keyplan-20260101T080000Z.db');
          const legacy = openConnection(old);
          migrate(legacy, { target: 6 });
          legacy.close();
          fs.utimesSync(old, new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T08:00:00Z'));
        },
      });
      // this database's automatic backup and the old one; not team-b's
      await expect.poll(() => backupRows(page).count()).toBe(2);
      await page.getByRole('button', { name: t.settings.database.backupNow }).click();
      await expect.poll(() => backupRows(page).count()).toBe(3);
      const kinds = await backupRows(page).locator('.backups-table__kind').allInnerTexts();
      expect(kinds.map((k) => k.replace(/\s+/g, '')).sort()).toEqual(
        [
          t.settings.database.kinds.manual,
          t.settings.database.kinds.automatic,
          `${t.settings.database.kinds.automatic}${t.settings.database.unverified}`,
        ]
          .map((k) => k.replace(/\s+/g, ''))
          .sort(),
      );
      const unverified = backupRows(page).filter({ has: page.locator('.backups-table__unverified') });
      expect(await unverified.count()).toBe(1);
      expect(await unverified.innerText()).toContain('keyplan-20260101T080000Z.db');
      expect(await backupRows(page).filter({ hasText: 'team-b' }).count()).toBe(0);
      await screenshot(page, 'settings-backups-own', lang);
      await page.context().close();
    });
  }
});
