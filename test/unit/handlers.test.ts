/**
 * The handler table, called the way every door calls it: `backend.invoke(method, args)`. Also the
 * guard that every contract method has a handler and a test that calls it by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS, contract, isMethod } from '../../shared/api/contract';
import { AppError, ERROR_CODES } from '../../shared/api/errors';
import type { Account } from '../../shared/api/types';
import { handlers, mergeHandlers } from '../../electron/backend/handlers';
import { accountHandlers } from '../../electron/backend/handlers/accounts';
import { accountBinHandlers } from '../../electron/backend/handlers/account-bin';
import { ioHandlers } from '../../electron/backend/handlers/io';
import { boardHandlers } from '../../electron/backend/handlers/board';
import { planHandlers } from '../../electron/backend/handlers/plans';
import { forumHandlers } from '../../electron/backend/handlers/forum';
import { churnHandlers } from '../../electron/backend/handlers/churn';
import { healthHandlers } from '../../electron/backend/handlers/health';
import { capacityHandlers } from '../../electron/backend/handlers/capacity';
import { stakeholderHandlers } from '../../electron/backend/handlers/stakeholders';
import { systemHandlers } from '../../electron/backend/handlers/system';
import { toApiError } from '../../electron/backend/backend';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { accountNames, expectError, expectOk, sampleArgs, useTestEnv } from './helpers';

const env = useTestEnv();

describe('the handler table', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(typeof handlers[m], m).toBe('function');
  });

  it('every contract method is called by name in some unit test', () => {
    const dir = import.meta.dirname;
    const called = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      // the fuzz test calls every method through a variable; that does not count as a test of it
      if (!f.endsWith('.test.ts') || f === 'fuzz.test.ts') continue;
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\.(?:call|invoke)\(\s*'([a-z0-9-]+)'/g)) called.add(m[1]!);
    }
    const untested = METHODS.filter((m) => !called.has(m));
    expect(untested, `methods without a test: ${untested.join(', ')}`).toEqual([]);
  });

  it('isMethod accepts contract names only, not inherited properties', () => {
    for (const m of METHODS) expect(isMethod(m)).toBe(true);
    for (const x of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'APP-INFO', 1, null]) {
      expect(isMethod(x)).toBe(false);
    }
  });

  it('sample arguments (used by other tests) are valid for every method', () => {
    const args = sampleArgs(env.dir);
    for (const m of METHODS) expect(contract[m].args.safeParse(args[m]).success, m).toBe(true);
  });
});

describe('mergeHandlers', () => {
  it('merges the groups into the full table', () => {
    const table = mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers);
    expect(Object.keys(table).sort()).toEqual([...METHODS].sort());
  });

  it('throws when a method is defined twice', () => {
    expect(() => mergeHandlers(systemHandlers, accountHandlers, { 'accounts-list': () => [] })).toThrow(
      'Handler "accounts-list" is defined twice',
    );
  });

  it('throws when a method has no handler, naming it', () => {
    expect(() => mergeHandlers(systemHandlers)).toThrow(/No handler for: .*accounts-create/);
    const { 'db-doctor': _gone, ...rest } = systemHandlers;
    expect(() => mergeHandlers(rest, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: db-doctor$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: import-preview, import-run, export-accounts, sample-load$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: maps-list, map-get, .*map-snapshots-compare$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: plans-list, plan-get, .*plan-roll-forward, plan-template-get, plan-template-set, plan-export$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(
      /^No handler for: accounts-bin-list, accounts-bin-restore, accounts-bin-purge, accounts-bulk-update, accounts-bulk-undo$/,
    );
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, churnHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: forum-export, forum-deck, forum-accounts, export-cancel$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, healthHandlers, capacityHandlers)).toThrow(/^No handler for: churn-figures, profit-figures$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, capacityHandlers)).toThrow(/^No handler for: health-get, health-list, health-decide, health-decisions, health-settings-get, health-settings-set$/);
    expect(() => mergeHandlers(systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers)).toThrow(/^No handler for: capacity-view, capacity-reassign$/);
  });
});

describe('dispatch', () => {
  it('an unknown method answers unknown-method', async () => {
    const b = env.backend();
    for (const name of ['nope', 'toString', '__proto__', '', 'ACCOUNTS-LIST']) {
      const err = expectError(await b.invoke(name, {}), 'unknown-method');
      expect(err.message).toContain('No such method');
    }
    // a long name is cut in the message
    const err = expectError(await b.invoke('x'.repeat(10_000), {}), 'unknown-method');
    expect(err.message.length).toBeLessThan(200);
  });

  it('invalid arguments answer invalid-args with a readable message naming the method and field', async () => {
    const b = env.backend();
    const missing = expectError(await b.invoke('accounts-create', {}), 'invalid-args');
    expect(missing.message).toMatch(/^accounts-create: /);
    expect(missing.message).toContain('name');
    const extra = expectError(await b.invoke('accounts-create', { name: 'A', admin: true }), 'invalid-args');
    expect(extra.message).toContain('admin');
    const wrongType = expectError(await b.invoke('accounts-rename', { id: '1', name: 'A' }), 'invalid-args');
    expect(wrongType.message).toContain('id');
    expectError(await b.invoke('accounts-rename', { id: 0, name: 'A' }), 'invalid-args');
    expectError(await b.invoke('accounts-rename', { id: 1.5, name: 'A' }), 'invalid-args');
    expectError(await b.invoke('app-info', { extra: 1 }), 'invalid-args');
    expectError(await b.invoke('app-info', null), 'invalid-args');
    expectError(await b.invoke('app-info', []), 'invalid-args');
    expectError(await b.invoke('accounts-list', 'acme'), 'invalid-args');
    expectError(await b.invoke('db-open', { path: '   ' }), 'invalid-args');
    expect(accountNames(env.file('keyplan.db'))).toEqual([]);
  });

  it('no argument at all means {} for methods without required fields', async () => {
    const b = env.backend();
    expect(expectOk(await b.invoke('app-info', undefined))).toMatchObject({ name: 'Keyplan' });
    expectError(await b.invoke('accounts-create', undefined), 'invalid-args');
  });

  it('toApiError maps SQLite errors and hides nothing else', () => {
    const log: string[] = [];
    const sqlite = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });
    expect(toApiError(sqlite('SQLITE_CONSTRAINT_UNIQUE'), 'm', (x) => log.push(x)).code).toBe('conflict');
    expect(toApiError(sqlite('SQLITE_CORRUPT'), 'm', (x) => log.push(x)).code).toBe('db-corrupt');
    expect(toApiError(sqlite('SQLITE_NOTADB'), 'm', (x) => log.push(x)).code).toBe('db-corrupt');
    for (const busy of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
      expect(toApiError(sqlite(busy), 'm', (x) => log.push(x))).toMatchObject({ code: 'db-busy', params: { kind: 'unknown' } });
    }
    expect(toApiError(new AppError('not-found', 'gone', { id: 3 }), 'm', (x) => log.push(x))).toEqual({
      code: 'not-found',
      message: 'gone',
      params: { id: 3 },
    });
    expect(log).toEqual([]);
    const internal = toApiError(new TypeError('oops'), 'accounts-list', (x) => log.push(x));
    expect(internal).toEqual({ code: 'internal', message: 'accounts-list: oops' });
    expect(log.join('\n')).toContain('TypeError: oops');
    expect(toApiError('a string', 'm', (x) => log.push(x)).code).toBe('internal');
    expect(toApiError(null, 'm', (x) => log.push(x)).code).toBe('internal');
  });

  it('every error code the backend can answer with is in ERROR_CODES', () => {
    for (const c of ['invalid-args', 'unknown-method', 'not-found', 'conflict', 'db-unavailable', 'backup-invalid']) {
      expect(ERROR_CODES).toContain(c);
    }
  });
});

describe('accounts', () => {
  const T = new Date('2026-02-03T04:05:06.789Z');

  it('accounts-create stores the trimmed name with timestamps and announces the change', async () => {
    const b = env.backend({ now: () => T });
    const events: unknown[] = [];
    b.on('data-changed', (p) => events.push(p));
    const a = await b.call('accounts-create', { name: '  华为技术有限公司  ' });
    expect(a).toMatchObject({ id: 1, name: '华为技术有限公司', createdAt: T.toISOString(), updatedAt: T.toISOString() });
    // a name alone: the defaults of the record, nothing invented
    expect(a).toMatchObject({ parentId: null, parentName: null, ownerId: null, tierId: null, grade: null, currency: 'CNY', churnStatus: 'active', strategic: false });
    expect(events).toEqual([{ tables: ['accounts'] }]);
    expect(accountNames(env.file('keyplan.db'))).toEqual(['华为技术有限公司']);
  });

  it('accounts-create refuses a duplicate name with conflict, after trimming', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Acme' });
    const events: unknown[] = [];
    b.on('data-changed', (p) => events.push(p));
    const err = expectError(await b.invoke('accounts-create', { name: ' Acme ' }), 'conflict');
    expect(err.params).toEqual({ name: 'Acme' });
    expect(err.message).toContain('Acme');
    expect(events).toEqual([]);
    expect(await b.call('accounts-list', {})).toHaveLength(1);
  });

  it('accounts-create refuses empty, blank and over-long names', async () => {
    const b = env.backend();
    for (const name of ['', '   ', '\t\n', '\u3000', 'x'.repeat(201)]) {
      expectError(await b.invoke('accounts-create', { name }), 'invalid-args');
    }
    expect((await b.call('accounts-create', { name: 'x'.repeat(200) })).name).toHaveLength(200);
    expect(await b.call('accounts-list', {})).toHaveLength(1);
  });

  it('accounts-list sorts by name, case-insensitively', async () => {
    const b = env.backend();
    for (const name of ['beta', 'Alpha', 'gamma', 'Delta']) await b.call('accounts-create', { name });
    expect((await b.call('accounts-list', {})).map((a) => a.name)).toEqual(['Alpha', 'beta', 'Delta', 'gamma']);
  });

  it('accounts-list search: substring, case-insensitive, Chinese, trimmed, empty means all', async () => {
    const b = env.backend();
    const all = ['Acme Corp', 'ACME Logistics', 'Globex', '华为技术', '中国华能集团', '阿里巴巴', '100% Pure'];
    for (const name of all) await b.call('accounts-create', { name });
    const search = async (s: string) => (await b.call('accounts-list', { search: s })).map((a) => a.name);
    expect(await search('acme')).toEqual(['Acme Corp', 'ACME Logistics']);
    expect(await search('CME l')).toEqual(['ACME Logistics']);
    expect(await search('obe')).toEqual(['Globex']);
    expect((await search('华')).sort()).toEqual(['中国华能集团', '华为技术'].sort());
    expect(await search('华为')).toEqual(['华为技术']);
    expect(await search('巴巴')).toEqual(['阿里巴巴']);
    expect(await search('  globex  ')).toEqual(['Globex']);
    // LIKE wildcards are plain characters here
    expect(await search('%')).toEqual(['100% Pure']);
    expect(await search('_')).toEqual([]);
    expect(await search('nothing like it')).toEqual([]);
    expect(await search('')).toHaveLength(all.length);
    expect(await search('   ')).toHaveLength(all.length);
  });

  it('accounts-rename renames, bumps updatedAt, keeps createdAt, and announces the change', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const b = env.backend({ now: () => now });
    const a = await b.call('accounts-create', { name: 'Old name' });
    now = new Date('2026-01-02T00:00:00.000Z');
    const events: unknown[] = [];
    b.on('data-changed', (p) => events.push(p));
    const r = await b.call('accounts-rename', { id: a.id, name: ' 新名字 ' });
    expect(r).toEqual({ ...a, name: '新名字', updatedAt: now.toISOString() });
    expect(r.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(events).toEqual([{ tables: ['accounts'] }]);
    expect((await b.call('accounts-list', {})).map((x: Account) => x.name)).toEqual(['新名字']);
  });

  it('accounts-rename to its own name is allowed; to another account’s name is a conflict', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'A' });
    const c = await b.call('accounts-create', { name: 'C' });
    expect((await b.call('accounts-rename', { id: a.id, name: 'A' })).name).toBe('A');
    const err = expectError(await b.invoke('accounts-rename', { id: c.id, name: 'A' }), 'conflict');
    expect(err.params).toEqual({ name: 'A' });
    expect((await b.call('accounts-list', {})).map((x) => x.name)).toEqual(['A', 'C']);
  });

  it('accounts-rename of a missing id is not-found', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Only one' });
    const events: unknown[] = [];
    b.on('data-changed', (p) => events.push(p));
    const err = expectError(await b.invoke('accounts-rename', { id: 999, name: 'Ghost' }), 'not-found');
    expect(err.params).toEqual({ id: 999 });
    expect(events).toEqual([]);
    expect((await b.call('accounts-list', {})).map((x) => x.name)).toEqual(['Only one']);
  });

  it('the unique-index conflict path also maps to conflict (not internal)', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Dup' });
    // bypass the repository's check: the database constraint is the last line
    let caught: unknown;
    try {
      b.connection().prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('Dup', 't', 't')").run();
    } catch (e) {
      caught = e;
    }
    expect(toApiError(caught, 'accounts-create', () => {}).code).toBe('conflict');
  });
});

describe('system methods', () => {
  it('app-info describes the app, the transport and the database', async () => {
    const b = env.backend({ version: '1.2.3' });
    expect(await b.call('app-info', {})).toEqual({
      name: 'Keyplan',
      version: '1.2.3',
      schemaVersion: LATEST_VERSION,
      dbPath: env.file('keyplan.db'),
      transport: 'test',
    });
  });

  it('db-status reports an ok database with its versions and backups', async () => {
    const b = env.backend();
    const s = await b.call('db-status', {});
    expect(s).toEqual({
      state: 'ok',
      path: env.file('keyplan.db'),
      schemaVersion: LATEST_VERSION,
      supportedVersion: LATEST_VERSION,
      backups: [],
    });
    await b.call('db-backup', {});
    expect((await b.call('db-status', {})).backups).toHaveLength(1);
  });

  it('db-doctor counts the rows of every table and checks the file', async () => {
    const b = env.backend();
    for (const name of ['A', 'B', 'C']) await b.call('accounts-create', { name });
    const r = await b.call('db-doctor', {});
    expect(r).toEqual({
      path: env.file('keyplan.db'),
      schemaVersion: LATEST_VERSION,
      quickCheck: 'ok',
      journalMode: 'wal',
      foreignKeys: true,
      counts: expect.objectContaining({ accounts: 3, migration_log: LATEST_VERSION }),
      ok: true,
    });
    // one count per table, each the real row count
    const db = b.connection();
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(Object.keys(r.counts).sort()).toEqual(tables);
    for (const t of tables) expect(r.counts[t], t).toBe(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get());
  });

  it('db-backup writes to --out, or a -manual copy in backups/ by default', async () => {
    const T = new Date('2026-07-08T09:10:11.000Z');
    const b = env.backend({ now: () => T });
    await b.call('accounts-create', { name: 'Backed up' });
    const out = await b.call('db-backup', { out: env.file('copies', 'mine.db') });
    expect(out.path).toBe(env.file('copies', 'mine.db'));
    expect(accountNames(out.path)).toEqual(['Backed up']);
    const auto = await b.call('db-backup', {});
    expect(path.basename(auto.path)).toBe('keyplan-20260708T091011Z-manual.db');
    expect(accountNames(auto.path)).toEqual(['Backed up']);
    expect(auto.bytes).toBe(fs.statSync(auto.path).size);
  });

  it('db-backup refuses to write over the open database or its WAL (later writes would be lost)', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Precious' });
    // the same file through a linked folder
    fs.symlinkSync(env.dir, env.file('linked-folder'));
    for (const out of ['keyplan.db', 'keyplan.db-wal', 'keyplan.db-shm', path.join('linked-folder', 'keyplan.db')]) {
      const err = expectError(await b.invoke('db-backup', { out: env.file(out) }), 'file-exists');
      expect(err.message).toContain('open database');
    }
    await b.call('accounts-create', { name: 'Written after' });
    await b.close();
    expect(accountNames(env.file('keyplan.db'))).toEqual(['Precious', 'Written after']);
  });

  it('db-backups-list lists the copies beside the database, newest first', async () => {
    let now = new Date('2026-07-08T09:10:11.000Z');
    const b = env.backend({ now: () => now });
    expect(await b.call('db-backups-list', {})).toEqual([]);
    const first = await b.call('db-backup', {});
    now = new Date('2026-07-09T09:10:11.000Z');
    const second = await b.call('db-backup', {});
    fs.utimesSync(first.path, new Date('2026-07-08T09:10:11Z'), new Date('2026-07-08T09:10:11Z'));
    fs.utimesSync(second.path, new Date('2026-07-09T09:10:11Z'), new Date('2026-07-09T09:10:11Z'));
    const list = await b.call('db-backups-list', {});
    expect(list.map((x) => x.path)).toEqual([second.path, first.path]);
  });
});
