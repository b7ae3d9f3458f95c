import { dateOf } from '../../../shared/domain/dates';
import { audienceOf, boardForAudience } from '../../../shared/domain/audience';
import { boardDocument } from '../documents/board-document';
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
import { getMe, setMe } from '../db/repos/identity';
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
  'matrices-list': ({ backend }) => listMatrices(backend.connection()),
  'matrices-save': ({ backend, emit }, m) => {
    const out = saveMatrix(backend.connection(), m, backend.now());
    emit('data-changed', { tables: ['matrices'] });
    return out;
  },
  'matrices-delete': ({ backend, emit }, { id }) => {
    const out = deleteMatrix(backend.connection(), id);
    emit('data-changed', { tables: ['matrices', 'placements'] });
    return out;
  },
  'board-get': ({ backend }, { today, ...args }) => getBoard(backend.connection(), { ...args, today: today ?? dateOf(backend.now()) }),
  'board-move': ({ backend, emit }, { matrix, accountId, to, reason }) => {
    const move = moveAccount(backend.connection(), matrix, accountId, to, reason ?? '', backend.now());
    emit('data-changed', { tables: ['placements'] });
    return move;
  },
  'board-move-reason': ({ backend, emit }, { moveId, reason }) => {
    const move = setMoveReason(backend.connection(), moveId, reason);
    emit('data-changed', { tables: ['placements'] });
    return move;
  },
  'board-undo': ({ backend, emit }, { moveId }) => {
    const out = undoMove(backend.connection(), moveId);
    emit('data-changed', { tables: ['placements'] });
    return out;
  },
  'placements-history': ({ backend }, { accountId }) => accountHistory(backend.connection(), accountId),
  'board-export': async ({ backend }, { format, locale, today, safe, ...args }) => {
    const day = today ?? dateOf(backend.now());
    // internal only: a customer version is refused (board-internal-only), see shared/domain/audience.ts
    const board = boardForAudience(getBoard(backend.connection(), { ...args, today: day }), audienceOf(safe));
    const html = boardDocument(board, locale, backend.now().toISOString());
    const bytes =
      format === 'pdf'
        ? await backend.printer().pdf(html, { landscape: true, format: 'A4' })
        : await backend.printer().png(html, { width: 1123, height: 794, scale: 2 });
    const name = `keyplan-${board.matrix.key}-${day}.${format}`;
    return { fileName: name, mime: format === 'pdf' ? 'application/pdf' : 'image/png', contentBase64: Buffer.from(bytes).toString('base64') };
  },
  'placements-list': ({ backend }) => allPlacements(backend.connection()),
  'board-place-suggested': ({ backend, emit }, { matrix, accountIds, reason, today }) => {
    const out = placeSuggested(backend.connection(), matrix, accountIds, reason ?? '', backend.now(), today ?? dateOf(backend.now()));
    if (out.moves.length > 0) emit('data-changed', { tables: ['placements'] });
    return out;
  },
  'board-prefs-get': ({ backend }) => getBoardPrefs(backend.connection()),
  'board-prefs-set': ({ backend, emit }, prefs) => {
    const out = setBoardPrefs(backend.connection(), prefs);
    emit('data-changed', { tables: ['settings'] });
    return out;
  },
  'user-get': ({ backend }) => getMe(backend.connection()),
  'user-set': ({ backend, emit }, { personId }) => {
    const out = setMe(backend.connection(), personId);
    emit('data-changed', { tables: ['settings'] });
    return out;
  },
  'board-move-many': ({ backend, emit }, { matrix, accountIds, to, reason }) => {
    const out = moveMany(backend.connection(), matrix, accountIds, to, reason ?? '', backend.now());
    if (out.moves.length > 0) emit('data-changed', { tables: ['placements'] });
    return out;
  },
  'board-moves-reason': ({ backend, emit }, { moveIds, reason }) => {
    const out = setMovesReason(backend.connection(), moveIds, reason);
    emit('data-changed', { tables: ['placements'] });
    return out;
  },
};
