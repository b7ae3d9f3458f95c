/**
 * Pareto analysis 二八法则: sort by value, accumulate; the accounts that together make the first
 * `threshold` (80%) of the total are the head. The first account to cross the line is in the head.
 */
export interface ParetoItem<T> {
  item: T;
  value: number;
  /** Share of the total, 0..1. */
  share: number;
  /** Cumulative share including this item, 0..1. */
  cumulative: number;
  inHead: boolean;
  rank: number;
}

export interface Pareto<T> {
  items: ParetoItem<T>[];
  total: number;
  headCount: number;
  /** Share of the accounts that make the head, 0..1. */
  headShareOfCount: number;
}

export function pareto<T>(items: readonly T[], value: (t: T) => number, threshold = 0.8): Pareto<T> {
  const rows = items.map((item) => ({ item, value: Math.max(0, value(item)) })).sort((a, b) => b.value - a.value);
  const total = rows.reduce((s, r) => s + r.value, 0);
  let running = 0;
  let headCount = 0;
  const out = rows.map((r, i) => {
    const before = total === 0 ? 1 : running / total;
    running += r.value;
    const inHead = total > 0 && r.value > 0 && before < threshold - 1e-12;
    if (inHead) headCount++;
    return {
      item: r.item,
      value: r.value,
      share: total === 0 ? 0 : r.value / total,
      cumulative: total === 0 ? 0 : running / total,
      inHead,
      rank: i + 1,
    };
  });
  return { items: out, total, headCount, headShareOfCount: rows.length === 0 ? 0 : headCount / rows.length };
}
