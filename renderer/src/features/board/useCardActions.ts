/**
 * What a user does to cards: select, tick several, open the "Move to…" menu, place one (by drag,
 * keyboard or menu: then the reason popover), move the ticked ones together, accept suggestions.
 * Asks "who are you?" once before the first move while nobody is chosen as "I am".
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Me } from '../../../../shared/api/board';
import type { CardActions } from './BoardCard';
import type { Moves } from './moves';
import type { ReasonTarget } from './ReasonPopover';
import type { Names } from './words';

export type MenuState = { accountId: number; from: 'card' | 'detail' };

/** Puts focus on a card (after a keyboard move, a closed popover or panel). */
export function focusCard(accountId: number): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-account-id="${accountId}"] .bcard__body`);
    el?.focus({ preventScroll: false });
  });
}

interface Deps {
  moves: Moves;
  names: Names;
  cardsById: ReadonlyMap<number, BoardCard>;
  readOnly: boolean;
  me: Me | undefined;
  /** Ask why on a first placement (from the tray) too. */
  askFirst: boolean;
}

export function useCardActions({ moves, names, cardsById, readOnly, me, askFirst }: Deps) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [reason, setReason] = useState<ReasonTarget | null>(null);
  // Cards ticked to move together, and the dialog that moves them (to: where a drag ended).
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [group, setGroup] = useState<{ to?: string | null } | null>(null);
  // "Who are you?", asked once before the first move while nobody is chosen as "I am".
  const [who, setWho] = useState<{ then: () => void } | null>(null);
  const [askedWho, setAskedWho] = useState(false);

  // Nobody chosen as "I am": ask once (never record the computer's login), then go on.
  const ensureWho = useCallback(
    (then: () => void) => {
      if (me && me.person === null && !askedWho) {
        setAskedWho(true);
        setWho({ then });
      } else then();
    },
    [askedWho, me],
  );

  const closePopups = useCallback(() => {
    setMenu(null);
    setReason(null);
  }, []);

  const { move } = moves;
  const performMove = useCallback(
    async (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      const m = await move(card, to);
      // A first placement (from the tray) asks why only when the user wants it (the legend's setting).
      if (m && m.from === null && !askFirst) {
        if (viaKeyboard) focusCard(card.accountId);
      } else if (m) {
        setReason({ moveId: m.id, accountId: card.accountId, name: card.name, fromName: names(m.from), toName: names(m.to) });
      } else if (viaKeyboard) {
        focusCard(card.accountId);
      }
    },
    [askFirst, move, names],
  );
  const doMove = useCallback(
    (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      if (readOnly) return;
      closePopups();
      ensureWho(() => void performMove(card, to, viaKeyboard));
    },
    [closePopups, ensureWho, performMove, readOnly],
  );

  const pick = useCallback(
    (id: number) =>
      setPicked((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  // What is ticked and still on the board (a filter may hide some: those do not move).
  const pickedCards = useMemo(() => [...picked].flatMap((id) => cardsById.get(id) ?? []), [picked, cardsById]);
  const moveGroup = useCallback(
    (to: string | null, why: string) => {
      const list = pickedCards.map((c) => ({ accountId: c.accountId, name: c.name, quadrant: c.quadrant }));
      setGroup(null);
      ensureWho(() => {
        void moves.moveMany(list, to, why).then((n) => {
          if (n > 0) setPicked(new Set());
        });
      });
    },
    [ensureWho, moves, pickedCards],
  );

  const placeSuggested = useCallback(
    (list: readonly BoardCard[]) => {
      if (readOnly) return;
      closePopups();
      const cards = list.flatMap((c) => (c.suggested !== null ? [{ accountId: c.accountId, name: c.name, quadrant: c.quadrant, suggested: c.suggested }] : []));
      if (cards.length > 0) void moves.placeSuggested(cards, t('board.moves.bulkReason'));
    },
    [closePopups, moves, readOnly, t],
  );

  const actions = useMemo<CardActions>(
    () => ({
      select: (id) => setSelectedId(id),
      pick,
      openMenu: (id) => setMenu((m) => (m?.accountId === id && m.from === 'card' ? null : { accountId: id, from: 'card' })),
      place: (card, to) => doMove(card, to, false),
      placeSuggested,
    }),
    [doMove, pick, placeSuggested],
  );

  // Dropping one of several ticked cards moves them all: the group dialog asks for one reason.
  const onDrop = useCallback(
    (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      if (picked.has(card.accountId) && picked.size > 1) setGroup({ to });
      else doMove(card, to, viaKeyboard);
    },
    [doMove, picked],
  );
  const onCancel = useCallback((id: number, viaKeyboard: boolean) => {
    if (viaKeyboard) focusCard(id);
  }, []);

  /** The person asked "who are you?" answered: the move waiting for it goes on. */
  const whoAnswered = () => {
    if (!who) return;
    const then = who.then;
    setWho(null);
    then();
  };

  return {
    actions,
    selectedId,
    setSelectedId,
    menu,
    setMenu,
    reason,
    setReason,
    closePopups,
    doMove,
    picked,
    pickedCards,
    clearPicked: () => setPicked(new Set()),
    group,
    setGroup,
    moveGroup,
    who: who !== null,
    whoAnswered,
    onDrop,
    onCancel,
  };
}
