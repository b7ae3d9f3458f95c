/**
 * The accounts screen's recycle bin, bulk edit, column chooser and long names (issue 11,
 * "Accounts"), in both languages on a sample workspace: delete -> bin -> restore; empty the bin;
 * bulk edit two rows and undo; hide a column and resize one, reload, still so; a long Chinese name
 * fully visible at 1280 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, AccountQueryResult, AccountRecord } from '../../shared/api/accounts';
import type { BinAccount } from '../../shared/api/accounts-bin';
import { fill, inPage, invoke, LANGS, ROOT, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

const LONG_NAME = '国家电网有限公司华东分部信息通信分公司数字化转型联合创新中心';
const rowNames = (page: Page) => page.locator('tr.acct-row .acct-name__link').allInnerTexts();

/** Whether the element's text is all shown: not clipped by itself or the cell around it. */
function fullyShown(page: Page, name: string): Promise<boolean> {
  return inPage<boolean>(
    page,
    `(() => {
      const a = [...document.querySelectorAll('tr.acct-row .acct-name__link')].find((x) => x.textContent === ${JSON.stringify(name)});
      if (!a) return false;
      const cell = a.closest('th');
      const r = a.getBoundingClientRect(), c = cell.getBoundingClientRect();
      return a.scrollWidth <= a.clientWidth + 1 && a.scrollHeight <= a.clientHeight + 1
        && cell.scrollHeight <= cell.clientHeight + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.right <= c.right + 1
        && r.right <= window.innerWidth;
    })()`,
  );
}

/** axe-core's serious and critical findings on the page as it is (rule id and the first target). */
async function axeFindings(page: Page): Promise<string[]> {
  const source = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return inPage<string[]>(
    page,
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.passes.length < 10 ? ['axe checked nothing'] : r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')))`,
  );
}

const colWidth = (page: Page, key: string) => inPage<number>(page, `Math.round(document.querySelector('.acct-table thead th[data-col="${key}"]').getBoundingClientRect().width)`);

