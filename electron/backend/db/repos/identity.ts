/**
 * Who is at this Keyplan: the person chosen in Settings ("I am" / 我是), one of our people (the
 * people table). Every recorded action with a "by" (a board move, a plan approval) is recorded as
 * that person's name, never as the computer's login. Nobody chosen: recorded without a name (the
 * board asks first, see renderer/src/features/board/Toolbar.tsx).
 *
 * Settings keys: `user.person` (the person's id) and `user.name` (their name, kept in step: the
 * process registration in db/holders.ts reads it, and so did Keyplan before people were chosen).
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../shared/api/errors';
import type { Me } from '../../../../shared/api/board';
import { writeTx } from '../tx';

const PERSON_KEY = 'user.person';
const NAME_KEY = 'user.name';

const upsert = (db: Db, key: string, value: string) =>
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

/**
 * The person chosen. A database from before people were chosen has only a typed `user.name`: when
 * it is one of our people's names, that person is the one (nothing is written); otherwise nobody.
 */
export function getMe(db: Db): Me {
  const setting = (key: string) => db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const id = Number(setting(PERSON_KEY));
  let person: { id: number; name: string } | undefined;
  if (Number.isInteger(id) && id > 0) person = db.prepare('SELECT id, name FROM people WHERE id = ?').get(id) as typeof person;
  else {
    const legacy = setting(NAME_KEY);
    if (legacy) person = db.prepare('SELECT id, name FROM people WHERE name = ?').get(legacy) as typeof person;
  }
  return { person: person ?? null, name: person?.name ?? '' };
}

/** Chooses who I am (an active person of ours), or nobody (`null`). */
export function setMe(db: Db, personId: number | null): Me {
  return writeTx(db, () => {
    if (personId === null) {
      db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(PERSON_KEY, NAME_KEY);
      return getMe(db);
    }
    const p = db.prepare('SELECT id, name, active FROM people WHERE id = ?').get(personId) as { id: number; name: string; active: number } | undefined;
    if (!p) throw new AppError('not-found', `No person with id ${personId}.`, { id: personId });
    if (p.active !== 1) throw new AppError('person-inactive', `${p.name} is no longer active; choose an active person.`, { name: p.name });
    upsert(db, PERSON_KEY, String(p.id));
    upsert(db, NAME_KEY, p.name);
    return getMe(db);
  });
}

/** The name a recorded action is stored with: the chosen person's, '' when nobody is chosen. */
export function recorderName(db: Db): string {
  return getMe(db).name;
}

/** Inside a person's save or delete: keeps `user.name` in step with the chosen person. */
export function followPersonChange(db: Db, personId: number, name: string | null): void {
  const chosen = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PERSON_KEY) as string | undefined;
  if (chosen !== String(personId)) return;
  if (name === null) db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(PERSON_KEY, NAME_KEY);
  else upsert(db, NAME_KEY, name);
}
