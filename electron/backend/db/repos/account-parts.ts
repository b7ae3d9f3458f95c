/**
 * What hangs off an account: team, revenue by year, satisfaction scores, competitors, interactions,
 * opportunities. Repositories take `db` first and hold the SQL; every write is one transaction.
 */
import type { Database as Db } from 'better-sqlite3';
import type {
  Competitor,
  Interaction,
  Opportunity,
  RevenueYear,
  SatisfactionScore,
  TeamMember,
} from '../../../../shared/api/accounts';
import { AppError } from '../../../../shared/api/errors';
import type { Currency, InteractionKind, OpportunityStage } from '../../../../shared/domain/enums';
import { requireAccount } from '../guards';
import { writeTx } from '../tx';

function assertPerson(db: Db, id: number | null | undefined): void {
  if (id != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(id)) {
    throw new AppError('not-found', `No person with id ${id}.`, { id });
  }
}

function touch(db: Db, accountId: number, now: Date): void {
  db.prepare('UPDATE accounts SET updated_at = ? WHERE id = ?').run(now.toISOString(), accountId);
}

function deleteRow(db: Db, table: string, id: number, now: Date): { id: number } {
  return writeTx(db, () => {
    const row = db.prepare(`SELECT account_id FROM ${table} WHERE id = ?`).get(id) as { account_id: number } | undefined;
    if (!row) throw new AppError('not-found', `No ${table} row with id ${id}.`, { id });
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    touch(db, row.account_id, now);
    return { id };
  });
}

// --- team ---------------------------------------------------------------------------------------

export function listTeam(db: Db, accountId: number): TeamMember[] {
  return db
    .prepare(
      `SELECT t.person_id AS personId, p.name, p.role AS personRole, t.role
       FROM account_team t JOIN people p ON p.id = t.person_id WHERE t.account_id = ? ORDER BY p.name`,
    )
    .all(accountId) as TeamMember[];
}

export function setTeam(db: Db, accountId: number, members: { personId: number; role: string }[], now: Date): TeamMember[] {
  return writeTx(db, () => {
    requireAccount(db, accountId);
    db.prepare('DELETE FROM account_team WHERE account_id = ?').run(accountId);
    const add = db.prepare('INSERT OR REPLACE INTO account_team (account_id, person_id, role) VALUES (?, ?, ?)');
    for (const m of members) {
      assertPerson(db, m.personId);
      add.run(accountId, m.personId, m.role);
    }
    touch(db, accountId, now);
    return listTeam(db, accountId);
  });
}

// --- revenue ------------------------------------------------------------------------------------

export function listRevenue(db: Db, accountId: number): RevenueYear[] {
  return db
    .prepare('SELECT year, revenue, target, profit FROM account_revenue WHERE account_id = ? ORDER BY year')
    .all(accountId) as RevenueYear[];
}

export function setRevenue(
  db: Db,
  r: { accountId: number; year: number; revenue?: number | null; target?: number | null; profit?: number | null },
  now: Date,
): RevenueYear[] {
  return writeTx(db, () => {
    requireAccount(db, r.accountId);
    // Each figure is optional (a target for next year has no revenue yet): absent keeps what is there.
    db.prepare(
      `INSERT INTO account_revenue (account_id, year, revenue, target, profit) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, year) DO UPDATE SET
         revenue = CASE WHEN ? THEN excluded.revenue ELSE revenue END,
         target = CASE WHEN ? THEN excluded.target ELSE target END,
         profit = CASE WHEN ? THEN excluded.profit ELSE profit END`,
    ).run(
      r.accountId,
      r.year,
      r.revenue ?? null,
      r.target ?? null,
      r.profit ?? null,
      r.revenue !== undefined ? 1 : 0,
      r.target !== undefined ? 1 : 0,
      r.profit !== undefined ? 1 : 0,
    );
    touch(db, r.accountId, now);
    return listRevenue(db, r.accountId);
  });
}

export function deleteRevenue(db: Db, accountId: number, year: number, now: Date): RevenueYear[] {
  return writeTx(db, () => {
    requireAccount(db, accountId);
    const info = db.prepare('DELETE FROM account_revenue WHERE account_id = ? AND year = ?').run(accountId, year);
    if (info.changes === 0) throw new AppError('not-found', `No revenue for ${year}.`, { year });
    touch(db, accountId, now);
    return listRevenue(db, accountId);
  });
}

