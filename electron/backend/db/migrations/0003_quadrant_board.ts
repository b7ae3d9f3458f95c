import type { Migration } from './types';

/**
 * The quadrant board: matrices (two built in, more of the team's own), their four quadrants, each
 * account's current placement per matrix, and every move (when, who, from, to, why).
 * The built-in matrices are seeded as they were when this migration was written (the copy below;
 * shared/domain/quadrants.ts has moved on since: migration 0008 redesigned value x potential).
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
    SEED.forEach((m, i) => {
      const id = matrix.run(m.key, m.nameZh, m.nameEn, m.xLabelZh, m.xLabelEn, m.yLabelZh, m.yLabelEn, JSON.stringify(m.suggest), i, now, now).lastInsertRowid;
      for (const q of m.quadrants) quadrant.run(id, q.key, q.position, q.nameZh, q.nameEn, q.color, q.treatmentZh, q.treatmentEn);
    });
  },
};

/** The built-in matrices of this migration, frozen: what it seeded must not change with the domain. */
const SEED = [
  {
    key: 'value-potential',
    nameZh: '价值 × 潜力',
    nameEn: 'Value × potential',
    xLabelZh: '当前价值',
    xLabelEn: 'Current value',
    yLabelZh: '未来潜力',
    yLabelEn: 'Future potential',
    quadrants: [
      { key: 'wildcat', position: 'tl', nameZh: '野猫', nameEn: 'Wildcat', color: '#fde8e8', treatmentZh: '投入多、回报差、有损品牌：果断收缩。', treatmentEn: 'Costs money, sells badly, hurts the brand: cut decisively.' },
      { key: 'star', position: 'tr', nameZh: '明星', nameEn: 'Star', color: '#e3ecfb', treatmentZh: '增长快、潜力大：加大投入，深入了解客户。', treatmentEn: 'Growing fast with potential: invest and learn everything about them.' },
      { key: 'dog', position: 'bl', nameZh: '瘦狗', nameEn: 'Dog', color: '#eceff3', treatmentZh: '价值和潜力都有限：控制投入，帮助改善。', treatmentEn: 'Little value or potential: control spending, help them improve.' },
      { key: 'cash-cow', position: 'br', nameZh: '金牛', nameEn: 'Cash cow', color: '#fdf1d6', treatmentZh: '长期稳定、规模大、增长放缓：巩固并深耕。', treatmentEn: 'Long, stable and large, growth slowing: keep and deepen.' },
    ],
    suggest: { kind: 'value-potential', revenueThreshold: 2_000_000_00, potentialAtLeast: 'high' },
  },
  {
    key: 'importance-urgency',
    nameZh: '重要性 × 紧急度',
    nameEn: 'Importance × urgency',
    xLabelZh: '紧急程度',
    xLabelEn: 'Urgency',
    yLabelZh: '重要性',
    yLabelEn: 'Importance',
    quadrants: [
      { key: 'plan', position: 'tl', nameZh: '重要不紧急', nameEn: 'Important, not urgent', color: '#e3ecfb', treatmentZh: '排进计划，本月内推进。', treatmentEn: 'Plan it; move it this month.' },
      { key: 'now', position: 'tr', nameZh: '重要且紧急', nameEn: 'Important and urgent', color: '#fde8e8', treatmentZh: '本周亲自处理。', treatmentEn: 'Handle it yourself this week.' },
      { key: 'later', position: 'bl', nameZh: '不重要不紧急', nameEn: 'Neither', color: '#eceff3', treatmentZh: '按常规节奏跟进。', treatmentEn: 'Follow the normal cadence.' },
      { key: 'delegate', position: 'br', nameZh: '紧急不重要', nameEn: 'Urgent, not important', color: '#fdf1d6', treatmentZh: '交给团队成员尽快处理。', treatmentEn: 'Delegate to the team, quickly.' },
    ],
    suggest: { kind: 'importance-urgency', urgentAtLeast: 'soon' },
  },
] as const;
