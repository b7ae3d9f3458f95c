/**
 * Launches the built desktop app with Playwright's Electron driver and checks that the shell holds
 * together: one window, the preload bridge answering, and the page kept away from Node.
 *
 * Skipped (and reported as skipped) where it cannot run: when the Electron binary was not
 * downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, as in CI), or on Linux without a display.
 * Needs `electron-vite build` first, which `npm run test:e2e` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyplanBridge } from '../../shared/api/bridge';
import type { AppInfo, DbStatus } from '../../shared/api/types';
import { electronBinaryStatus, ROOT } from '../../electron/scripts/electron-binary.mjs';
import { ensureNativeBinding } from '../../electron/scripts/electron-native.mjs';

const binary = electronBinaryStatus();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasElectron = binary.ok && !noDisplay;

/** What the page sees on `window` (typed here without the DOM library). */
type PageGlobals = { keyplan?: KeyplanBridge; require?: unknown; process?: unknown; location: { href: string } };

describe.skipIf(!hasElectron)('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dir: string;
  const dbFile = () => path.join(dir, 'smoke.db');

  beforeAll(async () => {
    if (!binary.ok) throw new Error('unreachable: skipped without Electron');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.KEYPLAN_DB;
    delete env.ELECTRON_RUN_AS_NODE;
    // A private userData on Linux: the single-instance lock and the remembered database stay ours.
    env.XDG_CONFIG_HOME = path.join(dir, 'config');
    env.KEYPLAN_NATIVE_BINDING = ensureNativeBinding({ electronVersion: binary.version });
    app = await electron.launch({ executablePath: binary.path, args: [ROOT, '--db', dbFile()], cwd: ROOT, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens one window titled Keyplan, served from app://keyplan', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(await page.title()).toContain('Keyplan');
    expect(page.url()).toMatch(/^app:\/\/keyplan\//);
  });

  it('answers app-info and opens the database named with --db', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).keyplan!.invoke('app-info', {}));
    expect(info.ok).toBe(true);
    expect(info.ok && (info.value as AppInfo)).toMatchObject({ name: 'Keyplan', transport: 'electron', dbPath: dbFile() });
    const status = await page.evaluate(() => (globalThis as unknown as PageGlobals).keyplan!.invoke('db-status', {}));
    expect(status.ok && (status.value as DbStatus).state).toBe('ok');
  });

  it('gives the page the bridge and nothing of Node', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { bridge: Object.keys(g.keyplan ?? {}).sort(), require: typeof g.require, process: typeof g.process };
    });
    expect(seen).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
  });

  it('enforces the content security policy (no eval)', async () => {
    const verdict = await page.evaluate(() => {
      try {
        return String((0, eval)('1 + 1'));
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(verdict).toBe('EvalError');
  });

  it('does not navigate away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'file:///';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});
