/**
 * The printed annual plan: a full plan (40 actions, a stakeholder map of 60 people, five years of
 * revenue and targets, text in every section; test/unit/plan-fixtures.ts) in a real database, to PDF
 * through plan-export, as `plan pdf` prints it:
 * - the whole export < 3000 ms with the browser running (the median of a few runs), and Chromium's own
 *   printing within it (both passes: the second fills in the contents' page numbers);
 * - informative: the document's HTML alone, the first export including the browser's start, the
 *   size (and pages) of the PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/backend';
import { chromiumPrinter, findChromium } from '../../electron/backend/documents/chromium-printer';
import { planDocument } from '../../electron/backend/documents/plan-document';
import { pdfPageCount } from '../../electron/backend/documents/pdf-pages';
import type { Printer } from '../../electron/backend/documents/printer';
import { planDocumentInput } from '../../electron/backend/exports/plan-export';
import { seedPlan } from '../unit/plan-fixtures';
import { benchDir, median, timeMedian, type Figure, type Suite } from './lib';

const RUNS = 5;
const today = '2026-06-30';

/** The printer, timing every print it makes. */
function timed(inner: Printer): Printer & { ms: number } {
  const p = {
    ms: 0,
    async pdf(html: string, opts: Parameters<Printer['pdf']>[1]) {
      const t = performance.now();
      try {
        return await inner.pdf(html, opts);
      } finally {
        p.ms += performance.now() - t;
      }
    },
    png: (html: string, opts: Parameters<Printer['png']>[1]) => inner.png(html, opts),
    close: () => inner.close(),
  };
  return p;
}

export const plans: Suite = {
  name: 'plans',
  title: 'the annual plan as a PDF: 40 actions, a map of 60 people, five years of revenue',
  async run() {
    const { dir, cleanup } = benchDir();
    const printer = timed(chromiumPrinter());
    const b = new Backend({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', now: () => new Date(`${today}T09:00:00Z`), log: () => {}, printer });
    try {
      const f = await seedPlan(b, { actions: 40, people: 60 });
      const input = planDocumentInput(b.connection(), f.accountId, f.year, today);
      planDocument(input, { locale: 'zh-CN', safe: false, today });
      const html = await timeMedian(RUNS, () => planDocument(input, { locale: 'zh-CN', safe: false, today }));
      const figures: Figure[] = [{ label: 'plan document HTML (cover, contents, 12 sections, chart, map)', value: html, unit: 'ms' }];
      if (!findChromium()) return figures;

      const args = { accountId: f.accountId, year: f.year, format: 'pdf' as const, locale: 'zh-CN' as const, today };
      let t = performance.now();
      const first = await b.call('plan-export', args);
      const cold = performance.now() - t;
      const totals: number[] = [];
      const prints: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        printer.ms = 0;
        t = performance.now();
        await b.call('plan-export', args);
        totals.push(performance.now() - t);
        prints.push(printer.ms);
      }
      const pdf = Buffer.from(first.contentBase64, 'base64');
      fs.writeFileSync(path.join(dir, first.fileName), pdf);
      figures.push(
        { label: 'plan PDF, whole export (browser running)', value: median(totals), unit: 'ms', budget: 3000 },
        { label: 'of which Chromium printing (two passes)', value: median(prints), unit: 'ms' },
        { label: 'plan PDF, first export (starts the browser)', value: cold, unit: 'ms' },
        { label: `plan PDF size (${pdfPageCount(pdf)} pages)`, value: pdf.length / 1024, unit: 'KiB' },
      );
      return figures;
    } finally {
      await b.close();
      cleanup();
    }
  },
};
