/**
 * Where people sit on a map and which branches are folded (map_layout, one row per person and map:
 * tender_id 0 is the account map). People in the bin keep theirs for an undo.
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../../shared/api/errors';
import { requireAccount } from '../../guards';
import { writeTx } from '../../tx';
import { assertPeopleOfAccount } from './checks';
import { getTender } from './tenders';

export interface LayoutInput {
  accountId: number;
  tenderId?: number | null | undefined;
  positions?: { id: number; x: number; y: number }[] | undefined;
  collapsed?: { id: number; collapsed: boolean }[] | undefined;
  reset?: boolean | undefined;
}

/** Saves positions and folded branches of one map; people in the bin keep theirs for an undo. */
export function saveLayout(db: Db, input: LayoutInput): { saved: number } {
  return writeTx(db, () => {
    requireAccount(db, input.accountId);
    const tender = input.tenderId ?? 0;
    if (input.tenderId != null) getTender(db, input.tenderId, input.accountId);
    const ids = [...(input.positions ?? []).map((p) => p.id), ...(input.collapsed ?? []).map((c) => c.id)];
    assertPeopleOfAccount(db, input.accountId, ids, { allowDeleted: true });
    if (input.tenderId != null && ids.length > 0) {
      const members = new Set(
        db.prepare('SELECT stakeholder_id FROM tender_members WHERE opportunity_id = ?').pluck().all(input.tenderId) as number[],
      );
      const outside = ids.find((id) => !members.has(id));
      if (outside !== undefined) throw new AppError('map-mismatch', `Person ${outside} is not on this tender's map.`, { id: outside });
    }
    if (input.reset) {
      db.prepare(
        'UPDATE map_layout SET x = NULL, y = NULL WHERE tender_id = ? AND stakeholder_id IN (SELECT id FROM stakeholders WHERE account_id = ?)',
      ).run(tender, input.accountId);
    }
    const pos = db.prepare(
      `INSERT INTO map_layout (stakeholder_id, tender_id, x, y) VALUES (?, ?, ?, ?)
       ON CONFLICT (tender_id, stakeholder_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
    );
    for (const p of input.positions ?? []) pos.run(p.id, tender, p.x, p.y);
    const fold = db.prepare(
      `INSERT INTO map_layout (stakeholder_id, tender_id, collapsed) VALUES (?, ?, ?)
       ON CONFLICT (tender_id, stakeholder_id) DO UPDATE SET collapsed = excluded.collapsed`,
    );
    for (const c of input.collapsed ?? []) fold.run(c.id, tender, c.collapsed ? 1 : 0);
    // Rows that hold nothing any more go.
    db.prepare(
      'DELETE FROM map_layout WHERE tender_id = ? AND x IS NULL AND collapsed = 0 AND stakeholder_id IN (SELECT id FROM stakeholders WHERE account_id = ?)',
    ).run(tender, input.accountId);
    return { saved: new Set(ids).size };
  });
}