// --- satisfaction -------------------------------------------------------------------------------

export function listSatisfaction(db: Db, accountId: number): SatisfactionScore[] {
  return db.prepare('SELECT id, date, score, source, note FROM satisfaction WHERE account_id = ? ORDER BY date, id').all(accountId) as SatisfactionScore[];
}

export function addSatisfaction(
  db: Db,
  s: { accountId: number; date: string; score: number; source?: string; note?: string },
  now: Date,
): SatisfactionScore {
  return writeTx(db, () => {
    requireAccount(db, s.accountId);
    const id = Number(
      db.prepare('INSERT INTO satisfaction (account_id, date, score, source, note) VALUES (?, ?, ?, ?, ?)').run(s.accountId, s.date, s.score, s.source ?? '', s.note ?? '')
        .lastInsertRowid,
    );
    touch(db, s.accountId, now);
    return db.prepare('SELECT id, date, score, source, note FROM satisfaction WHERE id = ?').get(id) as SatisfactionScore;
  });
}

export const deleteSatisfaction = (db: Db, id: number, now: Date) => deleteRow(db, 'satisfaction', id, now);

// --- competitors --------------------------------------------------------------------------------

export function listCompetitors(db: Db, accountId: number): Competitor[] {
  return db.prepare('SELECT id, name, offer, position, strengths, weaknesses FROM competitors WHERE account_id = ? ORDER BY id').all(accountId) as Competitor[];
}

export function saveCompetitor(
  db: Db,
  c: { id?: number; accountId: number; name: string; offer?: string; position?: string; strengths?: string; weaknesses?: string },
  now: Date,
): Competitor {
  return writeTx(db, () => {
    requireAccount(db, c.accountId);
    const vals = [c.name, c.offer ?? '', c.position ?? '', c.strengths ?? '', c.weaknesses ?? ''];
    let id = c.id;
    if (id !== undefined) {
      const info = db
        .prepare('UPDATE competitors SET name = ?, offer = ?, position = ?, strengths = ?, weaknesses = ? WHERE id = ? AND account_id = ?')
        .run(...vals, id, c.accountId);
      if (info.changes === 0) throw new AppError('not-found', `No competitor with id ${id}.`, { id });
    } else {
      id = Number(db.prepare('INSERT INTO competitors (account_id, name, offer, position, strengths, weaknesses) VALUES (?, ?, ?, ?, ?, ?)').run(c.accountId, ...vals).lastInsertRowid);
    }
    touch(db, c.accountId, now);
    return db.prepare('SELECT id, name, offer, position, strengths, weaknesses FROM competitors WHERE id = ?').get(id) as Competitor;
  });
}

export const deleteCompetitor = (db: Db, id: number, now: Date) => deleteRow(db, 'competitors', id, now);

// --- interactions -------------------------------------------------------------------------------

interface InteractionRow {
  id: number;
  account_id: number;
  kind: InteractionKind;
  date: string;
  people: string;
  owner_id: number | null;
  owner_name: string | null;
  summary: string;
  outcome: string;
  next_step: string;
  next_due: string | null;
  next_done: number;
  created_at: string;
}

const INTERACTION_SELECT = 'SELECT i.*, p.name AS owner_name FROM interactions i LEFT JOIN people p ON p.id = i.owner_id';

const toInteraction = (r: InteractionRow): Interaction => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind,
  date: r.date,
  people: r.people,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  summary: r.summary,
  outcome: r.outcome,
  nextStep: r.next_step,
  nextDue: r.next_due,
  nextDone: r.next_done === 1,
  createdAt: r.created_at,
});

export function listInteractions(db: Db, accountId: number): Interaction[] {
  return (db.prepare(`${INTERACTION_SELECT} WHERE i.account_id = ? ORDER BY i.date DESC, i.id DESC`).all(accountId) as InteractionRow[]).map(toInteraction);
}

