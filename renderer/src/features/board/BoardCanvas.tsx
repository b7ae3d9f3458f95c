/**
 * The drag-and-drop surface: the tray and the four quadrants inside one DndContext, the DragOverlay
 * in a portal, and what screen readers hear while a card travels (in the current language).
 */
import { DndContext, DragOverlay, type Announcements, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix } from '../../../../shared/api/board';
import type { QuadrantFigure } from '../../../../shared/domain/quadrants';
import { CardFace, type CardContext, type DragData } from './BoardCard';
import { useBoardSensors, zoneCollision } from './dnd';
import { TRAY } from './board-model';
import { QuadrantZone, TrayZone } from './Zones';

export interface CanvasProps {
  matrix: Matrix;
  /** Quadrant key (or TRAY) -> its cards, largest first. */
  groups: ReadonlyMap<string, readonly BoardCard[]>;
  figures: ReadonlyMap<string, QuadrantFigure>;
  deltas: ReadonlyMap<string, { in: number; out: number }> | null;
  ctx: CardContext;
  selectedId: number | null;
  matches: ReadonlySet<number>;
  /** The cards ticked to move together: dragging one of them moves them all (onDrop decides). */
  picked: ReadonlySet<number>;
  menuFor: number | null;
  reasonFor: number | null;
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onDragStart: () => void;
  /** A card was dropped on another zone; `viaKeyboard`: it was carried with the keyboard. */
  onDrop: (card: BoardCard, to: string | null, viaKeyboard: boolean) => void;
  onCancel: (accountId: number, viaKeyboard: boolean) => void;
}

const NO_CARDS: readonly BoardCard[] = [];
const EMPTY_FIGURE = (key: string): QuadrantFigure => ({ key, accounts: 0, revenue: 0, share: 0 });
const ORDER = { tl: 0, tr: 1, bl: 2, br: 3 } as const;

export const BoardCanvas = memo(function BoardCanvas(props: CanvasProps) {
  const { t } = useTranslation();
  const { matrix, groups, figures, deltas, ctx, selectedId, matches, picked, menuFor, reasonFor, expanded, onToggle } = props;
  const sensors = useBoardSensors();
  const [active, setActive] = useState<BoardCard | null>(null);
  // The first frame draws what is in view; the rest of each zone's cards follow right after it.
  const [firstFrame, setFirstFrame] = useState(true);
  useEffect(() => {
    const id = requestAnimationFrame(() => startTransition(() => setFirstFrame(false)));
    return () => cancelAnimationFrame(id);
  }, []);
  const names = ctx.names;

  const accessibility = useMemo(() => {
    const nameOf = (data: unknown) => (data as DragData | undefined)?.name ?? '';
    const fromOf = (data: unknown) => names((data as DragData | undefined)?.from ?? null);
    const zone = (id: string | number) => names(id === TRAY ? null : String(id));
    const announcements: Announcements = {
      onDragStart: ({ active: a }) => t('board.dnd.start', { name: nameOf(a.data.current), from: fromOf(a.data.current) }),
      onDragOver: ({ active: a, over }) =>
        over ? t('board.dnd.over', { name: nameOf(a.data.current), to: zone(over.id) }) : t('board.dnd.overNone', { name: nameOf(a.data.current) }),
      onDragEnd: ({ active: a, over }) => {
        const from = (a.data.current as DragData | undefined)?.from ?? null;
        const to = over ? (over.id === TRAY ? null : String(over.id)) : from;
        return to !== from ? t('board.dnd.end', { name: nameOf(a.data.current), to: zone(over!.id) }) : t('board.dnd.endSame', { name: nameOf(a.data.current), from: fromOf(a.data.current) });
      },
      onDragCancel: ({ active: a }) => t('board.dnd.cancel', { name: nameOf(a.data.current), from: fromOf(a.data.current) }),
    };
    return { announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') }, restoreFocus: false };
  }, [names, t]);

  const cardOf = (id: number): BoardCard | null => {
    for (const cards of groups.values()) {
      const c = cards.find((x) => x.accountId === id);
      if (c) return c;
    }
    return null;
  };

  const onDragStart = ({ active: a }: DragStartEvent) => {
    setActive(cardOf(Number(a.id)));
    props.onDragStart();
  };
  const onDragEnd = ({ active: a, over, activatorEvent }: DragEndEvent) => {
    setActive(null);
    const viaKeyboard = activatorEvent instanceof KeyboardEvent;
    const from = (a.data.current as DragData | undefined)?.from ?? null;
    const to = over ? (over.id === TRAY ? null : String(over.id)) : from;
    const card = cardOf(Number(a.id));
    if (to !== from && card) props.onDrop(card, to, viaKeyboard);
    else props.onCancel(Number(a.id), viaKeyboard);
  };

  const quadrants = [...matrix.quadrants].sort((a, b) => ORDER[a.position] - ORDER[b.position]);
  const list = { ctx, firstFrame, selectedId, matches, picked, menuFor, reasonFor, onToggle };
  const xLabel = ctx.words.lang === 'zh-CN' ? matrix.xLabelZh : matrix.xLabelEn;
  const yLabel = ctx.words.lang === 'zh-CN' ? matrix.yLabelZh : matrix.yLabelEn;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={zoneCollision}
      accessibility={accessibility}
      autoScroll={false}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={({ active: a, activatorEvent }) => {
        setActive(null);
        props.onCancel(Number(a.id), activatorEvent instanceof KeyboardEvent);
      }}
    >
      <div className={groups.get(TRAY)?.length ? 'board-canvas' : 'board-canvas board-canvas--tray-empty'}>
        <TrayZone {...list} cards={groups.get(TRAY) ?? NO_CARDS} expanded={expanded.has(TRAY)} />
        <div className="matrix">
          <div className="matrix__y" aria-hidden="true">
            <span>{yLabel}</span>
          </div>
          <p className="visually-hidden">{t('board.quadrant.axisY', { label: yLabel })}</p>
          <div className="matrix__grid">
            {quadrants.map((q) => (
              <QuadrantZone
                key={q.key}
                {...list}
                quadrant={q}
                cards={groups.get(q.key) ?? NO_CARDS}
                figure={figures.get(q.key) ?? EMPTY_FIGURE(q.key)}
                delta={deltas?.get(q.key) ?? null}
                expanded={expanded.has(q.key)}
              />
            ))}
          </div>
          <div className="matrix__x" aria-hidden="true">
            <span>{xLabel}</span>
          </div>
          <p className="visually-hidden">{t('board.quadrant.axisX', { label: xLabel })}</p>
        </div>
      </div>
      {createPortal(
        <DragOverlay dropAnimation={null} zIndex={1000}>
          {active ? (
            <div className="bcard bcard--overlay" aria-hidden="true">
              <div className="bcard__body">
                <CardFace card={active} ctx={ctx} inTray={active.quadrant === null} />
              </div>
            </div>
          ) : null}
        </DragOverlay>,
        document.body,
      )}
    </DndContext>
  );
});
