// What the map shows from the API's answer (renderer/src/features/stakeholders/read-model.ts): pure.
import { describe, expect, it } from 'vitest';
import type { MapMember } from '../../shared/api/stakeholders';
import type { CoverageGap } from '../../shared/domain/coverage.types';
import type { MapLine } from '../../shared/domain/stakeholders';
import * as rm from '../../renderer/src/features/stakeholders/read-model';

const m = (id: number, p: Partial<MapMember> = {}): MapMember => ({ id, name: `P${id}`, x: null, y: null, collapsed: false, ...p }) as unknown as MapMember;
const reports = (id: number, fromId: number, toId: number): MapLine => ({ id, kind: 'reports', fromId, toId, dotted: false, strength: 2 });
const influence = (id: number, fromId: number, toId: number): MapLine => ({ id, kind: 'influence', fromId, toId, dotted: false, strength: 2 });

// 1 heads; 2 and 3 report to 1; 4 reports to 2.
const members = [m(1), m(2, { collapsed: true }), m(3, { x: 10, y: 20 }), m(4)];
const lines = [reports(11, 2, 1), reports(12, 3, 1), reports(13, 4, 2), influence(14, 3, 4)];

describe('map read model', () => {
  it('folds: this visit over the saved ones', () => {
    expect([...rm.foldedSet(members, new Map())]).toEqual([2]);
    expect([...rm.foldedSet(members, new Map([[2, false], [1, true]]))]).toEqual([1]);
  });

  it('a saved place: this visit first, then the map; none: the layout decides', () => {
    expect(rm.savedPlace(members[2]!, new Map())).toEqual({ x: 10, y: 20 });
    expect(rm.savedPlace(members[2]!, new Map([[3, { x: 1, y: 2 }]]))).toEqual({ x: 1, y: 2 });
    expect(rm.savedPlace(members[0]!, new Map())).toBeNull();
    expect(rm.savedPlaces(members, new Map([[1, { x: 5, y: 6 }]]))).toEqual([
      { id: 1, x: 5, y: 6 },
      { id: 3, x: 10, y: 20 },
    ]);
  });

  it('stale-contact gaps by person, and nothing else', () => {
    const gaps = [
      { kind: 'stale-contact', personId: 4 },
      { kind: 'no-coverage', personId: 3 },
      { kind: 'stale-contact', personId: null },
    ] as unknown as CoverageGap[];
    expect([...rm.staleByPerson(gaps).keys()]).toEqual([4]);
  });

  it('cards: the hidden ones left out, the folded ones counting who they hide', () => {
    const placed = {
      positions: new Map([1, 2, 3, 4].map((id) => [id, { x: id * 100, y: 0 }])),
      hidden: new Set([4]),
    };
    const cards = rm.visibleCards(members, lines, placed, {
      collapsed: new Set([2]),
      counts: new Map([
        [1, 3],
        [2, 1],
      ]),
      stale: new Map(),
      matches: new Set([3]),
    });
    expect(cards.map((c) => c.member.id)).toEqual([1, 2, 3]);
    expect(cards[1]!.data).toMatchObject({ reports: 1, collapsed: true, hiddenCount: 1, match: false });
    expect(cards[2]!.data).toMatchObject({ reports: 0, collapsed: false, hiddenCount: 0, match: true });
    expect(cards[0]!.position).toEqual({ x: 100, y: 0 });
  });

  it('lines: none into a folded branch, and no influence line when customer-safe', () => {
    expect(rm.visibleLines(lines, new Set([4]), false).map((l) => l.id)).toEqual([11, 12]);
    expect(rm.visibleLines(lines, new Set(), false).map((l) => l.id)).toEqual([11, 12, 13, 14]);
    expect(rm.visibleLines(lines, new Set(), true).map((l) => l.id)).toEqual([11, 12, 13]);
  });

  it('a new report goes under the manager, right of the reports already on that row', () => {
    const size = { width: 200, height: 80 };
    const positions = new Map([
      [1, { x: 0, y: 0 }],
      [2, { x: 0, y: 150 }],
      [3, { x: 230, y: 150 }],
    ]);
    expect(rm.spotUnder(1, lines, positions, size)).toEqual({ x: 230 + 200 + 24, y: 150 });
    expect(rm.spotUnder(4, lines, new Map([[4, { x: 7, y: 7 }]]), size)).toEqual({ x: 7, y: 7 + 80 + 70 });
    expect(rm.spotUnder(9, lines, positions, size)).toBeNull();
  });

  it('pins, before a first change, everyone not placed yet, where they are shown', () => {
    const positions = new Map([
      [1, { x: 0.4, y: 10.6 }],
      [2, { x: 5, y: 5 }],
      [3, { x: 10, y: 20 }],
    ]);
    expect(rm.placesToPin(members, new Map([[2, { x: 1, y: 1 }]]), positions)).toEqual([{ id: 1, x: 0, y: 11 }]);
  });

  it('a settled drag: the cards that moved half a pixel or more, before and after, rounded', () => {
    const base = new Map([
      ['1', { x: 0, y: 0 }],
      ['2', { x: 10, y: 10 }],
    ]);
    const final = new Map([
      ['1', { x: 40.6, y: 0 }],
      ['2', { x: 10.2, y: 10.3 }],
      ['3', { x: 1, y: 1 }],
    ]);
    expect(rm.settledMoves(base, final)).toEqual({ before: [{ id: 1, x: 0, y: 0 }], after: [{ id: 1, x: 41, y: 0 }] });
  });
});
