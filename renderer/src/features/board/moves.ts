/**
 * Moves on the board: placing a card (optimistically: the card is in its new place at once, before
 * the backend answers), and this session's undo/redo stacks, one pair per matrix. Undo removes the
 * recorded move (board-undo); redo records it again (board-move, with the reason it had).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, PlacementMove } from '../../../../shared/api/board';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
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

interface Stacks {
  undo: Entry[];
  redo: Entry[];
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

const EMPTY: Stacks = { undo: [], redo: [] };

export function useMoves(matrix: string, board: Board | undefined, names: Names): Moves {
  const { t } = useTranslation();
  const notice = useNotice();
  // The stacks live in a ref (what queued jobs read when their turn comes) mirrored in state (what
  // renders: the buttons' enabled state).
  const stacksRef = useRef<Record<string, Stacks>>({});
  const [stacks, setStacks] = useState<Record<string, Stacks>>({});
  const [pending, setPending] = useState<ReadonlyMap<number, Override>>(new Map());
  const boardRef = useRef(board);
  // Moves, undos and redos run one after another, in the order the user asked for them.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    boardRef.current = board;
  }, [board]);

  const run = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const update = useCallback((key: string, fn: (s: Stacks) => Stacks) => {
    const all = stacksRef.current;
    const next = { ...all, [key]: fn(all[key] ?? EMPTY) };
    stacksRef.current = next;
    setStacks(next);
  }, []);

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
          update(matrix, (s) => ({ undo: [...s.undo, { moveId: m.id, accountId: card.accountId, name: card.name, from: m.from, to: m.to, reason: '' }], redo: [] }));
          return m;
        } catch (e) {
          setOverride(card.accountId, null);
          notice.error(t('board.moves.failed', { name: card.name, error: errorText(t, e) }));
          return null;
        }
      });
    },
    [matrix, notice, run, setOverride, t, update],
  );

  const placeSuggested = useCallback(
    (cards: readonly (MovableCard & { suggested: string })[], reason: string): Promise<number> => {
      for (const c of cards) setOverride(c.accountId, { to: c.suggested, until: 'pending' });
      return run(async () => {
        try {
          const out = await api('board-place-suggested', { matrix, accountIds: cards.map((c) => c.accountId), reason });
          const byId = new Map(cards.map((c) => [c.accountId, c]));
          for (const id of out.skipped) setOverride(id, null);
          const batch: Entry[] = out.moves.map((m) => ({ moveId: m.id, accountId: m.accountId, name: byId.get(m.accountId)?.name ?? m.accountName, from: m.from, to: m.to, reason: m.reason }));
          for (const e of batch) setOverride(e.accountId, { to: e.to, until: boardRef.current });
          if (batch.length > 0) update(matrix, (s) => ({ undo: [...s.undo, { moveId: 0, accountId: 0, name: '', from: null, to: null, reason, batch }], redo: [] }));
          notice.success(t('board.moves.placedMany', { n: batch.length }));
          return batch.length;
        } catch (e) {
          for (const c of cards) setOverride(c.accountId, null);
          notice.error(t('board.moves.placeManyFailed', { error: errorText(t, e) }));
          return 0;
        }
      });
    },
    [matrix, notice, run, setOverride, t, update],
  );

  const moveMany = useCallback(
    (cards: readonly MovableCard[], to: string | null, reason: string): Promise<number> => {
      const moving = cards.filter((c) => c.quadrant !== to);
      if (moving.length === 0) return Promise.resolve(0);
      for (const c of moving) setOverride(c.accountId, { to, until: 'pending' });
      return run(async () => {
        try {
          const out = await api('board-move-many', { matrix, accountIds: moving.map((c) => c.accountId), to, ...(reason ? { reason } : {}) });
          const byId = new Map(moving.map((c) => [c.accountId, c]));
          for (const id of out.skipped) setOverride(id, null);
          const batch: Entry[] = out.moves.map((m) => ({ moveId: m.id, accountId: m.accountId, name: byId.get(m.accountId)?.name ?? m.accountName, from: m.from, to: m.to, reason: m.reason }));
          for (const e of batch) setOverride(e.accountId, { to: e.to, until: boardRef.current });
          if (batch.length > 0) update(matrix, (s) => ({ undo: [...s.undo, { moveId: 0, accountId: 0, name: '', from: null, to, reason, batch }], redo: [] }));
          notice.success(t('board.moves.movedMany', { n: batch.length, to: names(to) }));
          return batch.length;
        } catch (e) {
          for (const c of moving) setOverride(c.accountId, null);
          notice.error(t('board.moves.moveManyFailed', { error: errorText(t, e) }));
          return 0;
        }
      });
    },
    [matrix, names, notice, run, setOverride, t, update],
  );

  /** Undoes a batch, latest move first; what cannot be undone any more is left as it is. */
  const undoBatch = useCallback(
    async (entry: Entry & { batch: Entry[] }) => {
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
      update(matrix, (s) => ({ undo: s.undo.filter((x) => x !== entry), redo: undone.length ? [...s.redo, { ...entry, batch: undone }] : s.redo }));
      if (undone.length === entry.batch.length) notice.success(t('board.moves.undoneMany', { n: undone.length }));
      else notice.error(t('board.moves.undoneManyPartly', { n: undone.length, total: entry.batch.length }));
    },
    [matrix, notice, setOverride, t, update],
  );

  const redoBatch = useCallback(
    async (entry: Entry & { batch: Entry[] }) => {
      const redone: Entry[] = [];
      for (const e of entry.batch) {
        setOverride(e.accountId, { to: e.to, until: 'pending' });
        try {
          const m = await api('board-move', { matrix, accountId: e.accountId, to: e.to, ...(e.reason ? { reason: e.reason } : {}) });
          setOverride(e.accountId, { to: e.to, until: boardRef.current });
          redone.push({ ...e, moveId: m.id, from: m.from });
        } catch {
          setOverride(e.accountId, null);
        }
      }
      update(matrix, (s) => ({ undo: redone.length ? [...s.undo, { ...entry, batch: redone }] : s.undo, redo: s.redo.filter((x) => x !== entry) }));
      notice.success(t('board.moves.placedMany', { n: redone.length }));
    },
    [matrix, notice, setOverride, t, update],
  );

  const undo = useCallback(() => {
    void run(async () => {
      const entry = (stacksRef.current[matrix] ?? EMPTY).undo.at(-1);
      if (!entry) return;
      if (entry.batch) return undoBatch({ ...entry, batch: entry.batch });
      setOverride(entry.accountId, { to: entry.from, until: 'pending' });
      try {
        await api('board-undo', { moveId: entry.moveId });
        setOverride(entry.accountId, { to: entry.from, until: boardRef.current });
        update(matrix, (s) => ({ undo: s.undo.filter((x) => x !== entry), redo: [...s.redo, entry] }));
        notice.success(t('board.moves.undone', { name: entry.name, to: names(entry.from) }));
      } catch {
        setOverride(entry.accountId, null);
        // It can never be undone now (moved again elsewhere): drop it from the stack.
        update(matrix, (s) => ({ undo: s.undo.filter((x) => x !== entry), redo: s.redo }));
        notice.error(t('board.moves.undoFailed', { name: entry.name }));
      }
    });
  }, [matrix, names, notice, run, setOverride, t, undoBatch, update]);

  const redo = useCallback(() => {
    void run(async () => {
      const entry = (stacksRef.current[matrix] ?? EMPTY).redo.at(-1);
      if (!entry) return;
      if (entry.batch) return redoBatch({ ...entry, batch: entry.batch });
      setOverride(entry.accountId, { to: entry.to, until: 'pending' });
      try {
        const m = await api('board-move', { matrix, accountId: entry.accountId, to: entry.to, ...(entry.reason ? { reason: entry.reason } : {}) });
        setOverride(entry.accountId, { to: entry.to, until: boardRef.current });
        update(matrix, (s) => ({ undo: [...s.undo, { ...entry, moveId: m.id, from: m.from }], redo: s.redo.filter((x) => x !== entry) }));
        notice.success(t('board.moves.redone', { name: entry.name, to: names(entry.to) }));
      } catch (e) {
        setOverride(entry.accountId, null);
        update(matrix, (s) => ({ undo: s.undo, redo: s.redo.filter((x) => x !== entry) }));
        notice.error(t('board.moves.failed', { name: entry.name, error: errorText(t, e) }));
      }
    });
  }, [matrix, names, notice, redoBatch, run, setOverride, t, update]);

  const rememberReason = useCallback(
    (moveId: number, reason: string) => update(matrix, (s) => ({ undo: s.undo.map((x) => (x.moveId === moveId ? { ...x, reason } : x)), redo: s.redo })),
    [matrix, update],
  );

  const mine = stacks[matrix] ?? EMPTY;
  return { overrides, move, moveMany, placeSuggested, undo, redo, canUndo: mine.undo.length > 0, canRedo: mine.redo.length > 0, rememberReason };
}
