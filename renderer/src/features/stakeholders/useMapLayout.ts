/**
 * Where everyone goes on the map, and saving it: saved places over the automatic org chart, folded
 * branches, dragged cards (saved when the drag settles, as one undoable step), pinning everyone
 * before a first change to an automatic layout, and re-layout.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyNodeChanges, useReactFlow, type NodeChange } from '@xyflow/react';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';
import { positionsMoved } from './commands';
import { place, type LineEdge, type Placement, type PersonNode } from './graph';
import type { History } from './history';
import { foldedSet, placesToPin, savedPlace, savedPlaces, settledMoves, type Position, type XY } from './read-model';

const MOVE_SETTLE_MS = 250;

export type MapRef = { accountId: number; tenderId?: number };

export interface MapLayout {
  collapsed: ReadonlySet<number>;
  placement: Placement;
  /** Saves places (shown at once, before the backend answers). */
  savePositions: (list: Position[]) => Promise<void>;
  /** Before a first change to a map laid out automatically: saves everyone's place as shown. */
  pinAll: () => Promise<void>;
  toggleFold: (id: number) => void;
  /** Unfolds branches (to show someone inside them). */
  unfold: (ids: number[]) => void;
  /** Everyone's saved place now (what a re-layout forgets). */
  saved: () => Position[];
  /** Forgets every saved place: the automatic layout again. */
  reset: () => Promise<void>;
  /** A drag settled: saves where the cards went, as one undoable step. */
  saveDrag: (base: ReadonlyMap<string, XY>, final: ReadonlyMap<string, XY>) => void;
}

export function useMapLayout(map: StakeholderMap, mapRef: MapRef, history: History, names: ReadonlyMap<number, string>): MapLayout {
  const { t } = useTranslation();
  const notice = useNotice();
  const { members, lines } = map;
  const [localPos, setLocalPos] = useState<ReadonlyMap<number, XY>>(new Map());
  const [localFold, setLocalFold] = useState<ReadonlyMap<number, boolean>>(new Map());

  const collapsed = useMemo(() => foldedSet(members, localFold), [members, localFold]);
  const placement = useMemo(() => place(members, lines, collapsed, (m) => savedPlace(m, localPos)), [members, lines, collapsed, localPos]);

  const savePositions = useCallback(
    async (list: Position[]) => {
      setLocalPos((m) => new Map([...m, ...list.map((p) => [p.id, { x: p.x, y: p.y }] as const)]));
      await api('map-layout-save', { ...mapRef, positions: list });
    },
    [mapRef],
  );

  const pinAll = useCallback(async () => {
    const list = placesToPin(members, localPos, placement.positions);
    if (list.length > 0) await savePositions(list);
  }, [members, localPos, placement, savePositions]);

  const collapsedRef = useRef(collapsed);
  useEffect(() => {
    collapsedRef.current = collapsed;
  }, [collapsed]);

  const toggleFold = useCallback(
    (id: number) => {
      const next = !collapsedRef.current.has(id);
      setLocalFold((m) => new Map(m).set(id, next));
      api('map-layout-save', { ...mapRef, collapsed: [{ id, collapsed: next }] }).catch((e: unknown) => notice.error(errorText(t, e)));
    },
    [mapRef, notice, t],
  );

  const unfold = useCallback(
    (ids: number[]) => {
      if (ids.length === 0) return;
      setLocalFold((m) => new Map([...m, ...ids.map((a) => [a, false] as const)]));
      void api('map-layout-save', { ...mapRef, collapsed: ids.map((a) => ({ id: a, collapsed: false })) }).catch((e: unknown) => notice.error(errorText(t, e)));
    },
    [mapRef, notice, t],
  );

  const saved = () => savedPlaces(members, localPos);

  const reset = async () => {
    await api('map-layout-save', { ...mapRef, reset: true });
    setLocalPos(new Map());
  };

  const { run, push } = history;
  const saveDrag = useCallback(
    (base: ReadonlyMap<string, XY>, final: ReadonlyMap<string, XY>) => {
      const { before, after } = settledMoves(base, final);
      if (after.length === 0) return;
      const label = after.length === 1 ? t('mapper.steps.move', { name: names.get(after[0]!.id) ?? '' }) : t('mapper.steps.moveN', { n: after.length });
      void run(async () => {
        await pinAll();
        await savePositions(after);
      }).then(
        () => push(positionsMoved(savePositions, before, after, label)),
        (e: unknown) => notice.error(errorText(t, e)),
      );
    },
    [names, notice, pinAll, push, run, savePositions, t],
  );

  return { collapsed, placement, savePositions, pinAll, toggleFold, unfold, saved, reset, saveDrag };
}

/**
 * React Flow's node changes: cards follow the pointer at once; when a drag ends (arrow keys too) and
 * nothing has moved for a moment, `onSettled` gets where the cards were and where they are.
 */
export function useNodeDrags(
  setNodes: (fn: (ns: PersonNode[]) => PersonNode[]) => void,
  onSettled: (base: ReadonlyMap<string, XY>, final: ReadonlyMap<string, XY>) => void,
): (changes: NodeChange<PersonNode>[]) => void {
  const flow = useReactFlow<PersonNode, LineEdge>();
  const moveBase = useRef(new Map<string, XY>());
  const moveFinal = useRef(new Map<string, XY>());
  const moveTimer = useRef<number | null>(null);
  const settledRef = useRef(onSettled);
  useEffect(() => {
    settledRef.current = onSettled;
  }, [onSettled]);

  const flush = useCallback(() => {
    moveTimer.current = null;
    const base = new Map(moveBase.current);
    const final = new Map(moveFinal.current);
    moveFinal.current.clear();
    moveBase.current.clear();
    settledRef.current(base, final);
  }, []);

  useEffect(
    () => () => {
      if (moveTimer.current !== null) window.clearTimeout(moveTimer.current);
    },
    [],
  );

  return useCallback(
    (changes: NodeChange<PersonNode>[]) => {
      let settled = false;
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        if (!moveBase.current.has(c.id)) {
          const cur = flow.getNode(c.id)?.position;
          if (cur) moveBase.current.set(c.id, { ...cur });
        }
        if (!c.dragging) {
          moveFinal.current.set(c.id, c.position);
          settled = true;
        }
      }
      // Selection follows our state (a click selects through onNodeClick), not React Flow's.
      const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (kept.length > 0) setNodes((ns) => applyNodeChanges(kept, ns));
      if (settled) {
        if (moveTimer.current !== null) window.clearTimeout(moveTimer.current);
        moveTimer.current = window.setTimeout(flush, MOVE_SETTLE_MS);
      }
    },
    [flow, flush, setNodes],
  );
}
