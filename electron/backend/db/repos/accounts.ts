import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../shared/api/errors';
import type { Account } from '../../../../shared/api/types';

interface Row {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

const toAccount = (r: Row): Account => ({ id: r.id, name: r.name, createdAt: r.created_at, updatedAt: r.updated_at });

export function listAccounts(db: Db, search?: string): Account[] {
  const q = search?.trim();
  const rows = q
    ? (db
        .prepare("SELECT * FROM accounts WHERE instr(lower(name), lower(?)) > 0 ORDER BY name COLLATE NOCASE, id")
        .all(q) as Row[])
    : (db.prepare('SELECT * FROM accounts ORDER BY name COLLATE NOCASE, id').all() as Row[]);
  return rows.map(toAccount);
}

export function getAccount(db: Db, id: number): Account {
  const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('not-found', `No account with id ${id}.`, { id });
  return toAccount(row);
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = db.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(name) as number | undefined;
  if (other !== undefined && other !== exceptId) {
    throw new AppError('conflict', `An account named "${name}" already exists.`, { name });
  }
}

export function createAccount(db: Db, name: string, now: Date): Account {
  return db.transaction(() => {
    assertNameFree(db, name);
    const ts = now.toISOString();
    const info = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, ts, ts);
    return getAccount(db, Number(info.lastInsertRowid));
  })();
}

export function renameAccount(db: Db, id: number, name: string, now: Date): Account {
  return db.transaction(() => {
    getAccount(db, id);
    assertNameFree(db, name, id);
    db.prepare('UPDATE accounts SET name = ?, updated_at = ? WHERE id = ?').run(name, now.toISOString(), id);
    return getAccount(db, id);
  })();
}
