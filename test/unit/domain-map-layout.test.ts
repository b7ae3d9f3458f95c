/** The stakeholder map's automatic org-chart layout (shared/domain/map-layout). */
import { describe, expect, it } from 'vitest';
import { descendants, hiddenBy, LAYOUT_DEFAULTS, layoutMap, STACK_GAP, STACK_INDENT, type MapLayout } from '../../shared/domain/map-layout';
import type { MapLine } from '../../shared/domain/stakeholders';

const W = LAYOUT_DEFAULTS.nodeWidth;
const H = LAYOUT_DEFAULTS.nodeHeight;
let lineId = 1;
const reports = (from: number, to: number, dotted = false, id = lineId++): MapLine => ({ id, kind: 'reports', fromId: from, toId: to, dotted, strength: 2 });
const influence = (from: number, to: number): MapLine => ({ id: lineId++, kind: 'influence', fromId: from, toId: to, dotted: false, strength: 3 });
const ids = (...n: number[]) => n.map((id) => ({ id }));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function expectNoOverlap(layout: MapLayout) {
  const boxes = [...layout.positions.values()].sort((a, b) => a.x - b.x);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + W; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x < b.x + W && b.x < a.x + W && a.y < b.y + H && b.y < a.y + H;
      expect(overlap, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false);
    }
  }
}

function expectInside(layout: MapLayout) {
  for (const p of layout.positions.values()) {
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.x + W).toBeLessThanOrEqual(layout.width + 1e-6);
    expect(p.y + H).toBeLessThanOrEqual(layout.height + 1e-6);
  }
}

/** A realistic organisation: one head, `vps` deputies, departments under them, staff under those. */
function org(n: number, vps = 6, departments = 33) {
  const lines: MapLine[] = [];
  for (let i = 2; i <= n; i++) {
    const manager = i <= vps + 1 ? 1 : i <= vps + 1 + departments ? 2 + ((i - vps - 2) % vps) : vps + 2 + ((i * 7) % departments);
    lines.push(reports(i, manager));
  }
  return { people: ids(...range(1, n)), lines };
}

