import { bulkUpdate, listBin, purgeFromBin, restoreFromBin, undoBulkUpdate } from '../db/repos/account-bin';
import type { HandlerGroup } from './types';

export const accountBinHandlers: HandlerGroup<'accounts-bin-list' | 'accounts-bin-restore' | 'accounts-bin-purge' | 'accounts-bulk-update' | 'accounts-bulk-undo'> = {
  'accounts-bin-list': ({ db }) => listBin(db()),
  'accounts-bin-restore': ({ db, now }, { ids }) => restoreFromBin(db(), ids, now()),
  'accounts-bin-purge': ({ db, now }, { ids }) => purgeFromBin(db(), ids, now()),
  'accounts-bulk-update': (ctx, { ids, patch }) => {
    const r = bulkUpdate(ctx.db(), ids, patch, ctx.now());
    if (r.changed.length === 0) ctx.nothingChanged();
    return r;
  },
  'accounts-bulk-undo': (ctx, { changes }) => {
    const r = undoBulkUpdate(ctx.db(), changes, ctx.now());
    if (r.reverted === 0) ctx.nothingChanged();
    return r;
  },
};
