/**
 * The plan editor's main job, in both languages, on the sample workspace: the list of plans leads to
 * a draft plan; a section's text is edited and autosaved, an objective and an action are added, and
 * all of it is there after a reload; the plan is submitted and approved (then frozen, read-only);
 * next year's plan is started from it; an edit of the approved plan makes version 2, and the two
 * versions compare section by section. A section changed elsewhere while being edited is a
 * conflict that keeps the user's text. Text typed just before the page crashes (its save never
 * arrives) is restored from the local journal and saved when the plan opens again, or offered as a
 * conflict when the section changed elsewhere meanwhile.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSummary, PlanView } from '../../shared/api/plans';
import { fill, hashOf, inPage, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale } from './harness';

function editorOf(page: Page, lang: Locale, section: keyof ReturnType<typeof msg>['planEditor']['sections']) {
  const t = msg(lang).planEditor;
  return page.getByRole('textbox', { name: fill(t.textLabel, { section: t.sections[section] }), exact: true });
}

/** The renderer dies at once: no unload handler runs, nothing more is sent. */
async function crash(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash', { timeout: 10_000 });
  void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
  await crashed;
  await page.close();
}

async function typeAtEnd(page: Page, box: ReturnType<typeof editorOf>, text: string) {
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('annual plans: the plan editor', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`edits, approves, rolls forward and compares a plan (${lang})`, async () => {
      const t = msg(lang);
      const p = t.planEditor;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        const plans = (await invoke(preview, 'plans-list', {})) as PlanSummary[];
        const draft = plans.find((x) => x.status === 'draft');
        expect(plans.map((x) => x.status).sort()).toEqual(['approved', 'draft', 'review']);
        if (!draft) throw new Error('no draft plan in the sample');

        // --- the list of plans ----------------------------------------------------------------
        await page.goto(`${preview.url}#/plans`);
        const table = page.getByTestId('plans-table');
        await table.waitFor();
        await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
        await table.getByText(p.status.approved, { exact: true }).waitFor();
        await screenshot(page, 'plans-landing', lang);
        // Filter by status.
        await page.getByLabel(p.landing.statusFilter, { exact: true }).selectOption('draft');
        await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
        // A second plan for the same account and year is refused with the translated error.
        await page.getByRole('button', { name: p.landing.newPlan }).click();
        const create = page.getByRole('dialog', { name: p.create.title });
        await create.getByLabel(p.create.account, { exact: true }).selectOption(String(draft.accountId));
        await create.getByLabel(p.create.year, { exact: true }).fill(String(draft.year));
        await create.getByRole('button', { name: p.create.submit }).click();
        await create.getByText(fill(t.errors['plan-exists'], { year: draft.year })).waitFor();
        await create.getByRole('button', { name: t.common.cancel }).click();

        await table.getByRole('link', { name: draft.accountName, exact: true }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/plans/${draft.accountId}/${draft.year}`);
        const title = fill(p.editor.pageTitle, { account: draft.accountName, year: draft.year });
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('navigation', { name: p.editor.outline }).getByRole('button', { name: p.sections.measures }).waitFor();

        // --- edit a section's text: autosaved ---------------------------------------------------
        const words = lang === 'zh-CN' ? '新增：今年重点拓展华东区域的运维服务。' : 'New: expand maintenance services in the east this year.';
        await typeAtEnd(page, editorOf(page, lang, 'overview'), ` ${words}`);
        await page.getByTestId('save-overview').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await expect
          .poll(async () => ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).sections[0]!.html)
          .toContain(words);

        // Bold with the toolbar.
        const toolbar = page.getByRole('toolbar', { name: fill(p.toolbar.label, { section: p.sections.strategy }) });
        await editorOf(page, lang, 'strategy').click();
        await page.keyboard.press('Control+End');
        await toolbar.getByRole('button', { name: p.toolbar.bold }).click();
        await page.keyboard.type(lang === 'zh-CN' ? '重点' : 'Focus');
        await page.getByTestId('save-strategy').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });

        // --- add an objective and an action -----------------------------------------------------
        const metric = lang === 'zh-CN' ? '新签合同额' : 'New contract value';
        await page.getByRole('button', { name: p.addKind.objective }).click();
        let form = page.getByRole('dialog');
        await form.getByLabel(p.fields.metric, { exact: true }).fill(metric);
        await form.getByLabel(p.fields.target, { exact: true }).fill('abc');
        await form.getByRole('button', { name: t.common.save }).click();
        await form.getByText(p.items.money).waitFor();
        await screenshot(page, 'plan-objective-form', lang);
        await form.getByLabel(p.fields.target, { exact: true }).fill('1200000');
        await form.getByLabel(p.fields.q1, { exact: true }).fill('300000');
        await form.getByRole('button', { name: t.common.save }).click();
        const objectives = page.getByRole('region', { name: p.kinds.objective, exact: true });
        await objectives.getByRole('cell', { name: metric, exact: true }).waitFor();

        const what = lang === 'zh-CN' ? '组织年度技术交流会' : 'Hold the yearly technical exchange';
        await page.getByRole('button', { name: p.addKind.action }).click();
        form = page.getByRole('dialog');
        await form.getByLabel(p.fields.what, { exact: true }).fill(what);
        await form.getByLabel(p.fields.due, { exact: true }).fill(`${draft.year}-13-01`);
        await form.getByRole('button', { name: t.common.save }).click();
        await form.getByText(t.common.invalidDate).waitFor();
        await form.getByLabel(p.fields.due, { exact: true }).fill(`${draft.year}-12-01`);
        await form.getByRole('button', { name: t.common.save }).click();
        const actions = page.getByRole('region', { name: p.kinds.action, exact: true });
        await actions.getByRole('cell', { name: what, exact: true }).waitFor();

        // --- a section changed elsewhere: a conflict keeps the user's text ----------------------
        const before = (await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView;
        const measures = before.sections.find((s) => s.section === 'measures')!;
        await invoke(preview, 'plan-section-save', { planId: draft.id, section: 'measures', html: '<p>changed elsewhere</p>', baseUpdatedAt: measures.updatedAt });
        // (the open editor takes the other window's text while it has nothing pending)
        await expect.poll(() => editorOf(page, lang, 'measures').innerText()).toContain('changed elsewhere');
        // Typing starts, and before the autosave (800 ms later) the section changes elsewhere again.
        await editorOf(page, lang, 'measures').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' mine');
        const latest = ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).sections.find((s) => s.section === 'measures')!;
        await invoke(preview, 'plan-section-save', { planId: draft.id, section: 'measures', html: '<p>changed again</p>', baseUpdatedAt: latest.updatedAt });
        const conflict = page.getByRole('alert').filter({ hasText: p.save.conflictTitle });
        await conflict.waitFor({ timeout: 10_000 });
        expect(await editorOf(page, lang, 'measures').innerText()).toContain('mine');
        await screenshot(page, 'plan-conflict', lang);
        await conflict.getByRole('button', { name: p.save.overwrite }).click();
        await page.getByTestId('save-measures').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await expect
          .poll(async () => ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).sections.find((s) => s.section === 'measures')!.html)
          .toContain('mine');

        // --- reload: everything is there ----------------------------------------------------------
        await page.reload();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await expect.poll(() => editorOf(page, lang, 'overview').innerText()).toContain(words);
        await objectives.getByRole('cell', { name: metric, exact: true }).waitFor();
        await actions.getByRole('cell', { name: what, exact: true }).waitFor();
        await page.getByTestId('plan-actual').waitFor();
        const body = await page.locator('main').innerText();
        expect(body).not.toMatch(/\b(undefined|NaN)\b|planEditor\./);
        if (lang === 'en') expect(body.replace(draft.accountName, '')).not.toMatch(/[\u4e00-\u9fff]/);
        await screenshot(page, 'plan-editor', lang);
        await page.getByRole('navigation', { name: p.editor.outline }).getByRole('button', { name: p.sections.objectives }).click();
        await screenshot(page, 'plan-objectives', lang);
        const toAnalysis = page.getByRole('navigation', { name: p.editor.outline }).getByRole('button', { name: p.sections.analysis });
        await toAnalysis.click();
        await expect.poll(() => toAnalysis.getAttribute('aria-current')).toBe('location');
        await screenshot(page, 'plan-analysis', lang);

        // --- submit and approve: frozen --------------------------------------------------------
        const workflow = page.getByRole('group', { name: p.editor.workflow });
        await workflow.getByRole('button', { name: p.editor.submit }).click();
        await workflow.getByRole('button', { name: p.editor.approve }).click();
        await page.getByRole('dialog', { name: p.editor.confirmApproveTitle }).getByRole('button', { name: p.editor.approve }).click();
        await page.getByTestId('frozen-note').waitFor();
        await expect.poll(() => page.getByRole('button', { name: p.toolbar.bold }).count()).toBe(0);
        expect(await editorOf(page, lang, 'overview').getAttribute('contenteditable')).toBe('false');
        await page.getByText(p.live.asApproved.split('{{date}}')[0]!).first().waitFor();
        await screenshot(page, 'plan-frozen', lang);

        // --- the approved plan as its customer-safe PDF ------------------------------------------
        await page.getByRole('button', { name: p.export.button }).click();
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: p.export.safe }).click()]);
        expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
        const pdfText = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, lang === 'zh-CN' ? '' : ' ');
        expect(pdfText).toContain(lang === 'zh-CN' ? draft.accountName.replace(/\s+/g, '') : draft.accountName);
        expect(pdfText).toContain(lang === 'zh-CN' ? p.sections.overview.replace(/\s+/g, '') : p.sections.overview);

        // --- roll forward to next year ----------------------------------------------------------
        const nextYear = draft.year + 1;
        await workflow.getByRole('button', { name: fill(p.editor.rollForward, { year: nextYear }) }).click();
        await page
          .getByRole('dialog', { name: fill(p.editor.confirmRollTitle, { year: nextYear }) })
          .getByRole('button', { name: fill(p.editor.rollForward, { year: nextYear }) })
          .click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/plans/${draft.accountId}/${nextYear}`);
        await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: draft.accountName, year: nextYear }) }).waitFor();
        await expect.poll(() => editorOf(page, lang, 'overview').innerText()).toContain(words);
        await page.getByRole('region', { name: p.kinds.objective, exact: true }).getByRole('cell', { name: metric, exact: true }).waitFor();

        // --- edit the approved plan: version 2; compare with version 1 ---------------------------
        await page.goto(`${preview.url}#/plans/${draft.accountId}/${draft.year}`);
        await page.getByTestId('frozen-note').waitFor();
        await workflow.getByRole('button', { name: fill(p.editor.editNewVersion, { n: 2 }) }).click();
        await page.getByTestId('plan-version').getByText(fill(p.editor.versionN, { n: 2 })).waitFor();
        await typeAtEnd(page, editorOf(page, lang, 'risks'), lang === 'zh-CN' ? '旺季供货保障。' : 'Supply in peak season.');
        await page.getByTestId('save-risks').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await workflow.getByRole('button', { name: p.editor.versions }).click();
        const compare = page.getByRole('dialog', { name: p.compare.title });
        await compare.getByLabel(p.compare.a, { exact: true }).selectOption('1');
        await compare.getByLabel(p.compare.b, { exact: true }).selectOption('current');
        await compare.getByRole('region', { name: p.sections.risks }).getByText(p.compare.textChanged).waitFor();
        await compare.getByRole('region', { name: p.sections.risks }).locator('ins').waitFor();
        await screenshot(page, 'plan-compare', lang);
        await compare.getByRole('button', { name: t.common.close }).click();

        // --- a new plan from the list ------------------------------------------------------------
        await page.goto(`${preview.url}#/plans`);
        await page.getByRole('button', { name: p.landing.newPlan }).click();
        const dialog = page.getByRole('dialog', { name: p.create.title });
        await dialog.getByRole('button', { name: p.create.submit }).click();
        await dialog.getByText(p.create.accountRequired).waitFor();
        await dialog.getByLabel(p.create.account, { exact: true }).selectOption(String(draft.accountId));
        await dialog.getByLabel(p.create.year, { exact: true }).fill(String(draft.year + 3));
        await dialog.getByRole('button', { name: p.create.submit }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/plans/${draft.accountId}/${draft.year + 3}`);
        await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: draft.accountName, year: draft.year + 3 }) }).waitFor();
        await page.getByRole('region', { name: p.kinds.contact, exact: true }).getByRole('cell', { name: draft.accountName, exact: true }).waitFor();
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }

  for (const lang of LANGS) {
    it(`restores text typed just before the page crashed (${lang})`, async () => {
      const t = msg(lang);
      const p = t.planEditor;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      let page = await newPage(browser, { lang });
      const context = page.context();
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        const draft = ((await invoke(preview, 'plans-list', {})) as PlanSummary[]).find((x) => x.status === 'draft');
        if (!draft) throw new Error('no draft plan in the sample');
        const server = async (section: string) =>
          ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).sections.find((s) => s.section === section)!;
        const journal = (section: string) => inPage<string | null>(page, `localStorage.getItem('keyplan.journal.${draft.id}.${section}')`);
        const open = async () => {
          await page.goto(`${preview.url}#/plans/${draft.accountId}/${draft.year}`);
          await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: draft.accountName, year: draft.year }) }).waitFor();
        };

        // --- typed, and the page closes before any save arrives: restored and saved -------------
        await open();
        await context.setOffline(true); // no save reaches the backend
        const words = lang === 'zh-CN' ? '关闭前最后输入的文字' : 'Last words before the crash';
        await typeAtEnd(page, editorOf(page, lang, 'overview'), ` ${words}`);
        await expect.poll(() => journal('overview')).toContain(words);
        await crash(page);
        expect((await server('overview')).html).not.toContain(words);

        await context.setOffline(false);
        page = await context.newPage();
        await open();
        await expect.poll(() => editorOf(page, lang, 'overview').innerText()).toContain(words);
        await page.getByTestId('restored-overview').getByText(p.save.restoredNote).waitFor();
        await page.getByTestId('save-overview').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await expect.poll(async () => (await server('overview')).html).toContain(words);
        await expect.poll(() => journal('overview')).toBeNull();
        await screenshot(page, 'plan-restored', lang);

        // --- the same, but the section changed elsewhere meanwhile: offered as a conflict -------
        await context.setOffline(true); // no save reaches the backend
        await typeAtEnd(page, editorOf(page, lang, 'risks'), ' mine');
        await expect.poll(() => journal('risks')).toContain('mine');
        await crash(page);
        const risks = await server('risks');
        await invoke(preview, 'plan-section-save', { planId: draft.id, section: 'risks', html: '<p>changed elsewhere</p>', baseUpdatedAt: risks.updatedAt });

        await context.setOffline(false);
        page = await context.newPage();
        await open();
        const conflict = page.getByRole('alert').filter({ hasText: p.save.conflictTitle });
        await conflict.getByText(p.save.conflictRecovered).waitFor({ timeout: 10_000 });
        expect(await editorOf(page, lang, 'risks').innerText()).toContain('mine');
        expect((await server('risks')).html).toBe('<p>changed elsewhere</p>');
        await conflict.scrollIntoViewIfNeeded();
        await screenshot(page, 'plan-restored-conflict', lang);
        await conflict.getByRole('button', { name: p.save.overwrite }).click();
        await page.getByTestId('save-risks').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await expect.poll(async () => (await server('risks')).html).toContain('mine');
        await expect.poll(() => journal('risks')).toBeNull();
      } finally {
        await context.close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
