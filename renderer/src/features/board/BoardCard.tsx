/**
 * An account card. Kept light: two thousand of them may sit on one board. The face (what the card
 * shows) is memoised apart from the draggable shell, because dnd-kit re-renders every draggable
 * when the quadrant under the pointer changes; the face then stays as it is.
 */
import { useDraggable, type DraggableAttributes, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { memo, useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import type { BoardCard } from '../../../../shared/api/board';
import { cx } from '../../lib/cx';
import { BoardIcon } from './BoardIcons';
import { cardLabel, type Names, type Words } from './words';

export interface CardActions {
  select: (accountId: number) => void;
  /** Ticks or unticks a card for moving several together (its checkbox, or Ctrl/Cmd/Shift+click). */
  pick: (accountId: number) => void;
  openMenu: (accountId: number) => void;
  place: (card: BoardCard, to: string | null) => void;
  /** Accepts the suggestion of every listed card at once (the tray's button). */
  placeSuggested: (cards: readonly BoardCard[]) => void;
}

/** What every card on a board shares; one object per board render, stable across moves. */
export interface CardContext {
  words: Words;
  names: Names;
  tierName: (key: string | null) => string | null;
  readOnly: boolean;
  /** The largest revenue on the board: cards carry a bar in proportion. */
  maxRevenue: number;
  /** Changes-since mode: cards that moved show where from. */
  showMoved: boolean;
  actions: CardActions;
}

export interface CardProps {
  card: BoardCard;
  ctx: CardContext;
  inTray: boolean;
  selected: boolean;
  match: boolean;
  /** Ticked to move together with others. */
  picked: boolean;
  /** The move menu is open for this card (its button anchors the menu). */
  menuOpen: boolean;
  /** The reason popover points at this card. */
  reasonAnchor: boolean;
}

export interface DragData {
  name: string;
  from: string | null;
}

function revenueShare(card: BoardCard, max: number): number {
  if (!card.revenueThisYear || card.revenueThisYear <= 0 || max <= 0) return 0;
  // Square root: small accounts stay visible next to a giant one.
  return Math.max(4, Math.round(Math.sqrt(card.revenueThisYear / max) * 100));
}

export const CardFace = memo(function CardFace({ card, ctx, inTray }: { card: BoardCard; ctx: CardContext; inTray: boolean }) {
  const { words, names } = ctx;
  const tier = ctx.tierName(card.tierKey);
  const differs = card.suggested !== null && card.suggested !== card.quadrant;
  const moved = ctx.showMoved && card.movedFrom !== undefined;
  // What is seen is hidden from assistive technology: the card's name (from its content) is the
  // visually hidden label before it, which begins with the account's name, the card's visible label.
  return (
    <>
      <span className="visually-hidden">{cardLabel(card, words, names, tier, ctx.showMoved)}</span>
      <span className="bcard__line" aria-hidden="true">
        {card.inParetoHead ? (
          <span className="bcard__star" aria-hidden="true">
            ★
          </span>
        ) : null}
        <span className="bcard__name">{card.name}</span>
      </span>
      <span className="bcard__meta" aria-hidden="true">
        {tier ? (
          <span className="bcard__tier" title={tier} aria-hidden="true">
            {Array.from(tier)[0]}
          </span>
        ) : null}
        <span className="bcard__rev tabular">{card.revenueThisYear !== null ? words.moneyShort(card.revenueThisYear) : '–'}</span>
        <span className="bcard__who">{card.ownerName ?? words.noOwner}</span>
        {card.overdue ? <span className="bcard__overdue">{words.overdue}</span> : null}
        {card.verdict === 'wildcat' ? (
          <span className="bcard__verdict" title={words.verdictLong}>
            {words.verdict}
          </span>
        ) : null}
      </span>
      {differs && (inTray || !moved) ? (
        <span className="bcard__hint" aria-hidden="true">{words.suggested(names(card.suggested))}
        </span>
      ) : null}
      {moved ? <span className="bcard__moved" aria-hidden="true">{card.movedFrom === null ? words.movedIn : words.movedFrom(names(card.movedFrom))}</span> : null}
      <span className="bcard__bar" aria-hidden="true" style={{ width: `${revenueShare(card, ctx.maxRevenue)}%` }} />
    </>
  );
});

/**
 * The draggable shell: only the dnd-kit hook. dnd-kit re-renders every draggable when a drag
 * starts, ends or changes zone; the card itself (CardView) then receives the same props and skips.
 */
export const BoardCardItem = memo(function BoardCardItem(props: CardProps) {
  const { card, ctx } = props;
  const data = useMemo<DragData>(() => ({ name: card.name, from: card.quadrant }), [card.name, card.quadrant]);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.accountId,
    data,
    disabled: ctx.readOnly,
    attributes: { roleDescription: ctx.words.roleDescription },
  });
  return <CardView {...props} attributes={attributes} listeners={listeners} setNodeRef={setNodeRef} isDragging={isDragging} />;
});

interface ViewProps extends CardProps {
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setNodeRef: (node: HTMLElement | null) => void;
  isDragging: boolean;
}

const CardView = memo(function CardView({ card, ctx, inTray, selected, match, picked, menuOpen, reasonAnchor, attributes, listeners, setNodeRef, isDragging }: ViewProps) {
  const moved = ctx.showMoved && card.movedFrom !== undefined;
  const canPlace = inTray && card.suggested !== null && !ctx.readOnly;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(e);
    if (e.defaultPrevented) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      ctx.actions.select(card.accountId);
    } else if (!ctx.readOnly && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
      e.preventDefault();
      ctx.actions.openMenu(card.accountId);
    }
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (!ctx.readOnly && (e.ctrlKey || e.metaKey || e.shiftKey)) ctx.actions.pick(card.accountId);
    else ctx.actions.select(card.accountId);
  };

  return (
    <li
      className={cx(
        'bcard',
        inTray && 'bcard--tray',
        canPlace && 'bcard--placeable',
        selected && 'is-selected',
        match && 'is-match',
        isDragging && 'is-dragging',
        moved && 'is-moved',
        card.inParetoHead && 'is-head',
        reasonAnchor && 'is-reason-anchor',
        picked && 'is-picked',
      )}
      data-account-id={card.accountId}
    >
      <div ref={setNodeRef} className="bcard__body" {...attributes} {...listeners} aria-current={selected || undefined} onKeyDown={onKeyDown} onClick={onClick}>
        <CardFace card={card} ctx={ctx} inTray={inTray} />
      </div>
      {ctx.readOnly ? null : (
        <input type="checkbox" className="bcard__pick" checked={picked} aria-label={ctx.words.pick(card.name)} title={ctx.words.pick(card.name)} onChange={() => ctx.actions.pick(card.accountId)} />
      )}
      {ctx.readOnly ? null : (
        <button
          type="button"
          className={cx('bcard__menu', menuOpen && 'is-menu-anchor')}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={ctx.words.menu(card.name)}
          title={ctx.words.menu(card.name)}
          onClick={() => ctx.actions.openMenu(card.accountId)}
        >
          <BoardIcon name="more" size={16} />
        </button>
      )}
      {canPlace ? (
        <button
          type="button"
          className="bcard__place"
          aria-label={ctx.words.placeSuggestedLabel(card.name, ctx.names(card.suggested))}
          onClick={() => ctx.actions.place(card, card.suggested)}
        >
          {ctx.words.placeSuggested(ctx.names(card.suggested))}
        </button>
      ) : null}
    </li>
  );
});
