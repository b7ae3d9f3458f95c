/**
 * Which database the app opens. Pure (paths only, no file system), unit-tested.
 */
import path from 'node:path';
import { resolveDbPath } from '../backend/paths';

/**
 * The value of `--db PATH` or `--db=PATH` in Electron's argv. Read by hand rather than with
 * util.parseArgs: argv also holds the app path and switches meant for Chromium, which a strict
 * parser would reject, and Chromium's own switch parser does not take a space-separated value.
 */
export function dbFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg.startsWith('--db=')) return arg.slice('--db='.length) || undefined;
    if (arg === '--db') {
      const value = argv[i + 1];
      return value && !value.startsWith('--') ? value : undefined;
    }
  }
  return undefined;
}

export interface DbChoice {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  userData: string;
  /** The last database the user opened in the app, if it still exists (see config.ts). */
  remembered?: string | undefined;
}

/**
 * `--db` wins, then KEYPLAN_DB, then the database the user last opened, then userData/keyplan.db.
 * No folder is created for any of them (userData exists; Electron makes it): an explicit path in a
 * folder that does not exist opens nothing and the app shows why (db-folder-missing, from open.ts).
 */
export function chooseDbPath({ argv, env, userData, remembered }: DbChoice): string {
  const flag = dbFlag(argv);
  const explicit = flag?.trim() || env.KEYPLAN_DB?.trim();
  if (!explicit && remembered) return path.resolve(remembered);
  return resolveDbPath(flag, env, userData);
}
