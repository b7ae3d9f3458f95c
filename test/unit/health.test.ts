/**
 * Account health on real SQLite: the inputs gathered as of past dates, the score and its reasons,
 * the warnings a director confirms or dismisses ("I am" recorded, churn status, the plan's risks),
 * the weights in Settings, and the CLI's `health`.
 */
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { planForAudience } from '../../shared/domain/audience';
import { planDocument } from '../../electron/backend/documents/plan-document';
import { planDocumentInput } from '../../electron/backend/exports/plan-export';
import { refused } from './accounts-helpers';
import { runCaptured } from './cli-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const TODAY = '2026-05-16';
const NOW = new Date(`${TODAY}T09:00:00.000Z`);

async function seed(b: Backend) {
  const wang = await b.call('people-save', { name: '王伟' });
  await b.call('user-set', { personId: wang.id });
  const sick = await b.call('accounts-create', { name: '华东电力', grade: 'B', ownerId: wang.id, receivableOutstanding: 500_000, receivableDaysOverdue: 95 });
  const fine = await b.call('accounts-create', { name: 'Fine Co', grade: 'E' });
  await b.call('revenue-set', { accountId: sick.id, year: 2026, revenue: 26, target: 100 }); // 37.26 due by 16 May: 70%
  await b.call('satisfaction-add', { accountId: sick.id, date: '2026-01-15', score: 92 });
  await b.call('satisfaction-add', { accountId: sick.id, date: '2026-04-20', score: 72 });
  await b.call('interactions-save', { accountId: sick.id, kind: 'visit', date: '2026-03-28' });
  await b.call('interactions-save', { accountId: sick.id, kind: 'complaint', date: '2026-04-01', nextStep: '回访投诉处理结果', nextDue: '2026-04-10' });
  await b.call('interactions-save', { accountId: sick.id, kind: 'visit', date: '2026-05-07' });
  await b.call('interactions-save', { accountId: fine.id, kind: 'visit', date: '2026-05-01' });
  await b.call('stakeholders-create', { accountId: sick.id, name: '张总', roles: ['decision-maker'] });
  await b.call('stakeholders-create', { accountId: sick.id, name: '李处', roles: ['economic-buyer'], ownerId: wang.id, strength: 'acquainted' });
  await b.call('stakeholders-create', { accountId: sick.id, name: '赵工', roles: ['user'] });
  return { sick: sick.id, fine: fine.id, wang };
}

