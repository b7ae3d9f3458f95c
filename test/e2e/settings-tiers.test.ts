import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../shared/api/accounts';
import type { CadenceDays } from '../../shared/domain/cadence';
import { fill, inPage, invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

describe('settings: tiers, their service standard, and the follow-up cadence', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale): Promise<Page> => e2e.open(lang, { route: '#/settings', heading: msg(lang).settings.title });

  const tiers = () => invoke(e2e.preview, 'tiers-list', {}) as Promise<Tier[]>;
  const scrollTo = (page: Page, selector: string) => inPage(page, `document.querySelector('${selector}').scrollIntoView({ block: 'start' })`);

  for (const lang of LANGS) {
    it(`edits a tier's standard, validates, refuses a duplicate key, deletes; edits the cadence; both persist (${lang})`, async () => {
      const t = msg(lang);
      const s = t.settings;
      const page = await open(lang);
      const table = page.getByTestId('tiers-table');
      await table.locator('tbody tr').first().waitFor();
      const before = await tiers();
      const gold = before.find((x) => x.key === 'gold')!;
      const goldName = lang === 'en' ? gold.nameEn : gold.nameZh;
      await scrollTo(page, '.settings-tiers');
      await screenshot(page, 'settings-tiers', lang);

      // Edit Gold: 3 visits a quarter, 2 calls a month.
      await page.getByRole('button', { name: fill(s.tiers.editFor, { name: goldName }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(s.tiers.editTitle, { name: goldName }) });
      await dialog.waitFor();
      await dialog.getByLabel(s.tiers.visits).fill('3');
      await dialog.getByLabel(s.tiers.calls).fill('x');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.getByText(s.tiers.invalid.count).waitFor();
      await screenshot(page, 'settings-tier-invalid', lang);
      await dialog.getByLabel(s.tiers.calls).fill('2');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = table.locator('tr[data-tier="gold"]');
      await expect.poll(() => row.getByTestId('tier-visits').innerText()).toBe('3');
      expect(await row.getByTestId('tier-calls').innerText()).toBe('2');
      const saved = (await tiers()).find((x) => x.key === 'gold')!;
      expect([saved.visitsPerQuarter, saved.callsPerMonth]).toEqual([3, 2]);

      // Add a tier: a bad key is explained; a key in use is a conflict shown on the field.
      await page.getByRole('button', { name: s.tiers.add }).click();
      const add = page.getByRole('dialog', { name: s.tiers.addTitle });
      await add.waitFor();
      await add.getByLabel(s.tiers.nameZh).fill('水晶客户');
      await add.getByLabel(s.tiers.nameEn).fill('Crystal');
      await add.getByLabel(s.tiers.key).fill('Crystal Tier');
      await add.getByRole('button', { name: t.common.save }).click();
      await add.getByText(s.tiers.invalid.key).waitFor();
      await add.getByLabel(s.tiers.key).fill('gold');
      await add.getByRole('button', { name: t.common.save }).click();
      await add.getByText(fill(s.tiers.conflict, { key: 'gold' })).waitFor();
      await screenshot(page, 'settings-tier-conflict', lang);
      await add.getByLabel(s.tiers.key).fill('crystal');
      await add.getByLabel(s.tiers.visits).fill('0');
      await add.getByLabel(s.tiers.calls).fill('1');
      await add.getByRole('button', { name: t.common.save }).click();
      await add.waitFor({ state: 'hidden' });
      await table.locator('tr[data-tier="crystal"]').waitFor();

      // Delete it: the dialog says what happens to its accounts.
      await page.getByRole('button', { name: fill(s.tiers.deleteFor, { name: lang === 'en' ? 'Crystal' : '水晶客户' }) }).click();
      const confirm = page.getByRole('dialog', { name: fill(s.tiers.deleteTitle, { name: lang === 'en' ? 'Crystal' : '水晶客户' }) });
      await confirm.getByText(s.tiers.deleteBody).waitFor();
      await screenshot(page, 'settings-tier-delete', lang);
      await confirm.getByRole('button', { name: s.tiers.delete }).click();
      await expect.poll(() => table.locator('tr[data-tier="crystal"]').count()).toBe(0);
      expect((await tiers()).map((x) => x.key)).toEqual(before.map((x) => x.key));

      // Cadence: B every 10 days instead of 7; 0 is refused.
      const cadence = page.getByTestId('cadence-table');
      const daysB = cadence.getByLabel(fill(s.cadence.daysFor, { grade: t.domain.grade.B }));
      await expect.poll(() => daysB.inputValue()).toBe('7');
      await scrollTo(page, '.settings-cadence');
      await screenshot(page, 'settings-cadence', lang);
      await daysB.fill('0');
      await page.getByRole('button', { name: s.cadence.save }).click();
      await cadence.getByText(s.cadence.invalid).waitFor();
      await screenshot(page, 'settings-cadence-invalid', lang);
      await daysB.fill('10');
      await page.getByRole('button', { name: s.cadence.save }).click();
      await page.getByText(s.cadence.saved).waitFor();
      expect(((await invoke(e2e.preview, 'cadence-get', {})) as CadenceDays).B).toBe(10);

      // Both persist across a reload.
      await page.reload();
      await page.getByTestId('tiers-table').locator('tr[data-tier="gold"]').waitFor();
      expect(await page.locator('tr[data-tier="gold"]').getByTestId('tier-visits').innerText()).toBe('3');
      await expect.poll(() => page.getByTestId('cadence-table').getByLabel(fill(s.cadence.daysFor, { grade: t.domain.grade.B })).inputValue()).toBe('10');
      await page.context().close();
    });
  }
});
