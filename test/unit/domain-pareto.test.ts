/** Pareto analysis (shared/domain/pareto): the accounts that together make the first 80%. */
import { describe, expect, it } from 'vitest';
import { pareto } from '../../shared/domain/pareto';

const byValue = (values: number[], threshold?: number) => pareto(values.map((v, i) => ({ id: i + 1, v })), (x) => x.v, threshold);

describe('pareto', () => {
  it('sorts by value, accumulates shares, and puts the accounts up to the 80% line in the head', () => {
    const p = byValue([10, 40, 5, 30, 15]);
    expect(p.total).toBe(100);
    expect(p.items.map((i) => i.item.id)).toEqual([2, 4, 5, 1, 3]);
    expect(p.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(p.items.map((i) => i.share)).toEqual([0.4, 0.3, 0.15, 0.1, 0.05]);
    expect(p.items.map((i) => +i.cumulative.toFixed(10))).toEqual([0.4, 0.7, 0.85, 0.95, 1]);
    // 40 + 30 = 70% is short of the line: the third account, which crosses it, is in the head
    expect(p.items.map((i) => i.inHead)).toEqual([true, true, true, false, false]);
    expect(p.headCount).toBe(3);
    expect(p.headShareOfCount).toBe(0.6);
  });

  it('an account that reaches exactly 80% closes the head', () => {
    const p = byValue([50, 30, 10, 5, 5]);
    expect(p.items.map((i) => i.inHead)).toEqual([true, true, false, false, false]);
    expect(p.headCount).toBe(2);
  });

  it('a classic long tail: a fifth of the accounts make four fifths of the revenue', () => {
    const values = [400, 250, 150, ...Array.from({ length: 12 }, () => 200 / 12)];
    const p = byValue(values);
    expect(p.headCount).toBe(3);
    expect(p.headShareOfCount).toBe(0.2);
  });

  it('ties keep their order and are cut at the line like any other value', () => {
    const p = byValue([25, 25, 25, 25]);
    expect(p.items.map((i) => i.item.id)).toEqual([1, 2, 3, 4]);
    expect(p.items.map((i) => i.inHead)).toEqual([true, true, true, true]); // the fourth crosses 75% -> 100%
    const q = byValue([20, 20, 20, 20, 20, 0]);
    expect(q.headCount).toBe(4);
  });

  it('accounts without revenue are never in the head; negative values count as zero', () => {
    const p = byValue([0, 100, 0, -50]);
    expect(p.total).toBe(100);
    expect(p.headCount).toBe(1);
    expect(p.items.filter((i) => i.inHead).map((i) => i.item.id)).toEqual([2]);
    expect(p.items.find((i) => i.item.id === 4)).toMatchObject({ value: 0, share: 0, inHead: false });
  });

  it('all zero, empty and single inputs', () => {
    const zero = byValue([0, 0, 0]);
    expect(zero).toMatchObject({ total: 0, headCount: 0, headShareOfCount: 0 });
    expect(zero.items.every((i) => i.share === 0 && i.cumulative === 0 && !i.inHead)).toBe(true);
    expect(byValue([])).toEqual({ items: [], total: 0, headCount: 0, headShareOfCount: 0 });
    const one = byValue([7]);
    expect(one).toMatchObject({ total: 7, headCount: 1, headShareOfCount: 1 });
    expect(one.items[0]).toMatchObject({ share: 1, cumulative: 1, inHead: true, rank: 1 });
  });

  it('takes another threshold', () => {
    expect(byValue([10, 40, 5, 30, 15], 0.5).headCount).toBe(2);
    expect(byValue([10, 40, 5, 30, 15], 0.95).headCount).toBe(4);
  });
});
