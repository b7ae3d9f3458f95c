import {
  addSatisfaction,
  deleteCompetitor,
  deleteInteraction,
  deleteOpportunity,
  deleteRevenue,
  deleteSatisfaction,
  saveCompetitor,
  saveInteraction,
  saveOpportunity,
  setRevenue,
  setTeam,
} from '../db/repos/account-parts';
import { accountDetail } from '../db/repos/account-detail';
import { queryAccounts } from '../db/repos/account-query';
import { createAccountRecord, listAccountRecords, softDeleteAccount, undeleteAccount, updateAccountRecord } from '../db/repos/accounts';
import { portfolioFigures, todayView } from '../db/repos/figures';
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
import type { HandlerGroup } from './types';

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
  'accounts-list': (ctx, { search }) => listAccountRecords(ctx.db(), search),
  'accounts-query': (ctx, q) => queryAccounts(ctx.db(), q, ctx.today(q.today)),
  'accounts-get': (ctx, { id, today: day }) => accountDetail(ctx.db(), id, ctx.today(day)),
  'accounts-create': (ctx, { name, ...fields }) => createAccountRecord(ctx.db(), name, fields, ctx.now()),
  'accounts-update': (ctx, { id, patch }) => updateAccountRecord(ctx.db(), id, patch, ctx.now()),
  'accounts-rename': (ctx, { id, name }) => updateAccountRecord(ctx.db(), id, { name }, ctx.now()),
  'accounts-delete': (ctx, { id }) => softDeleteAccount(ctx.db(), id, ctx.now()),
  'accounts-undelete': (ctx, { id }) => undeleteAccount(ctx.db(), id, ctx.now()),
  'accounts-team-set': (ctx, { accountId, members }) => setTeam(ctx.db(), accountId, members, ctx.now()),

  'revenue-set': (ctx, r) => setRevenue(ctx.db(), r, ctx.now()),
  'revenue-delete': (ctx, { accountId, year }) => deleteRevenue(ctx.db(), accountId, year, ctx.now()),
  'satisfaction-add': (ctx, s) => addSatisfaction(ctx.db(), s, ctx.now()),
  'satisfaction-delete': (ctx, { id }) => deleteSatisfaction(ctx.db(), id, ctx.now()),
  'competitors-save': (ctx, c) => saveCompetitor(ctx.db(), c, ctx.now()),
  'competitors-delete': (ctx, { id }) => deleteCompetitor(ctx.db(), id, ctx.now()),
  'interactions-save': (ctx, i) => saveInteraction(ctx.db(), i, ctx.now()),
  'interactions-delete': (ctx, { id }) => deleteInteraction(ctx.db(), id, ctx.now()),
  'opportunities-save': (ctx, o) => saveOpportunity(ctx.db(), o, ctx.now()),
  'opportunities-delete': (ctx, { id }) => deleteOpportunity(ctx.db(), id, ctx.now()),

  'people-list': (ctx) => listPeople(ctx.db()),
  'people-save': (ctx, p) => savePerson(ctx.db(), p, ctx.now()),
  'people-delete': (ctx, { id }) => deletePerson(ctx.db(), id),
  'tiers-list': (ctx) => listTiers(ctx.db()),
  'tiers-save': (ctx, t) => saveTier(ctx.db(), t),
  'tiers-delete': (ctx, { id }) => deleteTier(ctx.db(), id),
  'cadence-get': (ctx) => getCadence(ctx.db()),
  'cadence-set': (ctx, c) => setCadence(ctx.db(), c),
  'fx-get': (ctx) => getFxTable(ctx.db()),
  'fx-set': (ctx, fx) => setFxTable(ctx.db(), fx, ctx.now()),
  'views-list': (ctx) => listViews(ctx.db()),
  'views-save': (ctx, v) => saveView(ctx.db(), v),
  'views-delete': (ctx, { id }) => deleteView(ctx.db(), id),

  today: (ctx, { today: day, ownerId, soonDays }) =>
    todayView(ctx.db(), ctx.today(day), { ...(ownerId ? { ownerId } : {}), ...(soonDays !== undefined ? { soonDays } : {}) }),
  'portfolio-figures': (ctx, { year, today: day }) => {
    const d = ctx.today(day);
    return portfolioFigures(ctx.db(), year ?? Number(d.slice(0, 4)), d);
  },
};

