/**
 * The customer-forum deck across the API: the chosen accounts' slides as one 16:9 PDF, with progress
 * events (export-progress) while it prints and a way to stop it (export-cancel).
 */
import { z } from 'zod';
import type { ExportFile } from './accounts-views';
import { idSchema, isoDate } from './accounts';
import { method } from './method';
import { LOCALES } from '../i18n/locales';

/** At most this many accounts in one deck. */
export const FORUM_MAX_ACCOUNTS = 30;

const jobId = z.string().trim().min(1).max(100);

/** What export-progress reports: `done` of `total` steps, the step under way. */
export interface ExportProgress {
  jobId: string;
  done: number;
  total: number;
  stage: 'prepare' | 'portfolio' | 'account' | 'print';
  /** The account being drawn (stage 'account'). */
  account?: string;
}

export const forumContract = {
  /**
   * The forum deck as a 16:9 PDF: title, portfolio board, Pareto, then per account a divider, the
   * review, objectives, key actions and the stakeholder map (customer-safe with safe). Default
   * accounts: those with a plan that year, else the top accounts by revenue (at most 30). With a
   * jobId it reports export-progress and stops on export-cancel (error export-cancelled).
   */
  'forum-export': method<ExportFile>()(
    z.strictObject({
      year: z.number().int().min(1900).max(2200),
      accountIds: z.array(idSchema).min(1).max(FORUM_MAX_ACCOUNTS).optional(),
      locale: z.enum(LOCALES),
      safe: z.boolean().optional(),
      jobId: jobId.optional(),
      today: isoDate.optional(),
    }),
    { writes: [] },
  ),
  /** The deck's HTML (the same slides the PDF has), for presenting on screen. */
  'forum-deck': method<{ html: string; slides: number; accountIds: number[] }>()(
    z.strictObject({
      year: z.number().int().min(1900).max(2200),
      accountIds: z.array(idSchema).min(1).max(FORUM_MAX_ACCOUNTS).optional(),
      locale: z.enum(LOCALES),
      safe: z.boolean().optional(),
      today: isoDate.optional(),
    }),
    { writes: [] },
  ),
  /** The accounts the forum screen offers, and which of them a deck takes by default. */
  'forum-accounts': method<{ accounts: { id: number; name: string; revenue: number; hasPlan: boolean }[]; defaults: number[] }>()(
    z.strictObject({ year: z.number().int().min(1900).max(2200), today: isoDate.optional() }),
    { writes: [] },
  ),
  /** Stops a running export at its next step (it fails with export-cancelled). Unknown jobs: nothing. */
  'export-cancel': method<{ cancelled: boolean }>()(z.strictObject({ jobId }), { needsDb: false, writes: [] }),
} as const;
