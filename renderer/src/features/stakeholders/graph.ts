/**
 * From a map (people, lines, saved positions, folded branches) to React Flow's nodes and edges.
 * People without a saved position take the automatic org-chart layout (shared/domain/map-layout);
 * the layout runs only when someone needs it, and again only when who reports to whom or what is
 * folded changes, not on every edit.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { MapMember } from '../../../../shared/api/stakeholders';
import type { CoverageGap } from '../../../../shared/domain/coverage.types';
import { descendants, hiddenBy, LAYOUT_DEFAULTS, layoutMap } from '../../../../shared/domain/map-layout';
import { INFLUENCE_COLOUR, INFLUENCE_WIDTH, REPORT_LINE_COLOUR } from '../../../../shared/domain/map-palette';
import type { MapLine } from '../../../../shared/domain/stakeholders';
import type { MapWords } from './words';

export const NODE_W = LAYOUT_DEFAULTS.nodeWidth;
export const NODE_H = LAYOUT_DEFAULTS.nodeHeight;

export interface PersonData extends Record<string, unknown> {
  member: MapMember;
  /** The person's stale-contact gap, when there is one (the same rule as the gap list). */
  stale: CoverageGap | null;
  /** People reporting to this one (directly or not): the fold button shows when > 0. */
  reports: number;
  collapsed: boolean;
  /** People hidden under this one while folded. */
  hiddenCount: number;
  match: boolean;
}

export type PersonNode = Node<PersonData, 'person'>;
export type LineEdge = Edge<{ line: MapLine }>;

/** Handles at the middle of each side (all "source" handles: the flow connects in loose mode). */
export const HANDLES: NodeHandle[] = [
  { id: 't', type: 'source', position: Position.Top, x: NODE_W / 2 - 0.5, y: 0, width: 1, height: 1 },
  { id: 'b', type: 'source', position: Position.Bottom, x: NODE_W / 2 - 0.5, y: NODE_H - 1, width: 1, height: 1 },
  { id: 'l', type: 'source', position: Position.Left, x: 0, y: NODE_H / 2 - 0.5, width: 1, height: 1 },
  { id: 'r', type: 'source', position: Position.Right, x: NODE_W - 1, y: NODE_H / 2 - 0.5, width: 1, height: 1 },
];

export interface Placement {
  /** Everyone's top-left corner, the people inside folded branches too (they keep their place). */
  positions: Map<number, { x: number; y: number }>;
  hidden: Set<number>;
  /** People whose reporting line comes into the card's left side: columns of reports stacked under one manager. */
  stacked: Set<number>;
}

/** The structure the layout depends on: ids and reporting lines. Equal keys, equal layouts. */
export function layoutKey(ids: readonly number[], lines: readonly MapLine[]): string {
  const reports = lines.filter((l) => l.kind === 'reports').map((l) => `${l.id}:${l.fromId}>${l.toId}${l.dotted ? 'd' : ''}`);
  return `${ids.join(',')}|${reports.join(',')}`;
}

/** The last automatic layouts (an edit that moves nobody reuses them): key -> layout. */
const layouts = new Map<string, ReturnType<typeof layoutMap>>();

function autoLayout(members: readonly MapMember[], lines: readonly MapLine[]): ReturnType<typeof layoutMap> {
  const key = layoutKey(
    members.map((m) => m.id),
    lines,
  );
  let hit = layouts.get(key);
  if (!hit) {
    hit = layoutMap(members, lines, { nodeWidth: NODE_W, nodeHeight: NODE_H });
    if (layouts.size >= 4) layouts.delete(layouts.keys().next().value!);
    layouts.set(key, hit);
  }
  return hit;
}

/** Gap between the people placed by hand and the ones laid out below them. */
const BELOW_GAP = 120;

/**
 * Where everyone goes, the rule of the printed map too: with no saved position at all, the
 * automatic org chart places everyone; otherwise people keep their saved (or just dragged)
 * positions and the others are laid out among themselves below them. Folding hides people and
 * moves nobody.
 */
