/**
 * Issue 10, item 7 in the UI: a name with a direction override (U+202E) is refused in the form
 * with the translated reason, and a field the form does not check itself (industry) is refused by
 * the contract with the same translated reason (errors.text-control-char), in both languages.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Preview } from './harness';

describe('control characters in names', () => {
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
    it(`the add-account form refuses U+202E with the reason (${lang})`, async () => {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.url}#/accounts`);
      await page.getByRole('button', { name: t.accounts.add.button }).first().click();
      const dialog = page.getByRole('dialog');
      const name = dialog.getByLabel(t.accounts.add.nameLabel);
      await name.fill(`Acme\u202Eevil ${lang}`);
      await dialog.getByRole('button', { name: t.accounts.add.submit }).click();
      const reason = fill(t.errors['text-control-char'], { char: 'U+202E' });
      await dialog.getByText(reason).waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'account-name-control-char', lang);

      // The name is fixed; the industry carries one: the backend refuses it, with the same reason.
      await name.fill(`Acme ${lang}`);
      await dialog.getByLabel(t.domain.field.industry).fill('Power\u202Egrid');
      await dialog.getByRole('button', { name: t.accounts.add.submit }).click();
      await dialog.getByText(reason).waitFor();
      await screenshot(page, 'account-industry-control-char', lang);
      expect(((await invoke(preview, 'accounts-list', {})) as unknown[]).length).toBe(0);
      await page.close();
    });
  }
});
