/**
 * What clicks, drawn lines and keys on the canvas do. The canvas gets handlers that never change,
 * so a render of the screen does not re-render 500 cards.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, FinalConnectionState } from '@xyflow/react';
import type { MapMember } from '../../../../shared/api/stakeholders';
import type { MapLine } from '../../../../shared/domain/stakeholders';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';
import { connectionMeaning, type LineEdge, type PersonNode } from './graph';
import type { MapSelection } from './useMapSelection';

/** The id of the card under the pointer where a drag ended (not `fromId`'s own), or null. */
function cardUnderPointer(event: MouseEvent | TouchEvent, fromId: string): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  // Every element at the point, top first: the connection line drawn over the cards is skipped.
  for (const el of document.elementsFromPoint(point.clientX, point.clientY)) {
    const card = el.closest<HTMLElement>('.react-flow__node');
    if (card?.dataset.id && card.dataset.id !== fromId) return card.dataset.id;
  }
  return null;
}

interface Deps {
  safe: boolean;
  byId: ReadonlyMap<number, MapMember>;
  selection: MapSelection;
  addLine: (kind: MapLine['kind'], fromId: number, toId: number, show?: boolean) => Promise<void>;
  focusPanel: () => void;
}

export function useCanvasEvents({ safe, byId, selection, addLine, focusPanel }: Deps) {
  const { t } = useTranslation();
  const notice = useNotice();
  const { requestSelect, current, setConfirm } = selection;
  const addLineRef = useRef(addLine);
  useEffect(() => {
    addLineRef.current = addLine;
  });

  const onConnect = useCallback(
    (c: Connection) => {
      const meaning = connectionMeaning(Number(c.source), c.sourceHandle, Number(c.target));
      if (!meaning || (safe && meaning.kind === 'influence')) return;
      addLineRef.current(meaning.kind, meaning.fromId, meaning.toId, true).catch((e: unknown) => notice.error(errorText(t, e)));
    },
    [safe, notice, t],
  );
  // A line released on a card but away from its dots (beyond the connection radius) connects to
  // that card, as if dropped on its nearest dot: React Flow reports such a drop as not valid.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid === true || !state.fromNode) return;
      const target = cardUnderPointer(event, state.fromNode.id);
      if (target === null) return;
      onConnect({ source: state.fromNode.id, sourceHandle: state.fromHandle?.id ?? null, target, targetHandle: null });
    },
    [onConnect],
  );
  const onNodeClick = useCallback((_: unknown, n: PersonNode) => requestSelect({ kind: 'person', id: Number(n.id) }), [requestSelect]);
  const onEdgeClick = useCallback((_: unknown, e: LineEdge) => requestSelect({ kind: 'line', id: Number(e.id.slice(1)) }), [requestSelect]);
  const onPaneClick = useCallback(() => {
    const cur = current();
    if (cur?.kind === 'person' || cur?.kind === 'line') requestSelect(null);
  }, [current, requestSelect]);

  const onCanvasKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const node = target.closest<HTMLElement>('.react-flow__node');
    const edge = target.closest<HTMLElement>('.react-flow__edge');
    if (e.key === 'Enter' || e.key === ' ') {
      if (node?.dataset.id && target === node) {
        e.preventDefault();
        requestSelect({ kind: 'person', id: Number(node.dataset.id) });
        focusPanel();
      } else if (edge?.dataset.id) {
        e.preventDefault();
        requestSelect({ kind: 'line', id: Number(edge.dataset.id.slice(1)) });
        focusPanel();
      }
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && node?.dataset.id && target === node) {
      const m = byId.get(Number(node.dataset.id));
      if (m) {
        e.preventDefault();
        setConfirm({ kind: 'delete', member: m });
      }
    }
  };

  return { onConnect, onConnectEnd, onNodeClick, onEdgeClick, onPaneClick, onCanvasKey };
}
