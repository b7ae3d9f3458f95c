import type { Migration } from './types';

/**
 * The annual account plan (domain.md, "The annual account plan"): one plan per account and year,
 * its twelve sections of sanitised HTML, its structured items, and the versions frozen on approval.
 *
 * - `plans.version` starts at 1; approving freezes the plan (with the account's live figures) into
 *   `plan_versions` under that number, and an edit of an approved plan makes version + 1, a draft.
 * - `plan_items.data` is the item as JSON (checked by kind in the API); `owner_id`, `due_date` and
 *   `status` are copies of its fields for queries (actions due, items per owner). The column is the
 *   truth for the owner: a person who leaves is set to NULL there.
 * - An account purged from the bin takes its plans, and a plan its sections, items and versions.
 */
export const m0005: Migration = {
  version: 5,
  name: 'account-plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id          INTEGER PRIMARY KEY,
        account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','review','approved')),
        version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        owner_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        approved_at TEXT,
        CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
        UNIQUE (account_id, year)
      ) STRICT;
      CREATE INDEX plans_year ON plans (year);
      CREATE INDEX plans_owner ON plans (owner_id);

      CREATE TABLE plan_sections (
        plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        section    TEXT NOT NULL CHECK (section IN ('overview','review','competitors','analysis','objectives','strategy',
                                                    'dmu','team','actions','investment','risks','measures')),
        html       TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (plan_id, section)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE plan_items (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('objective','swot','competitor','team','action','risk','contact')),
        sort       INTEGER NOT NULL DEFAULT 0,
        data       TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object' AND json_extract(data, '$.kind') = kind),
        owner_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
        due_date   TEXT,
        status     TEXT CHECK (status IN ('todo','doing','done','dropped')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_items_plan ON plan_items (plan_id, kind, sort);
      CREATE INDEX plan_items_owner ON plan_items (owner_id);
      CREATE INDEX plan_items_due ON plan_items (due_date) WHERE due_date IS NOT NULL;

      CREATE TABLE plan_versions (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL CHECK (version >= 1),
        -- {"plan":{...},"sections":[...],"items":[...],"live":{...}} as it was when approved.
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        UNIQUE (plan_id, version)
      ) STRICT;
    `);
  },
};
