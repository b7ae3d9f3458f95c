/**
 * Where the view and the keyboard focus go: centring on a person (unfolding the branches that hide
 * them), fitting the whole map, moving focus into the side panel or back onto a card.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { MapLine } from '../../../../shared/domain/stakeholders';
import { ancestors, NODE_H, NODE_W, type LineEdge, type PersonNode } from './graph';

export interface MapFocus {
  /** Centres on the person once their card is on the canvas. */
  centreOn: (id: number) => void;
  /** Fits the whole map in the view (after an import, a re-layout). */
  fit: () => void;
  /** Moves focus into the side panel (it was opened from the keyboard). */
  focusPanel: () => void;
  /** Puts focus back on a card. */
  focusCard: (id: number) => void;
  /** The folded branches above a person (to unfold before showing them). */
  foldedAbove: (id: number) => number[];
}

export function useMapFocus(nodes: readonly PersonNode[], lines: readonly MapLine[], collapsed: ReadonlySet<number>, canvasRef: RefObject<HTMLDivElement | null>): MapFocus {
  const flow = useReactFlow<PersonNode, LineEdge>();
  const [focusId, setFocusId] = useState<number | null>(null);
  const [panelFocus, setPanelFocus] = useState(0);
  const [fitTick, setFitTick] = useState(0);

  // Centre on the person asked for once their card is on the canvas.
  useEffect(() => {
    if (focusId === null) return;
    const node = nodes.find((n) => n.id === String(focusId));
    if (!node) return;
    const frame = requestAnimationFrame(() => {
      void flow.setCenter(node.position.x + NODE_W / 2, node.position.y + NODE_H / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
      setFocusId(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusId, nodes, flow]);

  useEffect(() => {
    if (fitTick === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [fitTick, flow]);

  // Move focus into the panel when it was opened from the keyboard.
  useEffect(() => {
    if (panelFocus === 0) return;
    const frame = requestAnimationFrame(() => {
      const aside = document.querySelector<HTMLElement>('.map-aside');
      (aside?.querySelector<HTMLElement>('[data-autofocus]') ?? aside?.querySelector<HTMLElement>('.ppanel__title'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [panelFocus]);

  const foldedAbove = useCallback((id: number) => [...ancestors(id, lines)].filter((a) => collapsed.has(a)), [collapsed, lines]);
  const centreOn = useCallback((id: number) => setFocusId(id), []);
  const fit = useCallback(() => setFitTick((n) => n + 1), []);
  const focusPanel = useCallback(() => setPanelFocus((n) => n + 1), []);
  const focusCard = useCallback(
    (id: number) => void requestAnimationFrame(() => canvasRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.focus()),
    [canvasRef],
  );
  return useMemo(() => ({ centreOn, fit, focusPanel, focusCard, foldedAbove }), [centreOn, fit, focusPanel, focusCard, foldedAbove]);
}
