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
import { writeTx } from '../db/tx';
import { exportPlan } from '../exports/plan-export';
import type { HandlerGroup } from './types';

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
  'plans-list': ({ db, today }, { accountId, year, today: day }) => listPlans(db(), { accountId, year }, today(day)),
  'plan-get': ({ db, today }, { accountId, year, today: day }) => getPlan(db(), accountId, year, today(day)),
  'plan-create': ({ db, now, today }, { today: day, ...args }) => createPlan(db(), args, now(), today(day)),
  'plan-section-save': ({ db, now }, args) => saveSection(db(), args, now()),
  'plan-section-internal': ({ db, now }, args) => setSectionInternal(db(), args, now()),
  'plan-item-save': ({ db, now }, args) => saveItem(db(), args, now()),
  'plan-item-delete': ({ db, now }, { id }) => ({ id: deleteItem(db(), id, now()).id }),
  'plan-items-reorder': ({ db, now }, args) => reorderItems(db(), args, now()),
  'plan-status-set': ({ db, now, today }, { planId, status, today: day }) => setStatus(db(), planId, status, now(), today(day)),
  'plan-versions-compare': ({ db }, { planId, a, b }) => compareVersions(db(), planId, a, b),
  'plan-roll-forward': ({ db, now, today }, { planId, today: day }) => rollForward(db(), planId, now(), today(day)),
  'plan-template-get': ({ db }) => getPlanTemplate(db()),
  'plan-template-set': ({ db }, { template }) => writeTx(db(), () => setPlanTemplate(db(), template)),
  'plan-export': ({ db, printer, today }, { accountId, year, format, locale, safe, today: day }) =>
    exportPlan(db(), printer, { accountId, year, format, locale, safe: !!safe, today: today(day) }),
};
