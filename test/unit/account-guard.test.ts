/**
 * The one guard for "this account exists" (electron/backend/db/guards.ts) on a real SQLite file:
 * live accounts by default, any or only the bin's by option, and the refusal's code, params and
 * message as every repository gave them before.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { requireAccount, type RequireAccountOptions } from '../../electron/backend/db/guards';
import { NOW } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();

function refusal(fn: () => unknown): { code: string; message: string; params: unknown } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    return { code: err.code, message: err.message, params: err.params };
  }
  throw new Error('not refused');
}

describe('requireAccount', () => {
  it('finds a live account, refuses one in the bin or unknown, and finds the bin by option', async () => {
    const b = env.backend({ now: () => NOW });
    const live = await b.call('accounts-create', { name: '国能电力集团' });
    const gone = await b.call('accounts-create', { name: '华夏建设银行' });
    await b.call('accounts-delete', { id: gone.id });
    const db = b.connection();
    const check = (id: number, opts?: RequireAccountOptions) => refusal(() => requireAccount(db, id, opts));

    expect(requireAccount(db, live.id)).toEqual({ id: live.id, name: '国能电力集团', deletedAt: null });
    expect(check(gone.id)).toEqual({ code: 'not-found', message: `No account with id ${gone.id}.`, params: { id: gone.id } });
    expect(check(999)).toEqual({ code: 'not-found', message: 'No account with id 999.', params: { id: 999 } });

    expect(requireAccount(db, gone.id, { state: 'any' }).deletedAt).not.toBeNull();
    expect(requireAccount(db, gone.id, { state: 'deleted' }).name).toBe('华夏建设银行');
    expect(check(live.id, { state: 'deleted' })).toEqual({ code: 'not-found', message: `No deleted account with id ${live.id}.`, params: { id: live.id } });

    expect(check(gone.id, { as: 'parent' })).toEqual({ code: 'not-found', message: `No parent account with id ${gone.id}.`, params: { id: gone.id } });
    expect(check(999, { state: 'any', as: 'purged' }).message).toBe('No account with id 999: it may have been purged from the bin already.');
  });

  it('is the refusal the doors give for an account in the bin', async () => {
    const b = env.backend({ now: () => NOW });
    const gone = await b.call('accounts-create', { name: '华夏建设银行' });
    await b.call('accounts-delete', { id: gone.id });
    for (const reply of [
      await b.invoke('stakeholders-list', { accountId: gone.id }),
      await b.invoke('map-get', { accountId: gone.id }),
      await b.invoke('revenue-delete', { accountId: gone.id, year: 2025 }),
      await b.invoke('accounts-get', { id: gone.id }),
    ]) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-found', params: { id: gone.id } } });
    }
  });
});
