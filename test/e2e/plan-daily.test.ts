/**
 * The plan editor's daily details, in both languages, on the sample workspace: an action's due date
 * takes the same forms as every date field (2026/12/1, 2026年12月1日) and has the calendar button; a
 * table typed in the editor fits the text column however many columns it has, and its rows and
 * columns can be deleted with named toolbar buttons; comparing versions shows each changed item
 * field with its old and new value.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanItem, PlanSummary, PlanView } from '../../shared/api/plans';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale } from './harness';

function editorOf(page: Page, lang: Locale, section: keyof ReturnType<typeof msg>['planEditor']['sections']) {
  const t = msg(lang).planEditor;
  return page.getByRole('textbox', { name: fill(t.textLabel, { section: t.sections[section] }), exact: true });
}

/** Rows and columns of the first table in a section's editor. */
async function shape(page: Page, lang: Locale): Promise<{ rows: number; cols: number }> {
  const table = editorOf(page, lang, 'strategy').locator('table').first();
  const rows = await table.locator('tr').count();
  const cols = rows ? await table.locator('tr').first().locator('th, td').count() : 0;
  return { rows, cols };
}

describe('plan editor: due dates, tables, compare values', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`types dates as everywhere, fits and trims tables, shows old -> new in compare (${lang})`, async () => {
      const t = msg(lang);
      const p = t.planEditor;
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        const plans = (await invoke(preview, 'plans-list', {})) as PlanSummary[];
        const draft = plans.find((x) => x.status === 'draft')!;
        const approved = plans.find((x) => x.status === 'approved')!;
        await page.goto(`${preview.url}#/plans/${draft.accountId}/${draft.year}`);
        await page.getByRole('heading', { level: 1, name: fill(p.editor.pageTitle, { account: draft.accountName, year: draft.year }) }).waitFor();

        // --- the action's due date: the forms of every date field, and the calendar button ----------
        const what = lang === 'zh-CN' ? '安排高层互访' : 'Arrange an executive visit';
        await page.getByRole('button', { name: p.addKind.action }).click();
        const form = page.getByRole('dialog');
        await form.getByLabel(p.fields.what, { exact: true }).fill(what);
        const due = form.getByLabel(p.fields.due, { exact: true });
        await form.getByRole('button', { name: fill(t.common.pickDate, { field: p.fields.due }) }).waitFor();
        await due.fill(`${draft.year}年11月3日`);
        await due.blur();
        await expect.poll(() => due.inputValue()).toBe(`${draft.year}-11-03`);
        await due.fill(`${draft.year}/12/1`);
        await screenshot(page, 'plan-action-due', lang);
        await form.getByRole('button', { name: t.common.save }).click();
        await page.getByRole('region', { name: p.kinds.action, exact: true }).getByRole('cell', { name: what, exact: true }).waitFor();
        const items = ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).items;
        expect(items.find((i) => i.data.kind === 'action' && i.data.what === what)?.data).toMatchObject({ due: `${draft.year}-12-01` });

        // --- a table: fits the column with many columns; rows and columns deleted -------------------
        const toolbar = page.getByRole('toolbar', { name: fill(p.toolbar.label, { section: p.sections.strategy }) });
        const box = editorOf(page, lang, 'strategy');
        await box.click();
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await toolbar.getByRole('button', { name: p.toolbar.table }).click();
        await expect.poll(() => shape(page, lang)).toEqual({ rows: 3, cols: 3 });
        await page.keyboard.type(lang === 'zh-CN' ? '区域电网调度中心信息化改造项目二期' : 'Regional-grid-dispatch-centre-modernisation-phase-two');
        // 13 columns: wider than the column at the old 60 px a cell
        for (let i = 0; i < 10; i++) await toolbar.getByRole('button', { name: p.toolbar.addColumn }).click();
        await toolbar.getByRole('button', { name: p.toolbar.addRow }).click();
        await expect.poll(() => shape(page, lang)).toEqual({ rows: 4, cols: 13 });
        const fits = () =>
          box.evaluate((el) => {
            const table = el.querySelector('table')!.getBoundingClientRect();
            const column = el.getBoundingClientRect();
            return table.left >= column.left - 0.5 && table.right <= column.right + 0.5 && el.scrollWidth <= el.clientWidth;
          });
        expect(await fits()).toBe(true);
        await screenshot(page, 'plan-table-wide', lang);
        await toolbar.getByRole('button', { name: p.toolbar.deleteRow }).click();
        await expect.poll(() => shape(page, lang)).toEqual({ rows: 3, cols: 13 });
        await toolbar.getByRole('button', { name: p.toolbar.deleteColumn }).click();
        await toolbar.getByRole('button', { name: p.toolbar.deleteColumn }).click();
        await expect.poll(() => shape(page, lang)).toEqual({ rows: 3, cols: 11 });
        expect(await fits()).toBe(true);
        await page.getByTestId('save-strategy').getByText(p.save.saved, { exact: true }).waitFor({ timeout: 10_000 });
        await expect
          .poll(async () => {
            const html = ((await invoke(preview, 'plan-get', { accountId: draft.accountId, year: draft.year })) as PlanView).sections.find((s) => s.section === 'strategy')!.html;
            const table = html.slice(html.indexOf('<table'));
            return { rows: (table.match(/<tr/g) ?? []).length, firstRowCells: (table.slice(0, table.indexOf('</tr>')).match(/<t[hd][\s>]/g) ?? []).length };
          })
          .toEqual({ rows: 3, firstRowCells: 11 });
        await screenshot(page, 'plan-table', lang);

        // --- compare: a changed objective shows its old and new target ------------------------------
        const view = (await invoke(preview, 'plan-get', { accountId: approved.accountId, year: approved.year })) as PlanView;
        const objective = view.items.find((i): i is PlanItem & { data: { kind: 'objective' } } => i.data.kind === 'objective' && i.data.unit === 'money')!;
        const oldTarget = objective.data.target!;
        await invoke(preview, 'plan-item-save', { planId: view.plan.id, id: objective.id, data: { ...objective.data, target: oldTarget + 10_000_000 } });
        await page.goto(`${preview.url}#/plans/${approved.accountId}/${approved.year}`);
        await page.getByTestId('plan-version').getByText(fill(p.editor.versionN, { n: 2 })).waitFor();
        await page.getByRole('group', { name: p.editor.workflow }).getByRole('button', { name: p.editor.versions }).click();
        const compare = page.getByRole('dialog', { name: p.compare.title });
        await compare.getByLabel(p.compare.a, { exact: true }).selectOption('1');
        await compare.getByLabel(p.compare.b, { exact: true }).selectOption('current');
        const change = compare.getByRole('region', { name: p.sections.objectives }).locator('li[data-field="target"]');
        await change.waitFor();
        const money = (minor: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(minor / 100));
        expect(await change.locator('del').innerText()).toContain(money(oldTarget));
        expect(await change.locator('ins').innerText()).toContain(money(oldTarget + 10_000_000));
        expect(await change.innerText()).toContain('→');
        await screenshot(page, 'plan-compare-values', lang);
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
