/**
 * One money rule everywhere (shared/domain/money.ts): the accounts list, the account's receivables
 * card and the plan's figures show the same compact amount (¥35.6万 / ¥356K), and a form field
 * holding a large amount reads it back compactly too (1,200,000,000 = ¥12亿 / ¥1.2B).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountQueryResult } from '../../shared/api/accounts';
import { formatMoney } from '../../shared/domain/money';
import { invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';

describe('number formats: one rule on every screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`the list and the receivables card agree; a large company revenue reads as 亿 / B (${lang})`, { timeout: 120_000 }, async () => {
      const t = msg(lang);
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        const rows = ((await invoke(preview, 'accounts-query', {})) as AccountQueryResult).rows;
        const row = rows.find((r) => r.parentId === null && r.currency === 'CNY')!;
        // An amount with digits the compact form rounds away: 356,049.50 -> ¥35.6万 / ¥356K.
        await invoke(preview, 'accounts-update', { id: row.id, patch: { receivableOutstanding: 35_604_950, companyRevenue: 120_000_000_000 } });
        const expected = formatMoney(35_604_950, 'CNY', lang, { compact: true });
        expect(expected).toBe(lang === 'zh-CN' ? '¥35.6万' : '¥356K');

        // The list.
        await page.goto(`${preview.url}#/accounts`);
        await page.getByRole('searchbox', { name: t.accounts.search.label }).fill(row.name);
        const listRow = page.locator('tr.acct-row', { hasText: row.name }).first();
        await expect.poll(() => listRow.locator('.acct-recv').innerText()).toBe(expected);

        // The receivables card of the account: the same text, the exact amount on hover.
        await listRow.click();
        await page.getByRole('heading', { level: 1, name: row.name }).waitFor();
        await page.getByRole('tab', { name: new RegExp(`^${t.accounts.tabs.receivables}`) }).click();
        const card = page.locator('.acct-stat__value').first();
        await expect.poll(() => card.innerText()).toBe(expected);
        expect(await card.locator('[title]').getAttribute('title')).toBe('¥356,049.50');
        await screenshot(page, 'numbers-receivables', lang);

        // The overview form: company revenue typed in full reads back as 12亿 / 1.2B.
        await page.getByRole('tab', { name: new RegExp(`^${t.accounts.tabs.overview}`) }).click();
        const field = page.getByLabel(t.domain.field.companyRevenue, { exact: true });
        expect(await field.inputValue()).toBe('1,200,000,000');
        const reading = lang === 'zh-CN' ? '= ¥1,200,000,000（¥12亿）' : '= ¥1,200,000,000 (¥1.2B)';
        await page.getByText(reading, { exact: true }).waitFor();
        await field.scrollIntoViewIfNeeded();
        await screenshot(page, 'numbers-company-revenue', lang);
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