export function saveInteraction(
  db: Db,
  i: {
    id?: number;
    accountId: number;
    kind: InteractionKind;
    date: string;
    people?: string;
    ownerId?: number | null;
    summary?: string;
    outcome?: string;
    nextStep?: string;
    nextDue?: string | null;
    nextDone?: boolean;
  },
  now: Date,
): Interaction {
  return writeTx(db, () => {
    requireAccount(db, i.accountId);
    assertPerson(db, i.ownerId);
    const vals = [i.kind, i.date, i.people ?? '', i.ownerId ?? null, i.summary ?? '', i.outcome ?? '', i.nextStep ?? '', i.nextDue ?? null, i.nextDone ? 1 : 0];
    let id = i.id;
    if (id !== undefined) {
      const info = db
        .prepare(
          `UPDATE interactions SET kind = ?, date = ?, people = ?, owner_id = ?, summary = ?, outcome = ?, next_step = ?, next_due = ?, next_done = ?
           WHERE id = ? AND account_id = ?`,
        )
        .run(...vals, id, i.accountId);
      if (info.changes === 0) throw new AppError('not-found', `No interaction with id ${id}.`, { id });
    } else {
      id = Number(
        db
          .prepare(
            `INSERT INTO interactions (account_id, kind, date, people, owner_id, summary, outcome, next_step, next_due, next_done, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(i.accountId, ...vals, now.toISOString()).lastInsertRowid,
      );
    }
    touch(db, i.accountId, now);
    return toInteraction(db.prepare(`${INTERACTION_SELECT} WHERE i.id = ?`).get(id) as InteractionRow);
  });
}

export const deleteInteraction = (db: Db, id: number, now: Date) => deleteRow(db, 'interactions', id, now);

// --- opportunities ------------------------------------------------------------------------------

interface OpportunityRow {
  id: number;
  account_id: number;
  name: string;
  value: number;
  currency: Currency;
  stage: OpportunityStage;
  result_reason: string;
  bid_date: string | null;
  rivals: string;
  owner_id: number | null;
  owner_name: string | null;
  created_at: string;
  updated_at: string;
}

const OPP_SELECT = 'SELECT o.*, p.name AS owner_name FROM opportunities o LEFT JOIN people p ON p.id = o.owner_id';

const toOpportunity = (r: OpportunityRow): Opportunity => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  value: r.value,
  currency: r.currency,
  stage: r.stage,
  resultReason: r.result_reason,
  bidDate: r.bid_date,
  rivals: JSON.parse(r.rivals) as string[],
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listOpportunities(db: Db, accountId: number): Opportunity[] {
  return (db.prepare(`${OPP_SELECT} WHERE o.account_id = ? ORDER BY o.updated_at DESC, o.id DESC`).all(accountId) as OpportunityRow[]).map(toOpportunity);
}

export function saveOpportunity(
  db: Db,
  o: {
    id?: number;
    accountId: number;
    name: string;
    value?: number;
    currency?: Currency;
    stage?: OpportunityStage;
    resultReason?: string;
    bidDate?: string | null;
    rivals?: string[];
    ownerId?: number | null;
  },
  now: Date,
): Opportunity {
  return writeTx(db, () => {
    requireAccount(db, o.accountId);
    assertPerson(db, o.ownerId);
    const ts = now.toISOString();
    const vals = [o.name, o.value ?? 0, o.currency ?? 'CNY', o.stage ?? 'contact', o.resultReason ?? '', o.bidDate ?? null, JSON.stringify(o.rivals ?? []), o.ownerId ?? null];
    let id = o.id;
    if (id !== undefined) {
      const info = db
        .prepare(
          `UPDATE opportunities SET name = ?, value = ?, currency = ?, stage = ?, result_reason = ?, bid_date = ?, rivals = ?, owner_id = ?, updated_at = ?
           WHERE id = ? AND account_id = ?`,
        )
        .run(...vals, ts, id, o.accountId);
      if (info.changes === 0) throw new AppError('not-found', `No opportunity with id ${id}.`, { id });
    } else {
      id = Number(
        db
          .prepare(
            `INSERT INTO opportunities (account_id, name, value, currency, stage, result_reason, bid_date, rivals, owner_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(o.accountId, ...vals, ts, ts).lastInsertRowid,
      );
    }
    touch(db, o.accountId, now);
    return toOpportunity(db.prepare(`${OPP_SELECT} WHERE o.id = ?`).get(id) as OpportunityRow);
  });
}

export const deleteOpportunity = (db: Db, id: number, now: Date) => deleteRow(db, 'opportunities', id, now);

