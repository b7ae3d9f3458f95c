/**
 * The plan template in Settings shapes the plan editor: a section left out is gone from a new
 * plan's outline and sections, and a guiding question edited in Settings is the help an empty
 * section shows.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountListRow } from '../../shared/api/accounts';
import { invoke, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, LANGS } from './harness';

describe('the plan template', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`leaves a section out of new plans and shows an edited guiding question (${lang})`, async () => {
      const t = msg(lang);
      const s = t.settings.planTemplate;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        await page.goto(`${preview.url}#/settings`);
        const table = page.getByTestId('plan-template-table');
        await table.waitFor();
        const investment = t.planEditor.sections.investment;
        const overview = t.planEditor.sections.overview;
        await page.getByLabel(s.includedFor.replace('{{section}}', investment), { exact: true }).uncheck();
        const question = lang === 'en' ? 'What does the customer want to achieve this year?' : '客户今年最想达成什么？';
        const field = page.getByLabel(s.guideFor.replace('{{section}}', overview).replace('{{language}}', lang === 'en' ? 'English' : '中文'), { exact: true });
        await field.fill(question);
        await page.getByRole('heading', { name: s.title, exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, 'settings-plan-template', lang);
        await page.getByRole('button', { name: s.save }).click();
        await page.getByText(s.saved).waitFor();
        // Stored: the handler reads back what the screen saved.
        const stored = (await invoke(preview, 'plan-template-get', {})) as { sections: { section: string; included: boolean; guide: Record<string, string> }[] };
        expect(stored.sections.find((x) => x.section === 'investment')?.included).toBe(false);
        expect(stored.sections.find((x) => x.section === 'overview')?.guide[lang]).toBe(question);

        // A new plan: no investment section, and the overview's help is the question.
        const accounts = (await invoke(preview, 'accounts-list', {})) as AccountListRow[];
        const plans = (await invoke(preview, 'plans-list', {})) as { accountId: number }[];
        const free = accounts.find((a) => !plans.some((p) => p.accountId === a.id))!;
        await invoke(preview, 'plan-create', { accountId: free.id, year: 2027 });
        await page.goto(`${preview.url}#/plans/${free.id}/2027`);
        const outline = page.getByRole('navigation', { name: t.planEditor.editor.outline });
        await outline.waitFor();
        await expect.poll(() => outline.getByRole('listitem').count()).toBe(11);
        await expect(outline.getByText(investment, { exact: true }).count()).resolves.toBe(0);
        await expect(page.locator('#plan-sec-investment').count()).resolves.toBe(0);
        const empty = page.locator('#plan-sec-overview .rt-content p.is-editor-empty');
        await empty.waitFor();
        expect(await empty.getAttribute('data-placeholder')).toBe(question);
        await screenshot(page, 'plan-editor-template', lang);
      } finally {
        await page.close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