export function place(
  members: readonly MapMember[],
  lines: readonly MapLine[],
  collapsed: ReadonlySet<number>,
  saved: (m: MapMember) => { x: number; y: number } | null,
): Placement {
  const hidden = hiddenBy(
    members.map((m) => m.id),
    lines,
    collapsed,
  );
  const positions = new Map<number, { x: number; y: number }>();
  const loose: MapMember[] = [];
  let bottom = -Infinity;
  let left = Infinity;
  for (const m of members) {
    const p = saved(m);
    if (!p) {
      loose.push(m);
      continue;
    }
    positions.set(m.id, p);
    bottom = Math.max(bottom, p.y + NODE_H);
    left = Math.min(left, p.x);
  }
  if (loose.length > 0) {
    const ids = new Set(loose.map((m) => m.id));
    const among = loose.length === members.length ? lines : lines.filter((l) => ids.has(l.fromId) && ids.has(l.toId));
    const auto = autoLayout(loose, among);
    const dx = positions.size > 0 ? left : 0;
    const dy = positions.size > 0 ? bottom + BELOW_GAP : 0;
    for (const [id, p] of auto.positions) positions.set(id, { x: p.x + dx, y: p.y + dy });
  }
  return { positions, hidden, stacked: stackedReports(lines, positions) };
}

/**
 * Reports drawn into their card's left side: those in a column of two or more reports of the same
 * manager, one under the other (the layout stacks many reports so), where a line into each top
 * would cross the cards above.
 */
function stackedReports(lines: readonly MapLine[], positions: ReadonlyMap<number, { x: number; y: number }>): Set<number> {
  const byManager = new Map<number, number[]>();
  for (const l of lines) {
    if (l.kind !== 'reports' || l.dotted) continue;
    byManager.set(l.toId, [...(byManager.get(l.toId) ?? []), l.fromId]);
  }
  const out = new Set<number>();
  for (const [manager, reports] of byManager) {
    if (reports.length < 2) continue;
    const top = positions.get(manager);
    const columns = new Map<number, number[]>();
    for (const r of reports) {
      const p = positions.get(r);
      if (!p || (top && p.y <= top.y + NODE_H)) continue;
      const key = Math.round(p.x / 4);
      columns.set(key, [...(columns.get(key) ?? []), r]);
    }
    for (const ids of columns.values()) if (ids.length >= 2) for (const id of ids) out.add(id);
  }
  return out;
}

/** Everyone reporting to each person (solid or dotted, transitively), counted; only people with reports. */
export function reportCounts(members: readonly MapMember[], lines: readonly MapLine[]): Map<number, number> {
  const managers = new Set(lines.filter((l) => l.kind === 'reports').map((l) => l.toId));
  const out = new Map<number, number>();
  for (const m of members) if (managers.has(m.id)) out.set(m.id, descendants(m.id, lines).size);
  return out;
}

/** The people above someone through reporting lines (any distance), for unfolding the branches that hide them. */
export function ancestors(id: number, lines: readonly MapLine[]): Set<number> {
  const up = new Map<number, number[]>();
  for (const l of lines) if (l.kind === 'reports') up.set(l.fromId, [...(up.get(l.fromId) ?? []), l.toId]);
  const seen = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    for (const m of up.get(stack.pop()!) ?? []) {
      if (m === id || seen.has(m)) continue;
      seen.add(m);
      stack.push(m);
    }
  }
  return seen;
}

const samePos = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;

function sameData(a: PersonData, b: PersonData): boolean {
  return (
    a.member === b.member &&
    a.stale === b.stale &&
    a.reports === b.reports &&
    a.collapsed === b.collapsed &&
    a.hiddenCount === b.hiddenCount &&
    a.match === b.match
  );
}

/** What of a person the card shows: equal signatures, the same card (refetched maps bring new objects). */
export function memberSignature(m: MapMember): string {
  return JSON.stringify([m.updatedAt, m.name, m.title, m.department, m.level, m.mapRoles, m.influence, m.attitude, m.strength, m.ownerId, m.ownerName, m.lastContact]);
}

