/**
 * The one guard for "this account exists": every repository that takes an account id checks it
 * here, so the refusal is the same everywhere ('not-found', params { id }, "No account with id N.").
 *
 * Which accounts count is an option: live ones (the default: an account in the bin is gone for
 * every screen and verb), any (live or in the bin), or only those in the bin (restoring). How a
 * missing id is named is another: as a parent account, or as an account the bin may have purged.
 */
import { AppError } from '../../../shared/api/errors';
import type { Db } from './types';

export interface RequireAccountOptions {
  /** Which accounts count: live ones (default), any (the bin's too), or only the bin's. */
  state?: 'live' | 'any' | 'deleted';
  /** How the refusal names the id: the account (default), a parent account, or one the bin may have purged. */
  as?: 'account' | 'parent' | 'purged';
}

export interface AccountRef {
  id: number;
  name: string;
  deletedAt: string | null;
}

function missing(id: number, opts: RequireAccountOptions): AppError {
  if (opts.as === 'parent') return new AppError('not-found', `No parent account with id ${id}.`, { id });
  if (opts.as === 'purged') return new AppError('not-found', `No account with id ${id}: it may have been purged from the bin already.`, { id });
  if (opts.state === 'deleted') return new AppError('not-found', `No deleted account with id ${id}.`, { id });
  return new AppError('not-found', `No account with id ${id}.`, { id });
}

/** The account with this id, if it is in the wanted state; otherwise 'not-found'. */
export function requireAccount(db: Db, id: number, opts: RequireAccountOptions = {}): AccountRef {
  const row = db.prepare('SELECT id, name, deleted_at AS deletedAt FROM accounts WHERE id = ?').get(id) as AccountRef | undefined;
  const state = opts.state ?? 'live';
  if (!row || (state === 'live' && row.deletedAt !== null) || (state === 'deleted' && row.deletedAt === null)) throw missing(id, opts);
  return row;
}
