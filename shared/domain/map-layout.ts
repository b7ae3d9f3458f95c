/**
 * Automatic top-down org-chart layout of a stakeholder map (dagre), and the branch helpers behind
 * "collapse a branch".
 *
 * - The tree: only solid reporting lines place people; the manager sits above the report. Someone
 *   with two solid managers (co-heads) is placed under one of them: the manager of the lowest line
 *   id among those on show. Dotted reporting and influence lines do not move anyone.
 * - Folded branches: a person is hidden when every one of their managers (solid or dotted) is folded
 *   or hidden. So everyone below a folded person disappears, except people who also report to a
 *   manager who is on show and not folded: they stay, under that manager.
 * - A manager with many reports who manage nobody (stackFrom, default 6) gets them stacked in a few
 *   columns below, org-chart style, instead of one very wide row. While the chart would still be a
 *   long strip (many small departments side by side), it is compacted further, down to stacking
 *   whole small departments, each head with their staff indented below (see arrange).
 * - People without a tree line on show (no manager and no report placed) are set in rows below the
 *   tree, in input order, instead of stretching the tree's top row.
 * - Bad data never hangs: a reporting circle is cut where it is found, and every walk here keeps a
 *   visited set.
 *
 * Positions are top-left corners (React Flow's convention), starting at (0, 0).
 */
import dagre from '@dagrejs/dagre';
import type { MapLine } from './stakeholders';

export interface LayoutOptions {
  /** People whose branch is folded away. */
  collapsed?: ReadonlySet<number>;
  nodeWidth?: number;
  nodeHeight?: number;
  /** Vertical gap between levels of the tree. */
  rankSep?: number;
  /** Horizontal gap between neighbours. */
  nodeSep?: number;
  /** A manager with at least this many reports who manage nobody gets them stacked in columns (Infinity: never stack anything). */
  stackFrom?: number;
}

export interface MapLayout {
  /** Top-left corner of every visible person. */
  positions: Map<number, { x: number; y: number }>;
  /** People hidden inside folded branches. */
  hidden: Set<number>;
  /**
   * People stacked in columns under their (layout) manager, or under their department head in such
   * a column: their reporting line is best drawn from a trunk STACK_INDENT/2 left of the card into
   * the card's left side, not into its top.
   */
  stacked: Set<number>;
  /** Size of the laid-out area (0 when nobody is visible). */
  width: number;
  height: number;
}

export const LAYOUT_DEFAULTS = { nodeWidth: 220, nodeHeight: 92, rankSep: 70, nodeSep: 24, stackFrom: 6 } as const;
/** Stacked reports sit this far right of their column's left edge: room for the line that joins them. */
export const STACK_INDENT = 28;
/** Vertical gap between stacked reports. */
export const STACK_GAP = 16;

/** manager id -> the ids reporting to them (solid or dotted), each once. */
function reportsByManager(lines: readonly MapLine[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const l of lines) {
    if (l.kind !== 'reports' || l.fromId === l.toId) continue;
    const list = out.get(l.toId);
    if (!list) out.set(l.toId, [l.fromId]);
    else if (!list.includes(l.fromId)) list.push(l.fromId);
  }
  return out;
}

/** Everyone reporting to `id`, directly or not, through solid or dotted lines (not `id` itself). */
export function descendants(id: number, lines: readonly MapLine[]): Set<number> {
  const reports = reportsByManager(lines);
  const seen = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const m = stack.pop()!;
    for (const r of reports.get(m) ?? []) {
      if (r === id || seen.has(r)) continue;
      seen.add(r);
      stack.push(r);
    }
  }
  return seen;
}

/**
 * The people hidden by folded branches: a least fixed point, so it ends on any input. Someone is
 * hidden when they have a manager and all their managers are folded or hidden.
 */
