import type { Migration } from './types';

/**
 * Service capacity (issue 16, domain.md "Reading the portfolio's health"): per person, the days in
 * a quarter they have for customer work and how many visits or calls they make in one such day
 * (shared/domain/capacity.ts). Existing people get the defaults (40 days, 2 visits, 12 calls).
 */
export const m0014: Migration = {
  version: 14,
  name: 'service-capacity',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN quarter_days INTEGER NOT NULL DEFAULT 40 CHECK (quarter_days BETWEEN 0 AND 92);
      ALTER TABLE people ADD COLUMN visits_per_day INTEGER NOT NULL DEFAULT 2 CHECK (visits_per_day BETWEEN 1 AND 20);
      ALTER TABLE people ADD COLUMN calls_per_day INTEGER NOT NULL DEFAULT 12 CHECK (calls_per_day BETWEEN 1 AND 200);
    `);
  },
};
