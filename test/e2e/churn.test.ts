/**
 * The churn section and the profit Pareto on the portfolio page, on the sample workspace, in zh-CN
 * and English: the figures are those of churn-figures and profit-figures; every churn figure lists
 * its accounts (linking to their pages); the period choice changes the periods; the loss-making
 * tail is listed. Screenshots of both sections and of an account list.
 */
import { describe, expect, it } from 'vitest';
import type { ChurnFigures, ProfitFigures } from '../../shared/api/churn';
import { fill, inPage, invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

/** The page's percentage format (renderer/src/lib/figures.ts). */
const pct = (ratio: number, lang: Locale) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: ratio > 0 && ratio < 0.1 ? 1 : 0 }).format(ratio);

describe('portfolio: churn analysis and profit Pareto', () => {
  const e2e = usePreviewPages();

  for (const lang of LANGS) {
    it(`shows the churn figures, lists the accounts behind each, and the profit Pareto with its loss tail (${lang})`, async () => {
      const t = msg(lang);
      const page = await e2e.open(lang, { route: '#/portfolio', heading: t.portfolio.title, sample: true });
      const year = new Date().getFullYear();
      const f = (await invoke(e2e.preview, 'churn-figures', { year, period: 'half' })) as ChurnFigures;
      const p = (await invoke(e2e.preview, 'profit-figures', { year })) as ProfitFigures;
      // The sample has something to find.
      expect(f.accounts.length).toBeGreaterThan(0);
      expect(f.byReason.length).toBeGreaterThan(1);
      expect(p.lossCount).toBeGreaterThan(0);

      const section = page.getByTestId('churn-section');
      await section.waitFor();
      await expect.poll(() => page.getByTestId('churn-year-rate').locator('dd').first().innerText()).toBe(pct(f.total.rate!, lang));
      await expect.poll(() => page.getByTestId('churn-periods').locator('tbody tr').count()).toBe(2);
      expect(await page.getByTestId('churn-by-reason').locator('tbody tr').count()).toBe(f.byReason.length);
      expect(await page.getByTestId('churn-by-industry').locator('tbody tr').count()).toBe(f.byIndustry.length);
      // reason x industry: a row per reason and the totals row
      expect(await page.getByTestId('churn-cross').locator('tbody tr').count()).toBe(f.byReason.length + 1);
      await inPage(page, `document.querySelector('.churn-analysis').scrollIntoView({ block: 'start' })`);
      await screenshot(page, 'portfolio-churn', lang);

      // A reason's count lists exactly its accounts, each a link to its page.
      const first = f.byReason[0]!;
      const reason = t.domain.churnReason[first.reason];
      await page.getByTestId('churn-by-reason').getByRole('button', { name: fill(t.churn.show, { n: first.churned, figure: fill(t.churn.figure.reason, { reason }) }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(t.churn.drawer.title, { figure: fill(t.churn.figure.reason, { reason }) }) });
      await dialog.waitFor();
      const rows = dialog.getByTestId('churn-accounts').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(first.churned);
      const names = f.accounts.filter((a) => first.accountIds.includes(a.accountId));
      expect(await rows.first().locator('th a').innerText()).toBe(names[0]!.name);
      expect(await rows.first().locator('th a').getAttribute('href')).toBe(`#/accounts/${names[0]!.accountId}`);
      await screenshot(page, 'portfolio-churn-accounts', lang);
      await dialog.getByRole('button', { name: t.churn.drawer.close }).click();
      await dialog.waitFor({ state: 'hidden' });

      // A reason x industry cell too; its link opens the account.
      const cell = f.byReasonIndustry[0]!;
      const industry = cell.industry || t.churn.noIndustry;
      const cellFigure = fill(t.churn.figure.cross, { reason: t.domain.churnReason[cell.reason], industry });
      await page.getByTestId('churn-cross').getByRole('button', { name: fill(t.churn.show, { n: cell.churned, figure: cellFigure }) }).click();
      const cellDialog = page.getByRole('dialog', { name: fill(t.churn.drawer.title, { figure: cellFigure }) });
      await expect.poll(() => cellDialog.getByTestId('churn-accounts').locator('tbody tr').count()).toBe(cell.churned);
      const target = f.accounts.find((a) => a.accountId === cell.accountIds[0])!;
      await cellDialog.getByRole('link', { name: target.name }).click();
      await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
      await page.goBack();
      await page.getByTestId('churn-section').waitFor();

      // By quarter: four periods.
      await page.getByLabel(t.churn.period, { exact: true }).selectOption('quarter');
      await expect.poll(() => page.getByTestId('churn-periods').locator('tbody tr').count()).toBe(4);

      // The profit Pareto: the head sentence and the loss-making tail, as profit-figures says.
      const profit = page.getByTestId('profit-section');
      await profit.waitFor();
      expect(await page.getByTestId('profit-sentence').locator('strong').innerText()).toBe(
        fill(t.profit.sentence, { n: new Intl.NumberFormat(lang).format(p.headCount), share: pct(p.headShareOfCount, lang) }),
      );
      expect(await page.getByTestId('profit-loss-sentence').innerText()).toContain(fill(t.profit.lossSentence, { n: p.lossCount, losses: '@', head: p.lossHeadCount, share: pct(p.lossHeadShareOfCount, lang) }).split('@')[0]!);
      const loss = page.getByTestId('profit-loss-table').locator('tbody tr');
      expect(await loss.count()).toBe(p.lossCount);
      const worst = p.points[p.points.length - 1]!;
      expect(await loss.first().locator('th a').innerText()).toBe(worst.name);
      await page.locator('.profit-chart svg').waitFor();
      await inPage(page, `document.querySelector('.profit-card').scrollIntoView({ block: 'start' })`);
      await screenshot(page, 'portfolio-profit', lang);
      await page.context().close();
    });
  }
});