describe.each(LANGS)('accounts bin, bulk edit and columns (%s)', (lang: Locale) => {
  const t = msg(lang);
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
    await invoke(preview, 'sample-load', { locale: lang, accounts: 12 });
    const group = ((await invoke(preview, 'accounts-list', {})) as AccountRecord[])[0]!;
    await invoke(preview, 'accounts-create', { name: LONG_NAME, nameEn: 'State Grid East China Digital Transformation Joint Innovation Centre', parentId: group.id, grade: 'B' });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  it('shows a long Chinese name whole at 1280 px; hides a column and resizes one, and both survive a reload', async () => {
    const page = await newPage(browser, { lang });
    await page.goto(`${preview.url}#/accounts`);
    await page.getByText(fill(t.accounts.countAll, { total: 13 }), { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: t.accounts.search.label }).fill('国家电网有限公司华东');
    await expect.poll(() => rowNames(page)).toEqual([LONG_NAME]);
    await expect.poll(() => fullyShown(page, LONG_NAME)).toBe(true);
    await page.getByRole('searchbox', { name: t.accounts.search.label }).fill('');
    await page.getByText(fill(t.accounts.countAll, { total: 13 }), { exact: true }).waitFor();
    await expect.poll(() => fullyShown(page, LONG_NAME)).toBe(true);
    await screenshot(page, 'accounts-long-name', lang);

    // Hide the industry column in the column chooser.
    await page.getByRole('button', { name: t.accountsBin.layout.button }).click();
    const chooser = page.getByRole('dialog', { name: t.accountsBin.layout.menuLabel });
    await chooser.getByRole('checkbox', { name: t.accounts.columns.industry, exact: true }).uncheck();
    await screenshot(page, 'accounts-columns', lang);
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('columnheader', { name: t.accounts.columns.industry, exact: true }).count()).toBe(0);

    // Widen the owner column: by keyboard on its edge, then by dragging it.
    const ownerEdge = page.getByRole('separator', { name: fill(t.accountsBin.layout.resize, { column: t.accounts.columns.owner }) });
    const before = await colWidth(page, 'owner');
    await ownerEdge.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => colWidth(page, 'owner')).toBe(before + 32);
    const box = (await ownerEdge.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => colWidth(page, 'owner')).toBe(before + 72);

    await page.reload();
    await page.getByText(fill(t.accounts.countAll, { total: 13 }), { exact: true }).waitFor();
    await expect.poll(() => colWidth(page, 'owner')).toBe(before + 72);
    expect(await page.getByRole('columnheader', { name: t.accounts.columns.industry, exact: true }).count()).toBe(0);
    await expect.poll(() => fullyShown(page, LONG_NAME)).toBe(true);

    // Reset brings the default back.
    await page.getByRole('button', { name: t.accountsBin.layout.button }).click();
    await page.getByRole('button', { name: t.accountsBin.layout.reset }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('columnheader', { name: t.accounts.columns.industry, exact: true }).waitFor();
    await expect.poll(() => colWidth(page, 'owner')).toBe(before);
    await page.context().close();
  });

  it('bulk edits two selected rows in one step, and undoes it', async () => {
    const page = await newPage(browser, { lang });
    await page.goto(`${preview.url}#/accounts`);
    await page.getByText(fill(t.accounts.countAll, { total: 13 }), { exact: true }).waitFor();
    const q = (await invoke(preview, 'accounts-query', {})) as AccountQueryResult;
    const [a, b] = q.rows.filter((r) => r.grade !== 'E' && r.lifecycle !== 'decline').slice(0, 2);
    await page.getByRole('checkbox', { name: fill(t.accountsBin.bulk.select, { name: a!.name }) }).check();
    // the second by keyboard: Space on the focused row ticks it
    await page.locator(`tr.acct-row:has(input[aria-label="${fill(t.accountsBin.bulk.select, { name: b!.name })}"])`).focus();
    await page.keyboard.press('Space');
    await page.getByText(fill(t.accountsBin.bulk.selected, { n: 2 }), { exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/accounts$/); // ticking a box does not open the account

    expect(await axeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: t.accountsBin.bulk.edit }).click();
    const dialog = page.getByRole('dialog', { name: fill(t.accountsBin.bulk.title, { n: 2 }) });
    await dialog.getByRole('combobox', { name: t.accountsBin.bulk.grade }).selectOption({ label: t.domain.grade.E });
    await dialog.getByRole('combobox', { name: t.accountsBin.bulk.lifecycle }).selectOption({ label: t.domain.lifecycle.decline });
    await dialog.getByRole('combobox', { name: t.accountsBin.bulk.region }).fill('测试大区');
    await screenshot(page, 'accounts-bulk-edit', lang);
    expect(await axeFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: fill(t.accountsBin.bulk.apply, { n: 2 }) }).click();
    await page.getByText(fill(t.accountsBin.bulk.done, { n: 2 }), { exact: true }).waitFor();
    for (const r of [a!, b!]) {
      const d = (await invoke(preview, 'accounts-get', { id: r.id })) as AccountDetail;
      expect(d.account).toMatchObject({ grade: 'E', lifecycle: 'decline', region: '测试大区' });
    }
    const others = q.rows.filter((r) => r.id !== a!.id && r.id !== b!.id);
    const after = (await invoke(preview, 'accounts-query', {})) as AccountQueryResult;
    expect(after.rows.filter((r) => r.region === '测试大区').map((r) => r.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(after.rows.filter((r) => others.some((o) => o.id === r.id)).map((r) => r.grade)).toEqual(others.map((r) => r.grade));

    await page.getByRole('button', { name: t.accountsBin.bulk.undo }).click();
    await page.getByText(fill(t.accountsBin.bulk.undone, { n: 2 }), { exact: true }).waitFor();
    for (const r of [a!, b!]) {
      const d = (await invoke(preview, 'accounts-get', { id: r.id })) as AccountDetail;
      expect(d.account).toMatchObject({ grade: r.grade, lifecycle: r.lifecycle, region: r.region });
    }
    await page.context().close();
  });

  it('delete -> recycle bin -> restore; then empties the bin after a confirmation', async () => {
    const page = await newPage(browser, { lang });
    const q = (await invoke(preview, 'accounts-query', {})) as AccountQueryResult;
    const victim = q.rows.find((r) => r.name !== LONG_NAME)!;
    await page.goto(`${preview.url}#/accounts/${victim.id}`);
    await page.getByRole('button', { name: t.accounts.detail.delete }).click();
    await page.getByRole('dialog', { name: fill(t.accounts.detail.deleteTitle, { name: victim.name }) }).getByRole('button', { name: t.accounts.detail.deleteConfirm }).click();
    await page.getByText(fill(t.accounts.countAll, { total: 12 }), { exact: true }).waitFor();

    await page.getByRole('link', { name: fill(t.accountsBin.bin.linkCount, { n: 1 }) }).click();
    await page.getByRole('heading', { name: t.accountsBin.bin.title }).waitFor();
    const row = page.locator(`tr[data-bin-id="${victim.id}"]`);
    await row.getByText(victim.name, { exact: true }).waitFor();
    await screenshot(page, 'accounts-bin', lang);
    expect(await axeFindings(page)).toEqual([]);
    await row.getByRole('button', { name: fill(t.accountsBin.bin.restoreFor, { name: victim.name }) }).click();
    await page.getByText(t.accountsBin.bin.empty, { exact: true }).waitFor();
    expect(((await invoke(preview, 'accounts-get', { id: victim.id })) as AccountDetail).account.name).toBe(victim.name);

    // Two more to the bin (another window did it): the screen follows, and emptying asks first.
    const [x, y] = q.rows.filter((r) => r.name !== LONG_NAME && r.id !== victim.id).slice(0, 2);
    await invoke(preview, 'accounts-delete', { id: x!.id });
    await invoke(preview, 'accounts-delete', { id: y!.id });
    await page.locator(`tr[data-bin-id="${y!.id}"]`).waitFor();
    await page.getByRole('button', { name: t.accountsBin.bin.emptyButton }).click();
    const confirm = page.getByRole('dialog', { name: fill(t.accountsBin.bin.emptyTitle, { n: 2 }) });
    await confirm.getByText(t.accountsBin.bin.emptyBody).waitFor();
    await screenshot(page, 'accounts-bin-empty-confirm', lang);
    expect(await axeFindings(page)).toEqual([]);
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: t.common.cancel }).click();
    expect(((await invoke(preview, 'accounts-bin-list', {})) as BinAccount[]).length).toBe(2);
    await page.getByRole('button', { name: t.accountsBin.bin.emptyButton }).click();
    await confirm.getByRole('button', { name: t.accountsBin.bin.emptyButton }).click();
    await page.getByText(t.accountsBin.bin.empty, { exact: true }).waitFor();
    expect(await invoke(preview, 'accounts-bin-list', {})).toEqual([]);
    expect(((await invoke(preview, 'accounts-query', {})) as AccountQueryResult).total).toBe(11);
    await page.context().close();
  });
});
