import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { MIGRATIONS, type Migration } from './migrations';
import { writeTx } from './tx';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Checks that versions start at 1 and rise by one; a gap or repeat is a programming error. */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

/**
 * Applies the pending migrations up to `target` (default: all), each in its own transaction with
 * its `user_version` bump and a row in migration_log. Refuses a database newer than the app.
 * Returns the versions applied.
 */
export function migrate(
  db: Database,
  opts: { list?: readonly Migration[]; target?: number; now?: () => Date } = {},
): number[] {
  const list = opts.list ?? MIGRATIONS;
  checkMigrationList(list);
  const latest = list.length;
  const target = opts.target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'db-newer',
      `This database has schema version ${current}, but this version of Keyplan only knows up to ${latest}. Update Keyplan to open it.`,
      { found: current, supported: latest },
    );
  }
  const applied: number[] = [];
  const now = opts.now ?? (() => new Date());
  for (const m of list) {
    if (m.version <= current || m.version > target) continue;
    // Foreign keys can only be switched outside a transaction; see Migration.rebuildsTables.
    const fkWasOn = m.rebuildsTables ? (db.pragma('foreign_keys', { simple: true }) as number) === 1 : false;
    if (fkWasOn) db.pragma('foreign_keys = OFF');
    let done: boolean;
    try {
      done = writeTx(db, () => {
        // another process may have applied it while this one waited for the write lock
        if (schemaVersion(db) >= m.version) return false;
        m.up(db, now());
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
          if (broken.length > 0) {
            const first = broken[0]!;
            throw new Error(`migration ${m.name} left ${broken.length} broken reference(s), first ${first.table} row ${first.rowid} -> ${first.parent}`);
          }
        }
        if (m.version > 1 || tableExists(db, 'migration_log')) {
          db.prepare('INSERT INTO migration_log (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
        }
        db.pragma(`user_version = ${m.version}`);
        return true;
      });
    } finally {
      if (fkWasOn) db.pragma('foreign_keys = ON');
    }
    if (done) applied.push(m.version);
  }
  return applied;
}

function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
