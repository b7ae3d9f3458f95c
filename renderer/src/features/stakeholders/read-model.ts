/**
 * What the map shows from the API's answer (pure: no React, no React Flow): who is folded, who has
 * a stale-contact gap, the cards to draw with what each shows, the lines to draw, and where edits
 * put people (a new report, the places to pin, a drag that settled). graph.ts turns these into
 * React Flow's nodes and edges. Unit tests: test/unit/map-read-model.test.ts.
 */
import type { MapMember } from '../../../../shared/api/stakeholders';
import type { CoverageGap } from '../../../../shared/domain/coverage.types';
import { descendants } from '../../../../shared/domain/map-layout';
import type { MapLine } from '../../../../shared/domain/stakeholders';

export type XY = { x: number; y: number };
export type Position = { id: number; x: number; y: number };

/** Where everyone is (graph.ts's `place`): top-left corners, and who is hidden in a folded branch. */
export interface Placed {
  positions: ReadonlyMap<number, XY>;
  hidden: ReadonlySet<number>;
}

/** What a card shows besides the person (graph.ts's PersonData). */
export interface CardFacts extends Record<string, unknown> {
  member: MapMember;
  stale: CoverageGap | null;
  reports: number;
  collapsed: boolean;
  hiddenCount: number;
  match: boolean;
}

/** The folded branches: this visit's folds over the saved ones. */
export function foldedSet(members: readonly MapMember[], localFold: ReadonlyMap<number, boolean>): Set<number> {
  const out = new Set<number>();
  for (const m of members) if (localFold.get(m.id) ?? m.collapsed) out.add(m.id);
  return out;
}

/** A person's place as saved on this visit or with the map, or null (the automatic layout places them). */
export function savedPlace(m: MapMember, localPos: ReadonlyMap<number, XY>): XY | null {
  return localPos.get(m.id) ?? (m.x !== null && m.y !== null ? { x: m.x, y: m.y } : null);
}

/** The stale-contact gaps by person (the card's "!" follows the gap list's rule). */
export function staleByPerson(gaps: readonly CoverageGap[]): Map<number, CoverageGap> {
  return new Map(gaps.filter((g) => g.kind === 'stale-contact' && g.personId !== null).map((g) => [g.personId!, g]));
}

/** The cards on the canvas (not those inside a folded branch), in the members' order. */
export function visibleCards(
  members: readonly MapMember[],
  lines: readonly MapLine[],
  placed: Placed,
  facts: { collapsed: ReadonlySet<number>; counts: ReadonlyMap<number, number>; stale: ReadonlyMap<number, CoverageGap>; matches: ReadonlySet<number> },
): { member: MapMember; position: XY; data: CardFacts }[] {
  const out: { member: MapMember; position: XY; data: CardFacts }[] = [];
  for (const m of members) {
    const position = placed.positions.get(m.id);
    if (!position || placed.hidden.has(m.id)) continue;
    const reports = facts.counts.get(m.id) ?? 0;
    const collapsed = facts.collapsed.has(m.id);
    let hiddenCount = 0;
    if (reports > 0 && collapsed) for (const d of descendants(m.id, lines)) if (placed.hidden.has(d)) hiddenCount++;
    out.push({ member: m, position, data: { member: m, stale: facts.stale.get(m.id) ?? null, reports, collapsed, hiddenCount, match: facts.matches.has(m.id) } });
  }
  return out;
}

/** The lines to draw: not into or out of a folded branch, and no influence line when customer-safe. */
export function visibleLines(lines: readonly MapLine[], hidden: ReadonlySet<number>, safe: boolean): MapLine[] {
  return lines.filter((l) => !((safe && l.kind === 'influence') || hidden.has(l.fromId) || hidden.has(l.toId)));
}

/** Where a new report of `managerId` goes: under them, right of their other reports on that row. */
export function spotUnder(managerId: number, lines: readonly MapLine[], positions: ReadonlyMap<number, XY>, size: { width: number; height: number }): XY | null {
  const at = positions.get(managerId);
  if (!at) return null;
  const y = at.y + size.height + 70;
  let x = at.x;
  for (const l of lines) {
    if (l.kind !== 'reports' || l.toId !== managerId) continue;
    const p = positions.get(l.fromId);
    if (p && Math.abs(p.y - y) < size.height) x = Math.max(x, p.x + size.width + 24);
  }
  return { x, y };
}

/** The places to save before a first change to a map laid out automatically: everyone as shown. */
export function placesToPin(members: readonly MapMember[], localPos: ReadonlyMap<number, XY>, positions: ReadonlyMap<number, XY>): Position[] {
  const list: Position[] = [];
  for (const m of members) {
    if (savedPlace(m, localPos) !== null) continue;
    const p = positions.get(m.id);
    if (p) list.push({ id: m.id, x: Math.round(p.x), y: Math.round(p.y) });
  }
  return list;
}

/** Everyone's saved place (what a re-layout forgets, and its undo restores). */
export function savedPlaces(members: readonly MapMember[], localPos: ReadonlyMap<number, XY>): Position[] {
  return members.flatMap((m) => {
    const p = savedPlace(m, localPos);
    return p ? [{ id: m.id, x: p.x, y: p.y }] : [];
  });
}

/** The cards a drag moved (by half a pixel or more), where they were and where they are, rounded. */
export function settledMoves(base: ReadonlyMap<string, XY>, final: ReadonlyMap<string, XY>): { before: Position[]; after: Position[] } {
  const after: Position[] = [];
  const before: Position[] = [];
  for (const [id, p] of final) {
    const b = base.get(id);
    if (!b || (Math.abs(b.x - p.x) < 0.5 && Math.abs(b.y - p.y) < 0.5)) continue;
    after.push({ id: Number(id), x: Math.round(p.x), y: Math.round(p.y) });
    before.push({ id: Number(id), x: Math.round(b.x), y: Math.round(b.y) });
  }
  return { before, after };
}
