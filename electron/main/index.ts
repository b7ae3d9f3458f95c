/**
 * The Electron shell: one window, one IPC channel, the backend behind it. Everything with a rule in
 * it lives in a pure module beside this one (origins, links, csp, window-options, menu-template,
 * db-path, assets) and is unit-tested; this file only wires them to Electron, in order.
 */
import { app, session } from 'electron';
import path from 'node:path';
import { contentSecurityPolicy } from './csp';
import { openBackend } from './database';
import { hardenAllWebContents, hardenSession } from './hardening';
import { forwardBackendEvents, registerInvokeChannel } from './ipc';
import { installMenu } from './menu';
import { allowedOrigins, APP_ENTRY_URL, devServerUrl } from './origins';
import { registerAppScheme, serveRenderer } from './protocol';
import { appWebContents, createMainWindow, focusMainWindow, hasAppWindow, isAppWindow } from './window';

const here = import.meta.dirname; // out/main
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_DIR = path.join(here, '../renderer');

// Before 'ready', or never: a scheme's privileges and the global sandbox are fixed at start-up.
registerAppScheme();
app.enableSandbox(); // every renderer, even one a future feature forgets to configure

if (app.requestSingleInstanceLock()) {
  main().catch((e: unknown) => {
    console.error(`keyplan: could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    app.exit(1);
  });
} else {
  // Another Keyplan is running; it receives 'second-instance' and comes to the front.
  app.quit();
}

async function main(): Promise<void> {
  const devServer = devServerUrl(process.env, app.isPackaged);
  // An unpackaged run (npm start, npm run dev) is a developer's: DevTools and Reload are offered.
  const dev = !app.isPackaged;
  const origins = allowedOrigins(devServer);
  const policy = contentSecurityPolicy(devServer);

  // Opened before 'ready', so the database work overlaps Chromium's start-up.
  const backend = openBackend();
  closeBackendOnQuit(() => backend.close());

  hardenAllWebContents(origins);
  // The second launch's arguments (say, another --db) are ignored: one app, one database at a time.
  app.on('second-instance', focusMainWindow);
  await app.whenReady();

  hardenSession(session.defaultSession, policy);
  if (!devServer) serveRenderer(session.defaultSession, RENDERER_DIR, policy);
  registerInvokeChannel(backend, { allowedOrigins: origins, isAppWindow });
  forwardBackendEvents(backend, appWebContents);
  installMenu(dev);

  const openWindow = () => createMainWindow({ preloadPath: PRELOAD, url: devServer?.href ?? APP_ENTRY_URL, dev });
  openWindow();

  // macOS keeps the app alive without windows and re-opens one from the dock.
  app.on('activate', () => {
    if (!hasAppWindow()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/**
 * Holds the quit until the backend has finished its automatic backup and checkpointed the WAL, so
 * the database file is complete on disk when the process ends.
 */
function closeBackendOnQuit(close: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    close()
      .catch((e: unknown) => console.error(`keyplan: closing the database failed: ${String(e)}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
