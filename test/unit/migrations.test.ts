/**
 * Migrations: one describe block per migration (run the schema up to it on a fresh file and check
 * what it promises), then the runner's own rules. Adding migration 0002 means adding one
 * `migrationSuite(2, ...)` block below; the completeness test fails until it exists.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { checkMigrationList, migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/backend/db/migrations';
import { openConnection } from '../../electron/backend/db/open';
import { KEYPLAN_APPLICATION_ID, readWorkspaceId } from '../../electron/backend/db/identity';
import { BUILT_IN_MATRICES } from '../../shared/domain/quadrants';
import * as accountQueryModule from '../../electron/backend/db/repos/account-query';
import { checksWithoutInLists } from '../../electron/backend/db/migrations/0006_checks_without_in_lists';
import { generateSample } from '../../electron/backend/sample/generate';
import { loadSample } from '../../electron/backend/sample/load';
import { captureStatements, dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();
let open: Db[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

/** A fresh database file with the app's connection settings. */
function freshDb(name = 'm.db'): Db {
  const db = openConnection(env.file(name));
  open.push(db);
  return db;
}

/** A fresh database migrated up to `target`. */
function dbAt(target: number): Db {
  const db = freshDb();
  expect(migrate(db, { target })).toEqual(Array.from({ length: target }, (_, i) => i + 1));
  expect(schemaVersion(db)).toBe(target);
  return db;
}

function columns(db: Db, table: string) {
  return db.prepare('SELECT name, type, "notnull" AS "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table);
}

function isStrict(db: Db, table: string): boolean {
  const row = db.prepare("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(table) as
    | { strict: number }
    | undefined;
  if (!row) throw new Error(`no table ${table}`);
  return row.strict === 1;
}

function queryPlan(db: Db, sql: string, params: unknown[] = []): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

function sqliteCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { code?: string }).code);
  }
  throw new Error('expected a SQLite error');
}

const covered = new Set<number>();
function migrationSuite(version: number, name: string, body: () => void): void {
  covered.add(version);
  describe(`migration ${String(version).padStart(4, '0')} ${name}`, () => {
    it('is the migration with this version and name', () => {
      expect(MIGRATIONS[version - 1]).toMatchObject({ version, name });
    });
    body();
  });
}

// --- one block per migration ---------------------------------------------------------------------

