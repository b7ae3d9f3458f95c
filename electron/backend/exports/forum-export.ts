/**
 * The customer-forum deck (documents/forum-deck.ts) for the API: which accounts by default, what each
 * account's slides need, and the export as a 16:9 PDF built step by step — one step per account —
 * so it can report export-progress and stop at the next step after export-cancel.
 *
 * Progress counts the work, not the calls: building a slide's HTML takes milliseconds, Chromium
 * printing it far longer, so the print (one call to Chromium, which reports nothing while it runs)
 * weighs PRINT_STEPS_PER_SLIDE steps per slide. With 5 accounts the bar stands at about a tenth
 * while Chromium prints and reaches the end only when the PDF is there - never 100% during the print.
 */
import type { ExportFile } from '../../../shared/api/accounts-views';
import { AppError } from '../../../shared/api/errors';
import { FORUM_MAX_ACCOUNTS, type ExportProgress } from '../../../shared/api/forum';
import { messages, type Locale } from '../../../shared/i18n';
import { getBoard } from '../db/repos/board';
import { portfolioFigures } from '../db/repos/figures';
import { listPlans } from '../db/repos/plans';
import { requireAccount as assertAccount } from '../db/guards';
import { getMap } from '../db/repos/stakeholders/map-read';
import type { Db } from '../db/types';
import type { Printer } from '../documents/printer';
import {
  FIXED_SLIDES,
  FIXED_SLIDES_CUSTOMER,
  SLIDES_PER_ACCOUNT,
  SLIDES_PER_ACCOUNT_WITHOUT_PLAN,
  accountSlides,
  deckDocument,
  portfolioSlides,
  titleSlide,
  type ForumAccount,
  type ForumDeckOptions,
} from '../documents/forum-deck';
import { audienceOf, mayShow } from '../../../shared/domain/audience';
import { fill } from '../documents/html';
import { gatherLiveData } from '../plans/live';
import { safeFileName } from './map-export';
import type { ExportJobs } from './jobs';
import { planDocumentInput } from './plan-export';

export interface ForumArgs {
  year: number;
  accountIds?: number[] | undefined;
  locale: Locale;
  safe: boolean;
  today: string;
}

/** The accounts of the year with their revenue, largest first, and the defaults of a deck. */
export function forumAccounts(db: Db, year: number, today: string): { accounts: { id: number; name: string; revenue: number; hasPlan: boolean }[]; defaults: number[] } {
  const planned = new Set(listPlans(db, { year }, today).map((p) => p.accountId));
  const points = portfolioFigures(db, year, today).pareto.points;
  const accounts = points.map((p) => ({ id: p.accountId, name: p.name, revenue: p.revenue, hasPlan: planned.has(p.accountId) }));
  const withPlan = accounts.filter((a) => a.hasPlan);
  const defaults = (withPlan.length ? withPlan : accounts).slice(0, FORUM_MAX_ACCOUNTS).map((a) => a.id);
  return { accounts, defaults };
}

