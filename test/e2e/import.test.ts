import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AccountDetail, AccountRecord } from '../../shared/api/accounts';
import { fill, hashOf, invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

const THIS_YEAR = new Date().getFullYear();
const YEAR = THIS_YEAR - 1;

/** What Chinese Excel writes: GBK, CRLF. "年度销售额" names no year: suggested as this year's, mapped by hand. */
const ROWS = [
  ['客户名称', '行业', '区域', '负责人', '客户等级', '年度销售额', '备注'],
  ['华东电网有限公司', '能源', '华东', '王建国', 'A级', '1200万', '重点客户'],
  ['招商银行股份有限公司', '金融', '华南', '李娜', 'B', '860万', ''],
  ['坏数据客户', '制造', '华北', '王建国', 'Z级', 'abc', ''],
  ['中国移动通信集团浙江有限公司', '电信运营', '华东', '李娜', 'C', '"1,050万"', ''],
];
const GBK_CSV = iconv.encode(ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk');
const GOOD = ['华东电网有限公司', '招商银行股份有限公司', '中国移动通信集团浙江有限公司'];

describe('import accounts', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale): Promise<Page> => e2e.open(lang, { route: '#/import', heading: msg(lang).importer.title });

  const pick = (page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') => page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  const accountNames = async () => ((await invoke(e2e.preview, 'accounts-list', {})) as AccountRecord[]).map((a) => a.name).sort();

  for (const lang of LANGS) {
    it(`imports a GBK CSV with a re-mapped column: dry-run errors, all-or-nothing, then skipping the bad row (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang);
      await screenshot(page, 'import-start', lang);
      await pick(page, '客户名单.csv', GBK_CSV);

      // Format, encoding, the first rows and the guessed mapping.
      const facts = page.getByTestId('import-file-facts');
      await facts.waitFor();
      expect(await page.getByTestId('import-encoding').innerText()).toBe(t.importer.file.encodings.gb18030);
      await facts.getByText(t.importer.file.formats.csv).waitFor();
      await facts.getByText(fill(t.importer.file.rowsValue, { n: 4 })).waitFor();
      expect(await page.getByTestId('import-sample').locator('tbody tr').count()).toBe(4);
      expect(await page.getByTestId('import-sample').locator('thead th').allInnerTexts()).toEqual([t.importer.sample.line, ...ROWS[0]!]);
      const target = (column: string) => page.getByLabel(fill(t.importer.mapping.targetFor, { column }));
      expect(await target('客户名称').inputValue()).toBe('name');
      expect(await target('负责人').inputValue()).toBe('owner');
      // A money column without a year: this year's revenue is suggested, marked, not yet imported.
      expect(await target('年度销售额').inputValue()).toBe(`revenue:${THIS_YEAR}`);
      await page.getByTestId('import-mapping').getByText(t.importer.mapping.suggested).waitFor();
      // What the cells will be read as: 1200万 yuan.
      expect(await page.getByTestId('import-reads-5').innerText()).toBe('¥12,000,000');

      // Re-map the revenue column to last year's revenue (which confirms it).
      await target('年度销售额').selectOption(`revenue:${YEAR}`);
      expect(await page.getByTestId('import-mapping').getByText(t.importer.mapping.suggested).count()).toBe(0);
      await screenshot(page, 'import-preview', lang, { fullPage: true });

      // Check: a dry run that lists every bad row with a translated reason, and writes nothing.
      await page.getByRole('button', { name: t.importer.check.action, exact: true }).click();
      const report = page.getByTestId('import-report');
      await report.waitFor();
      await report.getByText(fill(t.importer.check.summarySkipped, { rows: 4, bad: 1, created: 3, updated: 0 })).waitFor();
      const errors = page.getByTestId('import-errors').locator('tbody tr');
      expect(await errors.count()).toBe(2);
      const cells = await Promise.all((await errors.all()).map((r) => r.locator('th, td').allInnerTexts()));
      expect(cells).toEqual(
        expect.arrayContaining([
          ['4', '客户等级', 'Z级', t.domain.importError['unknown-value']],
          ['4', '年度销售额', 'abc', t.domain.importError['not-a-number']],
        ]),
      );
      expect(await accountNames()).toEqual([]);
      await screenshot(page, 'import-check', lang, { fullPage: true });

      // All or nothing by default: one bad row and nothing is imported.
      await page.getByRole('button', { name: t.importer.run.action, exact: true }).click();
      await page.getByTestId('import-rejected').getByText(fill(t.importer.run.rejected, { n: 1 })).waitFor();
      expect(await accountNames()).toEqual([]);
      await screenshot(page, 'import-rejected', lang);

      // Skip the invalid row and import the rest.
      await page.getByRole('checkbox', { name: t.importer.run.skip }).check();
      await page.getByRole('button', { name: t.importer.run.action, exact: true }).click();
      const done = page.getByTestId('import-done');
      await done.waitFor();
      await done.getByText(fill(t.importer.done.body, { created: 3, updated: 0 })).waitFor();
      await done.getByText(fill(t.importer.done.skipped, { n: 1 })).waitFor();
      await screenshot(page, 'import-done', lang);

      // The accounts exist, with their owner and the re-mapped revenue (1,200万 yuan, in fen).
      expect(await accountNames()).toEqual([...GOOD].sort());
      const all = (await invoke(e2e.preview, 'accounts-list', {})) as AccountRecord[];
      const grid = all.find((a) => a.name === '华东电网有限公司')!;
      expect(grid.ownerName).toBe('王建国');
      expect(grid.grade).toBe('A');
      const detail = (await invoke(e2e.preview, 'accounts-get', { id: grid.id })) as AccountDetail;
      expect(detail.revenue.find((r) => r.year === YEAR)?.revenue).toBe(12_000_000 * 100);

      await done.getByRole('link', { name: t.importer.done.toAccounts }).click();
      await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/accounts');
      await page.context().close();
    });

    it(`translates file-level errors and lets a name column be chosen by hand (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang);

      await pick(page, 'empty.csv', Buffer.alloc(0));
      await page.getByTestId('import-file-error').getByText(fill(t.errors['import-empty'], { file: 'empty.csv' })).waitFor();
      await screenshot(page, 'import-error-empty', lang);

      const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      await pick(page, 'export.csv', garbage);
      await page.getByTestId('import-file-error').getByText(fill(t.errors['import-not-table'], { file: 'export.csv' })).waitFor();
      await screenshot(page, 'import-error-not-table', lang);

      // A quote never closed on line 3: the rest of the file (over 1 MiB) would be one cell.
      const stray = Buffer.from(`客户名称,行业\r\n甲,教育\r\n"乙,金融\r\n${'丙,能源\r\n'.repeat(200_000)}`, 'utf8');
      await pick(page, 'stray.csv', stray);
      await page.getByTestId('import-file-error').getByText(fill(t.errors['import-cell-too-long'], { file: 'stray.csv', line: 3, maxMb: 1 })).waitFor();
      await screenshot(page, 'import-error-cell-too-long', lang);

      // No header names the account: the first column is offered as the name, to be checked.
      await pick(page, 'firms.csv', Buffer.from('Firma,Sector,Gebiet\r\nContoso Energy Ltd.,Energy,East\r\nFabrikam Bank,Finance,South\r\n', 'utf8'));
      await page.getByText(fill(t.importer.mapping.assumedName, { column: 'Firma' })).waitFor();
      const target = (column: string) => page.getByLabel(fill(t.importer.mapping.targetFor, { column }));
      expect(await target('Firma').inputValue()).toBe('name');
      expect(await target('Sector').inputValue()).toBe('industry');
      expect(await page.getByTestId('import-encoding').innerText()).toBe(t.importer.file.encodings['utf-8']);

      // Two columns for one field: refused before any call.
      await target('Gebiet').selectOption('name');
      await page.getByText(fill(t.importer.mapping.duplicate, { field: t.domain.field.name, columns: lang === 'en' ? 'Firma, Gebiet' : 'Firma、Gebiet' })).waitFor();
      expect(await page.getByRole('button', { name: t.importer.check.action, exact: true }).isDisabled()).toBe(true);
      await screenshot(page, 'import-mapping-error', lang, { fullPage: true });
      await target('Gebiet').selectOption('region');
      await page.getByRole('button', { name: t.importer.check.action, exact: true }).click();
      await page.getByTestId('import-report').getByText(fill(t.importer.check.summary, { rows: 2, created: 2, updated: 0 }), { exact: false }).waitFor();
      await page.getByRole('button', { name: t.importer.run.action, exact: true }).click();
      await page.getByTestId('import-done').waitFor();
      expect(await accountNames()).toEqual(['Contoso Energy Ltd.', 'Fabrikam Bank']);
      await page.context().close();
    });

    it(`names the columns it leaves out, suggests a target for a money column without a year, and reads dollars as dollars (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang);
      const csv = [
        'Account Name,Revenue,Office_Location,Fax,Company Revenue',
        'Acme,"$1,100.04",Shanghai,021-1,1.2万',
        'Beta,"$2,000",Beijing,,',
        'Gamma,$5,Shenzhen,,¥3',
      ].join('\r\n');
      await pick(page, 'crm-export.csv', Buffer.from(csv, 'utf8'));
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      const target = (column: string) => mapping.getByLabel(fill(t.importer.mapping.targetFor, { column }));
      expect(await target('Office_Location').inputValue()).toBe('region');
      expect(await target('Fax').inputValue()).toBe('ignore');
      // Suggested, shown in the select and marked, with a button to confirm it.
      expect(await target('Revenue').inputValue()).toBe(`revenue:${THIS_YEAR}`);
      await mapping.getByText(t.importer.mapping.suggested).waitFor();
      await page.getByTestId('import-suggested-note').getByText(fill(t.importer.mapping.suggestedHint, { column: 'Revenue', field: fill(t.domain.field.revenue, { year: THIS_YEAR }) })).waitFor();
      // Parsed values beside the raw ones.
      expect(await page.getByTestId('import-reads-1').innerText()).toBe('US$1,100.04');
      expect(await page.getByTestId('import-reads-4').innerText()).toBe('¥12,000');
      expect(await page.getByTestId('import-reads-3').innerText()).toBe(t.importer.mapping.notRead);
      await screenshot(page, 'import-suggested', lang, { fullPage: true });

      // The check names the columns left out (the suggestion too, until confirmed).
      const check = page.getByRole('button', { name: t.importer.check.action, exact: true });
      await check.click();
      const left = page.getByTestId('import-not-imported');
      await left.getByText(fill(t.importer.check.notImportedTitle, { n: 2 })).waitFor();
      expect(await left.locator('li strong').allInnerTexts()).toEqual(['Revenue', 'Fax']);
      await left.getByText(t.importer.check.reasons.unknown).waitFor();
      await screenshot(page, 'import-not-imported', lang, { fullPage: true });

      // Confirm the suggestion from the list; check again: only Fax is left out, and the row in two currencies is refused.
      await left.getByRole('button', { name: fill(t.importer.mapping.confirmFor, { column: 'Revenue' }) }).click();
      await page.getByText(t.importer.mapping.changed).waitFor();
      await check.click();
      await page.getByTestId('import-not-imported').getByText(fill(t.importer.check.notImportedTitle, { n: 1 })).waitFor();
      expect(await page.getByTestId('import-not-imported').locator('li strong').allInnerTexts()).toEqual(['Fax']);
      const errors = page.getByTestId('import-errors').locator('tbody tr');
      expect(await Promise.all((await errors.all()).map((r) => r.locator('th, td').allInnerTexts()))).toEqual([['4', 'Company Revenue', '¥3', t.domain.importError['mixed-currency']]]);
      await screenshot(page, 'import-currency-error', lang, { fullPage: true });
      await page.getByRole('checkbox', { name: t.importer.run.skip }).check();
      await page.getByRole('button', { name: t.importer.run.action, exact: true }).click();
      const done = page.getByTestId('import-done');
      await done.getByText(fill(t.importer.done.notImported, { columns: 'Fax' })).waitFor();
      await screenshot(page, 'import-done-not-imported', lang);

      // Stored as dollars in cents, never as yuan.
      const all = (await invoke(e2e.preview, 'accounts-list', {})) as AccountRecord[];
      expect(all.map((a) => a.name).sort()).toEqual(['Acme', 'Beta']);
      const acme = (await invoke(e2e.preview, 'accounts-get', { id: all.find((a) => a.name === 'Acme')!.id })) as AccountDetail;
      expect(acme.account.currency).toBe('USD');
      expect(acme.account.region).toBe('Shanghai');
      expect(acme.revenue.find((r) => r.year === THIS_YEAR)?.revenue).toBe(110_004);
      await page.context().close();
    });
  }
});
