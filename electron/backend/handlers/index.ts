import { METHODS } from '../../../shared/api/contract';
import { dateOf } from '../../../shared/domain/dates';
import { queryAccounts } from '../db/repos/account-query';
import type { Db } from '../db/types';
import { accountHandlers } from './accounts';
import { accountBinHandlers } from './account-bin';
import { boardHandlers } from './board';
import { planHandlers } from './plans';
import { forumHandlers } from './forum';
import { churnHandlers } from './churn';
import { healthHandlers } from './health';
import { capacityHandlers } from './capacity';
import { stakeholderHandlers } from './stakeholders';
import { ioHandlers } from './io';
import { systemHandlers } from './system';
import type { HandlerTable } from './types';

export type { DbLifecycle, HandlerContext, HandlerTable, Session, SystemContext } from './types';

/**
 * Merges the areas' tables into one, checking at run time what the compiler cannot see in a spread:
 * a method defined twice (the later group would silently win) throws, naming it; so does a missing one.
 */
export function mergeHandlers(...groups: Record<string, unknown>[]): Record<string, unknown> {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (name in table) throw new Error(`Handler "${name}" is defined twice`);
      table[name] = fn;
    }
  }
  const missing = METHODS.filter((m) => !(m in table));
  if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`);
  return table;
}

const groups = [systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers, churnHandlers, healthHandlers, capacityHandlers] as const;
mergeHandlers(...groups);

/**
 * The handler table. `satisfies` makes a missing method (or a handler of the wrong shape) a compile
 * error (test/unit/handler-table-types.test.ts proves it); mergeHandlers above throws at start on a
 * method defined in two groups.
 */
export const handlers = {
  ...systemHandlers,
  ...accountHandlers,
  ...accountBinHandlers,
  ...ioHandlers,
  ...boardHandlers,
  ...stakeholderHandlers,
  ...planHandlers,
  ...forumHandlers,
  ...churnHandlers,
  ...healthHandlers,
  ...capacityHandlers,
} satisfies HandlerTable;

/** Builds what the first screen reads (the account list's snapshot) ahead of the first request. */
export function warmUp(db: Db, now: Date): void {
  queryAccounts(db, {}, dateOf(now));
}
