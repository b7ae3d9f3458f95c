/** Our people, tiers with their service standard, the grade cadence and saved views. */
import type { Database as Db } from 'better-sqlite3';
import type { AccountQuery, Person, Tier } from '../../../../shared/api/accounts';
import type { SavedView } from '../../../../shared/api/accounts-views';
import { AppError } from '../../../../shared/api/errors';
import type { CadenceDays } from '../../../../shared/domain/cadence';
import { DEFAULT_CAPACITY, type PersonCapacity } from '../../../../shared/domain/capacity';
import type { PersonRole } from '../../../../shared/domain/enums';
import { loadCadence } from './account-query';
import { writeTx } from '../tx';
import { generateKey } from '../../keys';
import { followPersonChange } from './identity';

interface PersonRow {
  id: number;
  name: string;
  role: PersonRole;
  region: string | null;
  email: string | null;
  phone: string | null;
  active: number;
  quarterDays: number;
  visitsPerDay: number;
  callsPerDay: number;
}
const PERSON_COLUMNS = 'id, name, role, region, email, phone, active, quarter_days AS quarterDays, visits_per_day AS visitsPerDay, calls_per_day AS callsPerDay';
const toPerson = (r: PersonRow): Person => ({ ...r, active: r.active === 1 });

export function listPeople(db: Db): Person[] {
  return (db.prepare(`SELECT ${PERSON_COLUMNS} FROM people ORDER BY active DESC, name`).all() as PersonRow[]).map(toPerson);
}

export function savePerson(
  db: Db,
  p: { id?: number; name: string; role?: PersonRole; region?: string | null; email?: string | null; phone?: string | null; active?: boolean } & Partial<PersonCapacity>,
  now: Date,
): Person {
  return writeTx(db, () => {
    const other = db.prepare('SELECT id FROM people WHERE name = ?').pluck().get(p.name) as number | undefined;
    if (other !== undefined && other !== p.id) throw new AppError('conflict', `A person named "${p.name}" already exists.`, { name: p.name });
    const ts = now.toISOString();
    let id = p.id;
    if (id !== undefined) {
      const cur = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id) as PersonRow | undefined;
      if (!cur) throw new AppError('not-found', `No person with id ${id}.`, { id });
      db.prepare(
        'UPDATE people SET name = ?, role = ?, region = ?, email = ?, phone = ?, active = ?, quarter_days = ?, visits_per_day = ?, calls_per_day = ?, updated_at = ? WHERE id = ?',
      ).run(
        p.name,
        p.role ?? cur.role,
        p.region !== undefined ? p.region || null : cur.region,
        p.email !== undefined ? p.email || null : cur.email,
        p.phone !== undefined ? p.phone || null : cur.phone,
        p.active !== undefined ? (p.active ? 1 : 0) : cur.active,
        p.quarterDays ?? cur.quarterDays,
        p.visitsPerDay ?? cur.visitsPerDay,
        p.callsPerDay ?? cur.callsPerDay,
        ts,
        id,
      );
      followPersonChange(db, id, p.name);
    } else {
      id = Number(
        db
          .prepare(
            'INSERT INTO people (name, role, region, email, phone, active, quarter_days, visits_per_day, calls_per_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            p.name,
            p.role ?? 'manager',
            p.region || null,
            p.email || null,
            p.phone || null,
            p.active === false ? 0 : 1,
            p.quarterDays ?? DEFAULT_CAPACITY.quarterDays,
            p.visitsPerDay ?? DEFAULT_CAPACITY.visitsPerDay,
            p.callsPerDay ?? DEFAULT_CAPACITY.callsPerDay,
            ts,
            ts,
          ).lastInsertRowid,
      );
    }
    return toPerson(db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id) as PersonRow);
  });
}

/** Deletes a person; accounts and interactions they owned keep their data and lose the owner. */
export function deletePerson(db: Db, id: number): { id: number } {
  return writeTx(db, () => {
    const info = db.prepare('DELETE FROM people WHERE id = ?').run(id);
    if (info.changes === 0) throw new AppError('not-found', `No person with id ${id}.`, { id });
    followPersonChange(db, id, null);
    return { id };
  });
}

/** A tier's English name left empty reads as its Chinese one. */
const TIER_SELECT =
  "SELECT id, key, name_zh AS nameZh, coalesce(nullif(name_en, ''), name_zh) AS nameEn, rank, visits_per_quarter AS visitsPerQuarter, calls_per_month AS callsPerMonth, description FROM tiers";