export function hiddenBy(ids: Iterable<number>, lines: readonly MapLine[], collapsed: ReadonlySet<number>): Set<number> {
  const hidden = new Set<number>();
  if (collapsed.size === 0) return hidden;
  const present = new Set(ids);
  const managers = new Map<number, Set<number>>();
  for (const l of lines) {
    if (l.kind !== 'reports' || l.fromId === l.toId || !present.has(l.fromId) || !present.has(l.toId)) continue;
    let set = managers.get(l.fromId);
    if (!set) managers.set(l.fromId, (set = new Set()));
    set.add(l.toId);
  }
  const reports = new Map<number, number[]>();
  // open[p]: managers of p that are neither folded nor (yet) hidden
  const open = new Map<number, number>();
  for (const [p, ms] of managers) {
    let n = 0;
    for (const m of ms) {
      if (!collapsed.has(m)) n++;
      const list = reports.get(m);
      if (list) list.push(p);
      else reports.set(m, [p]);
    }
    open.set(p, n);
  }
  const queue = [...open].filter(([, n]) => n === 0).map(([p]) => p);
  for (const p of queue) hidden.add(p);
  while (queue.length > 0) {
    const m = queue.pop()!;
    // a folded person's reports already counted them as closed
    if (collapsed.has(m)) continue;
    for (const r of reports.get(m) ?? []) {
      const n = open.get(r)! - 1;
      open.set(r, n);
      if (n === 0 && !hidden.has(r)) {
        hidden.add(r);
        queue.push(r);
      }
    }
  }
  return hidden;
}

/**
 * The tree that places people: for each visible person, the manager of their lowest-id solid line
 * whose manager is visible. Circles are cut (the person closing the circle loses their parent).
 */
function layoutParents(visible: ReadonlySet<number>, lines: readonly MapLine[]): Map<number, number> {
  const parent = new Map<number, number>();
  const sorted = lines.filter((l) => l.kind === 'reports' && !l.dotted && l.fromId !== l.toId).sort((a, b) => a.id - b.id);
  for (const l of sorted) {
    if (!parent.has(l.fromId) && visible.has(l.fromId) && visible.has(l.toId)) parent.set(l.fromId, l.toId);
  }
  // Each node has at most one parent, so a circle is found by walking up; 0 new, 1 on the walk, 2 done.
  const state = new Map<number, number>();
  for (const start of parent.keys()) {
    if (state.has(start)) continue;
    const walk: number[] = [];
    let n: number | undefined = start;
    while (n !== undefined && !state.has(n)) {
      state.set(n, 1);
      walk.push(n);
      const up: number | undefined = parent.get(n);
      if (up !== undefined && state.get(up) === 1) {
        parent.delete(n); // n closes a circle
        break;
      }
      n = up;
    }
    for (const w of walk) state.set(w, 2);
  }
  return parent;
}

interface Geometry {
  w: number;
  h: number;
  rankSep: number;
  nodeSep: number;
  stackFrom: number;
}

interface Arranged {
  positions: Map<number, { x: number; y: number }>;
  stacked: Set<number>;
  width: number;
  height: number;
}

/** A report set in a stacked column, with the reports of their own stacked below them (a small department). */
interface Unit {
  id: number;
  staff: number[];
}

/** Reports of one manager stacked in columns; dagre places the block like one big card. */
interface Block {
  units: Unit[];
  /** Units per column, in order. */
  columns: Unit[][];
  width: number;
  height: number;
}

/** How hard to compact: tried in order until the tree is not a long strip. */
interface Compaction {
  /** Cards per column are about `tallness` times the columns. */
  tallness: number;
  /** Stack a manager's reports who manage nobody from this many. */
  stackFrom: number;
  /** Also stack small departments (a report whose own reports manage nobody), each with its staff below. */
  departments: boolean;
}

const unitHeight = (u: Unit, h: number) => (1 + u.staff.length) * h + u.staff.length * STACK_GAP;
const unitWidth = (u: Unit, w: number) => w + (u.staff.length > 0 ? STACK_INDENT : 0);

