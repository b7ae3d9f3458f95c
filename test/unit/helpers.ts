/**
 * Shared helpers for the backend unit tests: temporary folders that clean up after themselves, a
 * Backend factory, files in every state a database can be in (healthy, corrupt, newer, ...), and a
 * deterministic dump of a database for "nothing changed" comparisons. Every test runs on real
 * SQLite files under os.tmpdir().
 */
import { DEFAULT_PLAN_TEMPLATE } from '../../shared/domain/plan-template';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Args, Method } from '../../shared/api/contract';
import type { ErrorCode, Reply } from '../../shared/api/errors';
import { Backend, type BackendOptions } from '../../electron/backend/backend';
import { KEYPLAN_APPLICATION_ID } from '../../electron/backend/db/identity';

// --- temporary folders and backends --------------------------------------------------------------

export function makeTmpDir(prefix = 'keyplan-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestEnv {
  /** A fresh temporary folder for the current test (created on first use). */
  readonly dir: string;
  /** A path inside the test's folder. */
  file(...parts: string[]): string;
  /** A Backend on `dbPath` (default: keyplan.db in the test folder), closed after the test. */
  backend(opts?: Partial<BackendOptions>): Backend;
  /** What the backends created here logged. */
  readonly logs: string[];
}

/**
 * Call once at the top of a test file (or describe block). Each test gets its own folder, removed
 * afterwards together with every Backend it opened.
 */
export function useTestEnv(): TestEnv {
  let dir: string | null = null;
  let backends: Backend[] = [];
  let logs: string[] = [];
  afterEach(async () => {
    const open = backends;
    backends = [];
    for (const b of open) await b.close();
    if (dir) {
      // chmod'ed test files must not block the cleanup
      fs.rmSync(dir, { recursive: true, force: true });
      dir = null;
    }
    logs = [];
  });
  const env: TestEnv = {
    get dir() {
      dir ??= makeTmpDir();
      return dir;
    },
    file: (...parts) => path.join(env.dir, ...parts),
    backend(opts = {}) {
      const b = new Backend({
        dbPath: env.file('keyplan.db'),
        transport: 'test',
        version: '9.9.9-test',
        log: (m) => logs.push(m),
        ...opts,
      });
      backends.push(b);
      return b;
    },
    get logs() {
      return logs;
    },
  };
  return env;
}

// --- replies ------------------------------------------------------------------------------------

/** Asserts a failed reply with `code` and returns its error. */
export function expectError(reply: Reply<unknown>, code: ErrorCode) {
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: false, error: { code } });
  if (reply.ok) throw new Error('unreachable');
  expect(typeof reply.error.message).toBe('string');
  expect(reply.error.message.length).toBeGreaterThan(0);
  return reply.error;
}

/** Asserts a successful reply and returns its value. */
export function expectOk(reply: Reply<unknown>): unknown {
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  if (!reply.ok) throw new Error('unreachable');
  return reply.value;
}

/**
 * One valid argument for every method (the type makes a new method a compile error here). Paths
 * point into `dir` and to files that do not exist, so nothing outside the test folder is touched.
 */
