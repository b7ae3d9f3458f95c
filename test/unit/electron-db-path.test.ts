import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE, readConfig, rememberedDatabase, writeConfig } from '../../electron/main/config';
import { chooseDbPath, dbFlag } from '../../electron/main/db-path';

describe('dbFlag', () => {
  it('reads --db PATH and --db=PATH among Electron and Chromium arguments', () => {
    expect(dbFlag(['/usr/bin/electron', '.', '--db', '/tmp/a.db'])).toBe('/tmp/a.db');
    expect(dbFlag(['/opt/Keyplan/keyplan', '--db=/tmp/b.db'])).toBe('/tmp/b.db');
    expect(dbFlag(['electron', '--inspect=0', '--remote-debugging-port=0', '/app', '--db', 'rel.db'])).toBe('rel.db');
  });

  it('has no value when the flag is missing, empty or followed by another switch', () => {
    expect(dbFlag(['electron', '.'])).toBeUndefined();
    expect(dbFlag(['electron', '.', '--db'])).toBeUndefined();
    expect(dbFlag(['electron', '.', '--db='])).toBeUndefined();
    expect(dbFlag(['electron', '.', '--db', '--no-sandbox'])).toBeUndefined();
    expect(dbFlag(['electron', '.', '--dbx', 'a.db'])).toBeUndefined();
    expect(dbFlag(['electron', '.', '--', '--db', 'a.db'])).toBeUndefined();
  });
});

describe('chooseDbPath', () => {
  const userData = path.resolve('/home/u/.config/Keyplan');
  const remembered = path.resolve('/data/last.db');

  it('prefers --db, then KEYPLAN_DB, then the remembered file, then userData/keyplan.db', () => {
    const argv = ['electron', '.', '--db', '/tmp/flag.db'];
    const env = { KEYPLAN_DB: '/tmp/env.db' };
    expect(chooseDbPath({ argv, env, userData, remembered })).toBe(path.resolve('/tmp/flag.db'));
    expect(chooseDbPath({ argv: ['electron', '.'], env, userData, remembered })).toBe(path.resolve('/tmp/env.db'));
    expect(chooseDbPath({ argv: ['electron', '.'], env: {}, userData, remembered })).toBe(remembered);
    expect(chooseDbPath({ argv: ['electron', '.'], env: {}, userData })).toBe(path.join(userData, 'keyplan.db'));
  });

  it('treats a blank KEYPLAN_DB as unset', () => {
    expect(chooseDbPath({ argv: [], env: { KEYPLAN_DB: '  ' }, userData, remembered })).toBe(remembered);
  });

  it('resolves a relative --db against the working directory', () => {
    expect(chooseDbPath({ argv: ['--db', 'rel.db'], env: {}, userData })).toBe(path.resolve('rel.db'));
  });
});

describe('shell config', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function tmp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-shell-'));
    dirs.push(dir);
    return dir;
  }

  it('round-trips the last database, creating the folder', () => {
    const file = path.join(tmp(), 'nested', CONFIG_FILE);
    const db = path.resolve('/data/plans.db');
    writeConfig(file, { lastDatabase: db });
    expect(readConfig(file)).toEqual({ lastDatabase: db });
    expect(fs.readdirSync(path.dirname(file))).toEqual([CONFIG_FILE]);
  });

  it('reads a missing, broken or foreign file as empty', () => {
    const dir = tmp();
    expect(readConfig(path.join(dir, 'missing.json'))).toEqual({});
    const file = path.join(dir, CONFIG_FILE);
    for (const content of ['{not json', 'null', '[]', '{"lastDatabase": 42}', '{"lastDatabase": "relative.db"}']) {
      fs.writeFileSync(file, content);
      expect(readConfig(file)).toEqual({});
    }
  });

  it('remembers a database only while it still exists', () => {
    const db = path.join(tmp(), 'kept.db');
    expect(rememberedDatabase({ lastDatabase: db })).toBeUndefined();
    fs.writeFileSync(db, '');
    expect(rememberedDatabase({ lastDatabase: db })).toBe(db);
    expect(rememberedDatabase({})).toBeUndefined();
  });
});
