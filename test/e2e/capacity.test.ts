/**
 * Service capacity (服务能力) in the browser preview, in zh-CN and English, on the sample workspace:
 * the overloaded manager is shown; a what-if move changes the forecast before anything is saved;
 * Cancel keeps the owners; Save reassigns. And a person's days in Settings → our team.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/api/accounts';
import type { CapacityView } from '../../shared/api/capacity';
import { ownerLoads } from '../../shared/domain/capacity';
import { fill, invoke, LANGS, msg, screenshot } from './harness';
import { usePreviewPages } from './setup';

describe('service capacity', () => {
  const e2e = usePreviewPages();
  const view = () => invoke(e2e.preview, 'capacity-view', {}) as Promise<CapacityView>;
  const ownerOf = async (accountId: number) => (await view()).accounts.find((a) => a.id === accountId)!.ownerId;

  for (const lang of LANGS) {
    it(`shows the overloaded manager; a what-if move changes the forecast; cancel keeps, save reassigns (${lang})`, async () => {
      const t = msg(lang);
      const c = t.capacity;
      const page: Page = await e2e.open(lang, { route: '#/capacity', heading: c.title, sample: true });
      const v = await view();
      const loads = ownerLoads(v);
      const over = loads.filter((o) => o.overloaded && o.ownerId !== null);
      expect(over).toHaveLength(1); // the sample's overloaded manager
      const busy = over[0]!;
      const other = loads.filter((o) => !o.overloaded && o.ownerId !== null && o.accounts > 0).sort((a, b) => (a.load ?? 0) - (b.load ?? 0))[0]!;

      await page.getByTestId('capacity-summary').getByText(fill(c.owners.summary, { n: 1 })).waitFor();
      const row = page.locator(`[data-testid="capacity-owners"] tr[data-owner="${busy.name}"]`);
      await row.getByText(c.owners.overloaded).waitFor();
      await page.getByTestId('capacity-inversion').waitFor();
      await screenshot(page, 'capacity', lang, { fullPage: true });

      // The what-if: one of the busy manager's accounts to the least loaded owner.
      await page.getByTestId('capacity-from').selectOption(String(busy.ownerId));
      const account = v.accounts.find((a) => a.ownerId === busy.ownerId && a.tierId !== null)!;
      const move = page.getByLabel(fill(c.whatIf.moveFor, { name: account.name }));
      await move.selectOption(String(other.ownerId));
      await page.getByTestId('capacity-pending').getByText(fill(c.whatIf.pending, { n: 1 })).waitFor();
      // The forecast changes on screen (before → after) for both owners; nothing is saved yet.
      await row.getByTestId('capacity-forecast').getByTestId('capacity-change').waitFor();
      await page.locator(`[data-testid="capacity-owners"] tr[data-owner="${other.name}"]`).getByTestId('capacity-load').getByTestId('capacity-change').waitFor();
      expect(await ownerOf(account.id)).toBe(busy.ownerId);
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'capacity-what-if', lang);

      // Cancel keeps every owner.
      await page.getByRole('button', { name: c.whatIf.cancel }).click();
      await page.getByTestId('capacity-pending').getByText(c.whatIf.noPending).waitFor();
      await expect.poll(() => row.getByTestId('capacity-change').count()).toBe(0);
      expect(await ownerOf(account.id)).toBe(busy.ownerId);

      // Save reassigns, in one call.
      await move.selectOption(String(other.ownerId));
      await page.getByRole('button', { name: c.whatIf.save }).click();
      await page.getByText(fill(c.whatIf.saved, { n: 1 })).waitFor();
      await page.getByTestId('capacity-pending').getByText(c.whatIf.noPending).waitFor();
      expect(await ownerOf(account.id)).toBe(other.ownerId);
      await row.locator('td').first().getByText(String(busy.accounts - 1), { exact: true }).waitFor();
    });

    it(`keeps a person's days for customer work in Settings → our team (${lang})`, async () => {
      const t = msg(lang);
      const s = t.settings.people;
      const p = t.capacity.people;
      const page = await e2e.open(lang, { route: '#/settings', heading: t.settings.title, sample: true });
      const someone = ((await invoke(e2e.preview, 'people-list', {})) as Person[]).find((x) => x.role === 'manager')!;
      await page.getByRole('button', { name: fill(s.editFor, { name: someone.name }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(s.editTitle, { name: someone.name }) });
      await dialog.getByLabel(p.quarterDays).fill('100');
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.getByText(fill(p.range, { min: 0, max: 92 })).waitFor();
      await dialog.getByLabel(p.quarterDays).fill('30');
      await dialog.getByLabel(p.visitsPerDay).fill('3');
      await screenshot(page, 'settings-person-capacity', lang);
      await dialog.getByRole('button', { name: t.common.save }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('people-table').locator('tr', { hasText: someone.name });
      await row.getByText(fill(p.capacityDays, { days: 30 })).waitFor();
      await row.getByText(fill(p.capacityRate, { visits: 3, calls: 12 })).waitFor();
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-people-capacity', lang);
      const saved = ((await invoke(e2e.preview, 'people-list', {})) as Person[]).find((x) => x.id === someone.id)!;
      expect([saved.quarterDays, saved.visitsPerDay, saved.callsPerDay]).toEqual([30, 3, 12]);
    });
  }
});
