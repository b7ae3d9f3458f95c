/** What both importers (accounts, people lists) do the same way when they write. */
import type { Database as Db } from 'better-sqlite3';
import { writeTx } from '../db/tx';

/**
 * Runs an import's writes in one transaction; a dry run does the same writes and rolls them back,
 * so its counts are exactly what an import would do.
 */
export function writeImport(db: Db, dryRun: boolean, write: () => void): void {
  if (!dryRun) {
    writeTx(db, write);
    return;
  }
  const rollback = new Error('dry run');
  try {
    writeTx(db, () => {
      write();
      throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
}

/**
 * Our people by name, for owners named in a file: a name not yet known is added as a manager and
 * listed in `created` (the import report's peopleCreated).
 */
export function peopleByName(db: Db, ts: string, created: string[]): (name: string) => number {
  const people = new Map<string, number>((db.prepare('SELECT name, id FROM people').raw().all() as [string, number][]).map(([n, i]) => [n, i]));
  const insertPerson = db.prepare("INSERT INTO people (name, role, created_at, updated_at) VALUES (?, 'manager', ?, ?)");
  return (name) => {
    let id = people.get(name);
    if (id === undefined) {
      id = Number(insertPerson.run(name, ts, ts).lastInsertRowid);
      people.set(name, id);
      created.push(name);
    }
    return id;
  };
}