function makeBlocks(children: ReadonlyMap<number, number[]>, geo: Geometry, c: Compaction): Map<number, Block> {
  const { w, h, nodeSep } = geo;
  const blocks = new Map<number, Block>();
  const isLeaf = (id: number) => !children.has(id);
  const isDepartment = (id: number) => children.get(id)?.every(isLeaf) ?? false;
  const chosen = new Map<number, Unit[]>();
  // departments first: a head stacked with their staff takes the staff along
  const absorbed = new Set<number>();
  if (c.departments) {
    for (const [m, kids] of children) {
      const units = kids.filter((k) => isLeaf(k) || isDepartment(k)).map((k) => ({ id: k, staff: children.get(k) ?? [] }));
      if (units.length < 2 || !units.some((u) => u.staff.length > 0)) continue;
      chosen.set(m, units);
      for (const u of units) if (u.staff.length > 0) absorbed.add(u.id);
    }
  }
  for (const [m, kids] of children) {
    if (chosen.has(m) || absorbed.has(m)) continue;
    const units = kids.filter(isLeaf).map((k) => ({ id: k, staff: [] }));
    if (units.length >= c.stackFrom) chosen.set(m, units);
  }
  for (const [m, units] of chosen) {
    const hasDepartments = units.some((u) => u.staff.length > 0);
    const cards = units.reduce((a, u) => a + 1 + u.staff.length, 0);
    const count = Math.min(units.length, Math.ceil(Math.sqrt(cards / c.tallness)));
    // fill columns in order, each up to an even share of the height
    const total = units.reduce((a, u) => a + unitHeight(u, h) + UNIT_GAP, 0);
    const columns: Unit[][] = [[]];
    let used = 0;
    for (const u of units) {
      const uh = unitHeight(u, h) + UNIT_GAP;
      if (columns.at(-1)!.length > 0 && used + uh / 2 > total / count && columns.length < count) {
        columns.push([]);
        used = 0;
      }
      columns.at(-1)!.push(u);
      used += uh;
    }
    const columnWidth = STACK_INDENT + Math.max(...units.map((u) => unitWidth(u, w)));
    const height = Math.max(...columns.map((col) => col.reduce((a, u) => a + unitHeight(u, h), 0) + (col.length - 1) * (hasDepartments ? UNIT_GAP : STACK_GAP)));
    blocks.set(m, { units, columns, width: columns.length * columnWidth + (columns.length - 1) * nodeSep, height });
  }
  return blocks;
}

/** Between stacked departments: more than between the people of one. */
const UNIT_GAP = 32;

/** Top-left corners of everyone in a block whose top-left corner is (left, top). */
function placeBlock(b: Block, left: number, top: number, geo: Geometry, place: (id: number, x: number, y: number) => void): void {
  const { w, h, nodeSep } = geo;
  const departments = b.units.some((u) => u.staff.length > 0);
  const columnWidth = STACK_INDENT + Math.max(...b.units.map((u) => unitWidth(u, w)));
  b.columns.forEach((col, c) => {
    const x = left + c * (columnWidth + nodeSep) + STACK_INDENT;
    let y = top;
    for (const u of col) {
      place(u.id, x, y);
      u.staff.forEach((s, i) => place(s, x + STACK_INDENT, y + (i + 1) * (h + STACK_GAP)));
      y += unitHeight(u, h) + (departments ? UNIT_GAP : STACK_GAP);
    }
  });
}

/**
 * The tree's width / height as a tidy tree would draw it (each subtree as wide as its children side
 * by side), cheap enough to try several compactions before the one dagre run.
 */
