/**
 * Dragging on the board: sensors for mouse/pen, touch and keyboard, how the keyboard moves a card
 * between quadrants, and which zone a card is over.
 */
import {
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type PointerActivationConstraint,
  type PointerSensorOptions,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { DragData } from './BoardCard';
import { TRAY } from './board-model';
import type { Slot, ZoneData } from './Zones';

/**
 * Mouse and pen through pointer events. Touch is left to the TouchSensor, whose press-and-hold
 * delay keeps a finger free to scroll the lists.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Where the arrow keys lead from each zone: the tray sits left of the matrix. */
const NEXT: Record<Slot, Partial<Record<string, Slot>>> = {
  tray: { [KeyboardCode.Right]: 'tl' },
  tl: { [KeyboardCode.Left]: 'tray', [KeyboardCode.Right]: 'tr', [KeyboardCode.Down]: 'bl' },
  tr: { [KeyboardCode.Left]: 'tl', [KeyboardCode.Down]: 'br' },
  bl: { [KeyboardCode.Left]: 'tray', [KeyboardCode.Right]: 'br', [KeyboardCode.Up]: 'tl' },
  br: { [KeyboardCode.Left]: 'bl', [KeyboardCode.Up]: 'tr' },
};

const ARROWS: string[] = [KeyboardCode.Left, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Down];

/** Arrow keys jump the card to the centre of the neighbouring quadrant (or the tray). */
export const quadrantCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over, active } = context;
  if (!collisionRect) return undefined;
  const slotOf = (id: string | number | undefined): Slot | undefined => (id === undefined ? undefined : (droppableContainers.get(id)?.data.current as ZoneData | undefined)?.slot);
  const home = (active?.data.current as DragData | undefined)?.from ?? TRAY;
  const current = slotOf(over?.id) ?? slotOf(home) ?? 'tray';
  const targetSlot = NEXT[current][event.code];
  if (!targetSlot) return undefined;
  const target = droppableContainers.getEnabled().find((c) => (c.data.current as ZoneData | undefined)?.slot === targetSlot);
  const rect = target ? droppableRects.get(target.id) : undefined;
  if (!rect) return undefined;
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};

/** The pointer decides where a card is when there is one; the keyboard's card rect otherwise. */
export const zoneCollision: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

const POINTER: PointerActivationConstraint = { distance: 5 };
const TOUCH: PointerActivationConstraint = { delay: 250, tolerance: 8 };
const KEYS = { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc, KeyboardCode.Tab], end: [KeyboardCode.Space, KeyboardCode.Enter] };

export function useBoardSensors() {
  return useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: POINTER }),
    useSensor(TouchSensor, { activationConstraint: TOUCH }),
    useSensor(KeyboardSensor, { coordinateGetter: quadrantCoordinates, keyboardCodes: KEYS }),
  );
}
