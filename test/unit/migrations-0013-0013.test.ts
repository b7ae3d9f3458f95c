/**
 * Migration 0013 (health warnings): its block (run the schema up to it on a fresh file and check what
 * it promises). The next migration's block goes here, or in a new migrations-NNNN-NNNN file
 * (migrations-runner.test.ts finds both).
 */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { columns, isStrict, migrationSuite, queryPlan, sqliteCode, useMigrationDbs } from './migration-helpers';

const { dbAt } = useMigrationDbs();

migrationSuite(13, 'health-warnings', () => {
  it('adds health_warnings: decisions on warnings, checked, cascading with the account, indexed per account', () => {
    const db = dbAt(12);
    const TS = '2026-12-01T09:00:00.000Z';
    const account = Number(db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run('国能电力集团', TS, TS).lastInsertRowid);
    const before = db.prepare('SELECT * FROM accounts').all();
    migrate(db, { target: 13 });
    expect(db.prepare('SELECT * FROM accounts').all()).toEqual(before);
    expect(isStrict(db, 'health_warnings')).toBe(true);
    expect((columns(db, 'health_warnings') as { name: string }[]).map((c) => c.name)).toEqual([
      'id', 'account_id', 'suggested_at', 'score_then', 'previous', 'reason', 'reasons', 'decision', 'note', 'decided_by', 'decided_at',
    ]);
    const insert = db.prepare(
      'INSERT INTO health_warnings (account_id, suggested_at, score_then, previous, reason, reasons, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(account, '2026-12-01', 41, 72, 'drop', '[]', 'confirmed', '新领导上任', '王伟', TS);
    expect(sqliteCode(() => insert.run(account, '2026-12-01', 41, 72, 'drop', '[]', 'maybe', '', null, TS))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run(account, '2026-12-01', 141, 72, 'drop', '[]', 'dismissed', '', null, TS))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run(account, '2026-12-01', 41, 72, 'fell', '[]', 'dismissed', '', null, TS))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insert.run(account, '2026-12-01', 41, 72, 'drop', '{}', 'dismissed', '', null, TS))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(queryPlan(db, 'SELECT * FROM health_warnings WHERE account_id = ? ORDER BY decided_at', [account])).toContain('health_warnings_account');
    db.prepare('DELETE FROM accounts WHERE id = ?').run(account);
    expect(db.prepare('SELECT count(*) FROM health_warnings').pluck().get()).toBe(0);
  });
});