export function sampleArgs(dir: string): { [M in Method]: Args<M> } {
  return {
    'app-info': {},
    'db-status': {},
    'db-open': { path: path.join(dir, 'sample-open.db') },
    'db-create': { path: path.join(dir, 'sample-create.db') },
    'db-restore': { from: path.join(dir, 'sample-restore.db') },
    'db-backup': { out: path.join(dir, 'sample-backup.db') },
    'db-backup-save-as': { title: 'Save a backup' },
    'db-backups-list': {},
    'db-doctor': {},
    'accounts-list': { search: 'a' },
    'accounts-create': { name: 'Sample account' },
    'accounts-rename': { id: 1, name: 'Sample renamed' },
    'accounts-query': { search: 'a', sort: 'revenueThisYear', desc: true },
    'accounts-get': { id: 1 },
    'accounts-update': { id: 1, patch: { industry: '金融', grade: 'B' } },
    'accounts-delete': { id: 1 },
    'accounts-undelete': { id: 1 },
    'accounts-bin-list': {},
    'accounts-bin-restore': { ids: [1] },
    'accounts-bin-purge': { ids: [1] },
    'accounts-bulk-update': { ids: [1], patch: { grade: 'B' } },
    'accounts-bulk-undo': { changes: [{ id: 1, before: { grade: 'C' }, updatedAt: '2026-06-01T00:00:00.000Z' }] },
    'accounts-team-set': { accountId: 1, members: [] },
    'revenue-set': { accountId: 1, year: 2026, revenue: 100_00 },
    'revenue-delete': { accountId: 1, year: 2026 },
    'satisfaction-add': { accountId: 1, date: '2026-06-01', score: 80 },
    'satisfaction-delete': { id: 1 },
    'competitors-save': { accountId: 1, name: '恒信科技' },
    'competitors-delete': { id: 1 },
    'interactions-save': { accountId: 1, kind: 'visit', date: '2026-06-01' },
    'interactions-delete': { id: 1 },
    'opportunities-save': { accountId: 1, name: '扩容项目' },
    'opportunities-delete': { id: 1 },
    'people-list': {},
    'people-save': { name: '王伟' },
    'people-delete': { id: 1 },
    'tiers-list': {},
    'tiers-save': { key: 'bronze', nameZh: '铜牌客户', nameEn: 'Bronze', rank: 5, visitsPerQuarter: 1, callsPerMonth: 0 },
    'tiers-delete': { id: 1 },
    'cadence-get': {},
    'cadence-set': { A: 1, B: 7, C: 15, D: 30, E: 365 },
    'fx-get': {},
    'fx-set': { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] },
    'views-list': {},
    'views-save': { name: 'Mine', query: { overdueOnly: true } },
    'views-delete': { id: 1 },
    today: { today: '2026-06-01' },
    'portfolio-figures': { year: 2026 },
    'import-preview': { fileName: 'a.csv', contentBase64: Buffer.from('客户名称\nA\n').toString('base64') },
    'import-run': { fileName: 'a.csv', contentBase64: Buffer.from('客户名称\nA\n').toString('base64'), dryRun: true },
    'export-accounts': { format: 'json' },
    'sample-load': { accounts: 5, today: '2026-06-01' },
    'matrices-list': {},
    'matrices-save': {
      key: 'attractiveness',
      nameZh: '吸引力 × 竞争地位',
      nameEn: 'Attractiveness × strength',
      xLabelZh: '我方相对实力',
      xLabelEn: 'Our relative strength',
      yLabelZh: '客户吸引力',
      yLabelEn: 'Attractiveness',
      quadrants: [
        { key: 'selective', position: 'tl', nameZh: '选择性投入', nameEn: 'Selective', color: '#e3ecfb' },
        { key: 'invest', position: 'tr', nameZh: '重点投入', nameEn: 'Invest', color: '#e6f4ea' },
        { key: 'harvest', position: 'bl', nameZh: '收割', nameEn: 'Harvest', color: '#eceff3' },
        { key: 'maintain', position: 'br', nameZh: '维持', nameEn: 'Maintain', color: '#fdf1d6' },
      ],
    },
    'matrices-delete': { id: 3 },
    'board-get': { matrix: 'value-potential', today: '2026-06-01' },
    'board-move': { matrix: 'value-potential', accountId: 1, to: 'star', reason: '新项目中标' },
    'board-move-reason': { moveId: 1, reason: '年中复盘' },
    'board-undo': { moveId: 1 },
    'placements-history': { accountId: 1 },
    'placements-list': {},
    'board-export': { matrix: 'value-potential', format: 'pdf', locale: 'zh-CN', today: '2026-06-01' },
    'user-get': {},
    'user-set': { personId: null },
    'board-move-many': { matrix: 'value-potential', accountIds: [1], to: 'star', reason: '年度复盘' },
    'board-moves-reason': { moveIds: [1], reason: '年度复盘' },
    'board-place-suggested': { matrix: 'value-potential', accountIds: [1] },
    'board-prefs-get': {},
    'board-prefs-set': { askReasonOnFirstPlacement: false },
    'maps-list': { today: '2026-06-01' },
    'map-get': { accountId: 1, staleDays: 30, today: '2026-06-01' },
    'stakeholders-create': { accountId: 1, name: '王伟', title: '副总经理', level: 'top', roles: ['decision-maker'], attitude: 1 },
    'stakeholders-update': { id: 1, patch: { attitude: 2, strength: 'friendly' } },
    'stakeholders-delete': { id: 1 },
    'stakeholders-undelete': { id: 1 },
    'stakeholders-list': { accountId: 1 },
    'lines-create': { kind: 'reports', fromId: 2, toId: 1, dotted: true },
    'lines-update': { id: 1, strength: 3 },
    'lines-delete': { id: 1 },
    'map-layout-save': { accountId: 1, positions: [{ id: 1, x: 0, y: 0 }], collapsed: [{ id: 1, collapsed: true }] },
    'tender-members-set': { tenderId: 1, add: [{ stakeholderId: 1, roles: ['veto-holder'] }], remove: [2] },
    'coverage-get': { accountId: 1, tenderId: 1, staleDays: 90 },
    'stakeholders-import-preview': { accountId: 1, fileName: 'p.csv', contentBase64: Buffer.from('姓名,职务\n王伟,总经理\n').toString('base64') },
    'stakeholders-import': { accountId: 1, fileName: 'p.csv', contentBase64: Buffer.from('姓名,职务\n王伟,总经理\n').toString('base64'), dryRun: true },
    'map-export': { accountId: 1, format: 'svg', locale: 'zh-CN', safe: true, today: '2026-06-01' },
    'map-snapshots-list': { accountId: 1 },
    'map-snapshot-save': { accountId: 1, label: '投标前', takenOn: '2026-06-01' },
    'map-snapshot-delete': { id: 1 },
    'map-snapshots-compare': { from: 1, to: null },
    'plans-list': { year: 2026, today: '2026-06-01' },
    'plan-get': { accountId: 1, year: 2026, today: '2026-06-01' },
    'plan-create': { accountId: 1, year: 2026 },
    'plan-section-save': { planId: 1, section: 'overview', html: '<p>客户概况</p>', baseUpdatedAt: '2026-06-01T00:00:00.000Z' },
    'plan-section-internal': { planId: 1, section: 'risks', internal: true },
    'plan-item-save': { planId: 1, data: { kind: 'action', what: '季度业务回顾', due: '2026-06-30', cost: 500_00 } },
    'plan-item-delete': { id: 1 },
    'plan-items-reorder': { planId: 1, kind: 'action', ids: [2, 1] },
    'plan-status-set': { planId: 1, status: 'review' },
    'plan-versions-compare': { planId: 1, a: 1, b: 'current' },
    'plan-roll-forward': { planId: 1 },
    'plan-template-get': {},
    'plan-template-set': { template: DEFAULT_PLAN_TEMPLATE },
    'plan-export': { accountId: 1, year: 2026, format: 'pdf', locale: 'zh-CN', safe: true, today: '2026-06-01' },
    'forum-export': { year: 2026, accountIds: [1], locale: 'zh-CN', safe: true, jobId: 'job-1', today: '2026-06-01' },
    'forum-deck': { year: 2026, accountIds: [1], locale: 'en', today: '2026-06-01' },
    'forum-accounts': { year: 2026, today: '2026-06-01' },
    'churn-figures': { year: 2026, period: 'quarter', today: '2026-06-01' },
    'profit-figures': { year: 2026 },
    'export-cancel': { jobId: 'job-1' },
    'health-get': { accountId: 1, today: '2026-06-01' },
    'health-list': { today: '2026-06-01' },
    'health-decide': { accountId: 1, decision: 'dismissed', note: 'Known; the new contract is signed.' },
    'health-decisions': { accountId: 1 },
    'health-settings-get': {},
    'health-settings-set': { weights: { revenue: 20, satisfaction: 20, followUp: 15, coverage: 15, receivables: 10, complaints: 10, churn: 10 }, dropPoints: 15, threshold: 60 },
    'capacity-view': { quarter: '2026-Q2', today: '2026-06-01' },
    'capacity-reassign': { moves: [{ accountId: 999_999, from: null, to: null }] },
  };
}

