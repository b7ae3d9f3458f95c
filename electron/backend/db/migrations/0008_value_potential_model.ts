import type { Migration } from './types';

/**
 * The built-in value x potential matrix follows the seed's KAM model (domain.md, "Portfolio models"):
 * 0003 put 野猫 (wildcat, "cut decisively") at low value and high potential, so accounts just starting
 * with large potential were filed to be cut. Now the top-left corner is 潜力明星 (rising star: invest,
 * learn everything about them), and 野猫 is a verdict on profit and reputation shown on the card, not
 * a quadrant.
 *
 * - `quadrants.replaced_by`: a retired quadrant keeps its row (old moves still name it) and says where
 *   its placements went; boards as of an earlier date show them there.
 * - Every placement in 野猫 is re-filed to 潜力明星 (the same corner: the director judged it low value,
 *   high potential) with a move by `system` at the migration's time, reason "model changed: ...".
 *   Earlier moves stay as they were. Custom matrices are untouched.
 * - The other three quadrants get the new names, places and treatments; their colours stay.
 * Self-contained: the new quadrants are written here, not read from shared/domain.
 */
export const MODEL_CHANGE_BY = 'system';
export const MODEL_CHANGE_REASON =
  'model changed: value x potential follows the seed KAM model; 野猫 Wildcat (cut decisively) is no longer a corner, low value with high potential is now 潜力明星 Rising star (invest)';

const QUADRANTS = [
  { key: 'rising-star', position: 'tl', nameZh: '潜力明星', nameEn: 'Rising star', color: '#e4f3ea', treatmentZh: '当前价值不高、潜力大（可能刚起步）：加大投入，深入了解客户，培养成明星。', treatmentEn: 'Little value today, large potential (possibly just starting): invest, learn everything about them, grow them into a star.' },
  { key: 'star', position: 'tr', nameZh: '明星', nameEn: 'Star', color: '#e3ecfb', treatmentZh: '价值高、增长快、潜力大：重点投入，深入了解客户。', treatmentEn: 'High value, growing fast, large potential: invest and learn everything about them.' },
  { key: 'dog', position: 'bl', nameZh: '瘦狗', nameEn: 'Dog', color: '#eceff3', treatmentZh: '价值和潜力都有限：控制投入，帮助其改善。', treatmentEn: 'Little value or potential: control spending, help them improve.' },
  { key: 'cash-cow', position: 'br', nameZh: '金牛', nameEn: 'Cash cow', color: '#fdf1d6', treatmentZh: '长期稳定、规模大、增长放缓：巩固并深耕。', treatmentEn: 'Long, stable and large, growth slowing: keep and deepen.' },
] as const;

export const m0008: Migration = {
  version: 8,
  name: 'value-potential-model',
  up(db, when) {
    db.exec('ALTER TABLE quadrants ADD COLUMN replaced_by TEXT');
    const matrixId = db.prepare("SELECT id FROM matrices WHERE key = 'value-potential' AND builtin = 1").pluck().get() as number | undefined;
    if (matrixId === undefined) return;
    const now = when.toISOString();
    const has = db.prepare('SELECT 1 FROM quadrants WHERE matrix_id = ? AND key = ?');
    // Positions first (out of the way), then each quadrant as the model says.
    for (const q of QUADRANTS) {
      if (has.get(matrixId, q.key)) {
        db.prepare('UPDATE quadrants SET position = ?, name_zh = ?, name_en = ?, treatment_zh = ?, treatment_en = ?, replaced_by = NULL WHERE matrix_id = ? AND key = ?').run(
          q.position, q.nameZh, q.nameEn, q.treatmentZh, q.treatmentEn, matrixId, q.key,
        );
      } else {
        db.prepare('INSERT INTO quadrants (matrix_id, key, position, name_zh, name_en, color, treatment_zh, treatment_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          matrixId, q.key, q.position, q.nameZh, q.nameEn, q.color, q.treatmentZh, q.treatmentEn,
        );
      }
    }
    db.prepare("UPDATE quadrants SET replaced_by = 'rising-star' WHERE matrix_id = ? AND key = 'wildcat'").run(matrixId);
    const filed = db.prepare("SELECT account_id FROM placements WHERE matrix_id = ? AND quadrant_key = 'wildcat' ORDER BY account_id").pluck().all(matrixId) as number[];
    const place = db.prepare("UPDATE placements SET quadrant_key = 'rising-star', placed_at = ? WHERE matrix_id = ? AND account_id = ?");
    const move = db.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at, by_person, reason) VALUES (?, ?, 'wildcat', 'rising-star', ?, ?, ?)");
    for (const accountId of filed) {
      place.run(now, matrixId, accountId);
      move.run(matrixId, accountId, now, MODEL_CHANGE_BY, MODEL_CHANGE_REASON);
    }
    db.prepare('UPDATE matrices SET updated_at = ? WHERE id = ?').run(now, matrixId);
  },
};
