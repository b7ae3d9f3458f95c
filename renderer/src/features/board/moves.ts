/**
 * Moves on the board: placing a card (optimistically: the card is in its new place at once, before
 * the backend answers), and this session's undo/redo stacks, one pair per matrix (the board's and
 * the map's one undo queue, lib/undo.ts; all matrices share one job runner). Undo removes the
 * recorded move (board-undo); redo records it again (board-move, with the reason it had).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, PlacementMove } from '../../../../shared/api/board';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { serial, UndoQueue, type Direction } from '../../lib/undo';
import { useNotice } from '../../ui/Notice';
import type { Names } from './words';

export interface Entry {
  moveId: number;
  accountId: number;
  name: string;
  from: string | null;
  to: string | null;
  reason: string;
  /** Many moves done (and undone) as one: "accept the suggestions". */
  batch?: Entry[];
}

/** A placement shown before the board catches up: while the call runs, then until the next board. */
interface Override {
  to: string | null;
  until: Board | 'pending' | undefined;
}

export interface MovableCard {
  accountId: number;
  name: string;
  quadrant: string | null;
}

export interface Moves {
  /** Account -> quadrant (null: tray) to show instead of the board's. */
  overrides: ReadonlyMap<number, string | null>;
  move: (card: MovableCard, to: string | null) => Promise<PlacementMove | null>;
  /** Moves several cards to one quadrant (or the tray) with one reason, in one go (one undo step). */
  moveMany: (cards: readonly MovableCard[], to: string | null, reason: string) => Promise<number>;
  /** Places the cards in their suggested quadrants in one go (one undo step); the number placed. */
  placeSuggested: (cards: readonly (MovableCard & { suggested: string })[], reason: string) => Promise<number>;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** The reason given after a move: redo records it again. */
  rememberReason: (moveId: number, reason: string) => void;
}

/** Builds the batch entry of several moves done as one. */
function batchOf(moves: readonly PlacementMove[], cards: readonly MovableCard[], to: string | null, reason: string): Entry {
  const byId = new Map(cards.map((c) => [c.accountId, c]));
  const batch: Entry[] = moves.map((m) => ({ moveId: m.id, accountId: m.accountId, name: byId.get(m.accountId)?.name ?? m.accountName, from: m.from, to: m.to, reason: m.reason }));
  return { moveId: 0, accountId: 0, name: '', from: null, to, reason, batch };
}

