/**
 * Migrations 0003 (quadrant board) to 0006 (checks without IN lists): one block per migration (run the schema up to it on a fresh file and check what it
 * promises). A new migration gets its block in the last of these files (see migrations-runner.test.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/backend/db/migrations';
import { checksWithoutInLists } from '../../electron/backend/db/migrations/0006_checks_without_in_lists';
import { generateSample } from '../../electron/backend/sample/generate';
import { loadSample } from '../../electron/backend/sample/load';
import { dumpDb } from './helpers';
import { columns, isStrict, migrationSuite, queryPlan, sqliteCode, tableNames, useMigrationDbs } from './migration-helpers';

const { dbAt } = useMigrationDbs();

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
