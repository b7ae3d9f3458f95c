import os from 'node:os';
import path from 'node:path';

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
