/**
 * Annual account plans: one per account and year, twelve sections of sanitised HTML, structured
 * items, the workflow and the versions frozen on approval. Repositories take `db` first and hold the
 * SQL; every write is one transaction and checks what zod cannot (the plan, the account and our
 * people exist, a contact's person is on this account's map, a section was not changed since the
 * editor read it).
 *
 * The workflow rule: a plan moves draft -> review -> approved, and review or approved back to
 * draft. Approving freezes the whole plan - sections, items and the account's live figures as of
 * that day - into plan_versions under the plan's version number. An approved plan is never changed
 * in place: an edit of any kind (a section, an item saved, deleted or reordered, or moving it back
 * to draft) first makes a new version - version + 1, status draft - and then applies the edit, so
 * the approved version stays exactly as it was approved. Edits in draft and in review keep the
 * version and the status.
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../shared/api/errors';
import type { Plan, PlanComparison, PlanItem, PlanLiveData, PlanSection, PlanSummary, PlanVersionInfo, PlanView } from '../../../../shared/api/plans';
import { addDays } from '../../../../shared/domain/dates';
import {
  PLAN_SECTIONS,
  canMoveStatus,
  comparePlanContent,
  rollItemForward,
  type YearActuals,
  sectionOfKind,
  type PlanContent,
  type PlanItemData,
  type PlanItemKind,
  type PlanSectionKey,
  type PlanStatus,
} from '../../../../shared/domain/plan';
import { gatherLiveData } from '../../plans/live';
import { cleanSection } from '../../plans/sanitize';
import { requireAccount } from '../guards';
import { getMap } from './stakeholders/map-read';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { writeTx } from '../tx';
import { recorderName } from './identity';

/** "Due" in the list of plans: open actions due from today within this many days. */
export const DUE_SOON_DAYS = 30;

interface PlanRow {
  id: number;
  account_id: number;
  account_name: string;
  year: number;
  status: PlanStatus;
  version: number;
  owner_id: number | null;
  owner_name: string | null;
  currency: Plan['currency'];
  created_at: string;
  updated_at: string;
  approved_at: string | null;
  approved_by: string | null;
}

interface ItemRow {
  id: number;
  kind: PlanItemKind;
  sort: number;
  data: string;
  owner_id: number | null;
  updated_at: string;
}

/** What plan_versions.data holds. */
interface Frozen {
  plan: Plan;
  sections: PlanSection[];
  items: PlanItem[];
  live: PlanLiveData;
  /** The account's stakeholder map as it was (versions frozen before it was kept have none). */
  map?: StakeholderMap | null;
}

const PLAN_SELECT = `SELECT p.*, a.name AS account_name, a.currency, pe.name AS owner_name
  FROM plans p JOIN accounts a ON a.id = p.account_id LEFT JOIN people pe ON pe.id = p.owner_id`;

const KINDS_WITH_OWNER = new Set<PlanItemKind>(['objective', 'action', 'risk', 'contact']);

function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    year: r.year,
    status: r.status,
    version: r.version,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    currency: r.currency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by || null,
  };
}

/** A timestamp later than `prev`: two saves within one millisecond (or a fixed clock) still differ. */
function stamp(prev: string | null, now: Date): string {
  const t = now.toISOString();
  if (prev === null || t > prev) return t;
  const p = Date.parse(prev);
  return Number.isNaN(p) ? t : new Date(p + 1).toISOString();
}

function planRow(db: Db, planId: number): PlanRow {
  const row = db.prepare(`${PLAN_SELECT} WHERE p.id = ? AND a.deleted_at IS NULL`).get(planId) as PlanRow | undefined;
  if (!row) throw new AppError('not-found', `No plan with id ${planId}.`, { id: planId });
  return row;
}

function planRowOf(db: Db, accountId: number, year: number): PlanRow {
  requireAccount(db, accountId);
  const row = db.prepare(`${PLAN_SELECT} WHERE p.account_id = ? AND p.year = ?`).get(accountId, year) as PlanRow | undefined;
  if (!row) throw new AppError('not-found', `No plan for account ${accountId} in ${year}.`, { id: accountId, year });
  return row;
}

