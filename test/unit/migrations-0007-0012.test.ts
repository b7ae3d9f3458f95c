/**
 * Migrations 0007 (Keyplan identity) to 0012 (recorded by): one block per migration (run the schema up to it on a fresh file and check what it
 * promises). A new migration gets its block in the last of these files (see migrations-runner.test.ts).
 */
import type { Database as Db } from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { MIGRATIONS, type Migration } from '../../electron/backend/db/migrations';
import { openConnection } from '../../electron/backend/db/open';
import { KEYPLAN_APPLICATION_ID, readWorkspaceId } from '../../electron/backend/db/identity';
import { BUILT_IN_MATRICES } from '../../shared/domain/quadrants';
import { generateSample } from '../../electron/backend/sample/generate';
import { loadSample } from '../../electron/backend/sample/load';
import { dumpDb } from './helpers';
import { columns, isStrict, migrationSuite, queryPlan, sqliteCode, useMigrationDbs } from './migration-helpers';

const { env, dbAt, keep } = useMigrationDbs();

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
    keep(other);
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
