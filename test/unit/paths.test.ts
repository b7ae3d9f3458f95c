/** Where the database lives: --db, then KEYPLAN_DB, then keyplan.db in the app's data folder. */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, resolveDbPath, userDataDir } from '../../electron/backend/paths';

const home = os.homedir();

describe('resolveDbPath', () => {
  it('--db wins over KEYPLAN_DB and the default', () => {
    expect(resolveDbPath('/data/flag.db', { KEYPLAN_DB: '/data/env.db' }, '/data/dir')).toBe(path.resolve('/data/flag.db'));
  });

  it('KEYPLAN_DB is used without --db', () => {
    expect(resolveDbPath(undefined, { KEYPLAN_DB: '/data/env.db' }, '/data/dir')).toBe(path.resolve('/data/env.db'));
  });

  it('relative paths are resolved against the working directory', () => {
    expect(resolveDbPath('rel/flag.db', {})).toBe(path.join(process.cwd(), 'rel', 'flag.db'));
    expect(resolveDbPath(undefined, { KEYPLAN_DB: 'rel/env.db' })).toBe(path.join(process.cwd(), 'rel', 'env.db'));
  });

  it('blank values count as not given', () => {
    expect(resolveDbPath('', { KEYPLAN_DB: '/data/env.db' })).toBe(path.resolve('/data/env.db'));
    expect(resolveDbPath('   ', { KEYPLAN_DB: '  ' }, '/data/dir')).toBe(path.join('/data/dir', DB_FILE));
    expect(resolveDbPath(' /data/padded.db ', {})).toBe(path.resolve('/data/padded.db'));
  });

  it('defaults to keyplan.db in the given data folder', () => {
    expect(resolveDbPath(undefined, {}, '/data/dir')).toBe(path.join('/data/dir', 'keyplan.db'));
  });

  it('defaults to keyplan.db in the user-data folder of this platform', () => {
    expect(resolveDbPath(undefined, {})).toBe(path.join(userDataDir({}), 'keyplan.db'));
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe(
      process.platform === 'linux' ? path.join('/xdg', 'Keyplan', 'keyplan.db') : path.join(userDataDir({ XDG_CONFIG_HOME: '/xdg' }), 'keyplan.db'),
    );
  });
});

describe('userDataDir (the folder Electron calls userData)', () => {
  it('Linux: $XDG_CONFIG_HOME/Keyplan, else ~/.config/Keyplan', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'Keyplan'));
    expect(userDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Keyplan'));
  });

  it('macOS: ~/Library/Application Support/Keyplan, whatever XDG says', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Keyplan'));
  });

  it('Windows: %APPDATA%\\Keyplan, else ~/AppData/Roaming/Keyplan', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\u\\AppData\\Roaming', 'Keyplan'),
    );
    expect(userDataDir({}, 'win32')).toBe(path.join(home, 'AppData', 'Roaming', 'Keyplan'));
  });

  it('other Unix-likes use the Linux rule', () => {
    expect(userDataDir({}, 'freebsd')).toBe(path.join(home, '.config', 'Keyplan'));
  });
});
