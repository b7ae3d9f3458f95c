/** Service capacity's methods (db/repos/capacity.ts; the figures: shared/domain/capacity.ts). */
import { capacityView, reassign } from '../db/repos/capacity';
import type { HandlerGroup } from './types';

export const capacityHandlers: HandlerGroup<'capacity-view' | 'capacity-reassign'> = {
  'capacity-view': ({ db, today }, { quarter, today: day }) => capacityView(db(), today(day), quarter?.toUpperCase()),
  'capacity-reassign': ({ db, now, nothingChanged }, { moves }) => {
    const r = reassign(db(), moves, now());
    if (r.moved === 0) nothingChanged();
    return r;
  },
};