describe('health', () => {
  it('scores an account with its reasons and its trend as of past dates', async () => {
    const b = env.backend({ now: () => NOW });
    const ids = await seed(b);
    const h = await b.call('health-get', { accountId: ids.sick, today: TODAY });
    expect(h.lost).toEqual({ revenue: 12, satisfaction: 16, followUp: 1, coverage: 15, receivables: 10, complaints: 5, churn: 0 });
    expect(h.score).toBe(41);
    expect(Object.values(h.lost).reduce((s, x) => s + x, 0)).toBe(100 - h.score);
    expect(h.reasons.slice(0, 3).map((r) => r.key)).toEqual(['satisfactionFell', 'coverage', 'revenue']);
    // On 2026-03-31: revenue ahead of a quarter of the target, one satisfaction score (92, no fall), no
    // complaint yet, contacted 3 days before, the map as it is now, receivables 95 - 46 = 49 days overdue.
    // In 2025: no revenue row, no score, not yet added (nothing to be late for), nothing overdue yet.
    expect(h.trend).toEqual([
      { date: '2025-06-30', score: 85 },
      { date: '2025-09-30', score: 85 },
      { date: '2025-12-31', score: 85 },
      { date: '2026-03-31', score: 80 },
      { date: TODAY, score: 41 },
    ]);
    expect(h.warning).toBe('drop');
    const list = await b.call('health-list', { today: TODAY });
    expect(list.accounts.map((a) => a.accountName)).toEqual(['华东电力', 'Fine Co']);
    expect(list.accounts[1]!.score).toBe(100);
    expect(list.warnings.map((w) => [w.accountName, w.reason, w.score, w.previous])).toEqual([['华东电力', 'drop', 41, 80]]);
  });

  it('confirms a warning: recorded with who and the note, the account at risk, shown in the plan for us only', async () => {
    const b = env.backend({ now: () => NOW });
    const ids = await seed(b);
    await b.call('plan-create', { accountId: ids.sick, year: 2026 });
    const d = await b.call('health-decide', { accountId: ids.sick, decision: 'confirmed', note: '新领导上任，倾向竞争对手', today: TODAY });
    expect(d).toMatchObject({ accountId: ids.sick, scoreThen: 41, previous: 80, reason: 'drop', decision: 'confirmed', decidedBy: '王伟', note: '新领导上任，倾向竞争对手' });
    expect(d.reasons.map((r) => r.key)).toEqual(['satisfactionFell', 'coverage', 'revenue']);
    const rec = await b.call('accounts-get', { id: ids.sick });
    expect(rec.account.churnStatus).toBe('at-risk');
    // at risk costs points now; an account at risk needs no new suggestion
    const after = await b.call('health-get', { accountId: ids.sick, today: TODAY });
    expect(after.score).toBe(36);
    expect(after.reasons.map((r) => r.key)).toContain('atRisk');
    expect(after.warning).toBeNull();
    const plan = await b.call('plan-get', { accountId: ids.sick, year: 2026, today: TODAY });
    expect(plan.live.healthRisks?.map((r) => r.note)).toEqual(['新领导上任，倾向竞争对手']);
    expect(planForAudience(plan, 'customer').live.healthRisks).toEqual([]);
    // the printed plan: for us in the risk section, with its reasons in words; never for the customer
    const input = planDocumentInput(b.connection(), ids.sick, 2026, TODAY);
    const ours = planDocument(input, { locale: 'zh-CN', safe: false, today: TODAY });
    expect(ours).toContain('健康度预警（已确认的流失风险）');
    expect(ours).toContain('满意度从 92 降到 72');
    expect(ours).toContain('新领导上任，倾向竞争对手');
    const theirs = planDocument(input, { locale: 'zh-CN', safe: true, today: TODAY });
    expect(theirs).not.toContain('新领导上任');
    expect(theirs).not.toContain('满意度从');
    expect(planDocument(input, { locale: 'en', safe: false, today: TODAY })).toContain('Satisfaction fell from 92 to 72');
  });

  it('a dismissed warning does not come back until the score falls further', async () => {
    const b = env.backend({ now: () => NOW });
    const ids = await seed(b);
    await b.call('health-decide', { accountId: ids.sick, decision: 'dismissed', note: 'Paid last week; the books lag.', today: TODAY });
    expect((await b.call('health-get', { accountId: ids.sick, today: TODAY })).warning).toBeNull();
    expect((await b.call('health-list', { today: TODAY })).warnings).toEqual([]);
    await refused(b, 'health-decide', { accountId: ids.sick, decision: 'confirmed', note: '', today: TODAY }, 'health-no-warning');
    await b.call('interactions-save', { accountId: ids.sick, kind: 'complaint', date: '2026-05-10', nextStep: '处理', nextDue: '2026-05-20' });
    const worse = await b.call('health-get', { accountId: ids.sick, today: TODAY });
    expect(worse.score).toBe(37); // two open complaints, and the complaint is a contact: follow-up on time
    expect(worse.warning).toBe('drop');
    expect((await b.call('health-decisions', { accountId: ids.sick })).map((x) => x.decision)).toEqual(['dismissed']);
  });

  it('keeps the weights and thresholds in Settings; weights must sum to 100', async () => {
    const b = env.backend({ now: () => NOW });
    const ids = await seed(b);
    const s = await b.call('health-settings-get', {});
    expect(s).toMatchObject({ threshold: 50, dropPoints: 20 });
    const e = await refused(b, 'health-settings-set', { ...s, weights: { ...s.weights, revenue: 30 } }, 'health-weights-sum');
    expect(e.params).toEqual({ total: 110 });
    await b.call('health-settings-set', { weights: { ...s.weights, revenue: 30, receivables: 0 }, dropPoints: 50, threshold: 30 });
    const h = await b.call('health-get', { accountId: ids.sick, today: TODAY });
    expect(h.lost.receivables).toBe(0);
    expect(h.lost.revenue).toBe(18);
    expect(h.warning).toBeNull();
  });

  it('says it on the command line, in either language', async () => {
    const file = env.file('keyplan.db');
    const b = new Backend({ dbPath: file, transport: 'test', now: () => NOW, log: () => {} });
    await seed(b);
    await b.close();
    const zh = await runCaptured(['health', '--db', file, '--account', '华东电力']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('满意度从 92 降到 72');
    // the CLI scores as of the real today: the satisfaction fall is among the top three at any date
    expect(zh.out.split('\n')[1]!.split('；')).toHaveLength(3);
    const en = await runCaptured(['health', '--db', file, '--locale', 'en']);
    expect(en.out).toContain('Satisfaction fell from 92 to 72');
    expect(en.out.split('\n')[1]).toMatch(/^华东电力\t\d+\t/);
    const json = JSON.parse((await runCaptured(['health', '--db', file, '--json', '--account', 'Fine Co'])).out) as { score: number; trend: unknown[] }[];
    expect(json).toHaveLength(1);
    expect(json[0]!.trend).toHaveLength(5);
    const bad = await runCaptured(['health', 'now', '--db', file, '--locale', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('usage: health');
  });

  it('the sample workspace has a few accounts to warn about, for different reasons', async () => {
    const b = env.backend({ now: () => new Date('2026-11-24T09:00:00Z') });
    await b.call('sample-load', { locale: 'zh-CN', today: '2026-11-24' });
    const list = await b.call('health-list', { today: '2026-11-24' });
    expect(list.warnings.length).toBeGreaterThanOrEqual(3);
    expect(list.warnings.length).toBeLessThanOrEqual(10);
    expect(new Set(list.warnings.map((w) => w.reasons[0]!.input)).size).toBeGreaterThanOrEqual(2);
  });
});
