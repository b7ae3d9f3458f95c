import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PortfolioFigures } from '../../shared/api/accounts-views';
import { fill, inPage, invoke, LANGS, msg, screenshot, type Locale } from './harness';
import { usePreviewPages } from './setup';

/** The page's percentage format (see renderer/src/lib/figures.ts). */
const pct = (ratio: number, lang: Locale) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: ratio > 0 && ratio < 0.1 ? 1 : 0 }).format(ratio);

describe('portfolio dashboard', () => {
  const e2e = usePreviewPages();
  const open = (lang: Locale, sample: boolean): Promise<Page> => e2e.open(lang, { route: '#/portfolio', heading: msg(lang).portfolio.title, sample });

  /** The head sentence as the page must write it for these figures. */
  function sentence(f: PortfolioFigures, lang: Locale): string {
    return fill(msg(lang).portfolio.pareto.sentence, { n: f.pareto.headCount, total: f.pareto.points.length, share: pct(f.pareto.headShareOfCount, lang) });
  }

  for (const lang of LANGS) {
    it(`draws the Pareto chart with the head sentence from portfolio-figures, and the other figures (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang, true);
      const year = new Date().getFullYear();
      const f = (await invoke(e2e.preview, 'portfolio-figures', { year })) as PortfolioFigures;
      expect(f.pareto.headCount).toBeGreaterThan(0);

      // The chart is drawn (SVG renderer): one bar per account, head and tail in different colours.
      const chart = page.locator('.pareto-chart');
      await chart.locator('svg').waitFor();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toBe(fill(t.portfolio.pareto.chartLabel, { n: f.pareto.points.length, year, head: f.pareto.headCount }));
      await expect.poll(() => chart.locator('svg path').count()).toBeGreaterThan(f.pareto.points.length);
      const fills = await inPage<string[]>(page, `[...document.querySelectorAll('.pareto-chart svg path')].map((p) => p.getAttribute('fill'))`);
      expect(fills).toContain('#1e4fa3');
      expect(fills).toContain('#8a94a3');

      // "N accounts (x%) make 80% of revenue", consistent with the API; the tail too.
      await expect.poll(() => page.getByTestId('pareto-sentence').locator('strong').innerText()).toBe(sentence(f, lang));
      const tail = f.pareto.points.filter((p) => !p.inHead);
      const tailShare = tail.reduce((s, p) => s + p.revenue, 0) / f.totalRevenue;
      expect(await page.getByTestId('pareto-tail').innerText()).toBe(fill(t.portfolio.pareto.tail, { n: tail.length, share: pct(tailShare, lang) }));
      expect(await page.getByTestId('kpi-head').locator('.stat__value').innerText()).toBe(fill(t.portfolio.kpi.headValue, { n: f.pareto.headCount }));
      expect(await page.getByTestId('kpi-accounts').locator('.stat__value').innerText()).toBe(new Intl.NumberFormat(lang).format(f.accounts));

      // Every chart has an accessible name, and its data behind "show the data table".
      const charts = page.locator('.chart');
      expect(await charts.count()).toBe(9);
      for (const c of await charts.all()) expect((await c.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(4);
      const rows = page.getByTestId('pareto-table').locator('tbody tr');
      expect(await rows.count()).toBe(f.pareto.points.length);
      await screenshot(page, 'portfolio', lang);
      await screenshot(page, 'portfolio-full', lang, { fullPage: true });

      await page.locator('.pareto-card details > summary').click();
      await expect.poll(() => rows.first().locator('th').innerText()).toBe(f.pareto.points[0]!.name);
      await inPage(page, `document.querySelector('.pareto-card details').scrollIntoView({ block: 'start' })`);
      await screenshot(page, 'portfolio-pareto-table', lang);

      // Another year: the figures follow the selector.
      const last = (await invoke(e2e.preview, 'portfolio-figures', { year: year - 1 })) as PortfolioFigures;
      await page.getByLabel(t.portfolio.year).selectOption(String(year - 1));
      await expect.poll(() => page.getByTestId('kpi-revenue').locator('.stat__label').innerText()).toBe(fill(t.portfolio.kpi.revenue, { year: year - 1 }));
      await expect.poll(() => page.getByTestId('pareto-sentence').locator('strong').innerText()).toBe(sentence(last, lang));
      await page.context().close();
    });

    it(`explains an empty portfolio and points to the import (${lang})`, async () => {
      const t = msg(lang);
      const page = await open(lang, false);
      await page.getByRole('heading', { name: t.portfolio.empty.title }).waitFor();
      await page.getByRole('link', { name: t.portfolio.import }).click();
      await page.getByRole('heading', { level: 1, name: t.importer.title }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: t.portfolio.empty.title }).waitFor();
      await screenshot(page, 'portfolio-empty', lang);
      await page.context().close();
    });
  }
});
