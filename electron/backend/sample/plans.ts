/**
 * The sample workspace's annual account plans: for the three largest live accounts by this year's
 * revenue (the ones with stakeholder maps), complete plans for this year - one approved (with its
 * frozen version 1), one in review, one draft - with text in every section, objectives split by
 * quarter from the account's own revenue target, actions (done, doing, overdue, due soon, later),
 * risks (one internal), SWOT, competitors and the team from the account record, and the contact
 * plan of the account's tier. Deterministic for the same workspace and day.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import type { PlanItemData, PlanSectionKey } from '../../../shared/domain/plan';
import { PLAN_SECTIONS } from '../../../shared/domain/plan';
import { derivedContacts, setStatus } from '../db/repos/plans';
import { writeTx } from '../db/tx';
import type { Locale } from '../../../shared/i18n';

type Words = {
  sections: Record<PlanSectionKey, (name: string, year: number) => string>;
  metrics: { revenue: string; share: string; satisfaction: string };
  actions: { what: string; days: number; status: 'todo' | 'doing' | 'done' | 'dropped'; cost: number | null }[];
  swot: { quadrant: 's' | 'w' | 'o' | 't'; text: string }[];
  risks: { description: string; likelihood: 'low' | 'medium' | 'high'; impact: 'low' | 'medium' | 'high'; mitigation: string; internal: boolean }[];
};

const ZH: Words = {
  sections: {
    overview: (n) => `<p>${n}是本区域的龙头企业，业务覆盖发电、输配电和综合能源服务，正在推进数字化转型。</p><p>我方方案帮助客户<strong>降低运维成本</strong>、提高供电可靠性。</p>`,
    review: (n, y) => `<h3>${y - 1} 年回顾</h3><ul><li>销售额完成目标的九成以上，交付准时率保持在九成五以上。</li><li>赢得${n}调度系统升级项目；在备品备件招标中因价格落败。</li><li>客户满意度调查得分上升。</li></ul>`,
    competitors: () => '<p>主要竞争对手以价格取胜，在基层单位关系较深；我方在技术方案和服务响应上领先。</p>',
    analysis: () => '<p>行业投资向新能源和数字化倾斜，客户对一体化方案的需求上升。</p>',
    objectives: (_n, y) => `<p>三年方向：成为客户数字化的首选合作伙伴。${y} 年目标见下表，按季度分解并考核。</p>`,
    strategy: () =>
      '<ul><li>主推一体化运维平台，配套技术支持与培训等增值服务。</li><li>价格政策：框架协议内阶梯折扣，新项目单独报价。</li><li>通过试点项目挖掘二级单位潜力。</li></ul>',
    dmu: () => '<p>决策层中分管副总支持我方，总会计师态度中立；下一步争取总工程师的认可，并补齐中层的覆盖。</p>',
    team: () => '<p>总部大客户总监统筹，分公司大客户经理负责日常关系，技术支持、服务和项目经理协同。</p>',
    actions: () => '<p>按客户等级的服务标准安排拜访和电话，年底召开年度客户座谈会。</p>',
    investment: () =>
      '<table><thead><tr><th>投入</th><th>金额</th><th>预期回报</th></tr></thead><tbody><tr><td>试点项目</td><td>30 万元</td><td>带动 300 万元订单</td></tr><tr><td>培训</td><td>8 万元</td><td>提升续约率</td></tr></tbody></table>',
    risks: () => '<p>重点关注旺季供货保障，以及竞争对手的低价策略。</p>',
    measures: () => '<p>月度跟踪关键指标，季度复盘计划执行情况，年中调整目标。</p>',
  },
  metrics: { revenue: '销售额', share: '钱包份额', satisfaction: '客户满意度' },
  actions: [
    { what: '年度合作框架协议续签', days: -60, status: 'done', cost: 2_000_00 },
    { what: '高层互访：总经理拜访客户董事长', days: -10, status: 'todo', cost: 15_000_00 },
    { what: '运维平台试点方案交流', days: 12, status: 'doing', cost: 300_000_00 },
    { what: '年度客户座谈会', days: 150, status: 'todo', cost: 80_000_00 },
    { what: '客户技术人员培训', days: 45, status: 'todo', cost: 50_000_00 },
  ],
  swot: [
    { quadrant: 's', text: '技术方案成熟，服务响应快' },
    { quadrant: 'w', text: '旺季交付资源不足' },
    { quadrant: 'o', text: '客户新能源和数字化投资增加' },
    { quadrant: 't', text: '竞争对手以低价抢占基层单位' },
  ],
  risks: [
    { description: '旺季供货不能保障', likelihood: 'medium', impact: 'high', mitigation: '提前备货，签订供货保障协议', internal: false },
    { description: '回款延迟，账期拉长', likelihood: 'high', impact: 'medium', mitigation: '按月对账，高层沟通付款计划', internal: true },
    { description: '竞争对手低价投标', likelihood: 'medium', impact: 'medium', mitigation: '突出全生命周期成本和服务价值', internal: false },
  ],
};

const EN: Words = {
  sections: {
    overview: (n) => `<p>${n} is a leading company in its region, covering generation, distribution and energy services, and is in the middle of a digital programme.</p><p>Our solutions help it <strong>lower operating costs</strong> and improve reliability.</p>`,
    review: (n, y) => `<h3>${y - 1} in review</h3><ul><li>Revenue above 90% of target, with on-time delivery above 95%.</li><li>Won the ${n} dispatch system upgrade; lost the spare parts tender on price.</li><li>Satisfaction scores went up.</li></ul>`,
    competitors: () => '<p>The main competitors win on price and know the local units well; we lead on technical solutions and service response.</p>',
    analysis: () => '<p>Investment in the industry is moving to renewables and digital; demand for integrated solutions is rising.</p>',
    objectives: (_n, y) => `<p>Three-year direction: the first partner for the customer's digital programme. The targets for ${y} below are split and reviewed by quarter.</p>`,
    strategy: () =>
      '<ul><li>Lead with the integrated operations platform, with technical support and training as value-added services.</li><li>Pricing: tiered discounts within the framework agreement, new projects quoted separately.</li><li>Unlock the subsidiaries through a pilot project.</li></ul>',
    dmu: () => '<p>The deputy GM for digital supports us and the chief accountant is neutral; next we win over the chief engineer and cover middle management.</p>',
    team: () => '<p>The HQ key-account director leads, the branch key-account manager owns the relationship day to day, with technical support, service and project management.</p>',
    actions: () => "<p>Visits and calls follow the tier's service standard; the yearly customer forum closes the year.</p>",
    investment: () =>
      '<table><thead><tr><th>Investment</th><th>Amount</th><th>Expected return</th></tr></thead><tbody><tr><td>Pilot project</td><td>300,000</td><td>3,000,000 in orders</td></tr><tr><td>Training</td><td>80,000</td><td>Higher renewal rate</td></tr></tbody></table>',
    risks: () => '<p>Watch supply in peak season, and competitors pricing low.</p>',
    measures: () => '<p>Key figures tracked monthly, the plan reviewed every quarter, targets adjusted at mid-year.</p>',
  },
  metrics: { revenue: 'Revenue', share: 'Share of wallet', satisfaction: 'Customer satisfaction' },
  actions: [
    { what: 'Renew the yearly framework agreement', days: -60, status: 'done', cost: 2_000_00 },
    { what: 'Executive visit: our GM meets their chairman', days: -10, status: 'todo', cost: 15_000_00 },
    { what: 'Operations platform pilot workshop', days: 12, status: 'doing', cost: 300_000_00 },
    { what: 'Yearly customer forum', days: 150, status: 'todo', cost: 80_000_00 },
    { what: "Training for the customer's engineers", days: 45, status: 'todo', cost: 50_000_00 },
  ],
  swot: [
    { quadrant: 's', text: 'Proven technical solution, fast service response' },
    { quadrant: 'w', text: 'Delivery capacity short in peak season' },
    { quadrant: 'o', text: 'Customer investing more in renewables and digital' },
    { quadrant: 't', text: 'Competitors pricing low at the local units' },
  ],
  risks: [
    { description: 'Supply not assured in peak season', likelihood: 'medium', impact: 'high', mitigation: 'Stock ahead; sign a supply assurance agreement', internal: false },
    { description: 'Late payments, longer terms', likelihood: 'high', impact: 'medium', mitigation: 'Monthly reconciliation; agree a payment plan at executive level', internal: true },
    { description: 'Competitors bidding low', likelihood: 'medium', impact: 'medium', mitigation: 'Show lifetime cost and service value', internal: false },
  ],
};

const STATUSES = ['approved', 'review', 'draft'] as const;

export function samplePlans(db: Db, locale: Locale, today: string, now: Date): { plans: number } {
  const W = locale === 'zh-CN' ? ZH : EN;
  const year = Number(today.slice(0, 4));
  const accounts = db
    .prepare(
      `SELECT a.id, a.name, a.owner_id AS ownerId, a.share_of_wallet_bp AS share, r.target, p.revenue AS lastRevenue
       FROM accounts a
       LEFT JOIN account_revenue r ON r.account_id = a.id AND r.year = ?
       LEFT JOIN account_revenue p ON p.account_id = a.id AND p.year = ?
       WHERE a.deleted_at IS NULL AND a.churn_status <> 'churned'
       ORDER BY coalesce(r.revenue, 0) DESC, a.id LIMIT ?`,
    )
    .all(year, year - 1, STATUSES.length) as { id: number; name: string; ownerId: number | null; share: number | null; target: number | null; lastRevenue: number | null }[];
  const ts = now.toISOString();
  const insertPlan = db.prepare("INSERT INTO plans (account_id, year, status, owner_id, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)");
  const insertSection = db.prepare('INSERT INTO plan_sections (plan_id, section, html, updated_at) VALUES (?, ?, ?, ?)');
  const insertItem = db.prepare(
    'INSERT INTO plan_items (plan_id, kind, sort, data, owner_id, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const competitors = db.prepare('SELECT name, offer, position, strengths, weaknesses FROM competitors WHERE account_id = ? ORDER BY id');
  const team = db.prepare('SELECT person_id AS personId, role FROM account_team WHERE account_id = ? ORDER BY person_id');
  const approve: number[] = [];
  writeTx(db, () => {
    accounts.forEach((a, k) => {
      const planId = Number(insertPlan.run(a.id, year, a.ownerId, ts, ts).lastInsertRowid);
      for (const s of PLAN_SECTIONS) insertSection.run(planId, s, W.sections[s](a.name, year), ts);
      const items: PlanItemData[] = [];
      const target = a.target ?? Math.round((a.lastRevenue ?? 0) * 1.15);
      const quarter = (share: number) => Math.round(target * share);
      items.push(
        { kind: 'objective', metric: W.metrics.revenue, unit: 'money', baseline: a.lastRevenue, target, q1: quarter(0.2), q2: quarter(0.25), q3: quarter(0.25), q4: target - quarter(0.2) - 2 * quarter(0.25), ownerId: a.ownerId, note: '', internal: false },
        { kind: 'objective', metric: W.metrics.share, unit: 'percent', baseline: a.share, target: Math.min(10_000, (a.share ?? 2_000) + 500), q1: null, q2: null, q3: null, q4: null, ownerId: a.ownerId, note: '', internal: true },
        { kind: 'objective', metric: W.metrics.satisfaction, unit: 'number', baseline: 82, target: 88, q1: null, q2: null, q3: null, q4: null, ownerId: null, note: '', internal: false },
      );
      for (const s of W.swot) items.push({ kind: 'swot', quadrant: s.quadrant, text: s.text, internal: false });
      for (const c of competitors.all(a.id) as Omit<Extract<PlanItemData, { kind: 'competitor' }>, 'kind'>[]) items.push({ kind: 'competitor', ...c, internal: false });
      for (const t of team.all(a.id) as { personId: number; role: string }[]) items.push({ kind: 'team', personId: t.personId, name: '', role: t.role, responsibility: '', internal: false });
      // Each plan leaves one action out (a different one), so the three differ.
      W.actions
        .filter((_, i) => i !== (k + 1) % W.actions.length)
        .forEach((x) => items.push({ kind: 'action', what: x.what, ownerId: a.ownerId, due: addDays(today, x.days + k * 3), status: x.status, cost: x.cost, internal: false }));
      for (const r of W.risks) items.push({ kind: 'risk', ...r, ownerId: a.ownerId });
      items.push(...derivedContacts(db, a.id));
      const sorts = new Map<string, number>();
      for (const d of items) {
        const sort = sorts.get(d.kind) ?? 0;
        sorts.set(d.kind, sort + 1);
        const ownerId = 'ownerId' in d ? d.ownerId : null;
        const [due, status] = d.kind === 'action' ? [d.due, d.status] : [null, null];
        insertItem.run(planId, d.kind, sort, JSON.stringify(d), ownerId, due, status, ts, ts);
      }
      const status = STATUSES[k]!;
      if (status !== 'draft') db.prepare("UPDATE plans SET status = 'review' WHERE id = ?").run(planId);
      if (status === 'approved') approve.push(planId);
    });
    // Approving freezes the plan with the account's figures (and the stakeholder map) of today.
    for (const id of approve) setStatus(db, id, 'approved', now, today);
  });
  return { plans: accounts.length };
}