function assertPerson(db: Db, id: number | null | undefined): void {
  if (id != null && !db.prepare('SELECT 1 FROM people WHERE id = ?').get(id)) {
    throw new AppError('not-found', `No person of our team with id ${id}.`, { id });
  }
}

function assertStakeholder(db: Db, id: number | null, accountId: number): void {
  if (id === null) return;
  const row = db.prepare('SELECT account_id AS accountId FROM stakeholders WHERE id = ? AND deleted_at IS NULL').get(id) as { accountId: number } | undefined;
  if (!row) throw new AppError('not-found', `No person with id ${id} on any map.`, { id });
  if (row.accountId !== accountId) throw new AppError('map-mismatch', `Person ${id} belongs to another account.`, { id });
}

// --- reads ---------------------------------------------------------------------------------------

function sectionsOf(db: Db, planId: number): PlanSection[] {
  const rows = (
    db.prepare('SELECT section, html, internal, updated_at AS updatedAt FROM plan_sections WHERE plan_id = ?').all(planId) as (Omit<PlanSection, 'internal'> & { internal: number })[]
  ).map((r) => ({ ...r, internal: r.internal === 1 }));
  const order = new Map(PLAN_SECTIONS.map((s, i) => [s, i]));
  return rows.sort((a, b) => order.get(a.section)! - order.get(b.section)!);
}

/** Items saved before every kind had an `internal` flag have none: not internal. */
function withInternalFlag(data: PlanItemData): PlanItemData {
  return (data as { internal?: boolean }).internal === undefined ? { ...data, internal: false } : data;
}

function toItem(r: ItemRow): PlanItem {
  const data = withInternalFlag(JSON.parse(r.data) as PlanItemData);
  // The column is the truth for the owner (a person who leaves is set to NULL there).
  if (KINDS_WITH_OWNER.has(r.kind)) (data as { ownerId: number | null }).ownerId = r.owner_id;
  return { id: r.id, kind: r.kind, section: sectionOfKind(r.kind), sort: r.sort, data, updatedAt: r.updated_at };
}

const KIND_ORDER = "CASE kind WHEN 'objective' THEN 0 WHEN 'swot' THEN 1 WHEN 'competitor' THEN 2 WHEN 'team' THEN 3 WHEN 'action' THEN 4 WHEN 'contact' THEN 5 ELSE 6 END";

function itemsOf(db: Db, planId: number): PlanItem[] {
  return (
    db.prepare(`SELECT id, kind, sort, data, owner_id, updated_at FROM plan_items WHERE plan_id = ? ORDER BY ${KIND_ORDER}, sort, id`).all(planId) as ItemRow[]
  ).map(toItem);
}

function versionsOf(db: Db, planId: number): PlanVersionInfo[] {
  return db.prepare('SELECT version, created_at AS createdAt FROM plan_versions WHERE plan_id = ? ORDER BY version').all(planId) as PlanVersionInfo[];
}

function frozenOf(db: Db, planId: number, version: number): Frozen {
  const json = db.prepare('SELECT data FROM plan_versions WHERE plan_id = ? AND version = ?').pluck().get(planId, version) as string | undefined;
  if (json === undefined) throw new AppError('plan-version-not-found', `Plan ${planId} has no version ${version}.`, { version });
  return JSON.parse(json) as Frozen;
}

/**
 * The stakeholder map an approved plan prints: the one frozen with it; undefined for a plan that is
 * not approved, or whose version was frozen before maps were kept (it prints today's map).
 */
export function frozenMap(db: Db, planId: number): StakeholderMap | null | undefined {
  const row = planRow(db, planId);
  if (row.status !== 'approved') return undefined;
  return frozenOf(db, planId, row.version).map;
}

function viewOf(db: Db, row: PlanRow, today: string): PlanView {
  const plan = toPlan(row);
  const versions = versionsOf(db, row.id);
  if (row.status === 'approved') {
    const frozen = frozenOf(db, row.id, row.version);
    // versions frozen before sections could be marked internal have no flag
    const sections = frozen.sections.map((x) => ({ ...x, internal: x.internal ?? false }));
    return { plan, sections, items: frozen.items.map((i) => ({ ...i, data: withInternalFlag(i.data) })), live: frozen.live, frozen: true, versions };
  }
  return {
    plan,
    sections: sectionsOf(db, row.id),
    items: itemsOf(db, row.id),
    live: gatherLiveData(db, row.account_id, row.year, today),
    frozen: false,
    versions,
  };
}

