/**
 * The live data of an account plan: the account's own figures gathered for the plan year - revenue
 * and targets by year, its tier's service standard, where it sits on each matrix and how it moved,
 * the stakeholder map's coverage, churn status, receivables and the satisfaction trend. A draft or
 * a plan in review shows them as they are now; approving freezes a copy into the plan's version.
 */
import type { Database as Db } from 'better-sqlite3';
import type { PlanLiveData } from '../../../shared/api/plans';
import { listRevenue, listSatisfaction } from '../db/repos/account-parts';
import { accountHistory } from '../db/repos/board';
import { requireAccount } from '../db/guards';
import { getMap } from '../db/repos/stakeholders/map-read';
import { listDecisions } from '../db/repos/health';

const DECIDER_GAP = 'decider-not-supporter';

interface AccountFigures {
  currency: PlanLiveData['currency'];
  churn_status: PlanLiveData['churn']['status'];
  churn_reason: PlanLiveData['churn']['reason'];
  churn_note: string | null;
  churned_on: string | null;
  receivable_outstanding: number | null;
  receivable_days_overdue: number | null;
  payment_terms: string | null;
  tier_key: string | null;
  tier_zh: string | null;
  tier_en: string | null;
  visits: number | null;
  calls: number | null;
}

export function gatherLiveData(db: Db, accountId: number, year: number, today: string): PlanLiveData {
  requireAccount(db, accountId);
  const a = db
    .prepare(
      `SELECT a.currency, a.churn_status, a.churn_reason, a.churn_note, a.churned_on, a.receivable_outstanding,
              a.receivable_days_overdue, a.payment_terms, t.key AS tier_key, t.name_zh AS tier_zh, coalesce(nullif(t.name_en, ''), t.name_zh) AS tier_en,
              t.visits_per_quarter AS visits, t.calls_per_month AS calls
       FROM accounts a LEFT JOIN tiers t ON t.id = a.tier_id WHERE a.id = ?`,
    )
    .get(accountId) as AccountFigures;
  const placements = db
    .prepare(
      `SELECT x.key AS matrixKey, x.name_zh AS matrixNameZh, coalesce(nullif(x.name_en, ''), x.name_zh) AS matrixNameEn, p.quadrant_key AS quadrant,
              q.name_zh AS quadrantNameZh, coalesce(nullif(q.name_en, ''), q.name_zh) AS quadrantNameEn
       FROM placements p JOIN matrices x ON x.id = p.matrix_id JOIN quadrants q ON q.matrix_id = p.matrix_id AND q.key = p.quadrant_key
       WHERE p.account_id = ? ORDER BY x.position, x.id`,
    )
    .all(accountId) as PlanLiveData['placements'];
  const coverage = getMap(db, accountId, null, { today }).coverage;
  return {
    asOf: today,
    currency: a.currency,
    revenue: listRevenue(db, accountId).filter((r) => r.year <= year),
    tier:
      a.tier_key === null
        ? null
        : { key: a.tier_key, nameZh: a.tier_zh ?? '', nameEn: a.tier_en ?? '', visitsPerQuarter: a.visits ?? 0, callsPerMonth: a.calls ?? 0 },
    placements,
    moves: accountHistory(db, accountId),
    coverage: {
      people: coverage.people,
      gaps: coverage.gaps.length,
      deciderGaps: coverage.gaps.filter((g) => g.kind === DECIDER_GAP).length,
      levels: coverage.levels,
      topGaps: coverage.gaps.slice(0, 10),
    },
    churn: { status: a.churn_status, reason: a.churn_reason, note: a.churn_note, churnedOn: a.churned_on },
    receivables: { outstanding: a.receivable_outstanding, daysOverdue: a.receivable_days_overdue, paymentTerms: a.payment_terms },
    satisfaction: listSatisfaction(db, accountId),
    healthRisks: listDecisions(db, accountId, 'confirmed').filter((d) => d.decidedAt.slice(0, 10) <= today),
  };
}
