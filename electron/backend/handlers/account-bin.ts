import { bulkUpdate, listBin, purgeFromBin, restoreFromBin, undoBulkUpdate } from '../db/repos/account-bin';
import type { HandlerGroup } from './types';

const BIN_TABLES = ['accounts', 'account_revenue', 'interactions', 'opportunities', 'stakeholders', 'placements', 'plans'];

export const accountBinHandlers: HandlerGroup<'accounts-bin-list' | 'accounts-bin-restore' | 'accounts-bin-purge' | 'accounts-bulk-update' | 'accounts-bulk-undo'> = {
  'accounts-bin-list': (ctx) => listBin(ctx.backend.connection()),
  'accounts-bin-restore': (ctx, { ids }) => {
    const r = restoreFromBin(ctx.backend.connection(), ids, ctx.backend.now());
    ctx.emit('data-changed', { tables: ['accounts'] });
    return r;
  },
  'accounts-bin-purge': (ctx, { ids }) => {
    const r = purgeFromBin(ctx.backend.connection(), ids, ctx.backend.now());
    ctx.emit('data-changed', { tables: BIN_TABLES });
    return r;
  },
  'accounts-bulk-update': (ctx, { ids, patch }) => {
    const r = bulkUpdate(ctx.backend.connection(), ids, patch, ctx.backend.now());
    if (r.changed.length > 0) ctx.emit('data-changed', { tables: ['accounts'] });
    return r;
  },
  'accounts-bulk-undo': (ctx, { changes }) => {
    const r = undoBulkUpdate(ctx.backend.connection(), changes, ctx.backend.now());
    if (r.reverted > 0) ctx.emit('data-changed', { tables: ['accounts'] });
    return r;
  },
};
