/**
 * The printer for the browser preview and the CLI: headless Chromium through playwright-core. The
 * browser starts on the first print and is reused; `close` ends it.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../../shared/api/errors';
import type { PdfOptions, PngOptions, Printer } from './printer';

/** Where Chromium is: $KEYPLAN_CHROMIUM, else the usual system locations. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.KEYPLAN_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPrinter(executablePath = findChromium()): Printer {
  let browser: Promise<Browser> | null = null;
  const open = (): Promise<Browser> => {
    if (!executablePath) {
      throw new AppError('printer-unavailable', 'No Chromium found for printing; set KEYPLAN_CHROMIUM to its path.');
    }
    browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
    return browser;
  };
  return {
    async pdf(html: string, opts: PdfOptions) {
      const b = await open();
      const page = await b.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready');
        const m = opts.marginMm;
        const margin = m ? { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` } : undefined;
        const headerFooter = !!(opts.headerTemplate || opts.footerTemplate);
        return await page.pdf({
          format: opts.format ?? 'A4',
          landscape: opts.landscape,
          printBackground: true,
          preferCSSPageSize: true,
          ...(margin ? { margin } : {}),
          ...(headerFooter
            ? { displayHeaderFooter: true, headerTemplate: opts.headerTemplate ?? '<span></span>', footerTemplate: opts.footerTemplate ?? '<span></span>' }
            : {}),
          outline: true,
          tagged: true,
        });
      } finally {
        await page.close();
      }
    },
    async png(html: string, opts: PngOptions) {
      const b = await open();
      const page = await b.newPage({ viewport: { width: opts.width, height: opts.height }, deviceScaleFactor: opts.scale ?? 2 });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready');
        return await page.screenshot({ type: 'png', fullPage: false });
      } finally {
        await page.close();
      }
    },
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b).close().catch(() => {});
    },
  };
}
