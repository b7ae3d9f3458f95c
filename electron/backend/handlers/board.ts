import {
  accountHistory,
  allPlacements,
  deleteMatrix,
  getBoard,
  listMatrices,
  moveAccount,
  moveMany,
  setMovesReason,
  saveMatrix,
  getBoardPrefs,
  placeSuggested,
  setBoardPrefs,
  setMoveReason,
  undoMove,
} from '../db/repos/board';
import { setMe } from '../db/repos/identity';
import { exportBoard } from '../exports/board-export';
import type { HandlerGroup } from './types';

export const boardHandlers: HandlerGroup<
  | 'matrices-list'
  | 'matrices-save'
  | 'matrices-delete'
  | 'board-get'
  | 'board-move'
  | 'board-move-reason'
  | 'board-undo'
  | 'placements-history'
  | 'placements-list'
  | 'board-export'
  | 'user-get'
  | 'user-set'
  | 'board-move-many'
  | 'board-moves-reason'
  | 'board-place-suggested'
  | 'board-prefs-get'
  | 'board-prefs-set'
> = {
  'matrices-list': ({ db }) => listMatrices(db()),
  'matrices-save': ({ db, now }, m) => saveMatrix(db(), m, now()),
  'matrices-delete': ({ db }, { id }) => deleteMatrix(db(), id),
  'board-get': ({ db, today }, { today: day, ...args }) => getBoard(db(), { ...args, today: today(day) }),
  'board-move': ({ db, now }, { matrix, accountId, to, reason }) => moveAccount(db(), matrix, accountId, to, reason ?? '', now()),
  'board-move-reason': ({ db }, { moveId, reason }) => setMoveReason(db(), moveId, reason),
  'board-undo': ({ db }, { moveId }) => undoMove(db(), moveId),
  'placements-history': ({ db }, { accountId }) => accountHistory(db(), accountId),
  'board-export': ({ db, now, today, printer }, { today: day, ...args }) => exportBoard(db(), printer, { ...args, today: today(day) }, now().toISOString()),
  'placements-list': ({ db }) => allPlacements(db()),
  'board-place-suggested': (ctx, { matrix, accountIds, reason, today: day }) => {
    const out = placeSuggested(ctx.db(), matrix, accountIds, reason ?? '', ctx.now(), ctx.today(day));
    if (out.moves.length === 0) ctx.nothingChanged();
    return out;
  },
  'board-prefs-get': ({ db }) => getBoardPrefs(db()),
  'board-prefs-set': ({ db }, prefs) => setBoardPrefs(db(), prefs),
  'user-get': ({ session }) => session.me(),
  'user-set': ({ db }, { personId }) => setMe(db(), personId),
  'board-move-many': (ctx, { matrix, accountIds, to, reason }) => {
    const out = moveMany(ctx.db(), matrix, accountIds, to, reason ?? '', ctx.now());
    if (out.moves.length === 0) ctx.nothingChanged();
    return out;
  },
  'board-moves-reason': ({ db }, { moveIds, reason }) => setMovesReason(db(), moveIds, reason),
};
