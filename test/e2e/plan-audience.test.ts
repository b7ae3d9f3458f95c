/**
 * "Internal only" in the plan editor (shared/domain/audience.ts), in both languages, on the sample:
 * the competitor and investment sections show as always internal; a section is marked with the
 * toggle in its heading and an action with the checkbox in its form;
 * both are stored, the action carries the tag in its table, and the customer version of the plan
 * (plan-export, safe) holds neither, while the internal version holds both.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary, PlanView } from '../../shared/api/plans';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';

describe('annual plans: internal only', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`marks a section and an action internal only; the customer version leaves them out (${lang})`, async () => {
      const t = msg(lang);
      const p = t.planEditor;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        const draft = ((await invoke(preview, 'plans-list', {})) as PlanSummary[]).find((x) => x.status === 'draft')!;
        const get = async () => (await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView;
        const strategyText = (await get()).sections.find((s) => s.section === 'strategy')!.html.replace(/<[^>]*>/g, '\n').split('\n').find((s) => s.trim().length > 4)!.trim();

        await page.goto(`${preview.url}#/plans/${draft.accountId}/${draft.year}`);
        await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: draft.accountName, year: draft.year }) }).waitFor();

        // --- the competitor and investment sections are always internal (on the list as a whole) --
        for (const key of ['competitors', 'investment'] as const) {
          const fixed = page.getByRole('checkbox', { name: `${t.audience.internalOnly}: ${p.sections[key]}`, exact: true });
          expect(await fixed.isChecked()).toBe(true);
          expect(await fixed.isDisabled()).toBe(true);
        }

        // --- a section: the toggle in its heading ------------------------------------------------
        const toggle = page.getByRole('checkbox', { name: `${t.audience.internalOnly}: ${p.sections.strategy}`, exact: true });
        expect(await toggle.isChecked()).toBe(false);
        await toggle.check();
        await expect.poll(async () => (await get()).sections.find((s) => s.section === 'strategy')!.internal).toBe(true);
        await expect.poll(() => toggle.isChecked()).toBe(true);
        await page.locator('#plan-sec-strategy').scrollIntoViewIfNeeded();
        await screenshot(page, 'plan-internal-section', lang);

        // --- an action: the checkbox in its form, the tag in its table ---------------------------
        const what = lang === 'zh-CN' ? '私下约采购总监谈价格底线' : 'Private talk with the purchasing director on our floor price';
        await page.getByRole('button', { name: p.addKind.action }).click();
        const form = page.getByRole('dialog');
        await form.getByLabel(p.fields.what, { exact: true }).fill(what);
        await form.getByLabel(p.fields.internal, { exact: true }).check();
        await screenshot(page, 'plan-internal-item-form', lang);
        await form.getByRole('button', { name: t.common.save }).click();
        const actions = page.getByRole('region', { name: p.kinds.action, exact: true });
        const row = actions.getByRole('row').filter({ hasText: what });
        await row.getByText(t.audience.internalTag, { exact: true }).waitFor();
        const saved = (await get()).items.find((i) => i.kind === 'action' && (i.data as { what: string }).what === what)!;
        expect(saved.data).toMatchObject({ internal: true });
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, 'plan-internal-item', lang);

        // --- the two versions of the PDF ----------------------------------------------------------
        const text = async (safe: boolean) => {
          const file = (await invoke(preview, 'plan-export', { accountId: draft.accountId, year: draft.year, format: 'pdf', locale: lang, safe })) as { contentBase64: string };
          const pdf = path.join(tmp.dir, `plan-${safe ? 'customer' : 'internal'}.pdf`);
          fs.writeFileSync(pdf, Buffer.from(file.contentBase64, 'base64'));
          return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        };
        const flat = (s: string) => s.replace(/\s+/g, '');
        const inside = await text(false);
        expect(inside).toContain(flat(what));
        expect(inside).toContain(flat(strategyText));
        const customer = await text(true);
        expect(customer).toContain(flat(draft.accountName));
        expect(customer).not.toContain(flat(what));
        expect(customer).not.toContain(flat(strategyText));

        // unmarked again: the section is back in the customer version
        await toggle.uncheck();
        await expect.poll(async () => (await get()).sections.find((s) => s.section === 'strategy')!.internal).toBe(false);
        expect(await text(true)).toContain(flat(strategyText));
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    }, 120_000);
  }
});
