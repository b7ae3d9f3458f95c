/**
 * The sample's plans and forum deck as they print, in both languages: readable and without stray
 * pages.
 *
 * - Map names: measured in Chromium on the print HTML (the SVG text's font size times its on-page
 *   scale): at least 7 pt in a plan (a large map goes on an A3 fold-out page or shows the key
 *   people), at least 18 px on a forum slide 1280 px wide; the board slide's names too.
 * - Page breaks: each sample plan printed to PDF; per page (pdftotext), no page after the contents
 *   holds only a footnote, a heading, or a couple of spill-over rows: a page that does not start a
 *   section has at least MIN_LINES lines of its own, no page ends with a sub-heading or a table's
 *   header row, and a table going on over a page takes more than KEEP_ROWS rows with it. The
 *   pages are kept as PNGs (pdftoppm) under test-results/plan-pdf/ to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, CHROMIUM_ARGS, findChromium } from '../../electron/backend/documents/chromium-printer';
import { MIN_SLIDE_NAME_PX } from '../../electron/backend/documents/forum-deck';
import { PLAN_PDF_OPTIONS, planDocument, printPlanPdf } from '../../electron/backend/documents/plan-document';
import { MIN_MAP_NAME_PX } from '../../electron/backend/documents/plan-css';
import { KEEP_ROWS } from '../../electron/backend/documents/plan-parts';
import { planDocumentInput } from '../../electron/backend/exports/plan-export';
import { messages, type Locale } from '../../shared/i18n';
import { NOW, TODAY } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const YEAR = Number(TODAY.slice(0, 4));
const RESULTS = path.resolve('test-results', 'plan-pdf');
/** A page that continues a section has at least this many lines of its own (header and footer not counted). */
const MIN_LINES = 5;

