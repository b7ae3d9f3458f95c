import { dateOf } from '../../../shared/domain/dates';
import {
  compareVersions,
  createPlan,
  deleteItem,
  getPlan,
  listPlans,
  reorderItems,
  rollForward,
  saveItem,
  saveSection,
  setSectionInternal,
  setStatus,
} from '../db/repos/plans';
import { getPlanTemplate, setPlanTemplate } from '../db/repos/plan-template';
import type { Db } from '../db/types';
import { exportPlan } from './plan-export';
import type { HandlerContext, HandlerGroup } from './types';
import { writeTx } from '../db/tx';

const today = (ctx: HandlerContext, given?: string) => given ?? dateOf(ctx.backend.now());

/** Runs a write and tells every window which tables changed (an edit may also bump the plan's version). */
function write<T>(ctx: HandlerContext, tables: string[], fn: (db: Db, now: Date) => T): T {
  const result = fn(ctx.backend.connection(), ctx.backend.now());
  ctx.emit('data-changed', { tables });
  return result;
}

export const planHandlers: HandlerGroup<
  | 'plans-list'
  | 'plan-get'
  | 'plan-create'
  | 'plan-section-save'
  | 'plan-section-internal'
  | 'plan-item-save'
  | 'plan-item-delete'
  | 'plan-items-reorder'
  | 'plan-status-set'
  | 'plan-versions-compare'
  | 'plan-roll-forward'
  | 'plan-template-get'
  | 'plan-template-set'
  | 'plan-export'
> = {
  'plans-list': (ctx, { accountId, year, today: day }) => listPlans(ctx.backend.connection(), { accountId, year }, today(ctx, day)),
  'plan-get': (ctx, { accountId, year, today: day }) => getPlan(ctx.backend.connection(), accountId, year, today(ctx, day)),
  'plan-create': (ctx, { today: day, ...args }) => write(ctx, ['plans', 'plan_sections', 'plan_items'], (db, now) => createPlan(db, args, now, today(ctx, day))),
  'plan-section-save': (ctx, args) => write(ctx, ['plans', 'plan_sections'], (db, now) => saveSection(db, args, now)),
  'plan-section-internal': (ctx, args) => write(ctx, ['plans', 'plan_sections'], (db, now) => setSectionInternal(db, args, now)),
  'plan-item-save': (ctx, args) => write(ctx, ['plans', 'plan_items'], (db, now) => saveItem(db, args, now)),
  'plan-item-delete': (ctx, { id }) => write(ctx, ['plans', 'plan_items'], (db, now) => ({ id: deleteItem(db, id, now).id })),
  'plan-items-reorder': (ctx, args) => write(ctx, ['plans', 'plan_items'], (db, now) => reorderItems(db, args, now)),
  'plan-status-set': (ctx, { planId, status, today: day }) =>
    write(ctx, status === 'approved' ? ['plans', 'plan_versions'] : ['plans'], (db, now) => setStatus(db, planId, status, now, today(ctx, day))),
  'plan-versions-compare': (ctx, { planId, a, b }) => compareVersions(ctx.backend.connection(), planId, a, b),
  'plan-roll-forward': (ctx, { planId, today: day }) =>
    write(ctx, ['plans', 'plan_sections', 'plan_items'], (db, now) => rollForward(db, planId, now, today(ctx, day))),
  'plan-template-get': (ctx) => getPlanTemplate(ctx.backend.connection()),
  'plan-template-set': (ctx, { template }) => write(ctx, ['settings'], (db) => writeTx(db, () => setPlanTemplate(db, template))),
  'plan-export': (ctx, { accountId, year, format, locale, safe, today: day }) =>
    exportPlan(ctx.backend, { accountId, year, format, locale, safe: !!safe, today: today(ctx, day) }),
};
