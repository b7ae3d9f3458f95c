import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

describe('accounts', () => {
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
    await page.goto(`${preview.url}#/accounts`);
    return page;
  }

  const rowNames = (page: Page) => page.locator('tbody th[scope="row"]').allInnerTexts();

  for (const lang of LANGS) {
    it(`adds, refuses a duplicate, renames and searches (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang);
      const empty = page.getByRole('heading', { name: t.accounts.empty.title });
      await empty.waitFor();
      await screenshot(page, 'accounts-empty', lang);

      // Empty and too-long names are refused before any call.
      const name = page.getByLabel(t.accounts.add.nameLabel);
      const add = page.getByRole('button', { name: t.accounts.add.submit });
      await add.click();
      await page.getByText(t.accounts.validation.empty).waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      await name.fill('长'.repeat(201));
      await add.click();
      await page.getByText(fill(t.accounts.validation.tooLong, { max: 200, length: 201 })).waitFor();
      await screenshot(page, 'accounts-validation', lang);

      // Add the first: the list replaces the empty state.
      await name.fill('  华东电网有限公司  ');
      await add.click();
      await expect.poll(() => rowNames(page)).toEqual(['华东电网有限公司']);
      expect(await empty.count()).toBe(0);

      const name2 = page.getByLabel(t.accounts.add.nameLabel);
      for (const n of ['招商银行股份有限公司', 'Contoso Energy Ltd.', '中国移动通信集团浙江有限公司']) {
        await name2.fill(n);
        await page.getByRole('button', { name: t.accounts.add.submit }).click();
        await expect.poll(async () => (await rowNames(page)).includes(n)).toBe(true);
      }
      await page.getByText(fill(t.accounts.total, { n: 4 })).waitFor();

      // A duplicate: the backend answers 'conflict', shown as errors.conflict.
      await name2.fill('华东电网有限公司');
      await page.getByRole('button', { name: t.accounts.add.submit }).click();
      await page.getByRole('alert').filter({ hasText: t.errors.conflict }).first().waitFor();
      expect(await rowNames(page)).toHaveLength(4);
      await screenshot(page, 'accounts-duplicate', lang);
      await name2.fill('');

      // Rename inline: Enter saves.
      await page.getByRole('button', { name: fill(t.accounts.rename.actionFor, { name: 'Contoso Energy Ltd.' }) }).click();
      const field = page.getByLabel(fill(t.accounts.rename.label, { name: 'Contoso Energy Ltd.' }));
      expect(await page.locator(':focus').getAttribute('id')).toBe(await field.getAttribute('id'));
      await screenshot(page, 'accounts-rename', lang);
      await field.fill('Contoso Energy Group');
      await field.press('Enter');
      await expect.poll(async () => (await rowNames(page)).includes('Contoso Energy Group')).toBe(true);
      expect(await rowNames(page)).not.toContain('Contoso Energy Ltd.');

      // Rename to a taken name: conflict, shown in the row; Escape cancels.
      await page.getByRole('button', { name: fill(t.accounts.rename.actionFor, { name: 'Contoso Energy Group' }) }).click();
      const again = page.getByLabel(fill(t.accounts.rename.label, { name: 'Contoso Energy Group' }));
      await again.fill('招商银行股份有限公司');
      await again.press('Enter');
      await page.locator('tr.is-editing').getByText(t.errors.conflict).waitFor();
      await again.press('Escape');
      await expect.poll(() => page.locator('tr.is-editing').count()).toBe(0);
      expect(await rowNames(page)).toContain('Contoso Energy Group');

      // Search goes through accounts-list {search}.
      const search = page.getByRole('searchbox', { name: t.accounts.search.label });
      await search.fill('有限公司');
      await expect.poll(async () => (await rowNames(page)).sort()).toEqual(['中国移动通信集团浙江有限公司', '华东电网有限公司', '招商银行股份有限公司'].sort());
      await search.fill('contoso');
      await expect.poll(() => rowNames(page)).toEqual(['Contoso Energy Group']);
      await screenshot(page, 'accounts-search', lang);
      await search.fill('不存在的客户');
      await page.getByText(fill(t.accounts.search.noResults, { query: '不存在的客户' })).waitFor();
      await page.getByRole('button', { name: t.accounts.search.clear }).click();
      await expect.poll(async () => (await rowNames(page)).length).toBe(4);
      await screenshot(page, 'accounts-list', lang);
      await page.context().close();
    });
  }

  it('refetches when accounts change through another door (data-changed)', async () => {
    const page = await open('zh-CN');
    const t = msg('zh-CN');
    await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
    await invoke(preview!, 'accounts-create', { name: '国家电网浙江省电力公司' });
    await expect.poll(() => rowNames(page)).toEqual(['国家电网浙江省电力公司']);
    const [created] = (await invoke(preview!, 'accounts-list', {})) as { id: number }[];
    await invoke(preview!, 'accounts-rename', { id: created!.id, name: '国网浙江省电力有限公司' });
    await expect.poll(() => rowNames(page)).toEqual(['国网浙江省电力有限公司']);
    await page.context().close();
  });
});