/**
 * The nodes as they should be, reusing the previous objects where nothing changed, so React Flow
 * re-renders only the cards that did.
 */
export function reconcileNodes(prev: readonly PersonNode[], next: PersonNode[]): PersonNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const p = before.get(n.id);
    if (!p) {
      same = false;
      return n;
    }
    const data = sameData(p.data, n.data) ? p.data : n.data;
    if (data === p.data && samePos(p.position, n.position) && p.selected === n.selected && p.className === n.className && p.ariaLabel === n.ariaLabel) {
      if (prev[i] !== p) same = false;
      return p;
    }
    same = false;
    return data === n.data ? n : { ...n, data };
  });
  return same ? (prev as PersonNode[]) : out;
}

export function personNode(member: MapMember, position: { x: number; y: number }, data: PersonData, words: MapWords, selected: boolean): PersonNode {
  return {
    id: String(member.id),
    type: 'person',
    position,
    data,
    width: NODE_W,
    height: NODE_H,
    measured: { width: NODE_W, height: NODE_H },
    handles: HANDLES,
    ariaLabel: words.nodeLabel(member),
    selected,
    ...(data.match ? { className: 'is-match' } : {}),
  };
}

/** A line as an edge: reporting lines run from the manager's bottom down to the report; influence from side to side. */
export function lineEdge(
  line: MapLine,
  placement: Placement,
  names: ReadonlyMap<number, string>,
  words: MapWords,
  selected: boolean,
): LineEdge | null {
  const from = placement.positions.get(line.fromId);
  const to = placement.positions.get(line.toId);
  if (!from || !to) return null;
  const fromName = names.get(line.fromId) ?? '';
  const toName = names.get(line.toId) ?? '';
  if (line.kind === 'reports') {
    return {
      id: `l${line.id}`,
      source: String(line.toId),
      target: String(line.fromId),
      sourceHandle: 'b',
      targetHandle: placement.stacked.has(line.fromId) && !line.dotted ? 'l' : 't',
      type: 'smoothstep',
      data: { line },
      selected,
      className: line.dotted ? 'map-edge map-edge--dotted' : 'map-edge map-edge--reports',
      ariaLabel: words.reportsLabel(fromName, toName, line.dotted),
      style: { stroke: REPORT_LINE_COLOUR, strokeWidth: 1.5, ...(line.dotted ? { strokeDasharray: '6 4' } : {}) },
      interactionWidth: 14,
    };
  }
  const dx = to.x - from.x;
  const sideways = Math.abs(dx) >= NODE_W * 0.6;
  const sourceHandle = sideways ? (dx > 0 ? 'r' : 'l') : 'r';
  const targetHandle = sideways ? (dx > 0 ? 'l' : 'r') : 'r';
  return {
    id: `l${line.id}`,
    source: String(line.fromId),
    target: String(line.toId),
    sourceHandle,
    targetHandle,
    type: 'default',
    data: { line },
    selected,
    className: 'map-edge map-edge--influence',
    ariaLabel: words.influenceLineLabel(fromName, toName, line.strength),
    style: { stroke: INFLUENCE_COLOUR, strokeWidth: INFLUENCE_WIDTH[line.strength] },
    markerEnd: { type: MarkerType.ArrowClosed, color: INFLUENCE_COLOUR, width: 18, height: 18, markerUnits: 'userSpaceOnUse' },
    interactionWidth: 14,
    zIndex: 1,
  };
}

/** What a drag between handles means: a reporting line (and who reports to whom) or an influence line. */
export function connectionMeaning(
  source: number,
  sourceHandle: string | null | undefined,
  target: number,
): { kind: 'reports' | 'influence'; fromId: number; toId: number } | null {
  if (source === target) return null;
  // From a bottom handle down to someone: they report to the source. From a top handle up: the source reports to them.
  if (sourceHandle === 'b') return { kind: 'reports', fromId: target, toId: source };
  if (sourceHandle === 't') return { kind: 'reports', fromId: source, toId: target };
  return { kind: 'influence', fromId: source, toId: target };
}
