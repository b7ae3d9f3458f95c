import { BUILT_IN_MATRICES } from '../../../../shared/domain/quadrants';
import type { Migration } from './types';

/**
 * The quadrant board: matrices (two built in, more of the team's own), their four quadrants, each
 * account's current placement per matrix, and every move (when, who, from, to, why).
 * The built-in matrices are seeded from shared/domain/quadrants.ts as it was when this migration was
 * written; a later change to them needs a migration of its own.
 */
export const m0003: Migration = {
  version: 3,
  name: 'quadrant-board',
  up(db, when) {
    db.exec(`
      CREATE TABLE matrices (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE CHECK (key GLOB '[a-z0-9]*' AND length(key) BETWEEN 1 AND 40),
        name_zh     TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
        name_en     TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
        x_label_zh  TEXT NOT NULL,
        x_label_en  TEXT NOT NULL,
        y_label_zh  TEXT NOT NULL,
        y_label_en  TEXT NOT NULL,
        builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1)),
        suggest     TEXT NOT NULL DEFAULT '{"kind":"none"}',
        position    INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE quadrants (
        matrix_id    INTEGER NOT NULL REFERENCES matrices (id) ON DELETE CASCADE,
        key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
        position     TEXT NOT NULL CHECK (position IN ('tl','tr','bl','br')),
        name_zh      TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
        name_en      TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
        color        TEXT NOT NULL,
        treatment_zh TEXT NOT NULL DEFAULT '',
        treatment_en TEXT NOT NULL DEFAULT '',
        -- One quadrant per position: checked by the API (an edit may swap two positions in one go).
        PRIMARY KEY (matrix_id, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE placements (
        matrix_id    INTEGER NOT NULL REFERENCES matrices (id) ON DELETE CASCADE,
        account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        quadrant_key TEXT NOT NULL,
        placed_at    TEXT NOT NULL,
        PRIMARY KEY (matrix_id, account_id),
        FOREIGN KEY (matrix_id, quadrant_key) REFERENCES quadrants (matrix_id, key) ON UPDATE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE placement_moves (
        id         INTEGER PRIMARY KEY,
        matrix_id  INTEGER NOT NULL REFERENCES matrices (id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        from_key   TEXT,
        to_key     TEXT,
        at         TEXT NOT NULL,
        by_person  TEXT NOT NULL DEFAULT '',
        reason     TEXT NOT NULL DEFAULT '',
        CHECK (from_key IS NOT to_key)
      ) STRICT;
      CREATE INDEX placement_moves_account ON placement_moves (account_id, at);
      CREATE INDEX placement_moves_matrix ON placement_moves (matrix_id, at);
    `);
    const now = when.toISOString();
    const matrix = db.prepare(
      `INSERT INTO matrices (key, name_zh, name_en, x_label_zh, x_label_en, y_label_zh, y_label_en, builtin, suggest, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const quadrant = db.prepare(
      `INSERT INTO quadrants (matrix_id, key, position, name_zh, name_en, color, treatment_zh, treatment_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    BUILT_IN_MATRICES.forEach((m, i) => {
      const id = matrix.run(m.key, m.nameZh, m.nameEn, m.xLabelZh, m.xLabelEn, m.yLabelZh, m.yLabelEn, JSON.stringify(m.suggest), i, now, now).lastInsertRowid;
      for (const q of m.quadrants) quadrant.run(id, q.key, q.position, q.nameZh, q.nameEn, q.color, q.treatmentZh, q.treatmentEn);
    });
  },
};
