import { accountHealth, decideWarning, getHealthSettings, healthOf, listDecisions, setHealthSettings } from '../db/repos/health';
import type { HandlerGroup } from './types';

/** Account health and early warning (shared/api/health.ts). */
export const healthHandlers: HandlerGroup<'health-get' | 'health-list' | 'health-decide' | 'health-decisions' | 'health-settings-get' | 'health-settings-set'> = {
  'health-get': (ctx, a) => accountHealth(ctx.db(), a.accountId, ctx.today(a.today)),
  'health-list': (ctx, a) => healthOf(ctx.db(), ctx.today(a.today), { ownerId: a.ownerId }),
  'health-decide': (ctx, a) => decideWarning(ctx.db(), a, ctx.today(a.today), ctx.now()),
  'health-decisions': (ctx, a) => listDecisions(ctx.db(), a.accountId),
  'health-settings-get': (ctx) => getHealthSettings(ctx.db()),
  'health-settings-set': (ctx, a) => setHealthSettings(ctx.db(), a),
};