function estimateSize(roots: readonly number[], children: ReadonlyMap<number, number[]>, blocks: ReadonlyMap<number, Block>, geo: Geometry): { width: number; height: number } {
  const { w, h, rankSep, nodeSep } = geo;
  const depthHeight: number[] = [];
  const subtreeWidth = new Map<number, number>();
  const inBlock = new Set<number>();
  for (const b of blocks.values()) for (const u of b.units) inBlock.add(u.id);
  // iterative post-order; the layout tree has no circles (layoutParents cut them)
  for (const root of roots) {
    const stack: [number, number, boolean][] = [[root, 0, false]];
    while (stack.length > 0) {
      const [id, depth, done] = stack.pop()!;
      const block = blocks.get(id);
      const kids = (children.get(id) ?? []).filter((k) => !inBlock.has(k));
      if (!done) {
        depthHeight[depth] = Math.max(depthHeight[depth] ?? 0, h);
        if (block) depthHeight[depth + 1] = Math.max(depthHeight[depth + 1] ?? 0, block.height);
        stack.push([id, depth, true]);
        for (const k of kids) stack.push([k, depth + 1, false]);
        continue;
      }
      const parts = kids.map((k) => subtreeWidth.get(k)!);
      if (block) parts.push(block.width);
      const below = parts.reduce((a, b) => a + b, 0) + Math.max(0, parts.length - 1) * nodeSep;
      subtreeWidth.set(id, Math.max(w, below));
    }
  }
  const width = roots.reduce((a, r) => a + subtreeWidth.get(r)!, 0) + Math.max(0, roots.length - 1) * nodeSep;
  const height = depthHeight.reduce((a, b) => a + b, 0) + Math.max(0, depthHeight.length - 1) * rankSep;
  return { width, height: Math.max(1, height) };
}

/** A tree wider than this (width / height) and than TOO_WIDE_CARDS cards is compacted further. */
const TOO_WIDE = 2.5;
const TOO_WIDE_CARDS = 10;
/** The shape aimed at then: a landscape page. */
const GOOD_ASPECT = 1.5;

/**
 * Places the visible people. Reports who manage nobody are stacked from `stackFrom` in blocks about
 * 2.5 times as tall as wide; while the tree would still be a long strip, it is compacted further:
 * taller blocks, stacking from two reports, then whole small departments (a head with their staff
 * below them) stacked in columns under their manager. The first shape that is not too wide wins,
 * else the one nearest a landscape page. Small charts (up to TOO_WIDE_CARDS cards wide) stay as they are.
 */
