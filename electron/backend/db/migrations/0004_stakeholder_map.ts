import type { Migration } from './types';

/**
 * The stakeholder map (domain.md, "The buyer's decision-making unit"): the buyer's people per
 * account, reporting and influence lines between them, tender maps (the people of an opportunity's
 * bid with their bid roles), saved positions per map, and snapshots of a map as of a date.
 *
 * - A person moved to the bin keeps `deleted_at`; their lines, memberships and positions stay for an
 *   undo. Names are unique per account among the people not in the bin (reports-to is by name).
 * - `map_layout.tender_id` is 0 for the account map, else the opportunity's id (a real key: NULL
 *   cannot be part of a primary key); a trigger drops a tender's positions with the opportunity.
 * - Reporting cycles are refused by the API (a check would need a recursive query per row).
 */
export const m0004: Migration = {
  version: 4,
  name: 'stakeholder-map',
  up(db) {
    db.exec(`
      CREATE TABLE stakeholders (
        id                 INTEGER PRIMARY KEY,
        account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
        title              TEXT NOT NULL DEFAULT '',
        department         TEXT NOT NULL DEFAULT '',
        level              TEXT CHECK (level IN ('top','middle','base')),
        roles              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
        influence          TEXT CHECK (influence IN ('high','medium','low')),
        attitude           INTEGER CHECK (attitude BETWEEN -2 AND 2),
        strength           TEXT NOT NULL DEFAULT 'none' CHECK (strength IN ('none','acquainted','friendly','trusted','advocate')),
        owner_id           INTEGER REFERENCES people (id) ON DELETE SET NULL,
        last_contact_set   TEXT,
        favours_competitor TEXT NOT NULL DEFAULT '',
        org_wins           TEXT NOT NULL DEFAULT '',
        personal_wins      TEXT NOT NULL DEFAULT '',
        interests          TEXT NOT NULL DEFAULT '',
        notes              TEXT NOT NULL DEFAULT '',
        deleted_at         TEXT,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      -- Reports-to is by name: one live person per name and account. Also the index of "the people of
      -- an account" (every map read and the per-account aggregate of the list of maps).
      CREATE UNIQUE INDEX stakeholders_account_name ON stakeholders (account_id, name) WHERE deleted_at IS NULL;
      CREATE INDEX stakeholders_account ON stakeholders (account_id, deleted_at);
      CREATE INDEX stakeholders_owner ON stakeholders (owner_id);

      CREATE TABLE stakeholder_lines (
        id         INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('reports','influence')),
        from_id    INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
        to_id      INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
        dotted     INTEGER NOT NULL DEFAULT 0 CHECK (dotted IN (0,1)),
        strength   INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
        created_at TEXT NOT NULL,
        CHECK (from_id <> to_id),
        -- from_id first: "whom does X report to" (the cycle check) and the cascade use it.
        UNIQUE (from_id, kind, to_id)
      ) STRICT;
      CREATE INDEX stakeholder_lines_account ON stakeholder_lines (account_id);
      CREATE INDEX stakeholder_lines_to ON stakeholder_lines (to_id);

      CREATE TABLE tender_members (
        opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
        -- The person's roles in this bid; empty: their account roles count.
        roles          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
        PRIMARY KEY (opportunity_id, stakeholder_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX tender_members_stakeholder ON tender_members (stakeholder_id);

      CREATE TABLE map_layout (
        stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
        -- 0: the account map; otherwise the opportunity whose tender map this is.
        tender_id      INTEGER NOT NULL DEFAULT 0 CHECK (tender_id >= 0),
        x              REAL,
        y              REAL,
        collapsed      INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0,1)),
        CHECK ((x IS NULL) = (y IS NULL)),
        PRIMARY KEY (tender_id, stakeholder_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_layout_stakeholder ON map_layout (stakeholder_id);
      CREATE TRIGGER opportunities_after_delete_map_layout AFTER DELETE ON opportunities BEGIN
        DELETE FROM map_layout WHERE tender_id = OLD.id;
      END;

      CREATE TABLE map_snapshots (
        id             INTEGER PRIMARY KEY,
        account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        opportunity_id INTEGER REFERENCES opportunities (id) ON DELETE CASCADE,
        label          TEXT NOT NULL CHECK (length(trim(label)) > 0),
        taken_on       TEXT NOT NULL,
        -- {"members":[...],"lines":[...]} as the map was when it was taken.
        data           TEXT NOT NULL CHECK (json_valid(data)),
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX map_snapshots_map ON map_snapshots (account_id, opportunity_id, taken_on);
      CREATE INDEX map_snapshots_opportunity ON map_snapshots (opportunity_id);
    `);
  },
};
