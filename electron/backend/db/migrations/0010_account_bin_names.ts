import type { Migration } from './types';

/**
 * The recycle bin keeps what it holds (issue 11, "Accounts"). Account names were unique across
 * the bin too, so creating, renaming or importing an account with the name of one in the bin
 * silently purged that one, with its plans, stakeholder map and board history. From here a name is
 * unique among the live accounts only: an account in the bin keeps its name and everything tied
 * to it until the bin is emptied; restoring it while another live account has its name is refused
 * (`bin-name-taken`).
 */
export const m0010: Migration = {
  version: 10,
  name: 'account-bin-names',
  up(db) {
    db.exec(`
      DROP INDEX accounts_name;
      CREATE UNIQUE INDEX accounts_name ON accounts (name) WHERE deleted_at IS NULL;
      CREATE INDEX accounts_deleted ON accounts (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};
