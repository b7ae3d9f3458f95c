/**
 * The app's windows. Kept in one registry because the IPC channel answers only pages in these
 * windows, and backend events go only to them.
 */
import { BrowserWindow, screen, type WebContents } from 'electron';
import { windowOptions } from './window-options';

const appWindows = new Set<BrowserWindow>();

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  dev: boolean;
}

export function createMainWindow({ preloadPath, url, dev }: MainWindowOptions): BrowserWindow {
  const workArea = screen.getPrimaryDisplay().workAreaSize;
  const win = new BrowserWindow(windowOptions({ preloadPath, dev, workArea }));
  appWindows.add(win);
  win.on('closed', () => appWindows.delete(win));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`keyplan: renderer ${details.reason} (exit code ${details.exitCode})`);
  });
  win.loadURL(url).catch((e: unknown) => console.error(`keyplan: could not load ${url}: ${String(e)}`));
  return win;
}

export function isAppWindow(contents: WebContents): boolean {
  for (const win of appWindows) if (!win.isDestroyed() && win.webContents === contents) return true;
  return false;
}

export function appWebContents(): WebContents[] {
  return [...appWindows].filter((w) => !w.isDestroyed()).map((w) => w.webContents);
}

/** Brings the app to the front (a second launch lands here). */
export function focusMainWindow(): void {
  const win = [...appWindows].find((w) => !w.isDestroyed());
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function hasAppWindow(): boolean {
  return appWindows.size > 0;
}