describe('layoutMap', () => {
  it('puts managers above their reports, with top-left corners inside the area and no overlaps', () => {
    const { people, lines } = org(120, 3, 10);
    const layout = layoutMap(people, lines);
    expect(layout.positions.size).toBe(120);
    for (const l of lines) {
      expect(layout.positions.get(l.toId)!.y + H).toBeLessThanOrEqual(layout.positions.get(l.fromId)!.y);
    }
    expectNoOverlap(layout);
    expectInside(layout);
    // the left edge: a card, or the line beside a stacked column
    expect(Math.min(...[...layout.positions.values()].map((p) => p.x))).toBeLessThanOrEqual(STACK_INDENT);
    expect(Math.min(...[...layout.positions.values()].map((p) => p.y))).toBe(0);
  });

  it('a small team stays one row, centred under its manager', () => {
    const layout = layoutMap(ids(1, 2, 3, 4), [reports(2, 1), reports(3, 1), reports(4, 1)]);
    const [a, b, c, d] = [1, 2, 3, 4].map((id) => layout.positions.get(id)!);
    expect(new Set([b!.y, c!.y, d!.y]).size).toBe(1);
    expect(b!.y).toBe(H + LAYOUT_DEFAULTS.rankSep);
    expect(a!.x + W / 2).toBeCloseTo((Math.min(b!.x, c!.x, d!.x) + Math.max(b!.x, c!.x, d!.x) + W) / 2, 0);
    expect(layout.stacked.size).toBe(0);
    expect(layout.width).toBe(3 * W + 2 * LAYOUT_DEFAULTS.nodeSep);
    expect(layout.height).toBe(2 * H + LAYOUT_DEFAULTS.rankSep);
  });

  it('honours the sizes given', () => {
    const layout = layoutMap(ids(1, 2, 3), [reports(2, 1), reports(3, 1)], { nodeWidth: 100, nodeHeight: 40, rankSep: 10, nodeSep: 5 });
    expect(layout.width).toBe(205);
    expect(layout.height).toBe(90);
  });

  it('stacks many reports who manage nobody into columns instead of one wide row', () => {
    const lines = range(2, 21).map((i) => reports(i, 1));
    const layout = layoutMap(ids(...range(1, 21)), lines);
    expect(layout.stacked).toEqual(new Set(range(2, 21)));
    expect(layout.width).toBeLessThan(5 * W);
    expectNoOverlap(layout);
    for (const l of lines) expect(layout.positions.get(1)!.y + H).toBeLessThanOrEqual(layout.positions.get(l.fromId)!.y);
    // stackFrom: Infinity keeps the row
    const flat = layoutMap(ids(...range(1, 21)), lines, { stackFrom: Infinity });
    expect(flat.stacked.size).toBe(0);
    expect(flat.width).toBe(20 * W + 19 * LAYOUT_DEFAULTS.nodeSep);
  });

  it('many small departments side by side: stacks whole departments (head, staff indented below) instead of a long strip', () => {
    // 1 head, 4 deputies, 20 departments of a head and 3 staff
    const lines: MapLine[] = [];
    for (let d = 2; d <= 5; d++) lines.push(reports(d, 1));
    const heads = range(6, 25);
    heads.forEach((head, i) => {
      lines.push(reports(head, 2 + (i % 4)));
      for (let k = 0; k < 3; k++) lines.push(reports(26 + i * 3 + k, head));
    });
    const people = ids(...range(1, 85));
    const layout = layoutMap(people, lines);
    expect(layout.width / layout.height).toBeLessThan(2.5);
    expectNoOverlap(layout);
    for (const l of lines) expect(layout.positions.get(l.toId)!.y + H).toBeLessThanOrEqual(layout.positions.get(l.fromId)!.y);
    // a department: staff stacked right below their head, indented for the joining line
    const head = layout.positions.get(6)!;
    const staff = [26, 27, 28].map((id) => layout.positions.get(id)!);
    expect(staff.map((p) => p.x)).toEqual([head.x + STACK_INDENT, head.x + STACK_INDENT, head.x + STACK_INDENT]);
    expect(staff[0]!.y).toBe(head.y + H + STACK_GAP);
    expect(layout.stacked.has(6) && layout.stacked.has(26)).toBe(true);
    // the flat chart would have been a strip
    const flat = layoutMap(people, lines, { stackFrom: Infinity });
    expect(flat.width / flat.height).toBeGreaterThan(8);
  });

  it('ignores dotted reporting and influence lines', () => {
    const base = [reports(2, 1), reports(3, 1), reports(4, 2), reports(5, 3)];
    const people = ids(1, 2, 3, 4, 5);
    const plain = layoutMap(people, base);
    const extra = layoutMap(people, [...base, reports(4, 3, true), reports(5, 1, true), influence(5, 4), influence(1, 5), influence(4, 1)]);
    expect(extra.positions).toEqual(plain.positions);
    expect([extra.width, extra.height]).toEqual([plain.width, plain.height]);
  });

  it('someone with two solid managers is placed under the one of the lower line id', () => {
    const people = ids(1, 2, 3, 4, 5, 6, 7);
    const base = [reports(2, 1), reports(3, 1), reports(4, 2), reports(5, 3), reports(6, 3)];
    const both = layoutMap(people, [...base, reports(7, 3, false, 100), reports(7, 2, false, 101)]);
    const onlyThree = layoutMap(people, [...base, reports(7, 3, false, 100)]);
    expect(both.positions).toEqual(onlyThree.positions);
    const bothOtherWay = layoutMap(people, [...base, reports(7, 3, false, 101), reports(7, 2, false, 100)]);
    expect(bothOtherWay.positions).toEqual(layoutMap(people, [...base, reports(7, 2, false, 100)]).positions);
    expect(bothOtherWay.positions).not.toEqual(both.positions);
  });

  it('terminates on reporting circles and still places everyone without overlaps', () => {
    const circle = [reports(1, 2), reports(2, 3), reports(3, 1), reports(4, 4), reports(5, 1), reports(6, 5), reports(5, 6, true)];
    const layout = layoutMap(ids(1, 2, 3, 4, 5, 6), circle);
    expect(layout.positions.size).toBe(6);
    expectNoOverlap(layout);
    // a circle folded from inside does not hide itself away for ever, and ends
    const folded = layoutMap(ids(1, 2, 3, 4, 5, 6), circle, { collapsed: new Set([1, 5]) });
    expect(folded.positions.size + folded.hidden.size).toBe(6);
    expect(descendants(1, circle)).toEqual(new Set([2, 3, 5, 6]));
  });

  it('lays out people without lines in rows under the tree', () => {
    const layout = layoutMap(ids(1, 2, 3, 10, 11, 12), [reports(2, 1), reports(3, 1)]);
    const treeBottom = Math.max(...[1, 2, 3].map((id) => layout.positions.get(id)!.y + H));
    for (const id of [10, 11, 12]) expect(layout.positions.get(id)!.y).toBeGreaterThanOrEqual(treeBottom + LAYOUT_DEFAULTS.rankSep);
    expect(new Set([10, 11, 12].map((id) => layout.positions.get(id)!.y)).size).toBe(1);
    expectNoOverlap(layout);

    // only loose people: a compact grid from (0, 0)
    const loose = layoutMap(ids(...range(1, 18)), [influence(1, 2)]);
    expect(loose.positions.get(1)).toEqual({ x: 0, y: 0 });
    expect(loose.width).toBe(6 * W + 5 * LAYOUT_DEFAULTS.nodeSep);
    expect(loose.height).toBe(3 * H + 2 * LAYOUT_DEFAULTS.nodeSep);
    expectNoOverlap(loose);
  });

  it('an empty map is empty; lines to people not on the map are ignored; duplicate ids count once', () => {
    expect(layoutMap([], [])).toEqual({ positions: new Map(), hidden: new Set(), stacked: new Set(), width: 0, height: 0 });
    const layout = layoutMap(ids(1, 2, 2), [reports(2, 1), reports(3, 1), reports(1, 99)]);
    expect([...layout.positions.keys()].sort()).toEqual([1, 2]);
    expect(layout.positions.get(1)!.y).toBeLessThan(layout.positions.get(2)!.y);
  });

  it('500 people without overlap, in a printable shape (its speed: npm run bench)', () => {
    const { people, lines } = org(500);
    const layout = layoutMap(people, lines);
    expect(layout.positions.size).toBe(500);
    expectNoOverlap(layout);
    // a printable shape, not a strip
    expect(layout.width / layout.height).toBeLessThan(2.5);
  });
});

