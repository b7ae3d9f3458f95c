/**
 * The handler table's completeness is a compile error, not a comment: `npx tsc -b` type-checks this
 * file, and each `@ts-expect-error` below fails the build if the line under it compiles (a table
 * missing a method, a handler of the wrong shape, a misspelt table in `writes` or in a view's
 * subscription). The run-time part only makes vitest count the file.
 */
import { describe, expect, it } from 'vitest';
import { method } from '../../shared/api/method';
import type { TableName } from '../../shared/api/tables';
import type { HandlerGroup, HandlerTable } from '../../electron/backend/handlers/types';
import { handlers } from '../../electron/backend/handlers';
import { systemHandlers } from '../../electron/backend/handlers/system';
import { accountHandlers } from '../../electron/backend/handlers/accounts';
import { accountBinHandlers } from '../../electron/backend/handlers/account-bin';
import { ioHandlers } from '../../electron/backend/handlers/io';
import { boardHandlers } from '../../electron/backend/handlers/board';
import { stakeholderHandlers } from '../../electron/backend/handlers/stakeholders';
import { planHandlers } from '../../electron/backend/handlers/plans';
import { churnHandlers } from '../../electron/backend/handlers/churn';
import { capacityHandlers } from '../../electron/backend/handlers/capacity';
import { forumHandlers } from '../../electron/backend/handlers/forum';
import { healthHandlers } from '../../electron/backend/handlers/health';
import { z } from 'zod';

const { 'db-doctor': _doctor, ...systemWithoutDoctor } = systemHandlers;

// A table without one group does not compile.
// @ts-expect-error: import-preview, import-run, export-accounts and sample-load are missing
export const withoutIo = { ...systemHandlers, ...accountHandlers, ...accountBinHandlers, ...boardHandlers, ...stakeholderHandlers, ...planHandlers, ...forumHandlers, ...churnHandlers, ...healthHandlers, ...capacityHandlers } satisfies HandlerTable;

// A table without one method does not compile.
// @ts-expect-error: db-doctor is missing
export const withoutDoctor = { ...systemWithoutDoctor, ...accountHandlers, ...accountBinHandlers, ...ioHandlers, ...boardHandlers, ...stakeholderHandlers, ...planHandlers, ...forumHandlers, ...churnHandlers, ...healthHandlers, ...capacityHandlers } satisfies HandlerTable;

// The full table does (the same spread as electron/backend/handlers/index.ts).
export const full = { ...systemHandlers, ...accountHandlers, ...accountBinHandlers, ...ioHandlers, ...boardHandlers, ...stakeholderHandlers, ...planHandlers, ...forumHandlers, ...churnHandlers, ...healthHandlers, ...capacityHandlers } satisfies HandlerTable;

// A handler returning the wrong result does not compile.
// @ts-expect-error: accounts-list returns records, not a number
export const wrongResult: HandlerGroup<'accounts-list'> = { 'accounts-list': () => 42 };

// A handler of another area sees only the small context: no database lifecycle.
// @ts-expect-error: lifecycle is for the system methods only
export const reachThrough: HandlerGroup<'accounts-list'> = { 'accounts-list': (ctx) => ctx.lifecycle.status() as never };

// A handler does not announce changes itself: the Backend does, from the declared writes.
// @ts-expect-error: data-changed is not the handler's to emit
export const selfAnnounced: HandlerGroup<'accounts-list'> = { 'accounts-list': (ctx) => (ctx.emit('data-changed', { tables: ['accounts'] }), []) };

// A misspelt table does not compile, in a declaration or a subscription (never called: types only).
// @ts-expect-error: the table is account_revenue
export const misspelt = () => method<number>()(z.strictObject({}), { writes: ['revenue'] });
// @ts-expect-error: every method declares what it writes (a read: [])
export const undeclared = () => method<number>()(z.strictObject({}));
// @ts-expect-error: the table is account_revenue
export const watched: readonly TableName[] = ['plans', 'revenue'];

describe('the handler table (types)', () => {
  it('is complete: every group spread into one table', () => {
    expect(Object.keys(full).sort()).toEqual(Object.keys(handlers).sort());
  });
});
