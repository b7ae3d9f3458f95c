/**
 * Reporting circles on a graph held in memory (no database): "A reports to B" is an edge A -> B,
 * and a new line "from reports to to" closes a circle when `from` is already above `to`.
 *
 * Only reporting lines count, solid and dotted alike (a dotted-line manager is still a manager, and
 * the org chart's layout needs a graph without circles); influence lines may run both ways. The
 * callers pass the lines of people in the bin too, so an undelete can never bring a circle back.
 */

/** Who a node reports to (its managers, solid and dotted). */
export type ManagersOf<K> = (node: K) => Iterable<K>;

/** The lookup over a list of reporting lines (from reports to to). */
export function managersIn<K>(lines: Iterable<{ fromId: K; toId: K }>): ManagersOf<K> {
  const up = new Map<K, K[]>();
  for (const l of lines) {
    const list = up.get(l.fromId);
    if (list) list.push(l.toId);
    else up.set(l.fromId, [l.toId]);
  }
  return (node) => up.get(node) ?? [];
}

/**
 * The shortest way up from `start` to `target` (both included, breadth first, managers in the
 * order the lookup gives them), or null when `target` is not `start` nor above it.
 */
export function wayUp<K>(managersOf: ManagersOf<K>, start: K, target: K): K[] | null {
  const cameFrom = new Map<K, K | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i]!;
    if (cur === target) {
      const way: K[] = [];
      for (let at: K | null = cur; at !== null; at = cameFrom.get(at) ?? null) way.unshift(at);
      return way;
    }
    for (const next of managersOf(cur)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, cur);
      queue.push(next);
    }
  }
  return null;
}

/** Whether "from reports to to" would close a circle: `from` is `to` or already above it. */
export function closesReportingCycle<K>(managersOf: ManagersOf<K>, fromId: K, toId: K): boolean {
  return wayUp(managersOf, toId, fromId) !== null;
}
