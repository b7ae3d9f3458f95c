/**
 * The browser preview's bridge, as a browser meets it: the printed link's token moves into a
 * cookie and out of the address bar, the app works on the cookie alone (reloads and the event
 * stream too), a page on another site cannot use it, and the app logs no CSP violation on load
 * (zod runs jitless).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPage, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Preview } from './harness';

/** Collects every CSP violation the page reports: its events, and Chromium's console lines. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('keyplanCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => window.keyplanCspViolation(`${e.violatedDirective} ${e.blockedURI}`))",
  );
  page.on('console', (m) => {
    if (/Content.Security.Policy|unsafe-eval/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

describe('the preview bridge in a browser', () => {
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
    await invoke(preview, 'sample-load', { accounts: 12, today: '2026-06-01' });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  for (const lang of LANGS) {
    it(`takes the token out of the address bar and works on the cookie, with no CSP violation (${lang})`, async () => {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      const violations = await watchCsp(page);
      await page.goto(`${preview.url}#/accounts`);
      const nav = page.getByRole('navigation', { name: t.nav.label });
      await nav.waitFor();
      await page.getByRole('heading', { level: 1, name: t.accounts.title }).waitFor();
      await page.getByRole('row').nth(3).waitFor();

      // the address bar and the history hold no token; the route survived the redirect
      expect(page.url()).toBe(`${preview.origin}/#/accounts`);
      expect(page.url()).not.toContain(preview.token);
      // the page's script cannot read the token (HttpOnly cookie, nothing kept in storage)
      expect(await inPage(page, 'document.cookie')).toBe('');
      expect(await inPage(page, 'JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).not.toContain(preview.token);
      const cookies = await page.context().cookies(`${preview.origin}/api/`);
      expect(cookies).toEqual([expect.objectContaining({ value: preview.token, httpOnly: true, sameSite: 'Strict', path: '/api/', secure: false })]);

      // the cookie carries on: a reload, another screen, and the event stream (a change made
      // elsewhere shows up without a reload)
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t.accounts.title }).waitFor();
      await nav.getByRole('link', { name: t.nav.portfolio, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t.portfolio.title }).waitFor();
      await nav.getByRole('link', { name: t.nav.accounts, exact: true }).click();
      const name = lang === 'en' ? 'Cookie Test Ltd' : '饼干测试有限公司';
      await invoke(preview, 'accounts-create', { name });
      await page.getByRole('link', { name, exact: true }).or(page.getByText(name, { exact: true })).first().waitFor();
      await screenshot(page, 'bridge-cookie', lang);

      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('presents the forum deck under its own strict CSP, with no violation', async () => {
    const t = msg('zh-CN');
    const page = await newPage(browser, { lang: 'zh-CN' });
    const violations = await watchCsp(page);
    await page.goto(`${preview.url}#/forum`);
    await page.getByRole('heading', { level: 1, name: t.forum.title }).waitFor();
    await page.getByRole('button', { name: t.forum.present }).click();
    const frame = page.frameLocator('.presentation iframe');
    await frame.locator('.slide.on h1').waitFor();
    // the slides through to the last, the board on the way
    await page.keyboard.press('ArrowRight');
    await frame.locator('.slide.on .bgrid').waitFor();
    await page.keyboard.press('End');
    await frame.locator('.slide.on').last().waitFor();
    const deck = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    expect(deck).toBeDefined();
    expect(await deck!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:/);
    expect(await deck!.locator('script').count()).toBe(0);
    await screenshot(page, 'bridge-present-csp', 'zh-CN');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('a page from another origin cannot use the preview, even in a browser holding the cookie', async () => {
    const page = await newPage(browser, { lang: 'zh-CN' });
    await page.goto(preview.url);
    await page.getByRole('navigation', { name: msg('zh-CN').nav.label }).waitFor();
    // Another local web server on the same address: the same site, so the browser sends it the
    // SameSite cookie and (both on loopback) does not block the request; only the bridge's Origin
    // and Sec-Fetch-Site checks stand in the way.
    const cookiesSeen: (string | undefined)[] = [];
    const other = http.createServer((req, res) => {
      cookiesSeen.push(req.headers.cookie);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>another local server</title>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const name = 'Written from another local page';
      const outcome = await inPage<string>(
        page,
        `fetch(${JSON.stringify(`${preview.origin}/api/invoke/accounts-create`)}, {
          method: 'POST', mode: 'no-cors', credentials: 'include',
          headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: ${JSON.stringify(name)} }),
        }).then(() => 'sent', (e) => 'failed: ' + e.message)`,
      );
      // the browser sent it (an opaque reply): the bridge refused it
      expect(outcome).toBe('sent');
      // and visiting the other server did not hand it the token (the cookie's Path is /api/)
      expect(cookiesSeen.length).toBeGreaterThan(0);
      expect(cookiesSeen.filter((c) => c?.includes(preview.token))).toEqual([]);
      const names = ((await invoke(preview, 'accounts-list', {})) as { name: string }[]).map((a) => a.name);
      expect(names).not.toContain(name);
    } finally {
      other.close();
      other.closeAllConnections();
    }
    await page.context().close();
  });
});
