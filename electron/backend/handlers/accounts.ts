import type { AccountDetail } from '../../../shared/api/accounts';
import { followUp, PENDING_PROMISE_SQL } from '../../../shared/domain/cadence';
import { dateOf, quarterOf } from '../../../shared/domain/dates';
import {
  addSatisfaction,
  deleteCompetitor,
  deleteInteraction,
  deleteOpportunity,
  deleteRevenue,
  deleteSatisfaction,
  listCompetitors,
  listInteractions,
  listOpportunities,
  listRevenue,
  listSatisfaction,
  listTeam,
  saveCompetitor,
  saveInteraction,
  saveOpportunity,
  setRevenue,
  setTeam,
} from '../db/repos/account-parts';
import { loadCadence, queryAccounts } from '../db/repos/account-query';
import {
  createAccountRecord,
  getAccountRecord,
  listAccountRecords,
  softDeleteAccount,
  undeleteAccount,
  updateAccountRecord,
} from '../db/repos/accounts';
import { accountCompliance, contactCounts, portfolioFigures, todayView } from '../db/repos/figures';
import {
  deletePerson,
  deleteTier,
  deleteView,
  getCadence,
  listPeople,
  listTiers,
  listViews,
  savePerson,
  saveTier,
  saveView,
  setCadence,
} from '../db/repos/settings';
import { getFxTable, setFxTable } from '../db/repos/fx-rates';
import type { Db } from '../db/types';
import type { HandlerContext, HandlerGroup } from './types';

const today = (ctx: HandlerContext, given?: string) => given ?? dateOf(ctx.backend.now());

/** Runs a write and tells every window which tables changed. */
function write<T>(ctx: HandlerContext, tables: string[], fn: (db: Db, now: Date) => T): T {
  const result = fn(ctx.backend.connection(), ctx.backend.now());
  ctx.emit('data-changed', { tables });
  return result;
}

export function accountDetail(db: Db, id: number, day: string): AccountDetail {
  const account = getAccountRecord(db, id);
  const extra = db.prepare(`SELECT a.last_contact, ${PENDING_PROMISE_SQL} AS next_step_due FROM accounts a WHERE a.id = ?`).get(id) as {
    last_contact: string | null;
    next_step_due: string | null;
  };
  const quarter = quarterOf(day);
  const std = new Map(
    (db.prepare('SELECT id AS tierId, visits_per_quarter AS visitsPerQuarter, calls_per_month AS callsPerMonth FROM tiers').all() as {
      tierId: number;
      visitsPerQuarter: number;
      callsPerMonth: number;
    }[]).map((s) => [s.tierId, s]),
  );
  return {
    account,
    children: db.prepare('SELECT id, name FROM accounts WHERE parent_id = ? AND deleted_at IS NULL ORDER BY name').all(id) as { id: number; name: string }[],
    team: listTeam(db, id),
    revenue: listRevenue(db, id),
    satisfaction: listSatisfaction(db, id),
    competitors: listCompetitors(db, id),
    interactions: listInteractions(db, id),
    opportunities: listOpportunities(db, id),
    followUp: followUp(
      { grade: account.grade, lastContact: extra.last_contact, since: dateOf(account.createdAt), nextStepDue: extra.next_step_due },
      day,
      loadCadence(db),
    ),
    compliance: accountCompliance(account, contactCounts(db, quarter.start, day).get(id), std, day),
  };
}

export const accountHandlers: HandlerGroup<
  | 'accounts-list'
  | 'accounts-query'
  | 'accounts-get'
  | 'accounts-create'
  | 'accounts-update'
  | 'accounts-rename'
  | 'accounts-delete'
  | 'accounts-undelete'
  | 'accounts-team-set'
  | 'revenue-set'
  | 'revenue-delete'
  | 'satisfaction-add'
  | 'satisfaction-delete'
  | 'competitors-save'
  | 'competitors-delete'
  | 'interactions-save'
  | 'interactions-delete'
  | 'opportunities-save'
  | 'opportunities-delete'
  | 'people-list'
  | 'people-save'
  | 'people-delete'
  | 'tiers-list'
  | 'tiers-save'
  | 'tiers-delete'
  | 'cadence-get'
  | 'cadence-set'
  | 'fx-get'
  | 'fx-set'
  | 'views-list'
  | 'views-save'
  | 'views-delete'
  | 'today'
  | 'portfolio-figures'
