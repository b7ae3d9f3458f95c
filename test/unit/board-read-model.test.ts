// What the board shows from the API's answer (renderer/src/features/board/board-model.ts): pure.
import { describe, expect, it } from 'vitest';
import type { BoardCard, Matrix } from '../../shared/api/board';
import type { Change } from '../../shared/domain/quadrants';
import * as bm from '../../renderer/src/features/board/board-model';

const card = (accountId: number, p: Partial<BoardCard> = {}): BoardCard => ({ accountId, name: `A${accountId}`, quadrant: null, revenueThisYear: null, ...p }) as unknown as BoardCard;

describe('board model', () => {
  it('shows placements not yet confirmed over the board', () => {
    const cards = [card(1, { quadrant: 'star' }), card(2)];
    expect(bm.withOverrides(cards, new Map())).toBe(cards);
    const shown = bm.withOverrides(cards, new Map([[1, null], [2, 'dog']]));
    expect(shown.map((c) => c.quadrant)).toEqual([null, 'dog']);
    expect(cards[0]!.quadrant).toBe('star');
  });

  it('groups by quadrant and tray, biggest revenue first, then by name', () => {
    const cards = [card(1, { quadrant: 'star', revenueThisYear: 10 }), card(2, { quadrant: 'star', revenueThisYear: 30 }), card(3), card(4, { name: 'A0' }), card(5, { quadrant: 'star', revenueThisYear: 10, name: 'A0' })];
    const groups = bm.groupCards(cards, false);
    expect(groups.get('star')!.map((c) => c.accountId)).toEqual([2, 5, 1]);
    expect(groups.get(bm.TRAY)!.map((c) => c.accountId)).toEqual([4, 3]);
  });

  it('comparing with a date, the accounts that moved come first', () => {
    const cards = [card(1, { quadrant: 'star', revenueThisYear: 50 }), card(2, { quadrant: 'star', revenueThisYear: 1, movedFrom: null })];
    expect(bm.groupCards(cards, true).get('star')!.map((c) => c.accountId)).toEqual([2, 1]);
    expect(bm.groupCards(cards, false).get('star')!.map((c) => c.accountId)).toEqual([1, 2]);
  });

  it('figures per quadrant count the placed cards and their revenue', () => {
    const matrix = { quadrants: [{ key: 'star' }, { key: 'dog' }] } as unknown as Matrix;
    const figures = bm.figuresOf(matrix, [card(1, { quadrant: 'star', revenueThisYear: 10 }), card(2, { quadrant: 'star' }), card(3)]);
    expect(figures.get('star')).toMatchObject({ accounts: 2, revenue: 10 });
    expect(figures.get('dog')).toMatchObject({ accounts: 0, revenue: 0 });
  });

  it('counts the moves into and out of each quadrant', () => {
    const changes = [
      { from: null, to: 'star' },
      { from: 'star', to: 'dog' },
      { from: 'dog', to: null },
    ] as unknown as Change[];
    const d = bm.deltasOf(changes);
    expect(d.get('star')).toEqual({ in: 1, out: 1 });
    expect(d.get('dog')).toEqual({ in: 1, out: 1 });
    expect(d.size).toBe(2);
  });

  it('the biggest revenue, the matches on the board and the first of them in order', () => {
    const cards = [card(1, { revenueThisYear: 5 }), card(2, { revenueThisYear: 9 }), card(3)];
    expect(bm.maxRevenueOf(cards)).toBe(9);
    expect(bm.maxRevenueOf([])).toBe(0);
    const matches = bm.matchesOn([3, 2, 99], new Map(cards.map((c) => [c.accountId, c])));
    expect([...matches]).toEqual([3, 2]);
    expect(bm.firstMatchOf(cards, matches)).toBe(2);
    expect(bm.firstMatchOf(cards, new Set())).toBeNull();
  });
});
