/**
 * The Accounts screen on the sample workspace: load it from the empty screen, search by pinyin
 * initials, filter, sort, save a view and apply it again after a reload, export CSV.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountQueryResult, Tier } from '../../shared/api/accounts';
import { fill, invoke, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

const filterButton = (page: Page, lang: Locale, name: string) =>
  page.getByRole('group', { name: msg(lang).accounts.filters.label }).getByRole('button', { name, exact: true });
const rowNames = (page: Page) => page.locator('tr.acct-row .acct-name__link').allInnerTexts();

async function loadSampleFromEmptyScreen(page: Page, lang: Locale): Promise<void> {
  const t = msg(lang);
  await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
  await page.getByRole('button', { name: t.accounts.empty.loadSample }).click();
  await page.getByText(fill(t.accounts.countAll, { total: 40 }), { exact: true }).waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await rowNames(page)).length).toBeGreaterThan(8);
}

describe('accounts list', () => {
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  it('loads the sample, searches, filters, sorts, saves a view and exports (zh-CN)', async () => {
    const t = msg('zh-CN');
    const page = await newPage(browser, { lang: 'zh-CN' });
    await page.goto(`${preview.url}#/accounts`);
    await loadSampleFromEmptyScreen(page, 'zh-CN');
    await screenshot(page, 'accounts-list', 'zh-CN');

    // Pinyin initials: gzsjyt finds 贵州省教育厅 (the hint says how).
    await page.getByText(t.accounts.search.hint).waitFor();
    const search = page.getByRole('searchbox', { name: t.accounts.search.label });
    await search.fill('gzsjyt');
    await expect.poll(() => rowNames(page)).toEqual(['贵州省教育厅']);
    await page.getByText(fill(t.accounts.count, { n: 1, total: 40 }), { exact: true }).waitFor();
    await screenshot(page, 'accounts-search-pinyin', 'zh-CN');
    await search.fill('');
    await page.getByText(fill(t.accounts.countAll, { total: 40 }), { exact: true }).waitFor();

    // Filter: tier (a menu of checkboxes) and overdue only; the table matches the backend's answer.
    const tiers = (await invoke(preview, 'tiers-list')) as Tier[];
    const gold = tiers.find((x) => x.key === 'gold')!;
    await filterButton(page, 'zh-CN', t.accounts.filters.tier).click();
    await page.getByRole('dialog', { name: t.accounts.filters.tier }).getByRole('checkbox', { name: gold.nameZh }).check();
    await screenshot(page, 'accounts-filter-menu', 'zh-CN');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: t.accounts.filters.overdueOnly }).check();
    const expected = (await invoke(preview, 'accounts-query', { tierIds: [gold.id], overdueOnly: true })) as AccountQueryResult;
    expect(expected.rows.length).toBeGreaterThan(0);
    await page.getByText(fill(t.accounts.count, { n: expected.rows.length, total: 40 }), { exact: true }).waitFor();
    await expect.poll(async () => (await rowNames(page)).sort()).toEqual(expected.rows.map((r) => r.name).sort());
    for (const badge of await page.locator('tr.acct-row td:nth-child(11)').allInnerTexts()) expect(badge).toMatch(/^(逾期未联系|承诺未兑现) \d+ 天$/);

    // Sort by this year's revenue, largest first, then flip it.
    const year = new Date().getFullYear();
    const revenueHeader = page.getByRole('columnheader', { name: fill(t.accounts.columns.revenueThisYear, { year }) });
    await revenueHeader.getByRole('button').click();
    await expect.poll(() => revenueHeader.getAttribute('aria-sort')).toBe('descending');
    const byRevenue = (await invoke(preview, 'accounts-query', { tierIds: [gold.id], overdueOnly: true, sort: 'revenueThisYear', desc: true })) as AccountQueryResult;
    await expect.poll(() => rowNames(page)).toEqual(byRevenue.rows.map((r) => r.name));
    expect(await page.getByRole('columnheader', { name: t.accounts.columns.name }).getAttribute('aria-sort')).toBeNull();
    await revenueHeader.getByRole('button').click();
    await expect.poll(() => revenueHeader.getAttribute('aria-sort')).toBe('ascending');
    await revenueHeader.getByRole('button').click();
    await expect.poll(() => revenueHeader.getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'accounts-filtered-sorted', 'zh-CN');

    // Save the view under a name.
    await page.getByRole('button', { name: t.accounts.views.button, exact: true }).click();
    await page.getByRole('button', { name: t.accounts.views.save }).click();
    const dialog = page.getByRole('dialog', { name: t.accounts.views.saveTitle });
    await dialog.getByLabel(t.accounts.views.nameLabel).fill('金牌 · 逾期 · 按收入');
    await screenshot(page, 'accounts-view-save', 'zh-CN');
    await dialog.getByRole('button', { name: t.common.save }).click();
    await page.getByRole('button', { name: fill(t.accounts.views.current, { name: '金牌 · 逾期 · 按收入' }) }).waitFor();

    // Reload, clear everything, then apply the view again: filters and sort come back.
    await page.reload();
    await page.getByRole('button', { name: t.accounts.filters.clearAll }).click();
    await page.getByText(fill(t.accounts.countAll, { total: 40 }), { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: t.accounts.columns.name }).getByRole('button').click();
    await expect.poll(() => page.getByRole('columnheader', { name: t.accounts.columns.name }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: t.accounts.views.button, exact: true }).click();
    await screenshot(page, 'accounts-views-menu', 'zh-CN');
    await page.getByRole('button', { name: '金牌 · 逾期 · 按收入', exact: true }).click();
    await page.getByText(fill(t.accounts.count, { n: expected.rows.length, total: 40 }), { exact: true }).waitFor();
    await expect.poll(() => rowNames(page)).toEqual(byRevenue.rows.map((r) => r.name));
    expect(await page.getByRole('checkbox', { name: t.accounts.filters.overdueOnly }).isChecked()).toBe(true);
    expect(await revenueHeader.getAttribute('aria-sort')).toBe('descending');

    // A view can be deleted from the menu.
    await page.getByRole('button', { name: fill(t.accounts.views.current, { name: '金牌 · 逾期 · 按收入' }), exact: true }).click();
    await page.getByRole('button', { name: fill(t.accounts.views.deleteFor, { name: '金牌 · 逾期 · 按收入' }) }).click();
    await page.getByText(fill(t.accounts.views.deleted, { name: '金牌 · 逾期 · 按收入' })).waitFor();
    await page.getByText(t.accounts.views.empty).waitFor();
    await page.keyboard.press('Escape');

    // Keyboard: Tab reaches the rows, arrows move, Enter opens the account.
    await page.locator('tr.acct-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: byRevenue.rows[1]!.name }).waitFor();
    await page.goBack();
    await page.locator('tr.acct-row').first().waitFor();

    // Export CSV with the view's filter on (gold, overdue): the button counts them, the menu offers them or all.
    const n = expected.rows.length;
    await page.getByRole('button', { name: fill(t.accounts.export.buttonFiltered, { n }), exact: true }).click();
    await screenshot(page, 'accounts-export-menu', 'zh-CN');
    const item = fill(t.accounts.export.filteredItem, { n, format: t.accounts.export.csv });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    expect(download.suggestedFilename()).toMatch(/^keyplan-客户-\d{4}-\d{2}-\d{2}-筛选\.csv$/);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]!.startsWith('客户名称,英文名称,简称,上级单位,行业,区域,客户经理')).toBe(true);
    expect(lines.length).toBe(n + 1);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(byRevenue.rows.map((r) => r.name)); // in the list's order
    await page.getByText(fill(t.accounts.export.doneFiltered, { n, total: 40, file: download.suggestedFilename() })).waitFor();
    await page.context().close();
  });

  it('shows the list and its menus in English', async () => {
    const t = msg('en');
    const page = await newPage(browser, { lang: 'en' });
    await page.goto(`${preview.url}#/accounts`);
    await page.getByText(fill(t.accounts.countAll, { total: 40 }), { exact: true }).waitFor();
    await screenshot(page, 'accounts-list', 'en');
    await filterButton(page, 'en', t.accounts.filters.grade).click();
    await page.getByRole('dialog', { name: t.accounts.filters.grade }).getByRole('checkbox', { name: /^Grade A/ }).check();
    await screenshot(page, 'accounts-filter-menu', 'en');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: t.accounts.views.button, exact: true }).click();
    await screenshot(page, 'accounts-views-menu', 'en');
    await page.keyboard.press('Escape');
    // Export takes the filter, and says so: the button counts the filtered accounts, the menu offers them or all.
    const gradeA = ((await invoke(preview, 'accounts-query', { grades: ['A'] })) as AccountQueryResult).rows.length;
    expect(gradeA).toBeGreaterThan(0);
    await page.getByRole('button', { name: fill(t.accounts.export.buttonFiltered, { n: gradeA }), exact: true }).click();
    await screenshot(page, 'accounts-export-menu', 'en');
    const filteredCsv = fill(t.accounts.export.filteredItem, { n: gradeA, format: t.accounts.export.csv });
    await page.getByRole('menuitem', { name: fill(t.accounts.export.allItem, { total: 40, format: t.accounts.export.csv }) }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: filteredCsv }).click()]);
    expect(download.suggestedFilename()).toMatch(/^keyplan-accounts-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
    const lines = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBe(gradeA + 1);
    await page.getByText(fill(t.accounts.export.doneFiltered, { n: gradeA, total: 40, file: download.suggestedFilename() })).waitFor();
    await screenshot(page, 'accounts-export-filtered-done', 'en');
    await page.getByRole('button', { name: t.accounts.filters.clearAll }).click();
    await page.getByText(fill(t.accounts.countAll, { total: 40 }), { exact: true }).waitFor();
    await page.getByRole('button', { name: t.accounts.export.button, exact: true }).waitFor();
    await page.getByRole('searchbox', { name: t.accounts.search.label }).fill('zzzz');
    await page.getByText(fill(t.accounts.search.noResultsFor, { query: 'zzzz' })).waitFor();
    await screenshot(page, 'accounts-no-results', 'en');
    await page.context().close();
  });
});

describe('accounts list: the sample in English', () => {
  it('loads the sample workspace in the UI language', async () => {
    const tmp = tempDir();
    const [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
    try {
      const page = await newPage(browser, { lang: 'en' });
      await page.goto(`${preview.url}#/accounts`);
      await screenshot(page, 'accounts-empty-sample', 'en');
      await loadSampleFromEmptyScreen(page, 'en');
      const people = (await invoke(preview, 'people-list')) as { name: string }[];
      // English sample: people have romanised names.
      expect(people.every((p) => /^[A-Za-z ]+$/.test(p.name))).toBe(true);
      await screenshot(page, 'accounts-list-sample', 'en');
    } finally {
      await browser.close();
      await preview.stop();
      tmp.cleanup();
    }
  });
});
