/** The database file itself: which one is open, a new or restored one, backups and a check-up. */
import path from 'node:path';
import { autoBackupName, writeBackup } from '../db/backup';
import type { HandlerGroup, SystemMethod } from './types';

export const systemHandlers: HandlerGroup<SystemMethod> = {
  'app-info': ({ lifecycle }) => lifecycle.info(),
  'db-status': ({ lifecycle }) => lifecycle.status(),
  'db-open': ({ lifecycle }, { path: file }) => lifecycle.openExisting(file),
  'db-create': ({ lifecycle }, { path: file }) => lifecycle.create(file),
  'db-restore': ({ lifecycle }, { from }) => lifecycle.restore(from),
  'db-backup': async ({ lifecycle, db, now }, { out }) => {
    const dest = out ? path.resolve(out) : autoBackupName(lifecycle.status().path, now(), '-manual');
    return writeBackup(db(), dest, lifecycle.driver());
  },
  'db-backup-save-as': async ({ lifecycle, db, now }, { title }) => {
    const conn = db();
    const suggested = autoBackupName(lifecycle.status().path, now(), '-manual');
    const choose = lifecycle.backupPathChooser();
    const dest = choose ? await choose(suggested, title) : suggested;
    if (dest === null) return { written: null };
    return { written: await writeBackup(conn, path.resolve(dest), lifecycle.driver()) };
  },
  'db-backups-list': ({ lifecycle }) => lifecycle.backups(),
  'db-doctor': ({ lifecycle, db }) => {
    const conn = db();
    const quick = (conn.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    const tables = conn
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts: Record<string, number> = {};
    for (const t of tables) {
      counts[t] = conn.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
    }
    const fkProblems = conn.pragma('foreign_key_check') as unknown[];
    return {
      path: lifecycle.status().path,
      schemaVersion: conn.pragma('user_version', { simple: true }) as number,
      quickCheck: quick,
      journalMode: conn.pragma('journal_mode', { simple: true }) as string,
      foreignKeys: (conn.pragma('foreign_keys', { simple: true }) as number) === 1,
      counts,
      ok: quick === 'ok' && fkProblems.length === 0,
    };
  },
};
