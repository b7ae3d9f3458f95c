/**
 * Service capacity's what-if (issue 16): the 10,000-account sample workspace, its capacity input read
 * once (capacity-view), then the client's recomputation after a move - every owner's load and
 * forecast with 200 accounts moved, the tiers' service and the inversion flag (shared/domain/capacity.ts):
 * - the what-if answers < 50 ms (median of 20; keep it under 35 ms, a 30% margin);
 * - informative: reading the input through capacity-view.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/backend';
import { inversions, ownerLoads, tierService } from '../../shared/domain/capacity';
import { benchDir, timeMedian, type Figure, type Suite } from './lib';

const today = '2026-11-20';

export const capacity: Suite = {
  name: 'capacity',
  title: "service capacity's what-if on the 10,000-account sample",
  async run() {
    const { dir, cleanup } = benchDir();
    const b = new Backend({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', now: () => new Date(`${today}T09:00:00Z`), log: () => {} });
    try {
      await b.call('sample-load', { accounts: 10_000, today });
      const t = performance.now();
      const view = await b.call('capacity-view', { today });
      const read = performance.now() - t;
      const owners = view.owners.map((o) => o.id);
      let round = 0;
      const whatIf = await timeMedian(20, () => {
        round++;
        const moves = new Map(view.accounts.slice(0, 200).map((a, i) => [a.id, owners[(i + round) % owners.length]!]));
        const loads = ownerLoads(view, moves);
        inversions(tierService(view));
        return loads;
      });
      return [
        { label: `capacity what-if: ${owners.length} owners' load, 200 moves (10,000 accounts)`, value: whatIf, unit: 'ms', budget: 50 },
        { label: 'capacity-view of 10,000 accounts (informative)', value: read, unit: 'ms' },
      ] satisfies Figure[];
    } finally {
      await b.close();
      cleanup();
    }
  },
};
