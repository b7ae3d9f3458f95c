/**
 * The account list's basic jobs on a fresh database: add (with the name checked before any call and
 * the backend's duplicate refusal shown), rename on the account page, search by name and by pinyin
 * initials, and refetching when another door changes the data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fill, hashOf, invoke, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';
import { LOCALES } from '../../shared/i18n';

describe('accounts', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale): Promise<Page> => e2e.open(lang, { route: '#/accounts' });

  const rowNames = (page: Page) => page.locator('tr.acct-row .acct-name__link').allInnerTexts();

  for (const lang of LOCALES) {
    it(`adds, refuses a duplicate, renames and searches (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang);
      const empty = page.getByRole('heading', { name: t.accounts.empty.title });
      await empty.waitFor();
      await page.getByRole('link', { name: t.accounts.empty.importLink }).waitFor();
      await screenshot(page, 'accounts-empty', lang);

      // Add from the empty state: empty and too-long names are refused before any call.
      await page.getByRole('button', { name: t.accounts.add.button }).click();
      const dialog = page.getByRole('dialog', { name: t.accounts.add.title });
      const name = dialog.getByLabel(t.accounts.add.nameLabel);
      const submit = dialog.getByRole('button', { name: t.accounts.add.submit });
      await submit.click();
      await dialog.getByText(t.accounts.validation.empty).waitFor();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      await name.fill('长'.repeat(201));
      await submit.click();
      await dialog.getByText(fill(t.accounts.validation.tooLong, { max: 200, length: 201 })).waitFor();
      await screenshot(page, 'accounts-add-validation', lang);

      // Adding opens the new account's page.
      await name.fill('  华东电网有限公司  ');
      await dialog.getByLabel(t.domain.field.industry).fill('能源');
      await submit.click();
      await page.getByRole('heading', { level: 1, name: '华东电网有限公司' }).waitFor();
      expect(hashOf(page)).toMatch(/^#\/accounts\/\d+$/);

      for (const n of ['招商银行股份有限公司', 'Contoso Energy Ltd.', '中国移动通信集团浙江有限公司']) await invoke(e2e.preview, 'accounts-create', { name: n });
      await page.getByRole('link', { name: t.accounts.detail.back }).click();
      await expect.poll(async () => (await rowNames(page)).length).toBe(4);
      await page.getByText(fill(t.accounts.countAll, { total: 4 }), { exact: true }).waitFor();

      // A duplicate: the backend answers 'conflict', shown at the name.
      await page.getByRole('button', { name: t.accounts.add.button }).click();
      await dialog.getByLabel(t.accounts.add.nameLabel).fill('华东电网有限公司');
      await dialog.getByRole('button', { name: t.accounts.add.submit }).click();
      await dialog.getByRole('alert').filter({ hasText: t.errors.conflict }).waitFor();
      await screenshot(page, 'accounts-duplicate', lang);
      await dialog.getByRole('button', { name: t.common.cancel }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await rowNames(page)).toHaveLength(4);

      // Rename on the account page; a taken name is refused at the field.
      await page.locator('tr.acct-row', { hasText: 'Contoso Energy Ltd.' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contoso Energy Ltd.' }).waitFor();
      const field = page.getByLabel(t.domain.field.name, { exact: true });
      await field.fill('招商银行股份有限公司');
      await page.getByRole('button', { name: t.accounts.overview.save }).click();
      await page.getByRole('alert').filter({ hasText: t.errors.conflict }).first().waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await field.fill('Contoso Energy Group');
      await page.getByRole('button', { name: t.accounts.overview.save }).click();
      await page.getByRole('heading', { level: 1, name: 'Contoso Energy Group' }).waitFor();

      // Search: part of a name, English, pinyin initials; nothing found offers to clear.
      await page.getByRole('link', { name: t.accounts.detail.back }).click();
      const search = page.getByRole('searchbox', { name: t.accounts.search.label });
      await search.fill('有限公司');
      await expect.poll(async () => (await rowNames(page)).sort()).toEqual(['中国移动通信集团浙江有限公司', '华东电网有限公司', '招商银行股份有限公司'].sort());
      await page.getByText(fill(t.accounts.count, { n: 3, total: 4 }), { exact: true }).waitFor();
      await search.fill('contoso');
      await expect.poll(() => rowNames(page)).toEqual(['Contoso Energy Group']);
      await search.fill('zsyh');
      await expect.poll(() => rowNames(page)).toEqual(['招商银行股份有限公司']);
      await screenshot(page, 'accounts-search', lang);
      await search.fill('不存在的客户');
      await page.getByText(fill(t.accounts.search.noResultsFor, { query: '不存在的客户' })).waitFor();
      await page.getByRole('button', { name: t.accounts.search.clear }).click();
      await expect.poll(async () => (await rowNames(page)).length).toBe(4);
      expect(await search.inputValue()).toBe('');
      await page.context().close();
    });
  }

  it('refetches when accounts change through another door (data-changed)', async () => {
    const page = await open('zh-CN');
    const t = msg('zh-CN');
    await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
    const created = (await invoke(e2e.preview, 'accounts-create', { name: '国家电网浙江省电力公司' })) as { id: number };
    await expect.poll(() => rowNames(page)).toEqual(['国家电网浙江省电力公司']);
    await invoke(e2e.preview, 'accounts-rename', { id: created.id, name: '国网浙江省电力有限公司' });
    await expect.poll(() => rowNames(page)).toEqual(['国网浙江省电力有限公司']);
    await page.context().close();
  });

  it('refetches a change made before its event stream was connected', async () => {
    const t = msg('zh-CN');
    // Hold the event stream back until the list has been read and changed behind the page's back.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const page = await e2e.open('zh-CN', {
      route: '#/accounts',
      beforeGoto: (p) =>
        p.route('**/api/events**', async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
    await invoke(e2e.preview, 'accounts-create', { name: '国家电网浙江省电力公司' });
    release();
    await expect.poll(() => rowNames(page)).toEqual(['国家电网浙江省电力公司']);
    await page.context().close();
  });
});
