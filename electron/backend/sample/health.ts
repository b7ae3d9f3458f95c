/**
 * The sample's early warnings (issue 16): a few accounts whose health fell this quarter, each for a
 * different main reason, so Today and the portfolio have warnings to confirm or dismiss.
 *
 * The rest of the sample (random accounts, churn, the overloaded manager) decides which accounts
 * already warn; this pass adds news dated after the end of last quarter to one account per recipe -
 * a satisfaction survey that fell, complaints still open - and keeps it only when the account then
 * warns with that recipe's reason first (checked with the same health computation the app uses).
 * Otherwise the news is rolled back and the next account is tried. No random draws: the sample stays
 * the same for a given date.
 */
import type { HealthInput } from '../../../shared/domain/health';
import { addDays } from '../../../shared/domain/dates';
import type { Locale } from '../../../shared/i18n';
import { accountHealth, healthOf } from '../db/repos/health';
import { writeTx } from '../db/tx';
import type { Db } from '../db/types';

interface Recipe {
  reason: HealthInput;
  apply(db: Db, a: { id: number; ownerId: number }, days: { first: string; last: string }, locale: Locale, now: string): void;
}

const WORDS = {
  'zh-CN': {
    survey: '年度满意度回访',
    complaint: ['投诉：二期交付延期两周，客户信息中心主任不满', '投诉：驻场服务响应慢，业务部门反映强烈'],
    next: ['三天内提交整改计划并当面汇报', '本周内安排服务经理上门沟通'],
  },
  en: {
    survey: 'Yearly satisfaction survey',
    complaint: ['Complaint: phase two delivered two weeks late; the CIO is unhappy', 'Complaint: slow on-site service response; the business units are upset'],
    next: ['Send a remediation plan within three days and present it in person', 'Service manager to visit this week'],
  },
} as const;

const RECIPES: Recipe[] = [
  {
    reason: 'satisfaction',
    apply(db, a, days, locale) {
      const insert = db.prepare('INSERT INTO satisfaction (account_id, date, score, source, note) VALUES (?, ?, ?, ?, ?)');
      insert.run(a.id, days.first, 91, WORDS[locale].survey, '');
      insert.run(a.id, days.last, 52, WORDS[locale].survey, '');
    },
  },
  {
    reason: 'complaints',
    apply(db, a, days, locale, now) {
      const insert = db.prepare(
        `INSERT INTO interactions (account_id, kind, date, owner_id, summary, next_step, next_due, next_done, created_at)
         VALUES (?, 'complaint', ?, ?, ?, ?, ?, 0, ?)`,
      );
      const w = WORDS[locale];
      insert.run(a.id, days.first, a.ownerId, w.complaint[0], w.next[0], addDays(days.last, 3), now);
      insert.run(a.id, days.last, a.ownerId, w.complaint[1], w.next[1], addDays(days.last, 7), now);
      const sat = db.prepare('INSERT INTO satisfaction (account_id, date, score, source, note) VALUES (?, ?, ?, ?, ?)');
      sat.run(a.id, days.first, 86, WORDS[locale].survey, '');
      sat.run(a.id, days.last, 78, WORDS[locale].survey, '');
    },
  },
];

class NotThisOne extends Error {}

/** Adds the recipes' news to one account each; returns the accounts chosen, by reason. */
export function sampleHealthWarnings(db: Db, locale: Locale, today: string, now: Date): Partial<Record<HealthInput, number>> {
  const list = healthOf(db, today);
  const lastQuarterEnd = list.accounts[0]?.trend.at(-2)?.date;
  if (!lastQuarterEnd) return {};
  const days = { first: addDays(lastQuarterEnd, 1) < today ? addDays(lastQuarterEnd, 1) : today, last: today };
  const warned = new Set(list.warnings.map((w) => w.accountId));
  // active accounts with an owner, best health first: their fall is the clearest
  const owners = new Map(
    (db.prepare("SELECT id, owner_id FROM accounts WHERE deleted_at IS NULL AND churn_status = 'active' AND owner_id IS NOT NULL").raw().all() as [number, number][]),
  );
  const candidates = [...list.accounts].reverse().filter((a) => owners.has(a.accountId) && !warned.has(a.accountId));
  const chosen: Partial<Record<HealthInput, number>> = {};
  const stamp = now.toISOString();
  writeTx(db, () => {
    for (const recipe of RECIPES) {
      for (const c of candidates.slice(0, 80)) {
        if (Object.values(chosen).includes(c.accountId)) continue;
        try {
          writeTx(db, () => {
            recipe.apply(db, { id: c.accountId, ownerId: owners.get(c.accountId)! }, days, locale, stamp);
            const h = accountHealth(db, c.accountId, today);
            if (!h.warning || h.reasons[0]?.input !== recipe.reason) throw new NotThisOne();
          });
          chosen[recipe.reason] = c.accountId;
          break;
        } catch (e) {
          if (!(e instanceof NotThisOne)) throw e;
        }
      }
    }
  });
  return chosen;
}
