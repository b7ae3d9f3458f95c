/**
 * Migration 0014 (service capacity): each person's days a quarter for customer work and visits and
 * calls a day, with their defaults for the people already there and the database's own bounds.
 */
import { expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { columns, migrationSuite, sqliteCode, useMigrationDbs } from './migration-helpers';

const { dbAt } = useMigrationDbs();

migrationSuite(14, 'service-capacity', () => {
  it('gives the people already there the defaults (40 days, 2 visits, 12 calls a day)', () => {
    const db = dbAt(13);
    const ts = '2026-05-15T09:00:00.000Z';
    db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run('王伟', ts, ts);
    expect(migrate(db, { target: 14 })).toEqual([14]);
    expect(columns(db, 'people').slice(-3)).toEqual([
      { name: 'quarter_days', type: 'INTEGER', notnull: 1, pk: 0 },
      { name: 'visits_per_day', type: 'INTEGER', notnull: 1, pk: 0 },
      { name: 'calls_per_day', type: 'INTEGER', notnull: 1, pk: 0 },
    ]);
    expect(db.prepare('SELECT quarter_days, visits_per_day, calls_per_day FROM people').get()).toEqual({ quarter_days: 40, visits_per_day: 2, calls_per_day: 12 });
  });

  it('refuses days, visits or calls out of range', () => {
    const db = dbAt(14);
    const ts = '2026-05-15T09:00:00.000Z';
    const id = db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run('李娜', ts, ts).lastInsertRowid;
    for (const [col, v] of [['quarter_days', 93], ['quarter_days', -1], ['visits_per_day', 0], ['visits_per_day', 21], ['calls_per_day', 0], ['calls_per_day', 201]] as const) {
      expect(sqliteCode(() => db.prepare(`UPDATE people SET ${col} = ? WHERE id = ?`).run(v, id)), `${col}=${v}`).toBe('SQLITE_CONSTRAINT_CHECK');
    }
    db.prepare('UPDATE people SET quarter_days = 0, visits_per_day = 20, calls_per_day = 200 WHERE id = ?').run(id);
  });
});