/** One account's material: its plan for the year when there is one, else its live figures. */
export function forumAccount(db: Db, accountId: number, year: number, today: string, planned: ReadonlySet<number>): ForumAccount {
  if (planned.has(accountId)) {
    const { view, people, map } = planDocumentInput(db, accountId, year, today);
    return { accountId, name: view.plan.accountName, currency: view.plan.currency, plan: view, live: view.live, map, people };
  }
  const account = assertAccount(db, accountId);
  const live = gatherLiveData(db, accountId, year, today);
  const people = new Map((db.prepare('SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  return { accountId, name: account.name, currency: live.currency, plan: null, live, map: getMap(db, accountId, null, { today }), people };
}

/** `2026年客户座谈会[-对外版].pdf`, `customer-forum-2026[-customer-version].pdf`. */
export function forumFileName(year: number, locale: Locale, safe: boolean): string {
  const base = fill(messages[locale].forumDoc.fileName, { year });
  const suffix = safe ? (locale === 'zh-CN' ? '-对外版' : '-customer-version') : '';
  return `${safeFileName(base)}${suffix}.pdf`;
}

// --- jobs: progress and cancel (each Backend's ExportJobs, jobs.ts) ------------------------------

/** What an export with progress and cancel needs besides the database and the printer. */
export interface ForumExportInputs {
  db: Db;
  /** The document printer; asked for only when the deck is printed. */
  printer: () => Printer;
  /** The running jobs of this Backend: export-cancel marks one, the next step stops. */
  jobs: ExportJobs;
  /** Reports each step of a job (export-progress). */
  progress: (p: ExportProgress) => void;
}

/** Steps one slide weighs in the print (see the file comment); building an account's slides is one step. */
export const PRINT_STEPS_PER_SLIDE = 1;

/** The steps of an export: building (the portfolio, each account) and then printing every slide. */
export function exportSteps(accounts: number, slides: number): { build: number; total: number } {
  const build = accounts + 1;
  return { build, total: build + slides * PRINT_STEPS_PER_SLIDE };
}

/** Slides the deck will have: the fixed ones and each account's (with or without a plan). */
export function expectedSlides(ids: readonly number[], planned: ReadonlySet<number>, safe: boolean): number {
  const fixed = mayShow(audienceOf(safe), 'other-customers') ? FIXED_SLIDES : FIXED_SLIDES_CUSTOMER;
  return fixed + ids.reduce((n, id) => n + (planned.has(id) ? SLIDES_PER_ACCOUNT : SLIDES_PER_ACCOUNT_WITHOUT_PLAN), 0);
}

/** Lets other calls (export-cancel) in between two steps. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The slides of the deck, one step at a time; `step` is called after each and may throw. */
async function buildSlides(
  db: Db,
  a: ForumArgs,
  step: (stage: ExportProgress['stage'], done: number, total: number, account?: string) => Promise<void>,
): Promise<{ html: string; slides: number; accountIds: number[]; steps: { build: number; total: number } }> {
  const ids = a.accountIds ?? forumAccounts(db, a.year, a.today).defaults;
  for (const id of ids) assertAccount(db, id);
  const planned = new Set(listPlans(db, { year: a.year }, a.today).map((p) => p.accountId));
  const o: ForumDeckOptions = { locale: a.locale, safe: a.safe, year: a.year, today: a.today };
  const steps = exportSteps(ids.length, expectedSlides(ids, planned, a.safe));
  const total = steps.total;
  let done = 0;
  await step('prepare', done, total);
  // the whole portfolio is read only for the internal deck (audience.ts: nothing comparative for customers)
  const slides = [titleSlide(o, ids.length), ...(!mayShow(audienceOf(a.safe), 'other-customers') ? [] : portfolioSlides({ board: getBoard(db, { matrix: 'value-potential', today: a.today }), figures: portfolioFigures(db, a.year, a.today) }, o))];
  await step('portfolio', ++done, total);
  for (const id of ids) {
    const acc = forumAccount(db, id, a.year, a.today, planned);
    slides.push(...accountSlides(acc, o));
    await step('account', ++done, total, acc.name);
  }
  return { html: deckDocument(slides, o), slides: slides.length, accountIds: ids, steps };
}

/** The deck's HTML for the screen. */
export async function forumDeckHtml(db: Db, a: ForumArgs): Promise<{ html: string; slides: number; accountIds: number[] }> {
  const { html, slides, accountIds } = await buildSlides(db, a, async () => {});
  return { html, slides, accountIds };
}

export async function exportForum(io: ForumExportInputs, a: ForumArgs & { jobId?: string | undefined }): Promise<ExportFile> {
  const { jobs, progress } = io;
  const jobId = a.jobId;
  if (jobId) jobs.start(jobId);
  const check = async (stage: ExportProgress['stage'], done: number, total: number, account?: string) => {
    if (jobId) {
      progress({ jobId, done, total, stage, ...(account ? { account } : {}) });
      await breathe();
      if (jobs.isCancelled(jobId)) throw new AppError('export-cancelled', `export ${jobId} was cancelled`);
    }
  };
  try {
    const deck = await buildSlides(io.db, a, check);
    const { build, total } = deck.steps;
    // the print starts: the slides' share of the bar is still ahead
    await check('print', build, total);
    const pdf = await io.printer().pdf(deck.html, { landscape: true });
    if (jobId && jobs.isCancelled(jobId)) throw new AppError('export-cancelled', `export ${jobId} was cancelled`);
    if (jobId) progress({ jobId, done: total, total, stage: 'print' });
    return { fileName: forumFileName(a.year, a.locale, a.safe), mime: 'application/pdf', contentBase64: Buffer.from(pdf).toString('base64') };
  } finally {
    if (jobId) jobs.finish(jobId);
  }
}