export function useMoves(matrix: string, board: Board | undefined, names: Names): Moves {
  const { t } = useTranslation();
  const notice = useNotice();
  const [pending, setPending] = useState<ReadonlyMap<number, Override>>(new Map());
  const boardRef = useRef(board);
  // Moves, undos and redos run one after another, in the order the user asked for them, whatever
  // the matrix; each matrix has its own stacks.
  const [run] = useState(serial);
  const [queues] = useState(() => new Map<string, UndoQueue<Entry>>());
  const queue = useMemo(() => {
    let q = queues.get(matrix);
    if (!q) {
      q = new UndoQueue<Entry>({ run, apply: async () => null });
      queues.set(matrix, q);
    }
    return q;
  }, [matrix, queues, run]);
  const stacks = useSyncExternalStore(queue.subscribe, queue.snapshot);

  useEffect(() => {
    boardRef.current = board;
  }, [board]);

  const setOverride = useCallback((accountId: number, value: Override | null) => {
    setPending((m) => {
      const next = new Map(m);
      if (value) next.set(accountId, value);
      else next.delete(accountId);
      return next;
    });
  }, []);

  const overrides = useMemo(() => {
    const out = new Map<number, string | null>();
    for (const [id, o] of pending) if (o.until === 'pending' || o.until === board) out.set(id, o.to);
    return out;
  }, [pending, board]);

  const move = useCallback(
    (card: MovableCard, to: string | null): Promise<PlacementMove | null> => {
      if (card.quadrant === to) return Promise.resolve(null);
      setOverride(card.accountId, { to, until: 'pending' });
      return run(async () => {
        try {
          const m = await api('board-move', { matrix, accountId: card.accountId, to });
          setOverride(card.accountId, { to, until: boardRef.current });
          queue.push({ moveId: m.id, accountId: card.accountId, name: card.name, from: m.from, to: m.to, reason: '' });
          return m;
        } catch (e) {
          setOverride(card.accountId, null);
          notice.error(t('board.moves.failed', { name: card.name, error: errorText(t, e) }));
          return null;
        }
      });
    },
    [matrix, notice, queue, run, setOverride, t],
  );

  const placeSuggested = useCallback(
    (cards: readonly (MovableCard & { suggested: string })[], reason: string): Promise<number> => {
      for (const c of cards) setOverride(c.accountId, { to: c.suggested, until: 'pending' });
      return run(async () => {
        try {
          const out = await api('board-place-suggested', { matrix, accountIds: cards.map((c) => c.accountId), reason });
          for (const id of out.skipped) setOverride(id, null);
          const entry = batchOf(out.moves, cards, null, reason);
          for (const e of entry.batch!) setOverride(e.accountId, { to: e.to, until: boardRef.current });
          if (entry.batch!.length > 0) queue.push(entry);
          notice.success(t('board.moves.placedMany', { n: entry.batch!.length }));
          return entry.batch!.length;
        } catch (e) {
          for (const c of cards) setOverride(c.accountId, null);
          notice.error(t('board.moves.placeManyFailed', { error: errorText(t, e) }));
          return 0;
        }
      });
    },
    [matrix, notice, queue, run, setOverride, t],
  );

  const moveMany = useCallback(
    (cards: readonly MovableCard[], to: string | null, reason: string): Promise<number> => {
      const moving = cards.filter((c) => c.quadrant !== to);
      if (moving.length === 0) return Promise.resolve(0);
      for (const c of moving) setOverride(c.accountId, { to, until: 'pending' });
      return run(async () => {
        try {
          const out = await api('board-move-many', { matrix, accountIds: moving.map((c) => c.accountId), to, ...(reason ? { reason } : {}) });
          for (const id of out.skipped) setOverride(id, null);
          const entry = batchOf(out.moves, moving, to, reason);
          for (const e of entry.batch!) setOverride(e.accountId, { to: e.to, until: boardRef.current });
          if (entry.batch!.length > 0) queue.push(entry);
          notice.success(t('board.moves.movedMany', { n: entry.batch!.length, to: names(to) }));
          return entry.batch!.length;
        } catch (e) {
          for (const c of moving) setOverride(c.accountId, null);
          notice.error(t('board.moves.moveManyFailed', { error: errorText(t, e) }));
          return 0;
        }
      });
    },
    [matrix, names, notice, queue, run, setOverride, t],
  );

  /** Undoes a batch, latest move first; what cannot be undone any more is left as it is. */
  const undoBatch = useCallback(
    async (entry: Entry & { batch: Entry[] }): Promise<Entry | null> => {
      const undone: Entry[] = [];
      for (const e of [...entry.batch].reverse()) {
        setOverride(e.accountId, { to: e.from, until: 'pending' });
        try {
          await api('board-undo', { moveId: e.moveId });
          setOverride(e.accountId, { to: e.from, until: boardRef.current });
          undone.unshift(e);
        } catch {
          setOverride(e.accountId, null);
        }
      }
      if (undone.length === entry.batch.length) notice.success(t('board.moves.undoneMany', { n: undone.length }));
      else notice.error(t('board.moves.undoneManyPartly', { n: undone.length, total: entry.batch.length }));
      return undone.length ? { ...entry, batch: undone } : null;
    },
    [notice, setOverride, t],
  );

  const redoBatch = useCallback(
    async (key: string, entry: Entry & { batch: Entry[] }): Promise<Entry | null> => {
      const redone: Entry[] = [];
      for (const e of entry.batch) {
        setOverride(e.accountId, { to: e.to, until: 'pending' });
        try {
          const m = await api('board-move', { matrix: key, accountId: e.accountId, to: e.to, ...(e.reason ? { reason: e.reason } : {}) });
          setOverride(e.accountId, { to: e.to, until: boardRef.current });
          redone.push({ ...e, moveId: m.id, from: m.from });
        } catch {
          setOverride(e.accountId, null);
        }
      }
      notice.success(t('board.moves.placedMany', { n: redone.length }));
      return redone.length ? { ...entry, batch: redone } : null;
    },
    [notice, setOverride, t],
  );

  /** Undoes or redoes one entry of matrix `key`; returns it for the other stack, or null (dropped). */
  const apply = useCallback(
    async (key: string, entry: Entry, dir: Direction): Promise<Entry | null> => {
      if (entry.batch) return dir === 'undo' ? undoBatch({ ...entry, batch: entry.batch }) : redoBatch(key, { ...entry, batch: entry.batch });
      if (dir === 'undo') {
        setOverride(entry.accountId, { to: entry.from, until: 'pending' });
        try {
          await api('board-undo', { moveId: entry.moveId });
          setOverride(entry.accountId, { to: entry.from, until: boardRef.current });
          notice.success(t('board.moves.undone', { name: entry.name, to: names(entry.from) }));
          return entry;
        } catch {
          setOverride(entry.accountId, null);
          // It can never be undone now (moved again elsewhere): drop it from the stack.
          notice.error(t('board.moves.undoFailed', { name: entry.name }));
          return null;
        }
      }
      setOverride(entry.accountId, { to: entry.to, until: 'pending' });
      try {
        const m = await api('board-move', { matrix: key, accountId: entry.accountId, to: entry.to, ...(entry.reason ? { reason: entry.reason } : {}) });
        setOverride(entry.accountId, { to: entry.to, until: boardRef.current });
        notice.success(t('board.moves.redone', { name: entry.name, to: names(entry.to) }));
        return { ...entry, moveId: m.id, from: m.from };
      } catch (e) {
        setOverride(entry.accountId, null);
        notice.error(t('board.moves.failed', { name: entry.name, error: errorText(t, e) }));
        return null;
      }
    },
    [names, notice, redoBatch, setOverride, t, undoBatch],
  );

  useEffect(() => {
    queue.configure({ apply: (entry, dir) => apply(matrix, entry, dir) });
  }, [apply, matrix, queue]);

  const undo = useCallback(() => void queue.undo(), [queue]);
  const redo = useCallback(() => void queue.redo(), [queue]);
  const rememberReason = useCallback((moveId: number, reason: string) => queue.update((x) => (x.moveId === moveId ? { ...x, reason } : x)), [queue]);

  return { overrides, move, moveMany, placeSuggested, undo, redo, canUndo: stacks.undo.length > 0, canRedo: stacks.redo.length > 0, rememberReason };
}
