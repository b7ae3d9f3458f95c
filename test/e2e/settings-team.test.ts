import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AccountRecord, Person } from '../../shared/api/accounts';
import { fill, inPage, invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

describe('settings: our team', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale): Promise<Page> => e2e.open(lang, { route: '#/settings', heading: msg(lang).settings.title });

  const people = () => invoke(e2e.preview, 'people-list', {}) as Promise<Person[]>;

  for (const lang of LANGS) {
    it(`adds, edits and deletes team members; the owner's accounts keep their data (${lang})`, async () => {
      const t = msg(lang);
      const s = t.settings.people;
      const page = await open(lang);
      await page.getByText(s.empty).waitFor();

      // Add two people.
      const add = async (name: string, role: string, region: string) => {
        await page.getByRole('button', { name: s.add }).click();
        const dialog = page.getByRole('dialog', { name: s.addTitle });
        await dialog.waitFor();
        await dialog.getByLabel(s.name).fill(name);
        await dialog.getByLabel(s.role).selectOption(role);
        await dialog.getByLabel(s.region).fill(region);
        return dialog;
      };
      let dialog = await add('', 'manager', '');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.getByText(s.nameRequired).waitFor();
      await dialog.getByLabel(s.name).fill('王建国');
      await dialog.getByLabel(s.email).fill('wang.jianguo@example.com');
      await dialog.getByLabel(s.phone).fill('138 0000 1234');
      await screenshot(page, 'settings-person-add', lang);
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.waitFor({ state: 'hidden' });
      dialog = await add('李娜', 'director', '华南');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.waitFor({ state: 'hidden' });
      const table = page.getByTestId('people-table');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);

      // A second person of the same name is a conflict, shown on the name field.
      dialog = await add('王建国', 'specialist', '');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.getByText(fill(s.conflict, { name: '王建国' })).waitFor();
      await dialog.getByRole('button', { name: t.common.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Edit: Li Na leaves the front line, inactive.
      await page.getByRole('button', { name: fill(s.editFor, { name: '李娜' }) }).click();
      const edit = page.getByRole('dialog', { name: fill(s.editTitle, { name: '李娜' }) });
      await edit.getByRole('checkbox', { name: s.activeLabel }).uncheck();
      await edit.getByRole('button', { name: t.common.save }).click();
      await edit.waitFor({ state: 'hidden' });
      await table.locator('tr', { hasText: '李娜' }).getByText(s.inactive).waitFor();
      const li = (await people()).find((p) => p.name === '李娜')!;
      expect([li.active, li.role, li.region]).toEqual([false, 'director', '华南']);
      await inPage(page, `document.querySelector('.settings-people').scrollIntoView({ block: 'start' })`);
      await screenshot(page, 'settings-team', lang);

      // Delete Wang, who owns an account: the dialog explains the account keeps its data.
      const wang = (await people()).find((p) => p.name === '王建国')!;
      const account = (await invoke(e2e.preview, 'accounts-create', { name: '华东电网有限公司', ownerId: wang.id, industry: '能源' })) as AccountRecord;
      await page.getByRole('button', { name: fill(s.deleteFor, { name: '王建国' }) }).click();
      const confirm = page.getByRole('dialog', { name: fill(s.deleteTitle, { name: '王建国' }) });
      await confirm.getByText(fill(s.deleteBody, { name: '王建国' })).waitFor();
      await screenshot(page, 'settings-person-delete', lang);
      await confirm.getByRole('button', { name: s.delete }).click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      const after = (await invoke(e2e.preview, 'accounts-get', { id: account.id })) as { account: AccountRecord };
      expect(after.account.ownerId).toBeNull();
      expect(after.account.industry).toBe('能源');
      await page.context().close();
    });
  }
});