export function getPlan(db: Db, accountId: number, year: number, today: string): PlanView {
  return viewOf(db, planRowOf(db, accountId, year), today);
}

export function getPlanById(db: Db, planId: number, today: string): PlanView {
  return viewOf(db, planRow(db, planId), today);
}

export function listPlans(db: Db, filter: { accountId?: number | undefined; year?: number | undefined }, today: string): PlanSummary[] {
  const where = ['a.deleted_at IS NULL'];
  const params: unknown[] = [today, addDays(today, DUE_SOON_DAYS), today];
  if (filter.accountId !== undefined) {
    where.push('p.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.year !== undefined) {
    where.push('p.year = ?');
    params.push(filter.year);
  }
  const rows = db
    .prepare(
      `SELECT p.id, p.account_id AS accountId, a.name AS accountName, p.year, p.status, p.version, pe.name AS ownerName, p.updated_at AS updatedAt,
         coalesce(c.open, 0) AS actionsOpen, coalesce(c.due, 0) AS actionsDue, coalesce(c.overdue, 0) AS actionsOverdue
       FROM plans p JOIN accounts a ON a.id = p.account_id LEFT JOIN people pe ON pe.id = p.owner_id
       LEFT JOIN (
         SELECT plan_id, count(*) AS open,
           sum(due_date >= ? AND due_date <= ?) AS due,
           sum(due_date < ?) AS overdue
         FROM plan_items WHERE kind = 'action' AND status IN ('todo','doing') GROUP BY plan_id
       ) c ON c.plan_id = p.id
       WHERE ${where.join(' AND ')}
       ORDER BY p.year DESC, a.name, p.id`,
    )
    .all(...params) as PlanSummary[];
  return rows;
}

// --- writes --------------------------------------------------------------------------------------

const insertSection = (db: Db) => db.prepare('INSERT INTO plan_sections (plan_id, section, html, updated_at) VALUES (?, ?, ?, ?)');

function columnsOf(data: PlanItemData): { ownerId: number | null; due: string | null; status: string | null } {
  const ownerId = 'ownerId' in data ? data.ownerId : null;
  return data.kind === 'action' ? { ownerId, due: data.due, status: data.status } : { ownerId, due: null, status: null };
}

function checkItem(db: Db, data: PlanItemData, accountId: number): void {
  if ('ownerId' in data) assertPerson(db, data.ownerId);
  if (data.kind === 'team') assertPerson(db, data.personId);
  if (data.kind === 'contact') assertStakeholder(db, data.stakeholderId, accountId);
}

function insertItem(db: Db, planId: number, data: PlanItemData, sort: number, ts: string): number {
  const c = columnsOf(data);
  return Number(
    db
      .prepare('INSERT INTO plan_items (plan_id, kind, sort, data, owner_id, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(planId, data.kind, sort, JSON.stringify(data), c.ownerId, c.due, c.status, ts, ts).lastInsertRowid,
  );
}

/**
 * Every edit goes through here first: an approved plan becomes the next version, a draft (see the
 * workflow rule at the top). Returns the plan row as it is now.
 */
function beginEdit(db: Db, planId: number, now: Date): PlanRow {
  const row = planRow(db, planId);
  const ts = stamp(row.updated_at, now);
  if (row.status === 'approved') {
    db.prepare("UPDATE plans SET version = version + 1, status = 'draft', approved_at = NULL, approved_by = NULL, updated_at = ? WHERE id = ?").run(ts, planId);
  } else {
    db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(ts, planId);
  }
  return planRow(db, planId);
}

/** The contact plan a new plan starts with: the account as a whole, at its tier's service standard. */
export function derivedContacts(db: Db, accountId: number): PlanItemData[] {
  const a = db
    .prepare(
      `SELECT a.name, a.owner_id AS ownerId, t.key, t.visits_per_quarter AS visits, t.calls_per_month AS calls
       FROM accounts a JOIN tiers t ON t.id = a.tier_id WHERE a.id = ?`,
    )
    .get(accountId) as { name: string; ownerId: number | null; key: string; visits: number; calls: number } | undefined;
  if (!a) return [];
  return [{ kind: 'contact', stakeholderId: null, target: a.name, ownerId: a.ownerId, visitsPerQuarter: a.visits, callsPerMonth: a.calls, tierKey: a.key, internal: false }];
}

function insertPlan(db: Db, accountId: number, year: number, ownerId: number | null, ts: string): number {
  if (db.prepare('SELECT 1 FROM plans WHERE account_id = ? AND year = ?').get(accountId, year)) {
    throw new AppError('plan-exists', `Account ${accountId} already has a plan for ${year}.`, { year });
  }
  return Number(
    db.prepare('INSERT INTO plans (account_id, year, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(accountId, year, ownerId, ts, ts).lastInsertRowid,
  );
}

export function createPlan(db: Db, input: { accountId: number; year: number; ownerId?: number | null | undefined }, now: Date, today: string): PlanView {
  const id = writeTx(db, () => {
    requireAccount(db, input.accountId);
    assertPerson(db, input.ownerId);
    const ownerId =
      input.ownerId !== undefined ? input.ownerId : ((db.prepare('SELECT owner_id FROM accounts WHERE id = ?').pluck().get(input.accountId) as number | null) ?? null);
    const ts = now.toISOString();
    const planId = insertPlan(db, input.accountId, input.year, ownerId, ts);
    const section = insertSection(db);
    for (const s of PLAN_SECTIONS) section.run(planId, s, '', ts);
    derivedContacts(db, input.accountId).forEach((c, i) => insertItem(db, planId, c, i, ts));
    return planId;
  });
  return getPlanById(db, id, today);
}

export function saveSection(db: Db, input: { planId: number; section: PlanSectionKey; html: string; baseUpdatedAt: string }, now: Date): PlanSection {
  return writeTx(db, () => {
    planRow(db, input.planId);
    const current = db.prepare('SELECT html, updated_at AS updatedAt FROM plan_sections WHERE plan_id = ? AND section = ?').get(input.planId, input.section) as
      | { html: string; updatedAt: string }
      | undefined;
    if (!current) throw new AppError('not-found', `Plan ${input.planId} has no section ${input.section}.`, { id: input.planId });
    if (current.updatedAt !== input.baseUpdatedAt) {
      throw new AppError('plan-conflict', `The ${input.section} section changed at ${current.updatedAt}, after ${input.baseUpdatedAt}.`, {
        section: input.section,
        updatedAt: current.updatedAt,
      });
    }
    const html = cleanSection(input.section, input.html);
    beginEdit(db, input.planId, now);
    const ts = stamp(current.updatedAt, now);
    db.prepare('UPDATE plan_sections SET html = ?, updated_at = ? WHERE plan_id = ? AND section = ?').run(html, ts, input.planId, input.section);
    const internal = db.prepare('SELECT internal FROM plan_sections WHERE plan_id = ? AND section = ?').pluck().get(input.planId, input.section) === 1;
    return { section: input.section, html, internal, updatedAt: ts };
  });
}

/**
 * Marks a section internal only (left out of customer output) or not: an edit of the plan like any
 * other (an approved plan becomes the next version); the section's text and its time are unchanged.
 */
export function setSectionInternal(db: Db, input: { planId: number; section: PlanSectionKey; internal: boolean }, now: Date): PlanSection {
  return writeTx(db, () => {
    planRow(db, input.planId);
    const current = db.prepare('SELECT html, internal, updated_at AS updatedAt FROM plan_sections WHERE plan_id = ? AND section = ?').get(input.planId, input.section) as
      | { html: string; internal: number; updatedAt: string }
      | undefined;
    if (!current) throw new AppError('not-found', `Plan ${input.planId} has no section ${input.section}.`, { id: input.planId });
    if ((current.internal === 1) === input.internal) return { section: input.section, html: current.html, internal: input.internal, updatedAt: current.updatedAt };
    beginEdit(db, input.planId, now);
    // the text's time stays: an editor autosaving this section's text is not in conflict with the mark
    db.prepare('UPDATE plan_sections SET internal = ? WHERE plan_id = ? AND section = ?').run(input.internal ? 1 : 0, input.planId, input.section);
    return { section: input.section, html: current.html, internal: input.internal, updatedAt: current.updatedAt };
  });
}

function itemRow(db: Db, id: number): ItemRow & { plan_id: number } {
  const row = db.prepare('SELECT id, plan_id, kind, sort, data, owner_id, updated_at FROM plan_items WHERE id = ?').get(id) as (ItemRow & { plan_id: number }) | undefined;
  if (!row) throw new AppError('not-found', `No plan item with id ${id}.`, { id });
  return row;
}

export function saveItem(db: Db, input: { planId: number; id?: number | undefined; data: PlanItemData }, now: Date): PlanItem {
  return writeTx(db, () => {
    const plan = planRow(db, input.planId);
    checkItem(db, input.data, plan.account_id);
    if (input.id !== undefined) {
      const old = itemRow(db, input.id);
      if (old.plan_id !== input.planId) throw new AppError('not-found', `No item ${input.id} in plan ${input.planId}.`, { id: input.id });
      if (old.kind !== input.data.kind) {
        throw new AppError('invalid-args', `Item ${input.id} is a ${old.kind}; it cannot become a ${input.data.kind}.`, { field: 'data.kind' });
      }
      beginEdit(db, input.planId, now);
      const c = columnsOf(input.data);
      db.prepare('UPDATE plan_items SET data = ?, owner_id = ?, due_date = ?, status = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify(input.data),
        c.ownerId,
        c.due,
        c.status,
        stamp(old.updated_at, now),
        input.id,
      );
      return toItem(itemRow(db, input.id));
    }
    beginEdit(db, input.planId, now);
    const sort = (db.prepare('SELECT coalesce(max(sort) + 1, 0) FROM plan_items WHERE plan_id = ? AND kind = ?').pluck().get(input.planId, input.data.kind) as number) ?? 0;
    return toItem(itemRow(db, insertItem(db, input.planId, input.data, sort, now.toISOString())));
  });
}

export function deleteItem(db: Db, id: number, now: Date): { id: number; planId: number } {
  return writeTx(db, () => {
    const row = itemRow(db, id);
    beginEdit(db, row.plan_id, now);
    db.prepare('DELETE FROM plan_items WHERE id = ?').run(id);
    return { id, planId: row.plan_id };
  });
}

export function reorderItems(db: Db, input: { planId: number; kind: PlanItemKind; ids: number[] }, now: Date): PlanItem[] {
  return writeTx(db, () => {
    planRow(db, input.planId);
    const existing = db.prepare('SELECT id FROM plan_items WHERE plan_id = ? AND kind = ?').pluck().all(input.planId, input.kind) as number[];
    const given = new Set(input.ids);
    if (given.size !== input.ids.length || given.size !== existing.length || existing.some((id) => !given.has(id))) {
      throw new AppError('invalid-args', `The new order must name every ${input.kind} of plan ${input.planId} once.`, { field: 'ids' });
    }
    beginEdit(db, input.planId, now);
    const set = db.prepare('UPDATE plan_items SET sort = ? WHERE id = ?');
    input.ids.forEach((id, i) => set.run(i, id));
    return itemsOf(db, input.planId).filter((i) => i.kind === input.kind);
  });
}

export function setStatus(db: Db, planId: number, status: PlanStatus, now: Date, today: string): Plan {
  return writeTx(db, () => {
    const row = planRow(db, planId);
    if (!canMoveStatus(row.status, status)) {
      throw new AppError('plan-transition', `Plan ${planId} cannot move from ${row.status} to ${status}.`, { from: row.status, to: status });
    }
    if (status === 'draft') {
      // From review: back to draft. From approved: this is an edit, so it is the next version.
      beginEdit(db, planId, now);
      if (row.status === 'review') db.prepare("UPDATE plans SET status = 'draft' WHERE id = ?").run(planId);
      return toPlan(planRow(db, planId));
    }
    const ts = stamp(row.updated_at, now);
    if (status === 'review') {
      db.prepare("UPDATE plans SET status = 'review', updated_at = ? WHERE id = ?").run(ts, planId);
      return toPlan(planRow(db, planId));
    }
    // Approving: freeze the plan as it is, with the account's figures as of today.
    db.prepare("UPDATE plans SET status = 'approved', approved_at = ?, approved_by = ?, updated_at = ? WHERE id = ?").run(
      now.toISOString(),
      recorderName(db) || null,
      ts,
      planId,
    );
    const approved = planRow(db, planId);
    const frozen: Frozen = {
      plan: toPlan(approved),
      sections: sectionsOf(db, planId),
      items: itemsOf(db, planId),
      live: gatherLiveData(db, approved.account_id, approved.year, today),
      map: getMap(db, approved.account_id, null, { today }),
    };
    db.prepare('INSERT INTO plan_versions (plan_id, version, data, created_at) VALUES (?, ?, ?, ?)').run(planId, approved.version, JSON.stringify(frozen), now.toISOString());
    return toPlan(approved);
  });
}

function contentOf(db: Db, planId: number, version: number | 'current'): PlanContent {
  const f = version === 'current' ? { sections: sectionsOf(db, planId), items: itemsOf(db, planId) } : frozenOf(db, planId, version);
  return {
    sections: f.sections.map((s) => ({ section: s.section, html: s.html })),
    items: f.items.map((i) => ({ id: i.id, kind: i.kind, data: i.data })),
  };
}

export function compareVersions(db: Db, planId: number, a: number | 'current', b: number | 'current'): PlanComparison {
  planRow(db, planId);
  return { planId, a: { version: a }, b: { version: b }, sections: comparePlanContent(contentOf(db, planId, a), contentOf(db, planId, b)) };
}

/** What an account actually did in a year: revenue and profit recorded, wallet share now, the year's average satisfaction. */
export function yearActuals(db: Db, accountId: number, year: number): YearActuals {
  const r = db.prepare('SELECT revenue, profit FROM account_revenue WHERE account_id = ? AND year = ?').get(accountId, year) as { revenue: number | null; profit: number | null } | undefined;
  const a = db.prepare('SELECT share_of_wallet_bp AS share FROM accounts WHERE id = ?').get(accountId) as { share: number | null } | undefined;
  const s = db
    .prepare("SELECT avg(score) AS score FROM satisfaction WHERE account_id = ? AND date >= ? AND date <= ?")
    .get(accountId, `${year}-01-01`, `${year}-12-31`) as { score: number | null };
  return {
    revenue: r?.revenue ?? null,
    profit: r?.profit ?? null,
    walletShare: a?.share ?? null,
    satisfaction: s.score === null ? null : Math.round(s.score),
  };
}

/**
 * Next year's plan, started from this one: every section's text (and its internal-only mark); objectives with this year's
 * ACTUALS as next year's baselines (yearActuals: revenue and profit recorded, wallet share, the
 * year's average satisfaction; never this year's targets) and no targets yet; SWOT, competitors, team, risks and the
 * contact plan as they are; actions not done (todo, doing) without their due dates. A draft,
 * version 1, with the same owner.
 */
export function rollForward(db: Db, planId: number, now: Date, today: string): PlanView {
  const id = writeTx(db, () => {
    const from = planRow(db, planId);
    const ts = now.toISOString();
    const next = insertPlan(db, from.account_id, from.year + 1, from.owner_id, ts);
    const section = insertSection(db);
    for (const s of sectionsOf(db, planId)) {
      section.run(next, s.section, s.html, ts);
      if (s.internal) db.prepare('UPDATE plan_sections SET internal = 1 WHERE plan_id = ? AND section = ?').run(next, s.section);
    }
    const sorts = new Map<PlanItemKind, number>();
    const actuals = yearActuals(db, from.account_id, from.year);
    for (const item of itemsOf(db, planId)) {
      const data = rollItemForward(item.data, actuals);
      if (!data) continue;
      const sort = sorts.get(item.kind) ?? 0;
      sorts.set(item.kind, sort + 1);
      insertItem(db, next, data, sort, ts);
    }
    return next;
  });
  return getPlanById(db, id, today);
}
