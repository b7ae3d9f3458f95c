import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Preview } from './harness';

describe('the preview without its token, or without an answer', () => {
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  for (const lang of LANGS) {
    it(`shows the forbidden page, telling the user to open the printed link (${lang})`, async () => {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.origin}/`);
      await page.getByRole('heading', { level: 1, name: t.forbidden.title }).waitFor();
      expect(await page.getByText('npm run web', { exact: false }).count()).toBeGreaterThan(0);
      // no workspace, no data
      expect(await page.getByRole('navigation').count()).toBe(0);
      await screenshot(page, 'forbidden', lang);

      // a wrong token is no better (and it leaves the address bar too)
      await page.goto(`${preview.origin}/?token=not-the-token`);
      await page.getByRole('heading', { level: 1, name: t.forbidden.title }).waitFor();
      expect(page.url()).toBe(`${preview.origin}/`);
      await page.context().close();
    });
  }

  for (const lang of LANGS) {
    it(`offers to try again when the backend does not answer (${lang})`, async () => {
      const t = msg(lang);
      const page = await newPage(browser, { lang });
      await page.route('**/api/invoke/db-status', (route) => route.abort('connectionrefused'));
      await page.goto(preview.url);
      await page.getByRole('heading', { level: 1, name: t.startup.title }).waitFor();
      await page.getByText(t.errors.internal).waitFor();
      await screenshot(page, 'startup-failed', lang);
      await page.unroute('**/api/invoke/db-status');
      await page.getByRole('button', { name: t.common.retry }).click();
      await page.getByRole('navigation', { name: t.nav.label }).waitFor();
      await page.context().close();
    });
  }

  it('answers 401 to an API call without the token header, and 200 with it', async () => {
    const without = await fetch(`${preview.origin}/api/invoke/app-info`, { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await fetch(`${preview.origin}/api/invoke/app-info`, {
      method: 'POST',
      headers: { 'x-keyplan-token': 'wrong' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${preview.origin}/api/invoke/app-info`, {
      method: 'POST',
      headers: { 'x-keyplan-token': preview.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(right.status).toBe(200);
    expect(((await right.json()) as { ok: boolean }).ok).toBe(true);
  });
});
