import type { Migration } from './types';

/**
 * Who approved a plan: the person chosen in Settings ("I am") at the time, by name, as board moves
 * record theirs. Plans approved before this was kept have none (NULL); nothing is guessed.
 */
export const m0012: Migration = {
  version: 12,
  name: 'recorded-by',
  up(db) {
    db.exec('ALTER TABLE plans ADD COLUMN approved_by TEXT');
  },
};