// --- files ----------------------------------------------------------------------------------------

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Names of the files in `dir`, sorted. */
export function ls(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** Writes `bytes` pseudo-random bytes (seeded, so failures reproduce). */
export function writeRandomBytes(file: string, bytes = 16 * 1024, seed = 1): void {
  const buf = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    buf[i] = x & 0xff;
  }
  fs.writeFileSync(file, buf);
}

/** A healthy Keyplan database (migrated, WAL) holding accounts with these names. */
export async function writeDbWithAccounts(file: string, names: string[]): Promise<void> {
  const b = new Backend({ dbPath: file, transport: 'test', log: () => {} });
  try {
    expect(b.status().state).toBe('ok');
    for (const name of names) await b.call('accounts-create', { name });
  } finally {
    await b.close();
  }
}

/**
 * A database that opens but fails `quick_check`: a few thousand rows are written, then a page in
 * the middle of the file is overwritten with garbage. Returns the page number that was hit.
 */
export function writeCorruptDb(file: string, rows = 4000): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;
           CREATE INDEX filler_body ON filler (body);`);
  const ins = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(`row ${i} ${'x'.repeat(40)}`);
  })();
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const size = fs.statSync(file).size;
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  const page = Math.floor(size / pageSize / 2);
  const garbage = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, garbage, 0, pageSize, page * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return page + 1;
}

/** A healthy Keyplan database (its application id) whose schema version is above what this app knows. */
export function writeNewerDb(file: string, version: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${KEYPLAN_APPLICATION_ID}`);
  db.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY) STRICT');
  db.pragma(`user_version = ${version}`);
  db.close();
}

