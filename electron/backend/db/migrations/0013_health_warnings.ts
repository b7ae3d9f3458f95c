import type { Migration } from './types';

/**
 * Early warning (README, "Health and early warning"): a director's decision on a suggested churn
 * risk. A suggestion is computed from the health score and is not stored; deciding it stores the
 * account, when it was suggested, the score then (and at the end of the quarter before), why, the
 * top reasons (JSON, shared/domain/health.ts HealthReason[]), the decision, the note, who decided
 * ("I am", by name, as plan approvals record it; NULL when nobody was chosen) and when. A later
 * suggestion for the same account waits until the score falls below the last decided one.
 */
export const m0013: Migration = {
  version: 13,
  name: 'health-warnings',
  up(db) {
    db.exec(`
      CREATE TABLE health_warnings (
        id           INTEGER PRIMARY KEY,
        account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        suggested_at TEXT NOT NULL,
        score_then   INTEGER NOT NULL CHECK (score_then BETWEEN 0 AND 100),
        previous     INTEGER CHECK (previous BETWEEN 0 AND 100),
        reason       TEXT NOT NULL CHECK (reason = 'drop' OR reason = 'threshold'),
        reasons      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
        decision     TEXT NOT NULL CHECK (decision = 'confirmed' OR decision = 'dismissed'),
        note         TEXT NOT NULL DEFAULT '',
        decided_by   TEXT,
        decided_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX health_warnings_account ON health_warnings (account_id, decided_at);
    `);
  },
};
