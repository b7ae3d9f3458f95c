import type { Migration } from './types';

/**
 * A plan section can be marked "internal only" (shared/domain/audience.ts): its text and items are
 * left out of everything made for a customer. Existing sections are not internal (0). Items carry
 * their own `internal` flag in their JSON data (absent: not internal), so they need no column.
 */
export const m0009: Migration = {
  version: 9,
  name: 'internal-plan-sections',
  up(db) {
    db.exec('ALTER TABLE plan_sections ADD COLUMN internal INTEGER NOT NULL DEFAULT 0 CHECK (internal = 0 OR internal = 1)');
  },
};
