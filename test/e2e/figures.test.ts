/**
 * Figures a director can present: the portfolio in one currency with its footnote and the rates kept
 * in Settings; the overdue status with its reason on hover ("promise not kept" vs "not contacted",
 * and a contact after a promise's date settles it). Both languages, with screenshots.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../shared/api/accounts';
import type { PortfolioFigures } from '../../shared/api/accounts-views';
import { addDays } from '../../shared/domain/dates';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

/** The browser's today (the list and Today count from it). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('figures a director can present', () => {
  let browser: Browser;
  let preview: Preview | undefined;
  let cleanup: (() => void) | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await preview?.stop();
    cleanup?.();
    preview = undefined;
  });

  async function start(lang: Locale): Promise<Preview> {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    await invoke(preview, 'sample-load', { locale: lang });
    return preview;
  }

  for (const lang of LANGS) {
    it(`the portfolio never adds a USD account as yuan; a rate in Settings converts it, and the footnote says so (${lang})`, async () => {
      const t = msg(lang);
      const p = await start(lang);
      const year = new Date().getFullYear();
      const name = lang === 'en' ? 'Acme Inc.' : '艾克美（美国）';
      const acme = (await invoke(p, 'accounts-create', { name, currency: 'USD' })) as AccountRecord;
      await invoke(p, 'revenue-set', { accountId: acme.id, year, revenue: 1_000_000_00 });
      const before = (await invoke(p, 'portfolio-figures', { year })) as PortfolioFigures;
      expect(before.fx.excluded).toEqual([{ currency: 'USD', accounts: 1, names: [name] }]);

      const page = await newPage(browser, { lang });
      await page.goto(`${p.url}#/portfolio`);
      const note = page.getByTestId('fx-note');
      await note.getByText(fill(t.portfolio.fx.excluded, { n: 1, currency: 'USD', names: name })).waitFor();
      await screenshot(page, 'portfolio-fx-missing-rate', lang);

      // Settings: a rate for USD, dated; a bad rate is refused in place
      await page.getByRole('link', { name: t.portfolio.fx.settings }).click();
      const form = page.getByTestId('fx-form');
      await form.scrollIntoViewIfNeeded();
      const rate = form.getByRole('textbox', { name: fill(t.settings.fx.rateFor, { currency: 'USD', reporting: 'CNY' }) });
      await rate.fill('7.1.1');
      await form.getByRole('textbox', { name: fill(t.settings.fx.asOfFor, { currency: 'USD' }) }).fill('2026/12/1');
      await form.getByRole('button', { name: t.settings.fx.save }).click();
      await form.getByText(t.settings.fx.invalidRate).waitFor();
      await rate.fill('7.1');
      await form.getByRole('button', { name: t.settings.fx.save }).click();
      await page.getByText(t.settings.fx.saved).first().waitFor();
      await form.screenshot({ path: path.join('test-results', 'screenshots', `settings-fx-rates-${lang}.png`) });
      expect(await invoke(p, 'fx-get')).toEqual({ reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] });

      await page.goto(`${p.url}#/portfolio`);
      await note.getByText(fill(t.portfolio.fx.converted, { date: '2026-12-01', rates: fill(t.portfolio.fx.rate, { from: 'USD', rate: '7.1', to: 'CNY' }) })).waitFor();
      const after = (await invoke(p, 'portfolio-figures', { year })) as PortfolioFigures;
      expect(after.totalRevenue - before.totalRevenue).toBe(7_100_000_00);
      expect(after.pareto.points.find((x) => x.name === name)?.revenue).toBe(7_100_000_00); // 1,000,000 USD = 710万 yuan
      await screenshot(page, 'portfolio-fx-converted', lang);
      await page.context().close();
    });

    it(`overdue says why on hover: a contact after a promise's date settles it; "promise not kept" apart from "not contacted" (${lang})`, async () => {
      const t = msg(lang);
      const p = await start(lang);
      const today = localToday();
      const mk = async (name: string) => ((await invoke(p, 'accounts-create', { name, grade: 'D' })) as AccountRecord).id;
      const settled = await mk(lang === 'en' ? 'Zeta Settled' : '泽塔已联系');
      const broken = await mk(lang === 'en' ? 'Zeta Promise' : '泽塔承诺');
      // both: a step promised 97 days ago, never ticked; the first was called today
      for (const id of [settled, broken]) {
        await invoke(p, 'interactions-save', { accountId: id, kind: 'visit', date: addDays(today, -104), nextStep: 'quote', nextDue: addDays(today, -97) });
      }
      await invoke(p, 'interactions-save', { accountId: settled, kind: 'call', date: today });

      const page = await newPage(browser, { lang });
      await page.goto(`${p.url}#/accounts`);
      await page.getByRole('searchbox', { name: t.accounts.search.label }).fill(lang === 'en' ? 'Zeta' : '泽塔');
      const rowOf = (id: number) => page.locator('tr.acct-row').filter({ has: page.locator(`a[href$="/${id}"]`) });
      const brokenBadge = rowOf(broken).locator('.badge');
      await brokenBadge.getByText(fill(t.domain.followUpLate['next-step'], { days: 97 })).waitFor();
      const title = (await brokenBadge.getAttribute('title')) ?? '';
      expect(title).toContain(t.domain.followUpWhy.rule);
      // the dates as the list writes them (ISO in Chinese, "Sep 1, 2026" in English)
      const due = addDays(today, -97);
      expect(title).toContain(lang === 'en' ? new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${due}T00:00:00Z`)) : due);
      // contacted today: not overdue at all
      await expect.poll(() => rowOf(settled).locator('.badge').count()).toBe(0);
      await brokenBadge.hover();
      await screenshot(page, 'accounts-overdue-why', lang);

      // Today: the same words and the same reason on hover
      await page.goto(`${p.url}#/today`);
      const late = page.locator(`[data-testid="followups-overdue"] tr[data-account-id="${broken}"] [data-testid="follow-up-late"]`);
      await late.getByText(fill(t.domain.followUpLate['next-step'], { days: 97 })).waitFor();
      expect(await late.getAttribute('title')).toContain(t.domain.followUpWhy.rule);
      expect(await page.locator(`[data-testid="followups-overdue"] tr[data-account-id="${settled}"]`).count()).toBe(0);
      await late.scrollIntoViewIfNeeded();
      await screenshot(page, 'today-overdue-why', lang);
      await page.context().close();
    });
  }
});