> = {
  'accounts-list': (ctx, { search }) => listAccountRecords(ctx.backend.connection(), search),
  'accounts-query': (ctx, q) => queryAccounts(ctx.backend.connection(), q, today(ctx, q.today)),
  'accounts-get': (ctx, { id, today: day }) => accountDetail(ctx.backend.connection(), id, today(ctx, day)),
  'accounts-create': (ctx, { name, ...fields }) => write(ctx, ['accounts'], (db, now) => createAccountRecord(db, name, fields, now)),
  'accounts-update': (ctx, { id, patch }) => write(ctx, ['accounts'], (db, now) => updateAccountRecord(db, id, patch, now)),
  'accounts-rename': (ctx, { id, name }) => write(ctx, ['accounts'], (db, now) => updateAccountRecord(db, id, { name }, now)),
  'accounts-delete': (ctx, { id }) => write(ctx, ['accounts'], (db, now) => softDeleteAccount(db, id, now)),
  'accounts-undelete': (ctx, { id }) => write(ctx, ['accounts'], (db, now) => undeleteAccount(db, id, now)),
  'accounts-team-set': (ctx, { accountId, members }) => write(ctx, ['account_team'], (db, now) => setTeam(db, accountId, members, now)),

  'revenue-set': (ctx, r) => write(ctx, ['account_revenue'], (db, now) => setRevenue(db, r, now)),
  'revenue-delete': (ctx, { accountId, year }) => write(ctx, ['account_revenue'], (db, now) => deleteRevenue(db, accountId, year, now)),
  'satisfaction-add': (ctx, s) => write(ctx, ['satisfaction'], (db, now) => addSatisfaction(db, s, now)),
  'satisfaction-delete': (ctx, { id }) => write(ctx, ['satisfaction'], (db, now) => deleteSatisfaction(db, id, now)),
  'competitors-save': (ctx, c) => write(ctx, ['competitors'], (db, now) => saveCompetitor(db, c, now)),
  'competitors-delete': (ctx, { id }) => write(ctx, ['competitors'], (db, now) => deleteCompetitor(db, id, now)),
  'interactions-save': (ctx, i) => write(ctx, ['interactions', 'accounts'], (db, now) => saveInteraction(db, i, now)),
  'interactions-delete': (ctx, { id }) => write(ctx, ['interactions', 'accounts'], (db, now) => deleteInteraction(db, id, now)),
  'opportunities-save': (ctx, o) => write(ctx, ['opportunities'], (db, now) => saveOpportunity(db, o, now)),
  'opportunities-delete': (ctx, { id }) => write(ctx, ['opportunities'], (db, now) => deleteOpportunity(db, id, now)),

  'people-list': (ctx) => listPeople(ctx.backend.connection()),
  'people-save': (ctx, p) => write(ctx, ['people'], (db, now) => savePerson(db, p, now)),
  'people-delete': (ctx, { id }) => write(ctx, ['people', 'accounts'], (db) => deletePerson(db, id)),
  'tiers-list': (ctx) => listTiers(ctx.backend.connection()),
  'tiers-save': (ctx, t) => write(ctx, ['tiers'], (db) => saveTier(db, t)),
  'tiers-delete': (ctx, { id }) => write(ctx, ['tiers', 'accounts'], (db) => deleteTier(db, id)),
  'cadence-get': (ctx) => getCadence(ctx.backend.connection()),
  'cadence-set': (ctx, c) => write(ctx, ['grade_cadence'], (db) => setCadence(db, c)),
  'fx-get': (ctx) => getFxTable(ctx.backend.connection()),
  'fx-set': (ctx, fx) => write(ctx, ['currency_rates', 'settings'], (db, now) => setFxTable(db, fx, now)),
  'views-list': (ctx) => listViews(ctx.backend.connection()),
  'views-save': (ctx, v) => write(ctx, ['saved_views'], (db) => saveView(db, v)),
  'views-delete': (ctx, { id }) => write(ctx, ['saved_views'], (db) => deleteView(db, id)),

  today: (ctx, { today: day, ownerId, soonDays }) =>
    todayView(ctx.backend.connection(), today(ctx, day), { ...(ownerId ? { ownerId } : {}), ...(soonDays !== undefined ? { soonDays } : {}) }),
  'portfolio-figures': (ctx, { year, today: day }) => {
    const d = today(ctx, day);
    return portfolioFigures(ctx.backend.connection(), year ?? Number(d.slice(0, 4)), d);
  },
};

