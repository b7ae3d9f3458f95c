import path from 'node:path';
import { autoBackupName, writeBackup } from '../db/backup';
import type { HandlerGroup } from './types';

export const systemHandlers: HandlerGroup<
  'app-info' | 'db-status' | 'db-open' | 'db-create' | 'db-restore' | 'db-backup' | 'db-backup-save-as' | 'db-backups-list' | 'db-doctor'
> = {
  'app-info': ({ backend }) => backend.info(),
  'db-status': ({ backend }) => backend.status(),
  'db-open': ({ backend }, { path: file }) => backend.openExisting(file),
  'db-create': ({ backend }, { path: file }) => backend.create(file),
  'db-restore': ({ backend }, { from }) => backend.restore(from),
  'db-backup': async ({ backend }, { out }) => {
    const dest = out ? path.resolve(out) : autoBackupName(backend.status().path, backend.now(), '-manual');
    return writeBackup(backend.connection(), dest, backend.driver());
  },
  'db-backup-save-as': async ({ backend }, { title }) => {
    const db = backend.connection();
    const suggested = autoBackupName(backend.status().path, backend.now(), '-manual');
    const choose = backend.backupPathChooser();
    const dest = choose ? await choose(suggested, title) : suggested;
    if (dest === null) return { written: null };
    return { written: await writeBackup(db, path.resolve(dest), backend.driver()) };
  },
  'db-backups-list': ({ backend }) => backend.backups(),
  'db-doctor': ({ backend }) => {
    const db = backend.connection();
    const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts: Record<string, number> = {};
    for (const t of tables) {
      counts[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
    }
    const fkProblems = db.pragma('foreign_key_check') as unknown[];
    return {
      path: backend.status().path,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      quickCheck: quick,
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      foreignKeys: (db.pragma('foreign_keys', { simple: true }) as number) === 1,
      counts,
      ok: quick === 'ok' && fkProblems.length === 0,
    };
  },
};
