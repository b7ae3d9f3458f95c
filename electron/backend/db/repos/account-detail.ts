/** One account as its page shows it (accounts-get): the record and all its parts, follow-up and compliance. */
import type { AccountDetail } from '../../../../shared/api/accounts';
import { followUp, PENDING_PROMISE_SQL } from '../../../../shared/domain/cadence';
import { dateOf, quarterOf } from '../../../../shared/domain/dates';
import type { Db } from '../types';
import { listCompetitors, listInteractions, listOpportunities, listRevenue, listSatisfaction, listTeam } from './account-parts';
import { loadCadence } from './account-query';
import { getAccountRecord } from './accounts';
import { accountCompliance, contactCounts } from './figures';

export function accountDetail(db: Db, id: number, day: string): AccountDetail {
  const account = getAccountRecord(db, id);
  const extra = db.prepare(`SELECT a.last_contact, ${PENDING_PROMISE_SQL} AS next_step_due FROM accounts a WHERE a.id = ?`).get(id) as {
    last_contact: string | null;
    next_step_due: string | null;
  };
  const quarter = quarterOf(day);
  const std = new Map(
    (db.prepare('SELECT id AS tierId, visits_per_quarter AS visitsPerQuarter, calls_per_month AS callsPerMonth FROM tiers').all() as {
      tierId: number;
      visitsPerQuarter: number;
      callsPerMonth: number;
    }[]).map((s) => [s.tierId, s]),
  );
  return {
    account,
    children: db.prepare('SELECT id, name FROM accounts WHERE parent_id = ? AND deleted_at IS NULL ORDER BY name').all(id) as { id: number; name: string }[],
    team: listTeam(db, id),
    revenue: listRevenue(db, id),
    satisfaction: listSatisfaction(db, id),
    competitors: listCompetitors(db, id),
    interactions: listInteractions(db, id),
    opportunities: listOpportunities(db, id),
    followUp: followUp(
      { grade: account.grade, lastContact: extra.last_contact, since: dateOf(account.createdAt), nextStepDue: extra.next_step_due },
      day,
      loadCadence(db),
    ),
    compliance: accountCompliance(account, contactCounts(db, quarter.start, day).get(id), std, day),
  };
}
