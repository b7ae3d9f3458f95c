/**
 * Every print document (board, stakeholder map, annual plan, forum deck: PDF, PNG and the deck the
 * Present screen shows) carries the strict print CSP as its first <head> element and no script;
 * and, in Chromium, that policy stops a script or a remote load that an escaping slip let in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/backend/documents/chromium-printer';
import { PRINT_CSP, printCspMeta, printDocument } from '../../electron/backend/documents/html';
import type { Printer } from '../../electron/backend/documents/printer';
import { NOW } from './accounts-helpers';
import { useTestEnv } from './helpers';
import { seedPlan } from './plan-fixtures';

const env = useTestEnv();
const TODAY = '2026-06-01';

function recordingPrinter(): Printer & { printed: { kind: 'pdf' | 'png'; html: string }[] } {
  const printed: { kind: 'pdf' | 'png'; html: string }[] = [];
  return {
    printed,
    pdf: (html) => {
      printed.push({ kind: 'pdf', html });
      return Promise.resolve(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
    },
    png: (html) => {
      printed.push({ kind: 'png', html });
      return Promise.resolve(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    },
    close: () => Promise.resolve(),
  };
}

/** The policy a document declares, read back from its first <head> element. */
function declaredPolicy(html: string): string | null {
  return /<head><meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? null;
}

describe('the print documents CSP', () => {
  it('is default-src none plus inline styles and data: fonts and images, nothing else', () => {
    const directives = PRINT_CSP.split(';').map((d) => d.trim());
    expect(directives).toEqual(["default-src 'none'", "style-src 'unsafe-inline'", 'font-src data:', 'img-src data:', "base-uri 'none'", "form-action 'none'"]);
    expect(PRINT_CSP).not.toMatch(/script-src|unsafe-eval|https?:|\*/);
    expect(printCspMeta()).toBe(`<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`);
  });

  it('printDocument puts it first in <head>, before the fonts, and needs a <head>', () => {
    const html = printDocument('<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>计划</body></html>');
    expect(html.startsWith(`<!doctype html><html><head>${printCspMeta()}<meta charset="utf-8">`)).toBe(true);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('@font-face'));
    expect(() => printDocument('<p>no head</p>')).toThrow();
  });

  it('every document the handlers print or show carries it and no script', async () => {
    const printer = recordingPrinter();
    const b = env.backend({ now: () => NOW, printer });
    const f = await seedPlan(b, { actions: 4, people: 5 });

    await b.call('board-export', { matrix: 'value-potential', format: 'pdf', locale: 'zh-CN', today: TODAY });
    await b.call('board-export', { matrix: 'value-potential', format: 'png', locale: 'en', today: TODAY });
    await b.call('map-export', { accountId: f.accountId, format: 'pdf', locale: 'zh-CN', today: TODAY });
    await b.call('map-export', { accountId: f.accountId, format: 'png', locale: 'en', safe: true, today: TODAY });
    await b.call('plan-export', { accountId: f.accountId, year: f.year, format: 'pdf', locale: 'zh-CN', today: TODAY });
    await b.call('plan-export', { accountId: f.accountId, year: f.year, format: 'pdf', locale: 'en', safe: true, today: TODAY });
    await b.call('forum-export', { year: f.year, accountIds: [f.accountId], locale: 'zh-CN', today: TODAY });
    const deck = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId], locale: 'en', today: TODAY });

    const documents = [...printer.printed.map((p) => ({ what: p.kind, html: p.html })), { what: 'forum-deck', html: deck.html }];
    // board x2, map x2, plan x2 (at least one pass each), forum, deck
    expect(documents.length).toBeGreaterThanOrEqual(8);
    for (const { what, html } of documents) {
      expect(declaredPolicy(html), what).toBe(PRINT_CSP);
      expect(html.match(/http-equiv="Content-Security-Policy"/g), what).toHaveLength(1);
      expect(html, what).not.toMatch(/<script|javascript:|\son[a-z]+\s*=/i);
      expect(html, what).not.toMatch(/<(link|object|embed|base)\b/i);
      // the deck shows the board page in a frame of its own text (srcdoc), never a loaded one
      expect(html, what).not.toMatch(/<iframe\b(?![^>]*\ssrcdoc=)[^>]*>|<iframe\b[^>]*\ssrc=/i);
    }
  });
});

/** Shows a document in Chromium as a loaded page and collects the CSP violations it reports. */
async function inChromium<T>(html: string, use: (page: Page, violations: string[]) => Promise<T>): Promise<T> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
    await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective))");
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    await page.route('http://print.test/', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto('http://print.test/', { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return await use(page, violations);
  } finally {
    await browser.close();
  }
}

describe.skipIf(!findChromium())('the print CSP in Chromium', () => {
  it('refuses a script and a remote image an escaping slip let in; inline styles still apply', async () => {
    const slip = '<script>document.title = "ran"</script><img src="http://127.0.0.1:9/x.png"><p id="p" style="color: rgb(1, 2, 3)">计划</p>';
    const html = printDocument(`<!doctype html><html><head><title>clean</title></head><body>${slip}</body></html>`);
    await inChromium(html, async (page, violations) => {
      expect(await page.title()).toBe('clean');
      expect(await page.evaluate('getComputedStyle(document.getElementById("p")).color')).toBe('rgb(1, 2, 3)');
      await expect.poll(() => violations.filter((v) => !v.startsWith('console:')).sort()).toEqual(['img-src', 'script-src-elem']);
    });
  });

  it('a real document (the forum deck, with the board drawn on its slide) shows in full with no violation', async () => {
    const b = env.backend({ now: () => NOW, printer: recordingPrinter() });
    const f = await seedPlan(b, { actions: 4, people: 5 });
    const deck = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId], locale: 'zh-CN', today: TODAY });
    await inChromium(deck.html, async (page, violations) => {
      // the embedded font loaded (data: URL) and the board drawn on its slide (no frame any more)
      expect(await page.evaluate('[...document.fonts].some((f) => f.status === "loaded")')).toBe(true);
      expect(await page.evaluate('document.querySelector(".slide.board .bgrid").innerText.length')).toBeGreaterThan(20);
      expect(page.frames()).toHaveLength(1);
      expect(violations).toEqual([]);
    });
  });
});
