/**
 * Opens the backend on the right database and remembers the user's choice of file.
 */
import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { Backend } from '../backend/backend';
import { setReaderWorkerFile } from '../backend/import/reader-source';
import readerWorkerFile from '../backend/import/account-reader.worker?modulePath';
import { backupDialogOptions, chosenBackupPath } from './backup-dialog';
import { CONFIG_FILE, readConfig, rememberedDatabase, writeConfig } from './config';
import { chooseDbPath } from './db-path';
import { electronPrinter } from './printer';

export function openBackend(): Backend {
  // Large imports are read in a worker thread; the build emits it as its own file, which the
  // packaged app keeps unpacked beside app.asar (a worker thread cannot load from the archive).
  const unpacked = readerWorkerFile.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  setReaderWorkerFile(unpacked !== readerWorkerFile && fs.existsSync(unpacked) ? unpacked : readerWorkerFile);
  const userData = app.getPath('userData');
  const configFile = path.join(userData, CONFIG_FILE);
  const config = readConfig(configFile);
  const dbPath = chooseDbPath({ argv: process.argv, env: process.env, userData, remembered: rememberedDatabase(config) });

  // A corrupt, unreadable or too-new file does not throw: the backend reports it through
  // db-status and the renderer shows the recovery page.
  const backend = new Backend({
    dbPath,
    transport: 'electron',
    kind: 'app',
    version: app.getVersion(),
    autoBackup: true,
    warmUp: true,
    nativeBinding: nativeBinding(),
    printer: electronPrinter(),
    chooseBackupPath: async (suggested, title) => {
      // the suggestion is in backups/ beside the database, where the automatic backups go
      fs.mkdirSync(path.dirname(suggested), { recursive: true });
      const options = backupDialogOptions(suggested, title);
      const parent = BrowserWindow.getFocusedWindow();
      return chosenBackupPath(parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options));
    },
  });

  // Subscribed after the first open on purpose: a file named with --db or KEYPLAN_DB is a one-off
  // (tests, scripts), not a choice to remember. What the user opens from the app is.
  backend.on('db-changed', (status) => {
    if (status.state !== 'ok' || status.path === config.lastDatabase) return;
    config.lastDatabase = status.path;
    try {
      writeConfig(configFile, config);
    } catch (e) {
      console.warn(`keyplan: could not save ${configFile}: ${String(e)}`);
    }
  });
  return backend;
}

/**
 * better-sqlite3 built for Electron's ABI. A packaged app loads the module the normal way, because
 * electron-builder rebuilt it for Electron. An unpackaged run shares node_modules with the Node
 * tests, whose build must stay Node's, so electron/scripts/start.mjs keeps an Electron build elsewhere and
 * names it in KEYPLAN_NATIVE_BINDING. (Packaged apps ignore the variable: no environment variable
 * should make a shipped app load native code from an arbitrary path.)
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = process.env.KEYPLAN_NATIVE_BINDING?.trim();
  if (!file) return undefined;
  if (fs.existsSync(file)) return file;
  console.warn(`keyplan: KEYPLAN_NATIVE_BINDING names a missing file (${file}); using node_modules/better-sqlite3`);
  return undefined;
}
