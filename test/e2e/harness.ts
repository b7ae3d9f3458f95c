/**
 * E2E harness: the browser preview (the real backend over HTTP) driven by playwright-core's
 * Chromium. One browser per test file; one preview server per test where the database matters.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LOCALES, messages, type Locale, type Messages } from '../../shared/i18n';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const VIEWPORT = { width: 1280, height: 800 };
export type { Locale };

export interface Preview {
  url: string;
  token: string;
  origin: string;
  dbPath: string;
  stop: () => Promise<void>;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'keyplan-e2e-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `electron/backend/web/main.ts --db <dbPath> --port 0` and waits for its one line:
 * `Keyplan web preview: http://127.0.0.1:N/?token=T`.
 */
export async function startPreview({ dbPath }: { dbPath: string }): Promise<Preview> {
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` before the E2E tests.');
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web/main.ts', '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KEYPLAN_WEB_TOKEN: '' },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const line = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`preview did not start in time\n${stderr}`)), 30_000);
    lines.once('line', (l) => {
      clearTimeout(timer);
      lines.close();
      resolve(l);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited (${code}) before printing its URL\n${stderr}`));
    });
  });
  const m = /^Keyplan web preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))$/.exec(line);
  if (!m) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from the preview: ${JSON.stringify(line)}\n${stderr}`);
  }
  const url = m[1]!;
  return {
    url,
    token: m[2]!,
    origin: new URL(url).origin,
    dbPath,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A page in a fresh context (its own localStorage) whose browser language is `lang`: zh-CN or en
 * (en-US, as a real English system reports it). The viewport defaults to the minimum window, 1280x800.
 */
export async function newPage(
  browser: Browser,
  { lang, viewport = VIEWPORT }: { lang: Locale; viewport?: { width: number; height: number } },
): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-US' : 'zh-CN',
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    console.error(`[page error] ${e.message}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 40[13]/.test(msg.text())) {
      console.error(`[console] ${msg.text()}`);
    }
  });
  return page;
}

/** Writes test-results/screenshots/<name>-<lang>.png. */
export async function screenshot(page: Page, name: string, lang: Locale, opts: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}-${lang}.png`);
  // Let transitions and font loading settle so the picture is what a person sees.
  await inPage(page, 'document.fonts.ready.then(() => true)');
  if (!opts.fullPage) {
    await page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
  // The workspace scrolls inside <main>, not the document: grow the window to the content instead.
  const height = await inPage<number>(
    page,
    `Math.max(document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('main')].map((m) => m.scrollHeight + m.getBoundingClientRect().top))`,
  );
  const before = page.viewportSize() ?? VIEWPORT;
  await page.setViewportSize({ width: before.width, height: Math.max(before.height, Math.ceil(height)) });
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  } finally {
    await page.setViewportSize(before);
  }
  return file;
}

/**
 * Evaluates an expression in the page. Test code is type-checked without the DOM library (it runs
 * in Node), so what runs in the page is written as a string.
 */
export function inPage<T = unknown>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** The page's hash route, e.g. '#/board'. */
export function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

/** <html lang>. */
export function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The catalogue, for asserting exactly the text the user sees. */
export function msg(lang: Locale): Messages {
  return messages[lang];
}

/** Fills `{{name}}` placeholders like i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Calls the preview's API directly, as another window or the CLI would. */
export async function invoke(preview: Preview, method: string, args: unknown = {}): Promise<unknown> {
  const res = await fetch(`${preview.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-keyplan-token': preview.token },
    body: JSON.stringify(args),
  });
  const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.value;
}

export const LANGS: Locale[] = [...LOCALES];
