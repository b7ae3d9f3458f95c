/**
 * The drop zones: the four quadrants (labelled regions) and the tray of accounts not placed yet.
 * Each shows the largest accounts first and, past a limit, offers to show all: two thousand
 * draggable cards at once would make every drag slower for nothing anyone can read.
 */
import { useDroppable } from '@dnd-kit/core';
import { memo, useMemo } from 'react';
import type { BoardCard, Quadrant } from '../../../../shared/api/board';
import type { QuadrantFigure } from '../../../../shared/domain/quadrants';
import { cx } from '../../lib/cx';
import { TRAY } from './board-model';
import { BoardCardItem, type CardContext } from './BoardCard';
import { quadrantName, treatmentOf, type Words } from './words';

/** How many cards a zone shows before "show all". */
export const CARD_LIMIT = 24;
/** How many a zone draws in the board's first frame (what fits in view); the rest follow at once. */
export const FIRST_FRAME_LIMIT = 12;

export type Slot = Quadrant['position'] | 'tray';
export interface ZoneData {
  slot: Slot;
}

interface ListProps {
  cards: readonly BoardCard[];
  /** The board's first frame: draw only what is in view. */
  firstFrame: boolean;
  ctx: CardContext;
  inTray: boolean;
  expanded: boolean;
  selectedId: number | null;
  matches: ReadonlySet<number>;
  /** The cards ticked to move together. */
  picked: ReadonlySet<number>;
  menuFor: number | null;
  reasonFor: number | null;
}

/** The cards a zone renders: all, or the largest plus any the user is looking for. */
function visible({ cards, expanded, firstFrame, selectedId, matches, picked, menuFor, reasonFor }: ListProps): readonly BoardCard[] {
  const limit = firstFrame ? FIRST_FRAME_LIMIT : expanded ? Infinity : CARD_LIMIT;
  if (cards.length <= limit) return cards;
  return cards.filter((c, i) => i < limit || matches.has(c.accountId) || picked.has(c.accountId) || c.accountId === selectedId || c.accountId === menuFor || c.accountId === reasonFor);
}

const CardList = memo(function CardList(props: ListProps & { emptyText: string }) {
  const { ctx, inTray, selectedId, matches, picked, menuFor, reasonFor } = props;
  const shown = visible(props);
  if (shown.length === 0) return <p className="zone__empty">{props.emptyText}</p>;
  return (
    <ul role="list" className="zone__cards">
      {shown.map((c) => (
        <BoardCardItem
          key={c.accountId}
          card={c}
          ctx={ctx}
          inTray={inTray}
          selected={c.accountId === selectedId}
          match={matches.has(c.accountId)}
          picked={picked.has(c.accountId)}
          menuOpen={c.accountId === menuFor}
          reasonAnchor={c.accountId === reasonFor}
        />
      ))}
    </ul>
  );
});

function MoreToggle({ total, expanded, onToggle, words }: { total: number; expanded: boolean; onToggle: () => void; words: Words['zone'] }) {
  if (total <= CARD_LIMIT) return null;
  return (
    <button type="button" className="zone__more" aria-expanded={expanded} onClick={onToggle}>
      {expanded ? words.showFewer(CARD_LIMIT) : words.showAll(total)}
    </button>
  );
}

export interface QuadrantProps extends Omit<ListProps, 'inTray'> {
  quadrant: Quadrant;
  figure: QuadrantFigure;
  /** Changes-since mode: accounts that came in and went out. */
  delta: { in: number; out: number } | null;
  onToggle: (key: string) => void;
}