migrationSuite(1, 'foundation', () => {
  it('creates migration_log, settings and accounts as STRICT tables with the expected columns', () => {
    const db = dbAt(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['accounts', 'migration_log', 'settings']);
    for (const t of tables as string[]) expect(isStrict(db, t), t).toBe(true);
    expect(columns(db, 'accounts')).toEqual([
      { name: 'id', type: 'INTEGER', notnull: 0, pk: 1 },
      { name: 'name', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'created_at', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'updated_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    expect(columns(db, 'settings')).toEqual([
      { name: 'key', type: 'TEXT', notnull: 1, pk: 1 }, // STRICT: a primary key is never NULL
      { name: 'value', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    expect(columns(db, 'migration_log')).toEqual([
      { name: 'version', type: 'INTEGER', notnull: 0, pk: 1 },
      { name: 'name', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'applied_at', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
  });

  it('has a unique index on accounts.name', () => {
    const db = dbAt(1);
    const idx = db.prepare("SELECT name, \"unique\" AS isUnique FROM pragma_index_list('accounts')").all();
    expect(idx).toContainEqual({ name: 'accounts_name', isUnique: 1 });
    expect(db.prepare("SELECT name FROM pragma_index_info('accounts_name')").pluck().all()).toEqual(['name']);
  });

  it('enforces STRICT types and the constraints on accounts', () => {
    const db = dbAt(1);
    const ins = db.prepare('INSERT INTO accounts (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const ts = '2026-01-01T00:00:00.000Z';
    ins.run(1, '华为技术', ts, ts);
    // STRICT: a value that is not losslessly the declared type is refused
    expect(sqliteCode(() => ins.run('not-an-id', 'x', ts, ts))).toBe('SQLITE_MISMATCH'); // rowid alias
    expect(sqliteCode(() => ins.run(2, Buffer.from('blob'), ts, ts))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(() => ins.run(2, 'x', Buffer.from('2026'), ts))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    // empty and blank names
    expect(sqliteCode(() => ins.run(2, '', ts, ts))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => ins.run(2, '   ', ts, ts))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => ins.run(2, null, ts, ts))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(() => ins.run(2, 'y', null, ts))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    // unique name
    expect(sqliteCode(() => ins.run(2, '华为技术', ts, ts))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
  });

  it('enforces STRICT types on settings and migration_log', () => {
    const db = dbAt(1);
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', null))).toBe(
      'SQLITE_CONSTRAINT_NOTNULL',
    );
    expect(
      sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', Buffer.from([1]))),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(null, 'v'))).toBe(
      'SQLITE_CONSTRAINT_NOTNULL',
    );
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', 'v');
    expect(sqliteCode(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', 'w'))).toBe(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
    expect(
      sqliteCode(() =>
        db.prepare('INSERT INTO migration_log (version, name, applied_at) VALUES (?, ?, ?)').run(9, 'n', Buffer.from('t')),
      ),
    ).toBe('SQLITE_CONSTRAINT_DATATYPE');
  });

  it('looks accounts up by name through the index, not a table scan', () => {
    const db = dbAt(1);
    const ins = db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES (?, 't', 't')");
    db.transaction(() => {
      for (let i = 0; i < 500; i++) ins.run(`客户 ${i}`);
    })();
    db.exec('ANALYZE');
    const byName = queryPlan(db, "SELECT id FROM accounts WHERE name = 'x'");
    expect(byName).toMatch(/USING (COVERING )?INDEX accounts_name/);
    expect(byName).not.toMatch(/^SCAN/);
    // the full row by name (what the repository does) uses it too
    expect(queryPlan(db, "SELECT * FROM accounts WHERE name = 'x'")).toMatch(/SEARCH accounts USING INDEX accounts_name/);
    // and listing in name order can walk the index instead of sorting
    expect(queryPlan(db, 'SELECT id FROM accounts ORDER BY name')).not.toMatch(/TEMP B-TREE/);
  });

  it('logs itself in migration_log with the injected time', () => {
    const db = freshDb();
    migrate(db, { target: 1, now: () => new Date('2026-03-04T05:06:07.000Z') });
    expect(db.prepare('SELECT * FROM migration_log').all()).toEqual([
      { version: 1, name: 'foundation', applied_at: '2026-03-04T05:06:07.000Z' },
    ]);
  });
});

migrationSuite(2, 'account-record', () => {
  const TS = '2026-01-01T00:00:00.000Z';
  const account = (db: Db, name: string, extra: Record<string, unknown> = {}): number => {
    const cols = ['name', 'created_at', 'updated_at', ...Object.keys(extra)];
    const vals = [name, TS, TS, ...Object.values(extra)];
    return Number(db.prepare(`INSERT INTO accounts (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
  };
  const person = (db: Db, name: string): number =>
    Number(db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, TS, TS).lastInsertRowid);
  const interaction = (db: Db, accountId: number, date: string, extra: { next_due?: string | null; next_done?: number; kind?: string } = {}): number =>
    Number(
      db
        .prepare('INSERT INTO interactions (account_id, kind, date, next_due, next_done, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(accountId, extra.kind ?? 'visit', date, extra.next_due ?? null, extra.next_done ?? 0, TS).lastInsertRowid,
    );
  const followUpColumns = (db: Db, id: number) =>
    db.prepare('SELECT last_contact AS lastContact, next_step_due AS nextStepDue FROM accounts WHERE id = ?').get(id);

  it('creates the account-record tables, all STRICT; team and revenue WITHOUT ROWID', () => {
    const db = dbAt(2);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(tables).toEqual([
      'account_revenue',
      'account_team',
      'accounts',
      'competitors',
      'grade_cadence',
      'interactions',
      'migration_log',
      'opportunities',
      'people',
      'satisfaction',
      'saved_views',
      'settings',
      'tiers',
    ]);
    for (const t of tables) expect(isStrict(db, t), t).toBe(true);
    const withoutRowid = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND wr = 1 ORDER BY name").pluck().all();
    expect(withoutRowid).toEqual(['account_revenue', 'account_team']);
  });

  it('adds every field of the account record to accounts, with defaults for the required ones', () => {
    const db = dbAt(2);
    const cols = columns(db, 'accounts') as { name: string; type: string; notnull: number }[];
    expect(cols.map((c) => c.name)).toEqual([
      'id', 'name', 'created_at', 'updated_at',
      'name_en', 'short_name', 'parent_id', 'industry', 'region', 'owner_id', 'classification', 'strategic', 'brand_influence',
      'tier_id', 'lifecycle', 'deal_status', 'grade', 'urgency', 'importance', 'currency', 'company_revenue', 'employees',
      'profit_contribution', 'share_of_wallet_bp', 'growth_potential', 'lifetime_value', 'cost_to_serve', 'churn_status',
      'churn_reason', 'churn_note', 'churned_on', 'receivable_outstanding', 'receivable_days_overdue', 'payment_terms', 'notes',
      'search_key', 'last_contact', 'next_step_due', 'deleted_at',
    ]);
    const notNull = cols.filter((c) => c.notnull === 1).map((c) => c.name);
    expect(notNull.sort()).toEqual(['brand_influence', 'churn_status', 'created_at', 'currency', 'name', 'search_key', 'strategic', 'updated_at']);
    // money, counts and shares are integers (minor units, basis points)
    for (const c of ['company_revenue', 'employees', 'profit_contribution', 'share_of_wallet_bp', 'lifetime_value', 'cost_to_serve', 'receivable_outstanding', 'receivable_days_overdue']) {
      expect(cols.find((x) => x.name === c)?.type, c).toBe('INTEGER');
    }
    const id = account(db, 'Defaults');
    expect(db.prepare('SELECT strategic, brand_influence, currency, churn_status, search_key, deleted_at FROM accounts WHERE id = ?').get(id)).toEqual({
      strategic: 0,
      brand_influence: 0,
      currency: 'CNY',
      churn_status: 'active',
      search_key: '',
      deleted_at: null,
    });
  });

  it('seeds four tiers with their service standard and the A-E cadence', () => {
    const db = dbAt(2);
    expect(db.prepare('SELECT key, rank, visits_per_quarter AS v, calls_per_month AS c FROM tiers ORDER BY rank').all()).toEqual([
      { key: 'diamond', rank: 1, v: 6, c: 4 },
      { key: 'platinum', rank: 2, v: 4, c: 2 },
      { key: 'gold', rank: 3, v: 2, c: 1 },
      { key: 'silver', rank: 4, v: 1, c: 1 },
    ]);
    expect(db.prepare('SELECT grade, days FROM grade_cadence ORDER BY grade').raw().all()).toEqual([
      ['A', 1], ['B', 7], ['C', 15], ['D', 30], ['E', 365],
    ]);
  });

  it('refuses values outside the closed vocabularies and ranges', () => {
    const db = dbAt(2);
    const id = account(db, 'Checked');
    const set = (col: string, v: unknown) => () => db.prepare(`UPDATE accounts SET ${col} = ? WHERE id = ?`).run(v, id);
    for (const [col, v] of [
      ['classification', 'global'], ['lifecycle', 'retired'], ['deal_status', 'lost'], ['grade', 'F'], ['grade', 'a'],
      ['urgency', 'now'], ['importance', 'vital'], ['currency', 'GBP'], ['growth_potential', 'huge'], ['churn_status', 'gone'],
      ['churn_reason', 'weather'], ['strategic', 2], ['brand_influence', -1], ['share_of_wallet_bp', 10_001],
      ['share_of_wallet_bp', -1], ['company_revenue', -1], ['employees', -5], ['receivable_outstanding', -1], ['receivable_days_overdue', -1],
    ] as const) {
      expect(sqliteCode(set(col, v)), `${col}=${v}`).toBe('SQLITE_CONSTRAINT_CHECK');
    }
    expect(sqliteCode(set('currency', null))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(set('churn_status', null))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(set('company_revenue', 1.5))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(set('share_of_wallet_bp', '35%'))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    // the edges are allowed
    set('share_of_wallet_bp', 10_000)();
    set('profit_contribution', -500)();
    set('grade', 'E')();
    const p = person(db, '王伟');
    expect(sqliteCode(() => person(db, '王伟'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => db.prepare("UPDATE people SET role = 'boss' WHERE id = ?").run(p))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare("INSERT INTO tiers (key, name_zh, name_en, rank) VALUES ('gold', '金', 'Gold', 9)").run())).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => db.prepare("UPDATE tiers SET visits_per_quarter = -1 WHERE key = 'gold'").run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare("UPDATE grade_cadence SET days = 0 WHERE grade = 'A'").run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare("INSERT INTO grade_cadence (grade, days) VALUES ('F', 3)").run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare('INSERT INTO account_revenue (account_id, year, revenue) VALUES (?, 1899, 1)').run(id))).toBe('SQLITE_CONSTRAINT_CHECK');
    db.prepare('INSERT INTO account_revenue (account_id, year, revenue) VALUES (?, 2026, 1)').run(id);
    expect(sqliteCode(() => db.prepare('INSERT INTO account_revenue (account_id, year, revenue) VALUES (?, 2026, 2)').run(id))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteCode(() => db.prepare("INSERT INTO satisfaction (account_id, date, score) VALUES (?, '2026-01-01', 101)").run(id))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => interaction(db, id, '2026-01-01', { kind: 'email' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => interaction(db, id, '2026-01-01', { next_done: 2 }))).toBe('SQLITE_CONSTRAINT_CHECK');
    const opp = db.prepare("INSERT INTO opportunities (account_id, name, value, stage, created_at, updated_at) VALUES (?, 'P', ?, ?, 't', 't')");
    expect(sqliteCode(() => opp.run(id, 1, 'negotiation'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => opp.run(id, -1, 'contact'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare("INSERT INTO competitors (account_id, name) VALUES (?, '  ')").run(id))).toBe('SQLITE_CONSTRAINT_CHECK');
    db.prepare("INSERT INTO saved_views (name, query) VALUES ('Mine', '{}')").run();
    expect(sqliteCode(() => db.prepare("INSERT INTO saved_views (name, query) VALUES ('Mine', '{}')").run())).toBe('SQLITE_CONSTRAINT_UNIQUE');
    db.prepare('INSERT INTO account_team (account_id, person_id) VALUES (?, ?)').run(id, p);
    expect(sqliteCode(() => db.prepare('INSERT INTO account_team (account_id, person_id) VALUES (?, ?)').run(id, p))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
  });

  it('enforces references, and deleting keeps or cascades what it should', () => {
    const db = dbAt(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqliteCode(() => account(db, 'Orphan', { parent_id: 999 }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(sqliteCode(() => account(db, 'Unowned', { owner_id: 999 }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(sqliteCode(() => account(db, 'Untiered', { tier_id: 999 }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(sqliteCode(() => interaction(db, 999, '2026-01-01'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');

    const owner = person(db, '李娜');
    const gold = db.prepare("SELECT id FROM tiers WHERE key = 'gold'").pluck().get() as number;
    const parent = account(db, 'Group');
    const child = account(db, 'Branch', { parent_id: parent, owner_id: owner, tier_id: gold });
    db.prepare('INSERT INTO account_team (account_id, person_id) VALUES (?, ?)').run(child, owner);
    db.prepare("INSERT INTO account_revenue (account_id, year, revenue) VALUES (?, 2025, 100)").run(child);
    db.prepare("INSERT INTO satisfaction (account_id, date, score) VALUES (?, '2026-01-01', 80)").run(child);
    db.prepare("INSERT INTO competitors (account_id, name) VALUES (?, 'Rival')").run(child);
    db.prepare("INSERT INTO opportunities (account_id, name, created_at, updated_at) VALUES (?, 'P', 't', 't')").run(child);
    const i = interaction(db, child, '2026-01-02');
    db.prepare('UPDATE interactions SET owner_id = ? WHERE id = ?').run(owner, i);

    // a person leaves: accounts and interactions lose the owner, the team loses the member
    db.prepare('DELETE FROM people WHERE id = ?').run(owner);
    expect(db.prepare('SELECT owner_id FROM accounts WHERE id = ?').pluck().get(child)).toBeNull();
    expect(db.prepare('SELECT owner_id FROM interactions WHERE id = ?').pluck().get(i)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM account_team').pluck().get()).toBe(0);
    // a tier goes: accounts lose the tier
    db.prepare('DELETE FROM tiers WHERE id = ?').run(gold);
    expect(db.prepare('SELECT tier_id FROM accounts WHERE id = ?').pluck().get(child)).toBeNull();
    // a parent goes: the child stays, without a parent
    db.prepare('DELETE FROM accounts WHERE id = ?').run(parent);
    expect(db.prepare('SELECT parent_id FROM accounts WHERE id = ?').pluck().get(child)).toBeNull();
    // an account goes (purged from the bin): everything that hangs off it goes with it
    db.prepare('DELETE FROM accounts WHERE id = ?').run(child);
    for (const t of ['account_revenue', 'satisfaction', 'competitors', 'interactions', 'opportunities', 'account_team']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
  });

  it('has the indexes the lookups need', () => {
    const db = dbAt(2);
    const indexes = db
      .prepare("SELECT tbl_name || '.' || name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1")
      .pluck()
      .all();
    expect(indexes).toEqual([
      'accounts.accounts_name',
      'accounts.accounts_owner',
      'accounts.accounts_parent',
      'accounts.accounts_tier',
      'competitors.competitors_account',
      'interactions.interactions_account_date',
      'interactions.interactions_date',
      'opportunities.opportunities_account',
      'people.people_name',
      'satisfaction.satisfaction_account',
    ]);
    expect(db.prepare("SELECT name FROM pragma_index_info('interactions_account_date')").pluck().all()).toEqual(['account_id', 'date']);
    expect(db.prepare("SELECT name FROM pragma_index_info('interactions_date')").pluck().all()).toEqual(['date', 'kind']);
  });

  it('keeps accounts.last_contact and next_step_due right as interactions are added, changed and deleted', () => {
    const db = dbAt(2);
    const a = account(db, 'Followed');
    const other = account(db, 'Other');
    expect(followUpColumns(db, a)).toEqual({ lastContact: null, nextStepDue: null });

    const first = interaction(db, a, '2026-03-01', { next_due: '2026-03-20' });
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-03-01', nextStepDue: '2026-03-20' });
    // an older interaction does not move the last contact back; an earlier open step wins
    const older = interaction(db, a, '2026-02-01', { next_due: '2026-03-10' });
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-03-01', nextStepDue: '2026-03-10' });
    // a done step no longer counts
    interaction(db, a, '2026-03-05', { next_due: '2026-03-06', next_done: 1 });
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-03-05', nextStepDue: '2026-03-10' });
    db.prepare('UPDATE interactions SET next_done = 1 WHERE id = ?').run(older);
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-03-05', nextStepDue: '2026-03-20' });
    // changing a date
    db.prepare("UPDATE interactions SET date = '2026-04-01' WHERE id = ?").run(first);
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-04-01', nextStepDue: '2026-03-20' });
    // deleting the latest
    db.prepare('DELETE FROM interactions WHERE id = ?').run(first);
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-03-05', nextStepDue: null });
    // the other account was never touched
    expect(followUpColumns(db, other)).toEqual({ lastContact: null, nextStepDue: null });
    // deleting the rest clears both
    db.prepare('DELETE FROM interactions WHERE account_id = ?').run(a);
    expect(followUpColumns(db, a)).toEqual({ lastContact: null, nextStepDue: null });
  });

  it('recomputes both accounts when an interaction moves from one to another', () => {
    const db = dbAt(2);
    const a = account(db, 'From');
    const b = account(db, 'To');
    interaction(db, a, '2026-01-10');
    const moving = interaction(db, a, '2026-02-10', { next_due: '2026-02-20' });
    interaction(db, b, '2026-01-05', { next_due: '2026-03-01' });
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-02-10', nextStepDue: '2026-02-20' });
    db.prepare('UPDATE interactions SET account_id = ? WHERE id = ?').run(b, moving);
    expect(followUpColumns(db, a)).toEqual({ lastContact: '2026-01-10', nextStepDue: null });
    expect(followUpColumns(db, b)).toEqual({ lastContact: '2026-02-10', nextStepDue: '2026-02-20' });
  });

  it('reads the account list with one scan of accounts and indexed joins; lookups use their indexes', () => {
    const db = dbAt(2);
    const owner = person(db, '王伟');
    const others = Array.from({ length: 20 }, (_, i) => person(db, `经理 ${i}`));
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const id = account(db, `客户 ${i}`, { owner_id: i % 3 === 0 ? owner : others[i % 20], tier_id: (i % 4) + 1, industry: `行业${i % 7}` });
        db.prepare('INSERT INTO account_revenue (account_id, year, revenue) VALUES (?, 2026, ?), (?, 2025, ?)').run(id, i, id, i);
        interaction(db, id, `2026-0${(i % 9) + 1}-01`);
      }
    })();
    // (the app never runs ANALYZE: these are the plans it gets)
    // The statements the account query really runs, captured from the repository.
    const { queryAccounts } = accountQueryModule;
    const seen = captureStatements(db, (spy) => queryAccounts(spy, { ownerIds: [owner], industries: ['行业1'], sort: 'revenueThisYear' }, '2026-06-01'));
    const main = seen.find((s) => /FROM accounts a/.test(s.sql) && /account_revenue/.test(s.sql));
    expect(main, seen.map((s) => s.sql).join('\n')).toBeDefined();
    const plan = queryPlan(db, main!.sql, main!.params);
    // accounts is scanned once (the list is the whole portfolio); every join is a primary-key search
    expect(plan.match(/SCAN /g), plan).toHaveLength(1);
    expect(plan).toMatch(/SCAN a\b/);
    expect(plan).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH o USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH r1 USING PRIMARY KEY \(account_id=\? AND year=\?\)/);
    expect(plan).toMatch(/SEARCH r0 USING PRIMARY KEY \(account_id=\? AND year=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // the lookups other screens make
    expect(queryPlan(db, 'SELECT id, name FROM accounts WHERE parent_id = ? AND deleted_at IS NULL', [1])).toMatch(/USING INDEX accounts_parent/);
    expect(queryPlan(db, 'SELECT id FROM accounts WHERE owner_id = ?', [owner])).toMatch(/USING (COVERING )?INDEX accounts_owner/);
    expect(queryPlan(db, 'SELECT id FROM accounts WHERE tier_id = ?', [1])).toMatch(/USING (COVERING )?INDEX accounts_tier/);
    expect(queryPlan(db, 'SELECT max(date) FROM interactions WHERE account_id = ?', [1])).toMatch(/USING COVERING INDEX interactions_account_date/);
    expect(
      queryPlan(db, "SELECT account_id, count(*) FROM interactions WHERE date BETWEEN ? AND ? AND kind IN ('visit', 'call') GROUP BY account_id", ['2026-04-01', '2026-06-01']),
    ).toMatch(/USING (COVERING )?INDEX interactions_date/);
    expect(queryPlan(db, 'SELECT * FROM interactions WHERE account_id = ? ORDER BY date DESC', [1])).toMatch(/USING INDEX interactions_account_date/);
    expect(queryPlan(db, 'SELECT * FROM interactions WHERE account_id = ? ORDER BY date DESC', [1])).not.toMatch(/TEMP B-TREE/);
  });

  it('upgrades a version-1 database with accounts: they keep id, name and times, gain the defaults, and are found by search', async () => {
    const file = env.file('v1.db');
    const db = openConnection(file);
    migrate(db, { target: 1 });
    const ins = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
    ins.run('河南省教育厅', '2025-01-02T03:04:05.000Z', '2025-01-03T03:04:05.000Z');
    ins.run('Acme Corp', '2025-02-02T03:04:05.000Z', '2025-02-03T03:04:05.000Z');
    expect(migrate(db, { target: 2 })).toEqual([2]);
    expect(db.prepare('SELECT id, name, created_at, updated_at, currency, churn_status, strategic, deleted_at FROM accounts ORDER BY id').all()).toEqual([
      { id: 1, name: '河南省教育厅', created_at: '2025-01-02T03:04:05.000Z', updated_at: '2025-01-03T03:04:05.000Z', currency: 'CNY', churn_status: 'active', strategic: 0, deleted_at: null },
      { id: 2, name: 'Acme Corp', created_at: '2025-02-02T03:04:05.000Z', updated_at: '2025-02-03T03:04:05.000Z', currency: 'CNY', churn_status: 'active', strategic: 0, deleted_at: null },
    ]);
    db.close();
    // through the app: listed, searchable by name and pinyin
    const b = env.backend({ dbPath: file });
    expect((await b.call('accounts-list', {})).map((a) => a.name)).toEqual(['Acme Corp', '河南省教育厅']);
    expect((await b.call('accounts-list', { search: 'acme' })).map((a) => a.name)).toEqual(['Acme Corp']);
    expect((await b.call('accounts-list', { search: '教育' })).map((a) => a.name)).toEqual(['河南省教育厅']);
    expect((await b.call('accounts-query', { search: 'hnsjyt' })).rows.map((a) => a.name)).toEqual(['河南省教育厅']);
  });
});

// --- the runner -----------------------------------------------------------------------------------

migrationSuite(3, 'quadrant-board', () => {
  it('creates matrices, quadrants, placements and placement_moves as STRICT tables', () => {
    const db = dbAt(3);
    for (const t of ['matrices', 'quadrants', 'placements', 'placement_moves']) expect(isStrict(db, t), t).toBe(true);
  });

  it('seeds the two built-in matrices with four quadrants each, one per position', () => {
    const db = dbAt(3);
    expect(db.prepare('SELECT key FROM matrices WHERE builtin = 1 ORDER BY position').pluck().all()).toEqual(['value-potential', 'importance-urgency']);
    const q = db.prepare('SELECT m.key, q.position, q.key AS q FROM quadrants q JOIN matrices m ON m.id = q.matrix_id ORDER BY m.position, q.position').all();
    expect(q).toEqual([
      { key: 'value-potential', position: 'bl', q: 'dog' },
      { key: 'value-potential', position: 'br', q: 'cash-cow' },
      { key: 'value-potential', position: 'tl', q: 'wildcat' },
      { key: 'value-potential', position: 'tr', q: 'star' },
      { key: 'importance-urgency', position: 'bl', q: 'later' },
      { key: 'importance-urgency', position: 'br', q: 'delegate' },
      { key: 'importance-urgency', position: 'tl', q: 'plan' },
      { key: 'importance-urgency', position: 'tr', q: 'now' },
    ]);
  });

  it('refuses a placement in a quadrant the matrix does not have, and a move that goes nowhere', () => {
    const db = dbAt(3);
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('A', 'x', 'x')").run();
    expect(sqliteCode(() => db.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, 1, 'now', 'x')").run())).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(sqliteCode(() => db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at) VALUES (1, 1, 'star', 'star', 'x')").run())).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
  });

  it('deleting an account removes its placements and moves', () => {
    const db = dbAt(3);
    db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('A', 'x', 'x')").run();
    db.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, 1, 'star', 'x')").run();
    db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at) VALUES (1, 1, NULL, 'star', 'x')").run();
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM placements').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM placement_moves').pluck().get()).toBe(0);
  });

  it('reads an account\'s history through its index', () => {
    const db = dbAt(3);
    expect(queryPlan(db, 'SELECT * FROM placement_moves WHERE account_id = 1 ORDER BY at')).toMatch(/placement_moves_account/);
  });
});

migrationSuite(4, 'stakeholder-map', () => {
  const TS = '2026-01-01T00:00:00.000Z';
  const seed = (db: Db) => {
    const account = (name: string) => Number(db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, TS, TS).lastInsertRowid);
    const a = account('国能电力集团');
    const b = account('华夏建设银行');
    const person = (accountId: number, name: string, extra: Record<string, unknown> = {}): number => {
      const cols = ['account_id', 'name', 'created_at', 'updated_at', ...Object.keys(extra)];
      const vals = [accountId, name, TS, TS, ...Object.values(extra)];
      return Number(db.prepare(`INSERT INTO stakeholders (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    };
    const opp = Number(db.prepare("INSERT INTO opportunities (account_id, name, created_at, updated_at) VALUES (?, '智慧园区一期', ?, ?)").run(a, TS, TS).lastInsertRowid);
    return { a, b, person, opp };
  };

  it('creates the five tables, all STRICT; tender members and positions WITHOUT ROWID', () => {
    const db = dbAt(4);
    for (const t of ['stakeholders', 'stakeholder_lines', 'tender_members', 'map_layout', 'map_snapshots']) expect(isStrict(db, t), t).toBe(true);
    const withoutRowid = (t: string) => (db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").pluck().get(t) as number) === 1;
    expect(withoutRowid('tender_members')).toBe(true);
    expect(withoutRowid('map_layout')).toBe(true);
    expect(withoutRowid('stakeholders')).toBe(false);
    expect((columns(db, 'stakeholders') as { name: string }[]).map((c) => c.name)).toEqual([
      'id', 'account_id', 'name', 'title', 'department', 'level', 'roles', 'influence', 'attitude', 'strength', 'owner_id', 'last_contact_set',
      'favours_competitor', 'org_wins', 'personal_wins', 'interests', 'notes', 'deleted_at', 'created_at', 'updated_at',
    ]);
  });

  it('refuses values outside the vocabularies, roles that are not a JSON array, and lines to oneself', () => {
    const db = dbAt(4);
    const { a, person } = seed(db);
    const p = person(a, '王伟', { level: 'top', roles: '["decision-maker"]', influence: 'high', attitude: -2, strength: 'trusted' });
    expect(db.prepare('SELECT strength, roles, notes FROM stakeholders WHERE id = ?').get(person(a, '李娜'))).toEqual({ strength: 'none', roles: '[]', notes: '' });
    for (const [col, v] of [['level', 'boss'], ['influence', 'huge'], ['attitude', 3], ['attitude', -3], ['strength', 'best'], ['roles', 'coach'], ['roles', '{"a":1}']] as const) {
      expect(sqliteCode(() => person(a, `x-${col}-${v}`, { [col]: v })), `${col}=${v}`).toBe('SQLITE_CONSTRAINT_CHECK');
    }
    expect(sqliteCode(() => person(a, ' '))).toBe('SQLITE_CONSTRAINT_CHECK');
    const line = db.prepare("INSERT INTO stakeholder_lines (account_id, kind, from_id, to_id, dotted, strength, created_at) VALUES (?, ?, ?, ?, ?, ?, 't')");
    expect(sqliteCode(() => line.run(a, 'reports', p, p, 0, 2))).toBe('SQLITE_CONSTRAINT_CHECK');
    const q = person(a, '张强');
    expect(sqliteCode(() => line.run(a, 'manages', p, q, 0, 2))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => line.run(a, 'influence', p, q, 0, 4))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => line.run(a, 'reports', p, q, 2, 2))).toBe('SQLITE_CONSTRAINT_CHECK');
    line.run(a, 'reports', p, q, 0, 2);
    line.run(a, 'influence', p, q, 0, 3);
    line.run(a, 'reports', q, p, 1, 2); // circles are the API's to refuse
    expect(sqliteCode(() => line.run(a, 'reports', p, q, 1, 2))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => db.prepare("INSERT INTO map_layout (stakeholder_id, tender_id, x) VALUES (?, 0, 1.5)").run(p))).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('keeps names unique per account among the people not in the bin', () => {
    const db = dbAt(4);
    const { a, b, person } = seed(db);
    person(a, '王伟');
    expect(sqliteCode(() => person(a, '王伟'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    person(b, '王伟'); // another account
    person(a, '王伟', { deleted_at: TS }); // in the bin
    expect(sqliteCode(() => db.prepare("UPDATE stakeholders SET deleted_at = NULL WHERE deleted_at IS NOT NULL").run())).toBe('SQLITE_CONSTRAINT_UNIQUE');
  });

  it('cascades: an account takes its people, lines, snapshots; a person takes lines, memberships, positions; an opportunity its tender map', () => {
    const db = dbAt(4);
    const { a, person, opp } = seed(db);
    const owner = Number(db.prepare("INSERT INTO people (name, created_at, updated_at) VALUES ('赵敏', ?, ?)").run(TS, TS).lastInsertRowid);
    const p = person(a, '王伟', { owner_id: owner });
    const q = person(a, '李娜');
    db.prepare("INSERT INTO stakeholder_lines (account_id, kind, from_id, to_id, created_at) VALUES (?, 'reports', ?, ?, 't')").run(a, q, p);
    db.prepare("INSERT INTO tender_members (opportunity_id, stakeholder_id, roles) VALUES (?, ?, '[\"coach\"]')").run(opp, q);
    db.prepare('INSERT INTO map_layout (stakeholder_id, tender_id, x, y) VALUES (?, 0, 1, 2), (?, ?, 3, 4)').run(q, q, opp);
    db.prepare("INSERT INTO map_snapshots (account_id, opportunity_id, label, taken_on, data, created_at) VALUES (?, ?, '投标前', '2026-01-01', '{}', 't'), (?, NULL, '年初', '2026-01-01', '{}', 't')").run(a, opp, a);
    expect(sqliteCode(() => db.prepare("INSERT INTO map_snapshots (account_id, label, taken_on, data, created_at) VALUES (?, 'x', '2026-01-01', 'not json', 't')").run(a))).toBe('SQLITE_CONSTRAINT_CHECK');
    // our person leaves: the relationship has no owner
    db.prepare('DELETE FROM people WHERE id = ?').run(owner);
    expect(db.prepare('SELECT owner_id FROM stakeholders WHERE id = ?').pluck().get(p)).toBeNull();
    // the opportunity goes: its members, positions and snapshots go, the account map's stay
    db.prepare('DELETE FROM opportunities WHERE id = ?').run(opp);
    expect(db.prepare('SELECT count(*) FROM tender_members').pluck().get()).toBe(0);
    expect(db.prepare('SELECT tender_id FROM map_layout').pluck().all()).toEqual([0]);
    expect(db.prepare('SELECT label FROM map_snapshots').pluck().all()).toEqual(['年初']);
    // a person is purged: their lines and positions go
    db.prepare('DELETE FROM stakeholders WHERE id = ?').run(q);
    expect(db.prepare('SELECT count(*) FROM stakeholder_lines').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM map_layout').pluck().get()).toBe(0);
    // the account is purged: everything goes
    db.prepare('DELETE FROM accounts WHERE id = ?').run(a);
    for (const t of ['stakeholders', 'stakeholder_lines', 'tender_members', 'map_layout', 'map_snapshots']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
  });

  it('reads a map, its lines, a reporting chain and the list of maps through indexes', () => {
    const db = dbAt(4);
    expect(queryPlan(db, 'SELECT * FROM stakeholders WHERE account_id = 1 AND deleted_at IS NULL')).toMatch(/USING INDEX stakeholders_account/);
    expect(queryPlan(db, "SELECT to_id FROM stakeholder_lines WHERE from_id = 1 AND kind = 'reports'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_stakeholder_lines/);
    expect(queryPlan(db, 'SELECT * FROM stakeholder_lines WHERE account_id = 1')).toMatch(/stakeholder_lines_account/);
    expect(queryPlan(db, 'SELECT * FROM tender_members WHERE opportunity_id = 1')).toMatch(/PRIMARY KEY|SEARCH tender_members/);
    expect(queryPlan(db, 'SELECT * FROM map_layout WHERE tender_id = 0 AND stakeholder_id = 1')).toMatch(/SEARCH map_layout/);
    expect(queryPlan(db, 'SELECT account_id, count(*) FROM stakeholders WHERE deleted_at IS NULL GROUP BY account_id')).toMatch(/USING (COVERING )?INDEX stakeholders_account/);
    expect(queryPlan(db, 'SELECT * FROM map_snapshots WHERE account_id = 1 AND opportunity_id IS NULL ORDER BY taken_on')).toMatch(/map_snapshots_map/);
  });
});

migrationSuite(5, 'account-plans', () => {
  const TS = '2026-01-01T00:00:00.000Z';
  const seed = (db: Db) => {
    const a = Number(db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run('国能电力集团', TS, TS).lastInsertRowid);
    const owner = Number(db.prepare("INSERT INTO people (name, created_at, updated_at) VALUES ('赵敏', ?, ?)").run(TS, TS).lastInsertRowid);
    const plan = (year: number, extra: Record<string, unknown> = {}): number => {
      const cols = ['account_id', 'year', 'created_at', 'updated_at', ...Object.keys(extra)];
      const vals = [a, year, TS, TS, ...Object.values(extra)];
      return Number(db.prepare(`INSERT INTO plans (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    };
    const item = (planId: number, kind: string, data: unknown, extra: Record<string, unknown> = {}): number => {
      const cols = ['plan_id', 'kind', 'data', 'created_at', 'updated_at', ...Object.keys(extra)];
      const vals = [planId, kind, typeof data === 'string' ? data : JSON.stringify(data), TS, TS, ...Object.values(extra)];
      return Number(db.prepare(`INSERT INTO plan_items (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    };
    return { a, owner, plan, item };
  };

  it('creates the four tables, all STRICT; sections WITHOUT ROWID', () => {
    const db = dbAt(5);
    for (const t of ['plans', 'plan_sections', 'plan_items', 'plan_versions']) expect(isStrict(db, t), t).toBe(true);
    const withoutRowid = (t: string) => (db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").pluck().get(t) as number) === 1;
    expect(withoutRowid('plan_sections')).toBe(true);
    expect((columns(db, 'plans') as { name: string }[]).map((c) => c.name)).toEqual([
      'id', 'account_id', 'year', 'status', 'version', 'owner_id', 'created_at', 'updated_at', 'approved_at',
    ]);
    expect((columns(db, 'plan_items') as { name: string }[]).map((c) => c.name)).toEqual([
      'id', 'plan_id', 'kind', 'sort', 'data', 'owner_id', 'due_date', 'status', 'created_at', 'updated_at',
    ]);
  });

  it('keeps one plan per account and year, and refuses values outside the vocabularies and data that is not its kind', () => {
    const db = dbAt(5);
    const { plan, item } = seed(db);
    const p = plan(2026);
    expect(db.prepare('SELECT status, version, approved_at FROM plans WHERE id = ?').get(p)).toEqual({ status: 'draft', version: 1, approved_at: null });
    expect(sqliteCode(() => plan(2026))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    plan(2027);
    expect(sqliteCode(() => plan(2028, { status: 'done' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => plan(2028, { version: 0 }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => plan(1800))).toBe('SQLITE_CONSTRAINT_CHECK');
    // approved exactly when it has an approval time
    expect(sqliteCode(() => plan(2028, { status: 'approved' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => plan(2028, { approved_at: TS }))).toBe('SQLITE_CONSTRAINT_CHECK');
    plan(2028, { status: 'approved', approved_at: TS });
    const section = db.prepare('INSERT INTO plan_sections (plan_id, section, html, updated_at) VALUES (?, ?, ?, ?)');
    section.run(p, 'overview', '<p>x</p>', TS);
    expect(sqliteCode(() => section.run(p, 'preface', '', TS))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => section.run(p, 'overview', '', TS))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    item(p, 'action', { kind: 'action', what: 'x' }, { status: 'todo', due_date: '2026-06-30' });
    expect(sqliteCode(() => item(p, 'wish', { kind: 'wish' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => item(p, 'action', 'not json'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => item(p, 'action', '[1]'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => item(p, 'action', { kind: 'risk' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => item(p, 'action', { kind: 'action' }, { status: 'late' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    const version = db.prepare('INSERT INTO plan_versions (plan_id, version, data, created_at) VALUES (?, ?, ?, ?)');
    version.run(p, 1, '{}', TS);
    expect(sqliteCode(() => version.run(p, 1, '{}', TS))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteCode(() => version.run(p, 2, '{', TS))).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('cascades: an account purged takes its plans with sections, items and versions; a person who leaves is no owner', () => {
    const db = dbAt(5);
    const { a, owner, plan, item } = seed(db);
    const p = plan(2026, { owner_id: owner });
    db.prepare("INSERT INTO plan_sections (plan_id, section, html, updated_at) VALUES (?, 'overview', '', ?)").run(p, TS);
    const i = item(p, 'action', { kind: 'action', what: 'x', ownerId: owner }, { owner_id: owner });
    db.prepare("INSERT INTO plan_versions (plan_id, version, data, created_at) VALUES (?, 1, '{}', ?)").run(p, TS);
    db.prepare('DELETE FROM people WHERE id = ?').run(owner);
    expect(db.prepare('SELECT owner_id FROM plans WHERE id = ?').pluck().get(p)).toBeNull();
    expect(db.prepare('SELECT owner_id FROM plan_items WHERE id = ?').pluck().get(i)).toBeNull();
    db.prepare('DELETE FROM accounts WHERE id = ?').run(a);
    for (const t of ['plans', 'plan_sections', 'plan_items', 'plan_versions']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
  });

  it('reads a plan, its items, its versions and actions by due date through indexes', () => {
    const db = dbAt(5);
    expect(queryPlan(db, 'SELECT * FROM plans WHERE account_id = 1 AND year = 2026')).toMatch(/USING INDEX sqlite_autoindex_plans/);
    expect(queryPlan(db, 'SELECT * FROM plans WHERE year = 2026')).toMatch(/plans_year/);
    expect(queryPlan(db, "SELECT * FROM plan_items WHERE plan_id = 1 AND kind = 'action' ORDER BY sort")).toMatch(/plan_items_plan/);
    expect(queryPlan(db, "SELECT * FROM plan_items WHERE due_date < '2026-05-01'")).toMatch(/plan_items_due/);
    expect(queryPlan(db, 'SELECT * FROM plan_sections WHERE plan_id = 1')).toMatch(/SEARCH plan_sections/);
    expect(queryPlan(db, 'SELECT data FROM plan_versions WHERE plan_id = 1 AND version = 2')).toMatch(/sqlite_autoindex_plan_versions/);
  });
});

migrationSuite(6, 'checks-without-in-lists', () => {
  const TODAY = '2026-11-24';
  const inListChecks = (db: Db) =>
    (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[]).filter((t) =>
      /CHECK\s*\(\s*\w+\s+IN\s*\(/i.test(t.sql),
    );
  const loaded = () => {
    const db = dbAt(5);
    loadSample(db, generateSample({ locale: 'zh-CN', accounts: 60, today: TODAY }), new Date(`${TODAY}T09:00:00Z`));
    return db;
  };

  it('rewrites an IN list as comparisons, keeping quotes, escaped quotes, numbers and line breaks', () => {
    expect(checksWithoutInLists("g TEXT CHECK (g IN ('A','B')), n INTEGER CHECK (n IN (0, 1))")).toBe(
      "g TEXT CHECK (g = 'A' OR g = 'B'), n INTEGER CHECK (n = 0 OR n = 1)",
    );
    expect(checksWithoutInLists("s TEXT CHECK (s IN ('it''s',\n   'a, b'))")).toBe("s TEXT CHECK (s = 'it''s' OR s = 'a, b')");
    // other IN lists (a trigger's WHERE) and other checks are left alone
    expect(checksWithoutInLists('CHECK (x >= 0) WHERE id IN (OLD.a, NEW.a)')).toBe('CHECK (x >= 0) WHERE id IN (OLD.a, NEW.a)');
  });

  it('keeps every row, index and trigger, and leaves no IN list in a check', () => {
    const db = loaded();
    expect(inListChecks(db).map((t) => t.name)).toContain('accounts');
    const before = dumpDb(db);
    migrate(db, { target: 6 });
    const after = dumpDb(db);
    for (const t of Object.keys(before.tables)) if (t !== 'migration_log') expect(after.tables[t], t).toEqual(before.tables[t]);
    const objects = (d: typeof before) => d.schema.map((o) => `${(o as { type: string }).type}:${(o as { name: string }).name}`);
    expect(objects(after)).toEqual(objects(before));
    expect(inListChecks(db)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db).filter((n) => n.endsWith('__rebuilt'))).toEqual([]);
  });

  it('still refuses what the lists refused, and its triggers and cascades still work', () => {
    const db = loaded();
    migrate(db, { target: 6 });
    const id = db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 1').pluck().get() as number;
    expect(sqliteCode(() => db.prepare("UPDATE accounts SET grade = 'F' WHERE id = ?").run(id))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare('UPDATE accounts SET strategic = 2 WHERE id = ?').run(id))).toBe('SQLITE_CONSTRAINT_CHECK');
    db.prepare("UPDATE accounts SET grade = NULL, lifecycle = 'growth' WHERE id = ?").run(id);
    const interaction = db.prepare(
      "INSERT INTO interactions (account_id, kind, date, created_at) VALUES (?, ?, '2026-11-30', '2026-11-30T00:00:00Z')",
    );
    expect(sqliteCode(() => interaction.run(id, 'party'))).toBe('SQLITE_CONSTRAINT_CHECK');
    interaction.run(id, 'visit');
    expect(db.prepare('SELECT last_contact FROM accounts WHERE id = ?').pluck().get(id)).toBe('2026-11-30');
    db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM account_revenue WHERE account_id = ?').pluck().get(id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM interactions WHERE account_id = ?').pluck().get(id)).toBe(0);
  });

  it('a rebuilding migration that breaks a reference is rolled back, foreign keys on again', () => {
    const db = loaded();
    migrate(db, { target: 6 });
    const before = dumpDb(db);
    const breaking: Migration = {
      version: 7,
      name: 'breaks-a-reference',
      rebuildsTables: true,
      up: (d) => d.exec('DELETE FROM people'),
    };
    expect(() => migrate(db, { list: [...MIGRATIONS.slice(0, 6), breaking] })).toThrow(/broken reference/);
    expect(dumpDb(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

migrationSuite(7, 'keyplan-identity', () => {
  it('marks the file as Keyplan\'s (application id "KPLN") and gives it a workspace id', () => {
    const db = dbAt(7);
    expect(db.pragma('application_id', { simple: true })).toBe(KEYPLAN_APPLICATION_ID);
    expect(KEYPLAN_APPLICATION_ID).toBe(Buffer.from('KPLN').readUInt32BE(0));
    expect(readWorkspaceId(db)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('upgrades a schema-6 database with data: every row kept, the id added; two databases get different ids', () => {
    const db = dbAt(6);
    loadSample(db, generateSample({ locale: 'en', accounts: 12, today: '2026-11-24' }), new Date('2026-11-24T09:00:00Z'));
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    const before = dumpDb(db);
    expect(migrate(db, { target: 7 })).toEqual([7]);
    const after = dumpDb(db);
    for (const t of Object.keys(before.tables)) {
      if (t !== 'migration_log' && t !== 'settings') expect(after.tables[t], t).toEqual(before.tables[t]);
    }
    expect(after.tables.settings).toEqual(expect.arrayContaining(before.tables.settings!));
    expect(after.tables.settings).toHaveLength(before.tables.settings!.length + 1);
    expect(db.pragma('application_id', { simple: true })).toBe(KEYPLAN_APPLICATION_ID);
    const other = openConnection(env.file('second.db'));
    open.push(other);
    migrate(other);
    expect(readWorkspaceId(other)).not.toBe(readWorkspaceId(db));
  });

  it('is rolled back whole when the step fails: no application id, no workspace id', () => {
    const db = dbAt(6);
    const failing: Migration = { ...MIGRATIONS[6]!, up: (d, now) => {
      MIGRATIONS[6]!.up(d, now);
      throw new Error('disk full');
    } };
    expect(() => migrate(db, { list: [...MIGRATIONS.slice(0, 6), failing] })).toThrow(/disk full/);
    expect(schemaVersion(db)).toBe(6);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    expect(readWorkspaceId(db)).toBeNull();
  });
});

migrationSuite(8, 'value-potential-model', () => {
  const WHEN = new Date('2026-12-01T08:00:00.000Z');
  const ts = (d: string) => `2026-${d}T09:00:00.000Z`;
  /** Version 6 with three accounts placed on the old built-in matrix and a custom matrix that has its own "wildcat". */
  const oldBoard = () => {
    const db = dbAt(6);
    const account = db.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES (?, 'x', 'x')");
    for (const n of ['A', 'B', 'C']) account.run(n);
    const vp = db.prepare("SELECT id FROM matrices WHERE key = 'value-potential'").pluck().get() as number;
    db.prepare("INSERT INTO matrices (key, name_zh, name_en, x_label_zh, x_label_en, y_label_zh, y_label_en, created_at, updated_at) VALUES ('own', '自定义', 'Own', 'x', 'x', 'y', 'y', 'x', 'x')").run();
    const own = db.prepare("SELECT id FROM matrices WHERE key = 'own'").pluck().get() as number;
    const quadrant = db.prepare("INSERT INTO quadrants (matrix_id, key, position, name_zh, name_en, color) VALUES (?, ?, ?, ?, ?, '#ffffff')");
    for (const [k, p] of [['wildcat', 'tl'], ['b', 'tr'], ['c', 'bl'], ['d', 'br']] as const) quadrant.run(own, k, p, `野猫${k}`, `Own ${k}`);
    const place = db.prepare('INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (?, ?, ?, ?)');
    const move = db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at, by_person, reason) VALUES (?, ?, ?, ?, ?, '刘思远', ?)");
    // A: star, then the director filed it as 野猫; B: dog; C: 野猫 from the start, and 野猫 on the custom matrix
    move.run(vp, 1, null, 'star', ts('01-10'), '年初盘点');
    move.run(vp, 1, 'star', 'wildcat', ts('06-10'), '增长放缓');
    place.run(vp, 1, 'wildcat', ts('06-10'));
    move.run(vp, 2, null, 'dog', ts('01-10'), '年初盘点');
    place.run(vp, 2, 'dog', ts('01-10'));
    move.run(vp, 3, null, 'wildcat', ts('01-10'), '年初盘点');
    place.run(vp, 3, 'wildcat', ts('01-10'));
    move.run(own, 3, null, 'wildcat', ts('02-10'), 'own');
    place.run(own, 3, 'wildcat', ts('02-10'));
    return { db, vp, own };
  };
  const moves = (db: Db, matrixId: number) =>
    db.prepare('SELECT account_id AS a, from_key AS "from", to_key AS "to", at, by_person AS by, reason FROM placement_moves WHERE matrix_id = ? ORDER BY id').all(matrixId) as {
      a: number; from: string | null; to: string | null; at: string; by: string; reason: string;
    }[];

  it('gives the built-in matrix the seed model: 潜力明星 top left, 明星, 瘦狗, 金牛; 野猫 retired, pointing at 潜力明星', () => {
    const { db, vp } = oldBoard();
    migrate(db, { target: 8, now: () => WHEN });
    const q = db.prepare('SELECT key, position, name_zh AS zh, name_en AS en, replaced_by AS replacedBy FROM quadrants WHERE matrix_id = ? ORDER BY replaced_by IS NOT NULL, position').all(vp);
    expect(q).toEqual([
      { key: 'dog', position: 'bl', zh: '瘦狗', en: 'Dog', replacedBy: null },
      { key: 'cash-cow', position: 'br', zh: '金牛', en: 'Cash cow', replacedBy: null },
      { key: 'rising-star', position: 'tl', zh: '潜力明星', en: 'Rising star', replacedBy: null },
      { key: 'star', position: 'tr', zh: '明星', en: 'Star', replacedBy: null },
      { key: 'wildcat', position: 'tl', zh: '野猫', en: 'Wildcat', replacedBy: 'rising-star' },
    ]);
    const treatments = db.prepare('SELECT treatment_zh || treatment_en FROM quadrants WHERE matrix_id = ? AND replaced_by IS NULL').pluck().all(vp) as string[];
    for (const t of treatments) expect(t).not.toMatch(/收缩|cut/);
  });

  it('re-files every 野猫 placement to 潜力明星, keeping each earlier move and adding one by system that says the model changed', () => {
    const { db, vp } = oldBoard();
    const before = moves(db, vp);
    migrate(db, { target: 8, now: () => WHEN });
    const after = moves(db, vp);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([1, 3].map((a) => ({ a, from: 'wildcat', to: 'rising-star', at: WHEN.toISOString(), by: 'system', reason: expect.stringMatching(/^model changed: /) as unknown })));
    expect(db.prepare('SELECT account_id, quadrant_key, placed_at FROM placements WHERE matrix_id = ? ORDER BY account_id').raw().all(vp)).toEqual([
      [1, 'rising-star', WHEN.toISOString()],
      [2, 'dog', ts('01-10')],
      [3, 'rising-star', WHEN.toISOString()],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('leaves custom matrices untouched', () => {
    const { db, own } = oldBoard();
    const quadrants = () => db.prepare('SELECT key, position, name_zh, name_en, color, treatment_zh, treatment_en FROM quadrants WHERE matrix_id = ? ORDER BY key').all(own);
    const q0 = quadrants();
    const m0 = moves(db, own);
    migrate(db, { target: 8, now: () => WHEN });
    expect(quadrants()).toEqual(q0);
    expect(moves(db, own)).toEqual(m0);
    expect(db.prepare('SELECT quadrant_key FROM placements WHERE matrix_id = ?').pluck().all(own)).toEqual(['wildcat']);
    expect(db.prepare('SELECT count(*) FROM quadrants WHERE replaced_by IS NOT NULL AND matrix_id = ?').pluck().get(own)).toBe(0);
  });

  it('on a fresh file, ends with the built-in matrices of shared/domain/quadrants.ts', () => {
    const db = dbAt(8);
    for (const m of BUILT_IN_MATRICES) {
      const id = db.prepare('SELECT id FROM matrices WHERE key = ?').pluck().get(m.key) as number;
      const q = db
        .prepare('SELECT key, position, name_zh AS nameZh, name_en AS nameEn, color, treatment_zh AS treatmentZh, treatment_en AS treatmentEn FROM quadrants WHERE matrix_id = ? AND replaced_by IS NULL ORDER BY key')
        .all(id);
      expect(q, m.key).toEqual([...m.quadrants].sort((a, b) => a.key.localeCompare(b.key)));
      expect(JSON.parse(db.prepare('SELECT suggest FROM matrices WHERE id = ?').pluck().get(id) as string)).toEqual(m.suggest);
    }
  });
});

migrationSuite(9, 'internal-plan-sections', () => {
  const TODAY = '2026-11-24';
  it('adds plan_sections.internal (0 for every existing section) and refuses anything but 0 or 1', () => {
    const db = dbAt(8);
    const TS = `${TODAY}T09:00:00.000Z`;
    const account = Number(db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run('国能电力集团', TS, TS).lastInsertRowid);
    const plan = Number(db.prepare('INSERT INTO plans (account_id, year, created_at, updated_at) VALUES (?, 2026, ?, ?)').run(account, TS, TS).lastInsertRowid);
    for (const section of ['overview', 'competitors', 'risks']) {
      db.prepare('INSERT INTO plan_sections (plan_id, section, html, updated_at) VALUES (?, ?, ?, ?)').run(plan, section, `<p>${section}</p>`, TS);
    }
    const before = db.prepare('SELECT plan_id, section, html, updated_at FROM plan_sections ORDER BY plan_id, section').all();
    expect(before.length).toBeGreaterThan(0);
    migrate(db, { target: 9 });
    expect(columns(db, 'plan_sections')).toContainEqual({ name: 'internal', type: 'INTEGER', notnull: 1, pk: 0 });
    expect(db.prepare('SELECT plan_id, section, html, updated_at FROM plan_sections ORDER BY plan_id, section').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT internal FROM plan_sections').pluck().all()).toEqual([0]);
    const one = before[0] as { plan_id: number; section: string };
    db.prepare('UPDATE plan_sections SET internal = 1 WHERE plan_id = ? AND section = ?').run(one.plan_id, one.section);
    expect(sqliteCode(() => db.prepare('UPDATE plan_sections SET internal = 2 WHERE plan_id = ? AND section = ?').run(one.plan_id, one.section))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(isStrict(db, 'plan_sections')).toBe(true);
  });
});

migrationSuite(10, 'account-bin-names', () => {
  it('makes account names unique among live accounts only, keeping every row', () => {
    const db = dbAt(9);
    const TS = '2026-12-01T09:00:00.000Z';
    const ins = db.prepare('INSERT INTO accounts (name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?)');
    ins.run('国能电力集团', TS, TS, TS);
    ins.run('华夏银行', TS, TS, null);
    expect(sqliteCode(() => ins.run('国能电力集团', TS, TS, null))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    const before = db.prepare('SELECT * FROM accounts ORDER BY id').all();
    migrate(db, { target: 10 });
    expect(db.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(before);
    // a live account may now take the name of one in the bin; two live ones still may not share it
    ins.run('国能电力集团', TS, TS, null);
    expect(sqliteCode(() => ins.run('华夏银行', TS, TS, null))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    // restoring the binned one while the name is live is refused by the schema too
    expect(sqliteCode(() => db.prepare("UPDATE accounts SET deleted_at = NULL WHERE name = '国能电力集团' AND deleted_at IS NOT NULL").run())).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(queryPlan(db, "SELECT id FROM accounts WHERE name = 'x' AND deleted_at IS NULL")).toMatch(/INDEX accounts_name/);
  });
});

migrationSuite(11, 'currency-rates', () => {
  it('adds currency_rates (empty: no account changes), integer rates, known currencies and ISO dates only', () => {
    const db = dbAt(10);
    const TS = '2026-12-07T09:00:00.000Z';
    db.prepare("INSERT INTO accounts (name, currency, created_at, updated_at) VALUES ('Acme', 'USD', ?, ?)").run(TS, TS);
    const before = db.prepare('SELECT * FROM accounts').all();
    migrate(db, { target: 11 });
    expect(db.prepare('SELECT * FROM accounts').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM currency_rates').pluck().get()).toBe(0);
    expect(isStrict(db, 'currency_rates')).toBe(true);
    const ins = (c: string, r: number, d: string) => () => db.prepare('INSERT INTO currency_rates VALUES (?, ?, ?, ?)').run(c, r, d, TS);
    ins('USD', 7_100_000, '2026-12-01')();
    expect(sqliteCode(ins('GBP', 9_000_000, '2026-12-01'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(ins('EUR', 0, '2026-12-01'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(ins('EUR', 7_700_000, '2026/12/01'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => db.prepare('INSERT INTO currency_rates VALUES (?, ?, ?, ?)').run('EUR', 7.7, '2026-12-01', TS))).toBe('SQLITE_CONSTRAINT_DATATYPE');
  });
});

migrationSuite(12, 'recorded-by', () => {
  it('adds plans.approved_by (NULL for plans approved before: nothing is guessed)', () => {
    const db = dbAt(11);
    const TS = '2026-12-01T09:00:00.000Z';
    const account = Number(db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run('国能电力集团', TS, TS).lastInsertRowid);
    db.prepare("INSERT INTO plans (account_id, year, status, approved_at, created_at, updated_at) VALUES (?, 2026, 'approved', ?, ?, ?)").run(account, TS, TS, TS);
    const before = db.prepare('SELECT id, status, approved_at FROM plans').all();
    migrate(db, { target: 12 });
    expect(columns(db, 'plans')).toContainEqual({ name: 'approved_by', type: 'TEXT', notnull: 0, pk: 0 });
    expect(db.prepare('SELECT id, status, approved_at FROM plans').all()).toEqual(before);
    expect(db.prepare('SELECT approved_by FROM plans').pluck().all()).toEqual([null]);
    expect(isStrict(db, 'plans')).toBe(true);
  });
});

describe('the latest schema', () => {
  it('has no IN list in a CHECK (see migration 0006: write comparisons)', () => {
    const db = dbAt(LATEST_VERSION);
    const offenders = (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[])
      .filter((t) => /CHECK\s*\(\s*\w+\s+IN\s*\(/i.test(t.sql))
      .map((t) => t.name);
    expect(offenders).toEqual([]);
  });
});

describe('migration list', () => {
  it('has a test block for every migration', () => {
    expect([...covered].sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('LATEST_VERSION is the last migration', () => {
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('accepts the shipped list and versions rising by one', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationList([fake(1), fake(2), fake(3)])).not.toThrow();
    expect(() => checkMigrationList([])).not.toThrow();
  });

  it.each([
    ['a gap', [1, 3]],
    ['a repeat', [1, 1]],
    ['a start above 1', [2, 3]],
    ['a start at 0', [0, 1]],
    ['a descent', [2, 1]],
  ])('refuses %s', (_why, versions) => {
    const list = versions.map((v, i) => fake(v, `m${i}`));
    expect(() => checkMigrationList(list)).toThrow(/expected/);
    // and migrate refuses it before touching the database
    const db = freshDb();
    expect(() => migrate(db, { list })).toThrow(/expected/);
    expect(schemaVersion(db)).toBe(0);
  });
});

describe('migrate()', () => {
  it('applies everything by default, then nothing on the second run', () => {
    const db = freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT version FROM migration_log ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('stops at target and continues from there later', () => {
    const db = freshDb();
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'extra_a'), fakeTable(LATEST_VERSION + 2, 'extra_b')];
    expect(migrate(db, { list, target: LATEST_VERSION + 1 })).toEqual([
      ...MIGRATIONS.map((m) => m.version),
      LATEST_VERSION + 1,
    ]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(tableNames(db)).toContain('extra_a');
    expect(tableNames(db)).not.toContain('extra_b');
    expect(migrate(db, { list })).toEqual([LATEST_VERSION + 2]);
    expect(db.prepare('SELECT version, name FROM migration_log ORDER BY version').all()).toEqual([
      ...MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
      { version: LATEST_VERSION + 1, name: 'extra_a' },
      { version: LATEST_VERSION + 2, name: 'extra_b' },
    ]);
  });

  it('target 0 leaves a fresh database empty', () => {
    const db = freshDb();
    expect(migrate(db, { target: 0 })).toEqual([]);
    expect(tableNames(db)).toEqual([]);
  });

  it('applies each migration atomically: a failure leaves user_version and schema as they were', () => {
    const db = freshDb();
    migrate(db);
    const before = dumpDb(db);
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'half-done',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        d.exec("INSERT INTO settings (key, value) VALUES ('half', 'done')");
        d.exec('ALTER TABLE accounts ADD COLUMN half TEXT');
        throw new Error('boom in the middle');
      },
    };
    expect(() => migrate(db, { list: [...MIGRATIONS, failing] })).toThrow('boom in the middle');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(dumpDb(db)).toEqual(before);
  });

  it('keeps the migrations before a failing one (each has its own transaction)', () => {
    const db = freshDb();
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'good_one'), broken(LATEST_VERSION + 2)];
    expect(() => migrate(db, { list })).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(tableNames(db)).toContain('good_one');
    expect(tableNames(db)).not.toContain('broken');
    expect(db.prepare('SELECT max(version) FROM migration_log').pluck().get()).toBe(LATEST_VERSION + 1);
  });

  it('a failing first migration leaves a fresh file at version 0 with no tables', () => {
    const db = freshDb();
    expect(() => migrate(db, { list: [broken(1)] })).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('refuses a database newer than the app with db-newer', () => {
    const db = freshDb();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    const before = dumpDb(db);
    let err: unknown;
    try {
      migrate(db);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db-newer');
    expect((err as AppError).params).toEqual({ found: LATEST_VERSION + 5, supported: LATEST_VERSION });
    expect((err as AppError).message).toMatch(/Update Keyplan/);
    expect(dumpDb(db)).toEqual(before);
  });

  it('compares against the list it is given', () => {
    const db = freshDb();
    migrate(db, { list: [...MIGRATIONS, fake(LATEST_VERSION + 1)] });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'db-newer' }));
  });

  it('writes one migration_log row per applied version, in order', () => {
    const db = freshDb();
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    const now = () => new Date((t += 1000));
    const list = [...MIGRATIONS, fakeTable(LATEST_VERSION + 1, 'later')];
    migrate(db, { list, now });
    const rows = db.prepare('SELECT version, name, applied_at FROM migration_log ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[];
    expect(rows.map((r) => [r.version, r.name])).toEqual(list.map((m) => [m.version, m.name]));
    for (const r of rows) expect(r.applied_at).toMatch(/^2026-01-01T00:00:\d\d\.000Z$/);
    expect(new Set(rows.map((r) => r.applied_at)).size).toBe(rows.length);
  });

  it('works on a file reopened between steps', () => {
    const file = env.file('steps.db');
    let db = new Database(file);
    migrate(db, { target: 0 });
    db.close();
    db = new Database(file);
    open.push(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });
});

function fake(version: number, name = `fake${version}`): Migration {
  return { version, name, up: () => {} };
}

function fakeTable(version: number, table: string): Migration {
  return { version, name: table, up: (db) => db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY) STRICT`) };
}

function broken(version: number): Migration {
  return {
    version,
    name: 'broken',
    up: (db) => db.exec('CREATE TABLE broken (id INTEGER PRIMARY KEY) STRICT; THIS IS NOT SQL'),
  };
}

function tableNames(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}
