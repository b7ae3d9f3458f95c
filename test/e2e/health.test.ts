/**
 * Account health and early warning in the browser, in both languages, on the sample workspace: the
 * account page shows the score, the four-quarter trend and the top three reasons; a warning on Today
 * is confirmed with a note, leaves the list, and appears in the risk section of that account's plan.
 */
import { describe, expect, it } from 'vitest';
import type { AccountHealth, HealthList } from '../../shared/api/health';
import { reasonText } from '../../shared/domain/health-words';
import { fill, invoke, LANGS, msg, screenshot } from './harness';
import { usePreviewPages } from './setup';

describe('health', () => {
  const pages = usePreviewPages();

  for (const lang of LANGS) {
    it(`shows an account's score, trend and reasons (${lang})`, async () => {
      const m = msg(lang);
      const page = await pages.open(lang, { route: '#/today', heading: m.today.title, sample: true });
      const list = (await invoke(pages.preview, 'health-list', {})) as HealthList;
      const worst = list.accounts.find((a) => a.reasons.length >= 3)!;
      await page.goto(`${pages.preview.url}#/accounts/${worst.accountId}`);
      const card = page.getByTestId('account-health');
      await card.waitFor();
      await expect.poll(() => card.getByTestId('health-score').first().textContent()).toBe(String(worst.score));
      const h = (await invoke(pages.preview, 'health-get', { accountId: worst.accountId })) as AccountHealth;
      const items = card.getByTestId('health-reasons').locator('li');
      expect(await items.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await items.nth(i).textContent()).toContain(reasonText(h.reasons[i]!, lang));
      expect(await card.getByTestId('health-trend').locator('circle').count()).toBe(5);
      await screenshot(page, 'health-account', lang);
    });

    it(`confirms a warning on Today with a note; it appears in the plan's risks (${lang})`, async () => {
      const m = msg(lang);
      const page = await pages.open(lang, { route: '#/today', heading: m.today.title, sample: true });
      const list = (await invoke(pages.preview, 'health-list', {})) as HealthList;
      expect(list.warnings.length).toBeGreaterThan(0);
      const w = list.warnings[0]!;
      const year = Number(list.today.slice(0, 4)) + 1;
      await invoke(pages.preview, 'plan-create', { accountId: w.accountId, year });
      const card = page.getByTestId('health-warnings');
      await card.waitFor();
      await screenshot(page, 'health-today-warnings', lang);
      const item = card.locator(`li.health-warning[data-account="${w.accountName}"]`);
      await item.getByRole('button', { name: m.health.warning.confirm }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const note = lang === 'en' ? 'New CIO favours the rival; visit the CEO this month.' : '新任信息中心主任倾向竞争对手，本月拜访总经理。';
      await dialog.getByLabel(m.health.warning.note).fill(note);
      await screenshot(page, 'health-confirm-dialog', lang);
      await dialog.getByRole('button', { name: m.health.warning.confirm }).click();
      await expect.poll(() => item.count()).toBe(0);
      const decisions = (await invoke(pages.preview, 'health-decisions', { accountId: w.accountId })) as { decision: string; note: string }[];
      expect(decisions).toMatchObject([{ decision: 'confirmed', note }]);

      await page.goto(`${pages.preview.url}#/plans/${w.accountId}/${year}`);
      const risks = page.getByTestId('plan-health-risks');
      await risks.waitFor();
      expect(await risks.textContent()).toContain(note);
      await risks.scrollIntoViewIfNeeded();
      await screenshot(page, 'health-plan-risks', lang);
    });

    it(`edits the weights in Settings; weights off 100 are refused in words (${lang})`, async () => {
      const m = msg(lang);
      const page = await pages.open(lang, { route: '#/settings', heading: m.settings.title });
      const form = page.getByTestId('health-settings');
      await form.waitFor();
      const revenue = form.getByLabel(fill(m.health.settings.weightFor, { input: m.health.input.revenue }));
      await expect.poll(() => revenue.inputValue()).toBe('20');
      await revenue.fill('30');
      await form.getByRole('button', { name: m.health.settings.save }).click();
      await form.getByRole('alert').filter({ hasText: fill(m.health.settings.sum, { total: 110 }) }).waitFor();
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'health-settings-refused', lang);
      await form.getByLabel(fill(m.health.settings.weightFor, { input: m.health.input.receivables })).fill('0');
      await form.getByRole('button', { name: m.health.settings.save }).click();
      await expect.poll(async () => ((await invoke(pages.preview, 'health-settings-get', {})) as { weights: { revenue: number } }).weights.revenue).toBe(30);
    });
  }
});
