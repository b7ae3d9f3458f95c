/** Churn analysis and the profit Pareto (db/repos/churn.ts does the work); both read only. */
import { churnFigures, profitFigures } from '../db/repos/churn';
import type { HandlerGroup } from './types';

export const churnHandlers: HandlerGroup<'churn-figures' | 'profit-figures'> = {
  'churn-figures': ({ db, today }, { year, period, today: day }) => {
    const d = today(day);
    return churnFigures(db(), year ?? Number(d.slice(0, 4)), period ?? 'half', d);
  },
  'profit-figures': ({ db, today }, { year, today: day }) => profitFigures(db(), year ?? Number(today(day).slice(0, 4))),
};