/**
 * Another program's SQLite database: a table of its own with a row, optionally its own application
 * id, a user_version and WAL mode (as many programs use).
 */
export function writeForeignDb(file: string, opts: { appId?: number; userVersion?: number; wal?: boolean } = {}): void {
  const db = new Database(file);
  if (opts.wal) db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com')");
  if (opts.appId !== undefined) db.pragma(`application_id = ${opts.appId}`);
  if (opts.userVersion !== undefined) db.pragma(`user_version = ${opts.userVersion}`);
  db.close();
}

// --- dumps ----------------------------------------------------------------------------------------

export interface DbDump {
  userVersion: number;
  schema: unknown[];
  tables: Record<string, unknown[]>;
}

/** A dump without the workspace id, which every database has its own of: to compare two databases' data. */
export function withoutWorkspaceId(d: DbDump): DbDump {
  const settings = d.tables.settings?.filter((r) => (r as { key?: unknown }).key !== 'workspace.id');
  return settings ? { ...d, tables: { ...d.tables, settings } } : d;
}

/** Every table's rows (ordered by every column), the schema and user_version: equal dumps, equal data. */
export function dumpDb(db: Db): DbDump {
  const schema = db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all();
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: Record<string, unknown[]> = {};
  for (const name of names) {
    const q = `"${name.replace(/"/g, '""')}"`;
    const cols = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(name) as number) || 1;
    const order = Array.from({ length: cols }, (_, i) => i + 1).join(', ');
    tables[name] = db.prepare(`SELECT * FROM ${q} ORDER BY ${order}`).all();
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, schema, tables };
}

/**
 * A read-only connection for looking at a file in a test without leaving anything beside it: when
 * there is no -wal the file is read into memory (a read-only connection to a WAL-mode file would
 * leave -wal and -shm behind); otherwise SQLite reads it together with its WAL.
 */
export function openReadOnly(file: string): Db {
  if (fs.existsSync(`${file}-wal`)) return new Database(file, { readonly: true, fileMustExist: true });
  const image = fs.readFileSync(file);
  if (image.length >= 20 && image[18] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image, { readonly: true });
}

/** dumpDb on a file, through a short read-only connection. */
export function dumpFile(file: string): DbDump {
  const db = openReadOnly(file);
  try {
    return dumpDb(db);
  } finally {
    db.close();
  }
}

/** The account names stored in a database file, sorted. */
export function accountNames(file: string): string[] {
  const db = openReadOnly(file);
  try {
    return (db.prepare('SELECT name FROM accounts ORDER BY name').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

export function integrityCheck(file: string): string {
  const db = openReadOnly(file);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Whether the tests run as root (file permissions do not stop root). */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

// --- statements ---------------------------------------------------------------------------------

export interface SeenStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `fn` with a connection that records every statement prepared through it and the parameters
 * it ran with, so a test can look at the query plans of what a repository really executes.
 */
export function captureStatements<T>(db: Db, fn: (spy: Db) => T): SeenStatement[] {
  const seen: SeenStatement[] = [];
  const wrapStatement = (stmt: object, sql: string): object => {
    const proxy: object = new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
          return (...params: unknown[]) => {
            seen.push({ sql, params });
            return (v as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        // chainable modifiers (pluck, raw, expand, ...) return the statement: keep spying on it
        return (...a: unknown[]) => {
          const r = (v as (...a: unknown[]) => unknown).apply(target, a);
          return r === target ? proxy : r;
        };
      },
    });
    return proxy;
  };
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql), sql);
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  fn(spy);
  return seen;
}
