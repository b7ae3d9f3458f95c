/**
 * Accessibility: axe-core (injected into the page) on every screen of the app, in both languages,
 * on the sample workspace: the accounts list, every tab of an account, Today, Portfolio, the board,
 * the list of maps and a map with its coverage panel open, the plans list and a plan's editor, the
 * forum, Settings, Import (empty and with a file read), and the page shown when the database cannot
 * be opened. No serious or critical violation may remain; the failure message lists each one with
 * the screen, the rule and the elements, so a new control without an accessible name is found on
 * whatever screen it lands.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import type { AccountQueryResult } from '../../shared/api/accounts';
import type { PlanSummary } from '../../shared/api/plans';
import type { MapSummary } from '../../shared/api/stakeholders';
import { inPage, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Preview } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = ['serious', 'critical'];
const ACCOUNT_TABS = ['overview', 'revenue', 'interactions', 'opportunities', 'competitors', 'receivables'] as const;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Waits until nothing on the page says it is still loading. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => inPage<number>(page, `document.querySelectorAll('[aria-busy="true"], .boot, .plan-loading, .map-loading, .board-loading, .busy-line').length`), { timeout: 20_000 })
    .toBe(0);
  await inPage(page, 'document.fonts.ready.then(() => true)');
}

/** Runs axe on the whole document; returns one line per serious or critical violation. */
async function axe(page: Page, screen: string): Promise<string[]> {
  await settled(page);
  if (!(await inPage<boolean>(page, 'typeof window.axe === "object"'))) {
    // Evaluated through the DevTools protocol: the app's Content Security Policy (script-src 'self')
    // rightly refuses an injected <script>.
    await inPage(page, `${AXE_SOURCE}\n;true`);
  }
  const violations = await inPage<AxeViolation[]>(
    page,
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  );
  return violations
    .filter((v) => BLOCKING.includes(v.impact ?? ''))
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join('\n    ')}${v.nodes.length > 6 ? `\n    … ${v.nodes.length - 6} more` : ''}`);
}

describe('accessibility: axe on every screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`no serious or critical violation on any screen of the sample (${lang})`, { timeout: 300_000 }, async () => {
      const t = msg(lang);
      const tmp = tempDir();
      const preview: Preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      const found: string[] = [];
      const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      const go = (hash: string) => page.goto(`${preview.url}${hash}`);
      try {
        await invoke(preview, 'sample-load', { locale: lang });
        // "I am": one of the sample's people (the board then asks nobody who is moving cards).
        const people = (await invoke(preview, 'people-list', {})) as { id: number; active: boolean }[];
        await invoke(preview, 'user-set', { personId: people.find((p) => p.active)!.id });

        // Accounts: the list, then every tab of the account with the most in its record.
        await go('#/accounts');
        await page.locator('tr.acct-row').first().waitFor();
        found.push(...(await axe(page, 'accounts list')));
        // A filter chosen: the filter button shows its count; axe with its panel open, then closed.
        const filter = page.getByRole('group', { name: t.accounts.filters.label }).getByRole('button', { name: t.accounts.filters.tier, exact: true });
        await filter.click();
        await page.getByRole('dialog').getByRole('checkbox').first().check();
        await page.locator('.filter-btn.is-active').waitFor();
        found.push(...(await axe(page, 'accounts list, filter open')));
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        found.push(...(await axe(page, 'accounts list, filtered')));
        await screenshot(page, 'a11y-accounts-filtered', lang);
        const rows = ((await invoke(preview, 'accounts-query', {})) as AccountQueryResult).rows;
        const account = rows.find((r) => r.parentId === null) ?? rows[0]!;
        await go(`#/accounts/${account.id}`);
        await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
        for (const tab of ACCOUNT_TABS) {
          await page.getByRole('tab', { name: new RegExp(`^${t.accounts.tabs[tab]}`) }).click();
          await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toMatch(new RegExp(`^${t.accounts.tabs[tab]}`));
          found.push(...(await axe(page, `account ${tab} tab`)));
        }

        await go('#/today');
        await h1(t.today.title);
        found.push(...(await axe(page, 'today')));

        await go('#/portfolio');
        await h1(t.portfolio.title);
        await page.locator('.portfolio svg').first().waitFor();
        found.push(...(await axe(page, 'portfolio')));

        await go('#/capacity');
        await h1(t.capacity.title);
        await page.getByTestId('capacity-owners').waitFor();
        found.push(...(await axe(page, 'capacity')));

        await go('#/board/value-potential');
        await page.locator('.bcard').first().waitFor();
        found.push(...(await axe(page, 'board')));
        await page.locator('.bcard__body').first().click();
        await page.locator('.bcard.is-selected').waitFor();
        found.push(...(await axe(page, 'board, a card selected')));
        await screenshot(page, 'a11y-board', lang);

        // Stakeholder maps: the list, and the largest map with its coverage panel open.
        await go('#/stakeholders');
        await h1(t.stakeholders.title);
        await page.getByTestId('maps-table').locator('tbody tr').first().waitFor();
        found.push(...(await axe(page, 'stakeholder maps')));
        const maps = (await invoke(preview, 'maps-list', {})) as MapSummary[];
        const map = [...maps].sort((a, b) => b.people - a.people)[0]!;
        await go(`#/stakeholders/${map.accountId}`);
        await page.locator('.react-flow__node').first().waitFor();
        const coverage = page.getByRole('button', { name: new RegExp(`^${t.mapper.coverage.button.replace(/\s*\{\{n\}\}.*$/, '')}`) });
        if ((await coverage.getAttribute('aria-pressed')) !== 'true') await coverage.click();
        await page.getByTestId('coverage-matrix').waitFor();
        found.push(...(await axe(page, 'stakeholder map with coverage')));
        await screenshot(page, 'a11y-map-coverage', lang);

        // Plans: the list and a draft plan's editor.
        await go('#/plans');
        await page.getByTestId('plans-table').locator('tbody tr').first().waitFor();
        found.push(...(await axe(page, 'plans list')));
        const plans = (await invoke(preview, 'plans-list', {})) as PlanSummary[];
        const draft = plans.find((p) => p.status === 'draft') ?? plans[0]!;
        await go(`#/plans/${draft.accountId}/${draft.year}`);
        await page.getByTestId('plan-editor').locator('.ProseMirror').first().waitFor();
        found.push(...(await axe(page, 'plan editor')));
        await screenshot(page, 'a11y-plan-editor', lang);

        await go('#/forum');
        await h1(t.forum.title);
        await page.getByRole('checkbox').first().waitFor();
        found.push(...(await axe(page, 'forum')));

        await go('#/settings');
        await h1(t.settings.title);
        await page.getByTestId('app-version').filter({ hasText: /\d+\.\d+\.\d+/ }).waitFor();
        found.push(...(await axe(page, 'settings')));

        await go('#/import');
        await h1(t.importer.title);
        found.push(...(await axe(page, 'import')));
        const csv = Buffer.from('客户名称,负责人,年度销售额,城市\n华东电网有限公司,王敏,1200000,杭州\n', 'utf8');
        await page.locator('input[type="file"]').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: csv });
        await page.getByTestId('import-file-facts').waitFor();
        found.push(...(await axe(page, 'import with a file')));
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
      expect(found.join('\n')).toBe('');
    });

    it(`no serious or critical violation on the database error page (${lang})`, async () => {
      const t = msg(lang);
      const tmp = tempDir();
      // A damaged keyplan.db with one good backup beside it, so the page lists a backup to restore.
      const source = path.join(tmp.dir, 'source.db');
      const backend = new Backend({ dbPath: source, transport: 'test', log: () => {} });
      await backend.call('accounts-create', { name: '华东电网有限公司' });
      await backend.close();
      fs.mkdirSync(path.join(tmp.dir, 'backups'));
      fs.copyFileSync(source, path.join(tmp.dir, 'backups', 'keyplan-20260101T080000Z.db'));
      fs.rmSync(source);
      const dbPath = path.join(tmp.dir, 'keyplan.db');
      fs.writeFileSync(dbPath, crypto.randomBytes(48 * 1024));
      const preview = await startPreview({ dbPath });
      const page = await newPage(browser, { lang });
      try {
        await page.goto(preview.url);
        await page.getByRole('heading', { level: 1, name: t.dbError.title.corrupt }).waitFor();
        expect((await axe(page, 'database error')).join('\n')).toBe('');
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});

