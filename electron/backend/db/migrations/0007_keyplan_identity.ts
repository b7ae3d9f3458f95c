import { randomUUID } from 'node:crypto';
import { KEYPLAN_APPLICATION_ID, WORKSPACE_KEY } from '../identity';
import type { Migration } from './types';

/**
 * Keyplan identity: marks the file as a Keyplan database (`PRAGMA application_id`, "KPLN"), so
 * another program's SQLite file is never taken for one, and gives the database its workspace id (a
 * random UUID in `settings`), which its backups carry and backup lists match. New databases get
 * both here too, as every migration runs on a new file.
 */
export const m0007: Migration = {
  version: 7,
  name: 'keyplan-identity',
  up(db) {
    db.pragma(`application_id = ${KEYPLAN_APPLICATION_ID}`);
    db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(WORKSPACE_KEY, randomUUID());
  },
};
