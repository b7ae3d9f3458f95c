/**
 * Account health (README, "Health and early warning"): every live account's score with four quarters
 * of trend and the warnings, over the 10,000-account sample workspace (interactions, satisfaction,
 * revenue, stakeholder maps), as health-list computes it: < 300 ms (the median of a few runs after a
 * warm-up). Informative: one account's health (the account page).
 */
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { accountHealth, healthOf } from '../../electron/backend/db/repos/health';
import { benchDir, timeMedian, type Figure, type Suite } from './lib';

const N = 10_000;
const today = '2026-11-24';

export const health: Suite = {
  name: 'health',
  title: 'account health with four quarters of trend, 10,000 accounts',
  async run() {
    const { dir, cleanup } = benchDir();
    const b = new Backend({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', now: () => new Date(`${today}T09:00:00Z`), log: () => {} });
    try {
      await b.call('sample-load', { locale: 'zh-CN', accounts: N, today });
      const db = b.connection();
      const first = healthOf(db, today);
      if (first.accounts.length < N * 0.9) throw new Error(`expected about ${N} accounts, scored ${first.accounts.length}`);
      const all = await timeMedian(5, () => healthOf(db, today));
      const one = await timeMedian(20, () => accountHealth(db, first.accounts[0]!.accountId, today));
      const figures: Figure[] = [
        { label: `health of ${first.accounts.length.toLocaleString('en')} accounts with four quarters of trend`, value: all, unit: 'ms', budget: 300 },
        { label: 'health of one account (the account page)', value: one, unit: 'ms' },
        { label: 'warnings suggested in the sample', value: first.warnings.length, unit: 'accounts' },
      ];
      return figures;
    } finally {
      await b.close();
      cleanup();
    }
  },
};
