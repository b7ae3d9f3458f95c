/**
 * Service capacity (shared/domain/capacity.ts): the quarter's input read from the database, and the
 * what-if reassignment applied in one transaction.
 */
import type { Database as Db } from 'better-sqlite3';
import type { CapacityView } from '../../../../shared/api/capacity';
import { AppError } from '../../../../shared/api/errors';
import { asOfDate, parseQuarter, quarterLabel, type CapacityAccount, type CapacityOwner, type CapacityTier } from '../../../../shared/domain/capacity';
import { quarterOf } from '../../../../shared/domain/dates';
import { writeTx } from '../tx';
import { contactCounts } from './figures';

/** The capacity input of `quarter` (`YYYY-Qn`; default the quarter of `today`). */
export function capacityView(db: Db, today: string, quarter?: string): CapacityView {
  const q = quarter ? parseQuarter(quarter) : quarterOf(today);
  if (!q) throw new AppError('invalid-args', `Not a quarter: ${quarter}. Use YYYY-Qn, e.g. 2026-Q4.`, { field: 'quarter' });
  const asOf = asOfDate(q, today);
  const rows = db
    .prepare(
      `SELECT id, name, owner_id AS ownerId, tier_id AS tierId FROM accounts
       WHERE deleted_at IS NULL AND churn_status <> 'churned' ORDER BY id`,
    )
    .all() as Omit<CapacityAccount, 'done'>[];
  const counts = asOf < q.start || today < q.start ? new Map<number, { visits: number; calls: number }>() : contactCounts(db, q.start, asOf);
  const accounts: CapacityAccount[] = rows.map((r) => ({ ...r, done: counts.get(r.id) ?? { visits: 0, calls: 0 } }));
  const owners = db
    .prepare(
      `SELECT id, name, quarter_days AS quarterDays, visits_per_day AS visitsPerDay, calls_per_day AS callsPerDay FROM people p
       WHERE (active = 1 AND role IN ('manager', 'director')) OR EXISTS (SELECT 1 FROM accounts a WHERE a.owner_id = p.id AND a.deleted_at IS NULL AND a.churn_status <> 'churned')
       ORDER BY name`,
    )
    .all() as CapacityOwner[];
  const tiers = db
    .prepare(
      `SELECT id, key, name_zh AS nameZh, coalesce(nullif(name_en, ''), name_zh) AS nameEn, rank,
              visits_per_quarter AS visitsPerQuarter, calls_per_month AS callsPerMonth FROM tiers ORDER BY rank, id`,
    )
    .all() as CapacityTier[];
  return { quarter: q, label: quarterLabel(q), asOf, owners, tiers, accounts };
}

/** Moves accounts between owners, all or none; see the contract (capacity-reassign). */
export function reassign(db: Db, moves: readonly { accountId: number; from: number | null; to: number | null }[], now: Date): { moved: number } {
  return writeTx(db, () => {
    const account = db.prepare('SELECT name, owner_id AS ownerId FROM accounts WHERE id = ? AND deleted_at IS NULL');
    const person = db.prepare('SELECT name, active FROM people WHERE id = ?');
    const update = db.prepare('UPDATE accounts SET owner_id = ?, updated_at = ? WHERE id = ?');
    const ts = now.toISOString();
    let moved = 0;
    for (const m of moves) {
      const a = account.get(m.accountId) as { name: string; ownerId: number | null } | undefined;
      if (!a) throw new AppError('not-found', `No account with id ${m.accountId}.`, { id: m.accountId });
      if (a.ownerId !== m.from) throw new AppError('capacity-stale', `The owner of "${a.name}" changed since the screen was read; nothing was saved.`, { name: a.name });
      if (m.to !== null) {
        const p = person.get(m.to) as { name: string; active: number } | undefined;
        if (!p) throw new AppError('not-found', `No person with id ${m.to}.`, { id: m.to });
        if (!p.active) throw new AppError('person-inactive', `${p.name} is no longer active; choose an active person.`, { name: p.name });
      }
      if (m.to === m.from) continue;
      update.run(m.to, ts, m.accountId);
      moved++;
    }
    return { moved };
  });
}
