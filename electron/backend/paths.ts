import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';

export const APP_NAME = 'Keyplan';
export const DB_FILE = 'keyplan.db';

/**
 * The folder Electron calls userData, computed the same way without Electron, so the CLI and the
 * browser preview find the app's database by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** `--db` wins, then KEYPLAN_DB, then keyplan.db in the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, dataDir?: string): string {
  const chosen = flag?.trim() || env.KEYPLAN_DB?.trim();
  if (chosen) return path.resolve(chosen);
  return path.join(dataDir ?? userDataDir(env), DB_FILE);
}

/**
 * The database path a door (CLI, preview) opens, made ready: only the default location is created
 * with its folders; a path given with --db or KEYPLAN_DB must be in a folder that exists (a typo
 * such as `nope/deeper/typo.db` creates nothing and is refused with `db-folder-missing`).
 */
export function prepareDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, dataDir?: string): string {
  const file = resolveDbPath(flag, env, dataDir);
  const explicit = !!(flag?.trim() || env.KEYPLAN_DB?.trim());
  if (explicit) checkDbFolder(file);
  else fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** Refuses (db-folder-missing) a database path whose folder does not exist or is not a folder. */
export function checkDbFolder(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new AppError('db-folder-missing', `The folder ${dir} of the database ${file} does not exist; nothing was created. Check the path, or create the folder first.`, {
      path: file,
    });
  }
}
