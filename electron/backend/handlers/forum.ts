/** The customer-forum deck's methods (exports/forum-export.ts does the work). */
import { exportForum, forumAccounts, forumDeckHtml } from '../exports/forum-export';
import type { HandlerGroup } from './types';

export const forumHandlers: HandlerGroup<'forum-export' | 'forum-deck' | 'forum-accounts' | 'export-cancel'> = {
  'forum-export': ({ db, printer, jobs, emit, today }, { today: day, safe, ...a }) =>
    exportForum({ db: db(), printer, jobs, progress: (p) => emit('export-progress', p) }, { ...a, safe: !!safe, today: today(day) }),
  'forum-deck': ({ db, today }, { today: day, safe, ...a }) => forumDeckHtml(db(), { ...a, safe: !!safe, today: today(day) }),
  'forum-accounts': ({ db, today }, { year, today: day }) => forumAccounts(db(), year, today(day)),
  'export-cancel': ({ jobs }, { jobId }) => jobs.cancel(jobId),
};
