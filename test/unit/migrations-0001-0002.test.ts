/**
 * Migrations 0001 (foundation) and 0002 (account record): one block per migration (run the schema up to it on a fresh file and check what it
 * promises). A new migration gets its block in the last of these files (see migrations-runner.test.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { openConnection } from '../../electron/backend/db/open';
import * as accountQueryModule from '../../electron/backend/db/repos/account-query';
import { captureStatements } from './helpers';
import { columns, isStrict, migrationSuite, queryPlan, sqliteCode, useMigrationDbs } from './migration-helpers';

const { env, freshDb, dbAt } = useMigrationDbs();

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