export const QuadrantZone = memo(function QuadrantZone(props: QuadrantProps) {
  const { quadrant: q, figure, delta, ctx, cards, expanded, onToggle, firstFrame, selectedId, matches, picked, menuFor, reasonFor } = props;
  const w = ctx.words.zone;
  const data: ZoneData = { slot: q.position };
  const { setNodeRef, isOver, active } = useDroppable({ id: q.key, data, disabled: ctx.readOnly });
  const lang = ctx.words.lang;
  const name = quadrantName(q, lang);
  const treatment = treatmentOf(q, lang);
  const from = (active?.data.current as { from?: string | null } | undefined)?.from;
  const figureArgs = [figure.accounts, ctx.words.money(figure.revenue), `${Math.round(figure.share * 100)}%`] as const;
  return (
    <section
      ref={setNodeRef}
      role="region"
      aria-label={name}
      className={cx('zone', 'quad', `quad--${q.position}`, isOver && from !== q.key && 'is-over')}
      style={{ backgroundColor: q.color }}
      data-quadrant={q.key}
    >
      <header className="zone__head">
        <h2 className="zone__title">{name}</h2>
        <p className="zone__fig tabular" title={w.figuresLabel(...figureArgs)}>
          <span aria-hidden="true">{w.figures(...figureArgs)}</span>
          <span className="visually-hidden">{w.figuresLabel(...figureArgs)}</span>
        </p>
        {delta && (delta.in > 0 || delta.out > 0) ? (
          <p className="zone__delta" title={w.deltaLabel(delta)}>
            <span aria-hidden="true">
              {delta.in > 0 ? <span className="zone__in">+{delta.in}</span> : null}
              {delta.out > 0 ? <span className="zone__out">−{delta.out}</span> : null}
            </span>
            <span className="visually-hidden">{w.deltaLabel(delta)}</span>
          </p>
        ) : null}
      </header>
      {treatment ? (
        <p className="zone__treat" title={treatment}>
          {treatment}
        </p>
      ) : null}
      <CardList
        cards={cards}
        ctx={ctx}
        inTray={false}
        firstFrame={firstFrame}
        expanded={expanded}
        selectedId={selectedId}
        matches={matches}
        picked={picked}
        menuFor={menuFor}
        reasonFor={reasonFor}
        emptyText={w.empty}
      />
      <MoreToggle total={cards.length} expanded={expanded} onToggle={() => onToggle(q.key)} words={w} />
    </section>
  );
});

export interface TrayProps extends Omit<ListProps, 'inTray'> {
  onToggle: (key: string) => void;
}

export const TrayZone = memo(function TrayZone(props: TrayProps) {
  const { ctx, cards, expanded, onToggle, firstFrame, selectedId, matches, picked, menuFor, reasonFor } = props;
  const w = ctx.words.zone;
  const data: ZoneData = { slot: 'tray' };
  const { setNodeRef, isOver, active } = useDroppable({ id: TRAY, data, disabled: ctx.readOnly });
  const from = (active?.data.current as { from?: string | null } | undefined)?.from;
  const suggested = useMemo(() => cards.filter((c) => c.suggested !== null), [cards]);
  return (
    <section ref={setNodeRef} role="region" aria-label={w.trayTitle} className={cx('zone', 'tray', isOver && from !== null && 'is-over')} data-quadrant={TRAY}>
      <header className="zone__head">
        <h2 className="zone__title">{w.trayTitle}</h2>
        <p className="zone__fig tabular">{cards.length}</p>
      </header>
      <p className="zone__treat tray__hint">{w.trayHint}</p>
      {suggested.length > 0 && !ctx.readOnly ? (
        <button type="button" className="btn btn--secondary btn--sm tray__all" title={w.placeAllLabel(suggested.length)} onClick={() => ctx.actions.placeSuggested(suggested)}>
          {w.placeAll(suggested.length)}
        </button>
      ) : null}
      <CardList
        cards={cards}
        ctx={ctx}
        inTray
        firstFrame={firstFrame}
        expanded={expanded}
        selectedId={selectedId}
        matches={matches}
        picked={picked}
        menuFor={menuFor}
        reasonFor={reasonFor}
        emptyText={w.trayEmpty}
      />
      <MoreToggle total={cards.length} expanded={expanded} onToggle={() => onToggle(TRAY)} words={w} />
    </section>
  );
});