function arrange(visibleIds: readonly number[], parent: ReadonlyMap<number, number>, geo: Geometry): Arranged {
  const { w, h, rankSep, nodeSep } = geo;
  const children = new Map<number, number[]>();
  for (const id of visibleIds) {
    const m = parent.get(id);
    if (m === undefined) continue;
    const list = children.get(m);
    if (list) list.push(id);
    else children.set(m, [id]);
  }
  const inTree = (id: number) => parent.has(id) || children.has(id);
  const roots = visibleIds.filter((id) => !parent.has(id) && children.has(id));

  let blocks = makeBlocks(children, geo, { tallness: 2.5, stackFrom: geo.stackFrom, departments: false });
  if (Number.isFinite(geo.stackFrom) && children.size > 0) {
    let size = estimateSize(roots, children, blocks, geo);
    const tooWide = (z: { width: number; height: number }) => z.width > TOO_WIDE * z.height && z.width > TOO_WIDE_CARDS * (w + nodeSep);
    const off = (z: { width: number; height: number }) => Math.abs(Math.log(z.width / z.height / GOOD_ASPECT));
    const further: Compaction[] = [
      { tallness: 6, stackFrom: geo.stackFrom, departments: false },
      { tallness: 2.5, stackFrom: Math.min(2, geo.stackFrom), departments: false },
      { tallness: 2.5, stackFrom: Math.min(2, geo.stackFrom), departments: true },
      { tallness: 6, stackFrom: Math.min(2, geo.stackFrom), departments: true },
      { tallness: 16, stackFrom: Math.min(2, geo.stackFrom), departments: true },
    ];
    for (const c of further) {
      if (!tooWide(size)) break;
      const next = makeBlocks(children, geo, c);
      const nextSize = estimateSize(roots, children, next, geo);
      if (off(nextSize) < off(size)) {
        blocks = next;
        size = nextSize;
      }
    }
  }
  const blockOf = new Map<number, number>(); // a stacked head -> their manager (the block's key)
  const stacked = new Set<number>();
  for (const [m, b] of blocks) {
    for (const u of b.units) {
      blockOf.set(u.id, m);
      stacked.add(u.id);
      for (const s of u.staff) stacked.add(s);
    }
  }

  const positions = new Map<number, { x: number; y: number }>();
  let width = 0;
  let height = 0;
  const place = (id: number, x: number, y: number) => {
    positions.set(id, { x, y });
    width = Math.max(width, x + w);
    height = Math.max(height, y + h);
  };

  if (children.size > 0) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: nodeSep, ranksep: rankSep, marginx: 0, marginy: 0, rankalign: 'top', ranker: 'tight-tree' });
    g.setDefaultEdgeLabel(() => ({}));
    for (const id of visibleIds) {
      if (!inTree(id) || (stacked.has(id) && !blockOf.has(id))) continue; // staff go with their head
      const m = blockOf.get(id);
      if (m === undefined) g.setNode(String(id), { width: w, height: h });
      else if (!g.hasNode(`b${m}`)) g.setNode(`b${m}`, { width: blocks.get(m)!.width, height: blocks.get(m)!.height });
    }
    for (const id of visibleIds) {
      const m = parent.get(id);
      if (m === undefined || (stacked.has(id) && !blockOf.has(id))) continue;
      g.setEdge(String(m), blockOf.has(id) ? `b${blockOf.get(id)}` : String(id));
    }
    dagre.layout(g);
    let minX = Infinity;
    let minY = Infinity;
    for (const v of g.nodes()) {
      const n = g.node(v);
      minX = Math.min(minX, n.x! - n.width / 2);
      minY = Math.min(minY, n.y! - n.height / 2);
    }
    for (const v of g.nodes()) {
      const n = g.node(v);
      const left = n.x! - n.width / 2 - minX;
      const top = n.y! - n.height / 2 - minY;
      if (v.startsWith('b')) placeBlock(blocks.get(Number(v.slice(1)))!, left, top, geo, place);
      else place(Number(v), left, top);
    }
  }

  // People on their own: rows under the tree, as wide as the tree or a rough square, whichever is wider.
  const loose = visibleIds.filter((id) => !inTree(id));
  if (loose.length > 0) {
    const fit = Math.floor((width + nodeSep) / (w + nodeSep));
    const square = Math.ceil(Math.sqrt(loose.length * 2));
    const columns = Math.max(1, Math.min(loose.length, Math.max(fit, square)));
    const top = height > 0 ? height + rankSep : 0;
    loose.forEach((id, i) => place(id, (i % columns) * (w + nodeSep), top + Math.floor(i / columns) * (h + nodeSep)));
  }
  return { positions, stacked, width, height };
}

export function layoutMap(people: readonly { id: number }[], lines: readonly MapLine[], opts: LayoutOptions = {}): MapLayout {
  const geo: Geometry = {
    w: opts.nodeWidth ?? LAYOUT_DEFAULTS.nodeWidth,
    h: opts.nodeHeight ?? LAYOUT_DEFAULTS.nodeHeight,
    rankSep: opts.rankSep ?? LAYOUT_DEFAULTS.rankSep,
    nodeSep: opts.nodeSep ?? LAYOUT_DEFAULTS.nodeSep,
    stackFrom: opts.stackFrom ?? LAYOUT_DEFAULTS.stackFrom,
  };
  const ids: number[] = [];
  const seenIds = new Set<number>();
  for (const p of people) {
    if (!seenIds.has(p.id)) {
      seenIds.add(p.id);
      ids.push(p.id);
    }
  }
  const hidden = hiddenBy(ids, lines, opts.collapsed ?? new Set());
  const visibleIds = ids.filter((id) => !hidden.has(id));
  const parent = layoutParents(new Set(visibleIds), lines);

  return { ...arrange(visibleIds, parent, geo), hidden };
}
