/**
 * Churn analysis and the profit Pareto over 10,000 accounts (the sample workspace at that size,
 * with its churn record and loss tail), as the portfolio page asks for them:
 * - churn-figures by quarter (four periods and the year, by reason, industry, reason x industry);
 * - profit-figures (precedence, head, loss tail, lifetime value).
 * Medians of five runs after a warm-up. Budgets: the figures measured on the shared 2-core machine
 * under load (230 ms and 341 ms) plus 30%.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/backend';
import { benchDir, median, type Suite } from './lib';

const today = '2026-09-30';

export const churn: Suite = {
  name: 'churn',
  title: 'churn figures and the profit Pareto of 10,000 accounts',
  async run() {
    const { dir, cleanup } = benchDir();
    const b = new Backend({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', now: () => new Date(`${today}T09:00:00Z`), log: () => {} });
    try {
      await b.call('sample-load', { accounts: 10_000, today });
      const time = async (fn: () => Promise<unknown>) => {
        await fn();
        const xs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          await fn();
          xs.push(performance.now() - t);
        }
        return median(xs);
      };
      const churnMs = await time(() => b.call('churn-figures', { year: 2026, period: 'quarter', today }));
      const profitMs = await time(() => b.call('profit-figures', { year: 2026, today }));
      return [
        { label: 'churn-figures of 10,000 accounts (quarters)', value: churnMs, unit: 'ms', budget: 300 },
        { label: 'profit-figures of 10,000 accounts', value: profitMs, unit: 'ms', budget: 450 },
      ];
    } finally {
      await b.close();
      cleanup();
    }
  },
};
