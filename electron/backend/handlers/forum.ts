/** The customer-forum deck's methods (forum-export.ts does the work). */
import { dateOf } from '../../../shared/domain/dates';
import { cancelExport, exportForum, forumAccounts, forumDeckHtml } from './forum-export';
import type { HandlerGroup } from './types';

export const forumHandlers: HandlerGroup<'forum-export' | 'forum-deck' | 'forum-accounts' | 'export-cancel'> = {
  'forum-export': ({ backend }, { today, safe, ...a }) => exportForum(backend, { ...a, safe: !!safe, today: today ?? dateOf(backend.now()) }),
  'forum-deck': ({ backend }, { today, safe, ...a }) => forumDeckHtml(backend, { ...a, safe: !!safe, today: today ?? dateOf(backend.now()) }),
  'forum-accounts': ({ backend }, { year, today }) => forumAccounts(backend.connection(), year, today ?? dateOf(backend.now())),
  'export-cancel': (_ctx, { jobId }) => cancelExport(jobId),
};