describe('collapsed branches', () => {
  // 1 heads 2 and 3; 2 heads 4 and 5; 4 heads 6; 7 reports to 4 and, dotted, to 3; 8 reports to 5 and to 2 dotted
  const lines = [reports(2, 1), reports(3, 1), reports(4, 2), reports(5, 2), reports(6, 4), reports(7, 4), reports(7, 3, true), reports(8, 5), reports(8, 2, true)];
  const people = ids(...range(1, 8));

  it('hides everyone below the folded person, who stays on show', () => {
    const layout = layoutMap(people, lines, { collapsed: new Set([2]) });
    expect(layout.hidden).toEqual(new Set([4, 5, 6, 8]));
    expect([...layout.positions.keys()].sort()).toEqual([1, 2, 3, 7]);
    expectNoOverlap(layout);
  });

  it('keeps someone who also reports to a manager on show outside the branch', () => {
    const layout = layoutMap(people, lines, { collapsed: new Set([2]) });
    // 7 reports to 4 (hidden) and, dotted, to 3 (on show): stays
    expect(layout.hidden.has(7)).toBe(false);
    expect(layout.positions.has(7)).toBe(true);
  });

  it('two managers both inside the folded branch: hidden', () => {
    expect(hiddenBy(range(1, 8), lines, new Set([5]))).toEqual(new Set([]));
    // 8 reports to 5 and to 2: folding 2 hides 5, so 8 goes too (above); folding only 5 leaves 8 under 2
    expect(hiddenBy(range(1, 8), lines, new Set([5, 2]))).toEqual(new Set([4, 5, 6, 8]));
  });

  it('nested folds and folds of hidden people', () => {
    expect(hiddenBy(range(1, 8), lines, new Set([1]))).toEqual(new Set(range(2, 8)));
    expect(hiddenBy(range(1, 8), lines, new Set([1, 4]))).toEqual(new Set(range(2, 8)));
    expect(hiddenBy(range(1, 8), lines, new Set([4]))).toEqual(new Set([6]));
    expect(hiddenBy(range(1, 8), lines, new Set())).toEqual(new Set());
  });

  it('influence lines never hide anyone', () => {
    expect(hiddenBy([1, 2], [influence(2, 1)], new Set([1]))).toEqual(new Set());
  });
});

describe('descendants', () => {
  it('everyone below through solid and dotted reporting lines, not influence, not the person', () => {
    const lines = [reports(2, 1), reports(3, 2, true), reports(4, 3), influence(5, 1), reports(1, 6)];
    expect(descendants(1, lines)).toEqual(new Set([2, 3, 4]));
    expect(descendants(4, lines)).toEqual(new Set());
    expect(descendants(6, lines)).toEqual(new Set([1, 2, 3, 4]));
  });

  it('ends on circles and never contains the person', () => {
    expect(descendants(1, [reports(1, 2), reports(2, 1), reports(3, 3)])).toEqual(new Set([2]));
    expect(descendants(3, [reports(3, 3)])).toEqual(new Set());
  });
});
