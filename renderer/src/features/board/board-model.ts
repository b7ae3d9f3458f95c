/**
 * What the board shows from the API's answer (pure: no React): the cards with moves not yet
 * confirmed, the cards by quadrant and tray in their order, each quadrant's figures and its moves in
 * and out since a date, and the search's matches. Unit tests: test/unit/board-model.test.ts.
 */
import type { BoardCard, Matrix } from '../../../../shared/api/board';
import { quadrantFigures, type Change, type QuadrantFigure } from '../../../../shared/domain/quadrants';

/** The tray's key among the quadrants' (cards not placed yet). */
export const TRAY = '__tray';

/** Biggest revenue first (none last), then by name. */
export function byRevenue(a: BoardCard, b: BoardCard): number {
  return (b.revenueThisYear ?? -1) - (a.revenueThisYear ?? -1) || a.name.localeCompare(b.name, 'zh-CN');
}

/** The cards as they stand, with the placements not yet confirmed by the backend (null: the tray). */
export function withOverrides(cards: BoardCard[], overrides: ReadonlyMap<number, string | null>): BoardCard[] {
  if (overrides.size === 0) return cards;
  return cards.map((c) => (overrides.has(c.accountId) ? { ...c, quadrant: overrides.get(c.accountId) ?? null } : c));
}

/** The cards by quadrant (TRAY: not placed), by revenue; comparing with a date, those that moved first. */
export function groupCards(cards: readonly BoardCard[], comparing: boolean): ReadonlyMap<string, readonly BoardCard[]> {
  const out = new Map<string, BoardCard[]>();
  for (const c of cards) {
    const key = c.quadrant ?? TRAY;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(c);
  }
  // Comparing with a date, the accounts that moved come first: they are what the forum asks about.
  const order = comparing ? (a: BoardCard, b: BoardCard) => Number(b.movedFrom !== undefined) - Number(a.movedFrom !== undefined) || byRevenue(a, b) : byRevenue;
  for (const list of out.values()) list.sort(order);
  return out;
}

/** Each quadrant's count and revenue (this year's) of the cards placed in it. */
export function figuresOf(matrix: Matrix, cards: readonly BoardCard[]): Map<string, QuadrantFigure> {
  const placed = cards.filter((c) => c.quadrant !== null).map((c) => ({ quadrant: c.quadrant!, revenue: c.revenueThisYear ?? 0 }));
  return new Map(quadrantFigures(matrix.quadrants.map((q) => q.key), placed).map((f) => [f.key, f]));
}

/** How many accounts moved into and out of each quadrant since the date compared with. */
export function deltasOf(changes: readonly Change[]): Map<string, { in: number; out: number }> {
  const out = new Map<string, { in: number; out: number }>();
  const bump = (key: string | null, field: 'in' | 'out') => {
    if (key === null) return;
    const d = out.get(key) ?? { in: 0, out: 0 };
    d[field]++;
    out.set(key, d);
  };
  for (const c of changes) {
    bump(c.to, 'in');
    bump(c.from, 'out');
  }
  return out;
}

/** The biggest revenue on the board (the cards' weight bars are relative to it). */
export function maxRevenueOf(cards: readonly BoardCard[]): number {
  return cards.reduce((m, c) => Math.max(m, c.revenueThisYear ?? 0), 0);
}

/** The accounts found that are on the board. */
export function matchesOn(foundIds: readonly number[], onBoard: ReadonlyMap<number, unknown>): Set<number> {
  return new Set(foundIds.filter((id) => onBoard.has(id)));
}

/** The first card (in the board's order) that matches, or null. */
export function firstMatchOf(cards: readonly BoardCard[], matches: ReadonlySet<number>): number | null {
  for (const c of cards) if (matches.has(c.accountId)) return c.accountId;
  return null;
}
