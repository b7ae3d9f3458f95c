import { METHODS } from '../../../shared/api/contract';
import { dateOf } from '../../../shared/domain/dates';
import { queryAccounts } from '../db/repos/account-query';
import type { Db } from '../db/types';
import { accountHandlers } from './accounts';
import { accountBinHandlers } from './account-bin';
import { boardHandlers } from './board';
import { planHandlers } from './plans';
import { forumHandlers } from './forum';
import { stakeholderHandlers } from './stakeholders';
import { ioHandlers } from './io';
import { systemHandlers } from './system';
import type { HandlerTable } from './types';

export type { HandlerContext, HandlerTable } from './types';

/**
 * Merges the areas' tables into one. A method defined twice is a programming error and throws at
 * start; the type below makes a missing method a compile error.
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

const groups = [systemHandlers, accountHandlers, accountBinHandlers, ioHandlers, boardHandlers, stakeholderHandlers, planHandlers, forumHandlers] as const;

/** The handler table. A missing method fails to compile; a duplicate throws here, at start. */
export const handlers: HandlerTable = mergeHandlers(...groups) as HandlerTable;
// Compile-time completeness: the spread of all groups must be a full table.
export type _Complete = typeof systemHandlers &
  typeof accountHandlers &
  typeof accountBinHandlers &
  typeof ioHandlers &
  typeof boardHandlers &
  typeof stakeholderHandlers &
  typeof planHandlers &
  typeof forumHandlers extends HandlerTable ? true : never;

/** Builds what the first screen reads (the account list's snapshot) ahead of the first request. */
export function warmUp(db: Db, now: Date): void {
  queryAccounts(db, {}, dateOf(now));
}