export function listTiers(db: Db): Tier[] {
  return db.prepare(`${TIER_SELECT} ORDER BY rank, id`).all() as Tier[];
}

export function saveTier(
  db: Db,
  input: {
    id?: number;
    /** Left out or '': kept (an existing tier) or generated from the names (pinyin of the Chinese). */
    key?: string | undefined;
    nameZh: string;
    /** Optional: '' reads as the Chinese name. */
    nameEn?: string | undefined;
    rank: number;
    visitsPerQuarter: number;
    callsPerMonth: number;
    description?: string | undefined;
  },
): Tier {
  return writeTx(db, () => {
    let key = input.key;
    if (!key && input.id !== undefined) key = db.prepare('SELECT key FROM tiers WHERE id = ?').pluck().get(input.id) as string | undefined;
    if (!key) key = generateKey({ en: input.nameEn, zh: input.nameZh }, db.prepare('SELECT key FROM tiers').pluck().all() as string[], 'tier');
    const t = { ...input, key, nameEn: input.nameEn ?? '' };
    const other = db.prepare('SELECT id FROM tiers WHERE key = ?').pluck().get(t.key) as number | undefined;
    if (other !== undefined && other !== t.id) throw new AppError('conflict', `A tier with key "${t.key}" already exists.`, { name: t.key });
    const vals = [t.key, t.nameZh, t.nameEn, t.rank, t.visitsPerQuarter, t.callsPerMonth, t.description ?? ''];
    let id = t.id;
    if (id !== undefined) {
      const info = db
        .prepare('UPDATE tiers SET key = ?, name_zh = ?, name_en = ?, rank = ?, visits_per_quarter = ?, calls_per_month = ?, description = ? WHERE id = ?')
        .run(...vals, id);
      if (info.changes === 0) throw new AppError('not-found', `No tier with id ${id}.`, { id });
    } else {
      id = Number(
        db
          .prepare('INSERT INTO tiers (key, name_zh, name_en, rank, visits_per_quarter, calls_per_month, description) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(...vals).lastInsertRowid,
      );
    }
    return db.prepare(`${TIER_SELECT} WHERE id = ?`).get(id) as Tier;
  });
}

export function deleteTier(db: Db, id: number): { id: number } {
  return writeTx(db, () => {
    const info = db.prepare('DELETE FROM tiers WHERE id = ?').run(id);
    if (info.changes === 0) throw new AppError('not-found', `No tier with id ${id}.`, { id });
    return { id };
  });
}

export function getCadence(db: Db): CadenceDays {
  return loadCadence(db);
}

export function setCadence(db: Db, c: CadenceDays): CadenceDays {
  return writeTx(db, () => {
    const up = db.prepare('INSERT INTO grade_cadence (grade, days) VALUES (?, ?) ON CONFLICT (grade) DO UPDATE SET days = excluded.days');
    for (const [g, d] of Object.entries(c)) up.run(g, d);
    return loadCadence(db);
  });
}

export function listViews(db: Db): SavedView[] {
  return (db.prepare('SELECT id, name, query FROM saved_views ORDER BY name').all() as { id: number; name: string; query: string }[]).map((v) => ({
    id: v.id,
    name: v.name,
    query: JSON.parse(v.query) as AccountQuery,
  }));
}

export function saveView(db: Db, v: { id?: number; name: string; query: AccountQuery }): SavedView {
  return writeTx(db, () => {
    const other = db.prepare('SELECT id FROM saved_views WHERE name = ?').pluck().get(v.name) as number | undefined;
    if (other !== undefined && other !== v.id) throw new AppError('conflict', `A view named "${v.name}" already exists.`, { name: v.name });
    let id = v.id;
    if (id !== undefined) {
      const info = db.prepare('UPDATE saved_views SET name = ?, query = ? WHERE id = ?').run(v.name, JSON.stringify(v.query), id);
      if (info.changes === 0) throw new AppError('not-found', `No view with id ${id}.`, { id });
    } else {
      id = Number(db.prepare('INSERT INTO saved_views (name, query) VALUES (?, ?)').run(v.name, JSON.stringify(v.query)).lastInsertRowid);
    }
    return { id, name: v.name, query: v.query };
  });
}

export function deleteView(db: Db, id: number): { id: number } {
  return writeTx(db, () => {
    const info = db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
    if (info.changes === 0) throw new AppError('not-found', `No view with id ${id}.`, { id });
    return { id };
  });
}
