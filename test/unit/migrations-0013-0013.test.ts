/**
 * PLACEHOLDER on the `capacity` branch only: migration 0013 belongs to the health work of issue 16
 * (merged separately); here it is a no-op so that 0014 keeps its number. Drop this file together
 * with electron/backend/db/migrations/0013_reserved.ts when the health branch's 0013 is merged.
 */
import { expect, it } from 'vitest';
import { dumpDb } from './helpers';
import { migrate } from '../../electron/backend/db/migrate';
import { migrationSuite, useMigrationDbs } from './migration-helpers';

const { dbAt } = useMigrationDbs();

migrationSuite(13, 'reserved', () => {
  it('changes nothing', () => {
    const db = dbAt(12);
    const before = dumpDb(db).tables;
    expect(migrate(db, { target: 13 })).toEqual([13]);
    const after = dumpDb(db).tables;
    expect({ ...after, migration_log: [] }).toEqual({ ...before, migration_log: [] });
  });
});