const chromium = findChromium();
let browser: Browser | undefined;
beforeAll(async () => {
  if (!chromium) return;
  const { chromium: pw } = await import('playwright-core');
  browser = await pw.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** Smallest on-page size (CSS px) of the elements `selector` finds: SVG text by font size x scale, HTML by computed font size. */
async function smallest(html: string, selector: string, width: number): Promise<{ n: number; min: number }> {
  const page = await browser!.newPage({ viewport: { width, height: 800 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // code for the page goes as a string (the test project has no DOM types)
    return await page.evaluate<{ n: number; min: number }>(`(() => {
      const sizes = [...document.querySelectorAll(${JSON.stringify(selector)})].map((el) =>
        el instanceof SVGTextElement ? parseFloat(el.getAttribute('font-size') || '0') * (el.getScreenCTM() ? el.getScreenCTM().a : 0) : parseFloat(getComputedStyle(el).fontSize));
      return { n: sizes.length, min: sizes.length ? Math.min(...sizes) : Infinity };
    })()`);
  } finally {
    await page.close();
  }
}

async function sample(locale: Locale) {
  const b = env.backend({ now: () => NOW });
  await b.call('sample-load', { locale, accounts: 40, today: TODAY });
  const plans = await b.call('plans-list', { year: YEAR, today: TODAY });
  expect(plans.length).toBeGreaterThanOrEqual(3);
  return { b, plans };
}

describe.each((process.env.KEYPLAN_TEST_LOCALES ?? 'zh-CN,en').split(',') as Locale[])('printed for reading (%s)', (locale) => {
  it.skipIf(!chromium)('plan maps print names at 7 pt or more; forum map and board slides at 18 px or more', { timeout: 240_000 }, async () => {
    const { b, plans } = await sample(locale);
    const db = b.connection();
    let foldouts = 0;
    for (const p of plans) {
      const input = planDocumentInput(db, p.accountId, YEAR, TODAY);
      expect(input.map?.members.length ?? 0, 'the sample maps are large').toBeGreaterThan(20);
      for (const safe of [false, true]) {
        const html = planDocument(input, { locale, safe, today: TODAY });
        if (html.includes('class="foldout"')) foldouts++;
        const names = await smallest(html, 'figure.map text.name', 800);
        expect(names.n, `${p.accountName} safe=${safe}: names drawn`).toBeGreaterThan(0);
        expect(names.min, `${p.accountName} safe=${safe}: smallest name (px)`).toBeGreaterThanOrEqual(MIN_MAP_NAME_PX - 0.01);
      }
    }
    // the sample's maps are large: some go on an A3 fold-out page
    expect(foldouts).toBeGreaterThan(0);
    for (const safe of [false, true]) {
      const deck = await b.call('forum-deck', { year: YEAR, locale, safe, today: TODAY });
      const names = await smallest(deck.html, '.slide.map figure.map text.name', 1280);
      expect(names.n, `deck safe=${safe}: names on map slides`).toBeGreaterThan(0);
      expect(names.min, `deck safe=${safe}: smallest map name (px)`).toBeGreaterThanOrEqual(MIN_SLIDE_NAME_PX);
      if (!safe) {
        const board = await smallest(deck.html, '.slide.board .bq .bn', 1280);
        expect(board.n).toBeGreaterThan(10);
        expect(board.min, 'board slide names (px)').toBeGreaterThanOrEqual(MIN_SLIDE_NAME_PX);
      }
      fs.mkdirSync(RESULTS, { recursive: true });
      const printer = chromiumPrinter(chromium!);
      try {
        const pdf = path.join(RESULTS, `deck-${locale}${safe ? '-safe' : ''}.pdf`);
        fs.writeFileSync(pdf, await printer.pdf(deck.html, { landscape: true }));
        execFileSync('pdftoppm', ['-png', '-r', '40', pdf, pdf.replace(/\.pdf$/, '')]);
      } finally {
        await printer.close();
      }
    }
  });

  it.skipIf(!chromium)('no page holds only a footnote, a heading or a couple of spill-over rows', { timeout: 400_000 }, async () => {
    const { b, plans } = await sample(locale);
    const db = b.connection();
    const doc = messages[locale].planDoc;
    const subTitles = [doc.revenueTitle, doc.satisfactionTitle, doc.placementsTitle, doc.movesTitle, doc.coverageTitle, doc.gapsTitle, doc.actionsTitle, doc.contactTitle, doc.risksTitle, doc.churnTitle, doc.objectivesTitle];
    const squash = (s: string) => s.replace(/\s+/g, '');
    const printer = chromiumPrinter(chromium!);
    fs.mkdirSync(RESULTS, { recursive: true });
    try {
      for (const [k, p] of plans.entries()) {
        for (const safe of k === 0 ? [false, true] : [false]) {
          const input = planDocumentInput(db, p.accountId, YEAR, TODAY);
          const { pdf } = await printPlanPdf(printer, input, { locale, safe, today: TODAY });
          const file = path.join(RESULTS, `plan-${locale}-${k + 1}${safe ? '-safe' : ''}.pdf`);
          fs.writeFileSync(file, pdf);
          const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
          expect(PLAN_PDF_OPTIONS.format).toBe('A4');
          // from the first section on (page 3): header line first, footer line last
          for (let i = 2; i < pages.length; i++) {
            const lines = pages[i]!.split('\n').filter((l) => l.trim() !== '');
            const own = lines.slice(1, -1).map((l) => l.trim());
            const startsSection = /^\d{1,2}\s+\S/.test(own[0] ?? '');
            const where = `${file} page ${i + 1}: ${own.join(' | ').slice(0, 200)}`;
            if (!startsSection) expect(own.length, where).toBeGreaterThanOrEqual(MIN_LINES);
            const last = squash(own[own.length - 1] ?? '');
            expect(subTitles.map(squash).includes(last), `${where} ends with a heading`).toBe(false);
            // a table split here: the next page starts with its repeated header row; the rows after it
            // must be more than a spill-over (the header and at least KEEP_ROWS rows), and this page
            // must not end with the header alone
            const nextRaw = (pages[i + 1] ?? '').split('\n').filter((l) => l.trim() !== '').slice(1, -1);
            const head = nextRaw[0] ? squash(nextRaw[0]) : '';
            if (head && own.some((l) => squash(l) === head)) {
              expect(last === head, `${where} ends with a table's header row`).toBe(false);
              // the table's rows on the next page: indented lines (pdftotext -layout) up to a heading or text at the margin
              let rows = 0;
              for (const l of nextRaw.slice(1)) {
                if (!/^ {1,3}\S/.test(l) || subTitles.map(squash).includes(squash(l))) break;
                rows++;
              }
              expect(rows, `${where}: the table goes on with only ${rows} rows`).toBeGreaterThanOrEqual(KEEP_ROWS);
            }
          }
          execFileSync('pdftoppm', ['-png', '-r', '30', file, file.replace(/\.pdf$/, '')]);
        }
      }
    } finally {
      await printer.close();
    }
  });
});
