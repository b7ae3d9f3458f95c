/**
 * The set-up most E2E files share: one Chromium for the file, and per test a preview server on a
 * fresh temporary database (stopped, its folder removed, after the test), with a page in the test's
 * language opened on a route. Call `usePreviewPages()` once, at the top of the file's describe block.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { invoke, launchBrowser, newPage, startPreview, tempDir, type Locale, type Preview } from './harness';

export interface OpenOptions {
  /** The hash route to open, e.g. '#/settings'. */
  route: string;
  /** The page's level-1 heading to wait for (omitted: wait for nothing). */
  heading?: string;
  /** Load the sample in the page's language before the page opens. */
  sample?: boolean;
  /** Prepares the test's folder before the preview starts on `<dir>/keyplan.db` (other databases, backups). */
  prepare?: (dir: string) => unknown;
  /** Runs on the page before it goes to the route (routes, init scripts). */
  beforeGoto?: (page: Page) => unknown;
}

export interface PreviewPages {
  /** The file's Chromium. */
  readonly browser: Browser;
  /** The current test's preview server (after open()). */
  readonly preview: Preview;
  /** Starts this test's preview on a fresh database and opens a page in `lang` on a route. */
  open(lang: Locale, options: OpenOptions): Promise<Page>;
}

export function usePreviewPages(): PreviewPages {
  let browser: Browser | undefined;
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
    cleanup = undefined;
  });

  const pages: PreviewPages = {
    get browser() {
      if (!browser) throw new Error('no browser yet: usePreviewPages() launches it before the first test');
      return browser;
    },
    get preview() {
      if (!preview) throw new Error('no preview in this test yet: call open() first');
      return preview;
    },
    async open(lang, { route, heading, sample, prepare, beforeGoto }) {
      const tmp = tempDir();
      cleanup = tmp.cleanup;
      await prepare?.(tmp.dir);
      preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      if (sample) await invoke(preview, 'sample-load', { locale: lang });
      const page = await newPage(pages.browser, { lang });
      await beforeGoto?.(page);
      await page.goto(`${preview.url}${route}`);
      if (heading !== undefined) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      return page;
    },
  };
  return pages;
}
