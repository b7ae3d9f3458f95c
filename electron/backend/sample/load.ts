/** Writes a generated sample workspace into an empty database, in one transaction. */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { searchKey } from '../search-key';
import type { SampleWorkspace } from './generate';
import { writeTx } from '../db/tx';

export function loadSample(db: Db, ws: SampleWorkspace, now: Date): { accounts: number } {
  const ts = now.toISOString();
  return writeTx(db, () => {
    const live = db.prepare('SELECT count(*) FROM accounts WHERE deleted_at IS NULL').pluck().get() as number;
    if (live > 0) {
      throw new AppError('sample-not-empty', `The database already holds ${live} accounts; load the sample into a new database.`, { accounts: live });
    }
    const personIds = new Map<string, number>();
    const findPerson = db.prepare('SELECT id FROM people WHERE name = ?').pluck();
    const insertPerson = db.prepare('INSERT INTO people (name, role, region, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const p of ws.people) {
      const id = (findPerson.get(p.name) as number | undefined) ?? Number(insertPerson.run(p.name, p.role, p.region, ts, ts).lastInsertRowid);
      personIds.set(p.name, id);
    }
    // A person's days for customer work (migration 0014); older schemas (the migration tests) have none.
    if ((db.prepare("SELECT count(*) FROM pragma_table_info('people') WHERE name = 'quarter_days'").pluck().get() as number) > 0) {
      const days = db.prepare('UPDATE people SET quarter_days = ? WHERE id = ?');
      for (const p of ws.people) if (p.quarterDays !== undefined) days.run(p.quarterDays, personIds.get(p.name));
    }
    const tiers = new Map((db.prepare('SELECT key, id FROM tiers').raw().all() as [string, number][]).map(([k, id]) => [k, id]));
    const insert = db.prepare(`INSERT INTO accounts (
        name, name_en, short_name, industry, region, owner_id, classification, strategic, brand_influence, tier_id,
        lifecycle, deal_status, grade, urgency, importance, company_revenue, employees, profit_contribution,
        share_of_wallet_bp, growth_potential, cost_to_serve, churn_status, churn_reason, churn_note, churned_on,
        receivable_outstanding, receivable_days_overdue, payment_terms, notes, search_key, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const setParent = db.prepare('UPDATE accounts SET parent_id = ? WHERE id = ?');
    const team = db.prepare('INSERT OR IGNORE INTO account_team (account_id, person_id, role) VALUES (?, ?, ?)');
    const revenue = db.prepare('INSERT INTO account_revenue (account_id, year, revenue, target, profit) VALUES (?, ?, ?, ?, ?)');
    const sat = db.prepare('INSERT INTO satisfaction (account_id, date, score, source) VALUES (?, ?, ?, ?)');
    const comp = db.prepare('INSERT INTO competitors (account_id, name, offer, position, strengths, weaknesses) VALUES (?, ?, ?, ?, ?, ?)');
    const inter = db.prepare(`INSERT INTO interactions (account_id, kind, date, people, owner_id, summary, outcome, next_step, next_due, next_done, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const opp = db.prepare(`INSERT INTO opportunities (account_id, name, value, stage, result_reason, bid_date, rivals, owner_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const ids = new Map<string, number>();
    for (const a of ws.accounts) {
      const owner = personIds.get(a.owner) ?? null;
      const id = Number(
        insert.run(
          a.name, a.nameEn, a.shortName, a.industry, a.region, owner, a.classification, a.strategic ? 1 : 0, a.brandInfluence ? 1 : 0,
          tiers.get(a.tierKey) ?? null, a.lifecycle, a.dealStatus, a.grade, a.urgency, a.importance, a.companyRevenue, a.employees,
          a.profitContribution, a.shareOfWalletBp, a.growthPotential, a.costToServe, a.churnStatus, a.churnReason, a.churnNote, a.churnedOn,
          a.receivableOutstanding, a.receivableDaysOverdue, a.paymentTerms || null, a.notes || null, searchKey(a.name, a.nameEn, a.shortName), ts, ts,
        ).lastInsertRowid,
      );
      ids.set(a.name, id);
      for (const m of a.team) {
        const pid = personIds.get(m.person);
        if (pid !== undefined) team.run(id, pid, m.role);
      }
      for (const y of a.revenue) revenue.run(id, y.year, y.revenue, y.target, y.profit);
      for (const s of a.satisfaction) sat.run(id, s.date, s.score, s.source);
      for (const c of a.competitors) comp.run(id, c.name, c.offer, c.position, c.strengths, c.weaknesses);
      for (const i of a.interactions) inter.run(id, i.kind, i.date, i.people, owner, i.summary, i.outcome, i.nextStep, i.nextDue, i.nextDone ? 1 : 0, ts);
      for (const o of a.opportunities) opp.run(id, o.name, o.value, o.stage, o.resultReason, o.bidDate, JSON.stringify(o.rivals), owner, ts, ts);
    }
    for (const a of ws.accounts) {
      if (a.parent && ids.has(a.parent)) setParent.run(ids.get(a.parent)!, ids.get(a.name)!);
    }
    return { accounts: ws.accounts.length };
  });
}
