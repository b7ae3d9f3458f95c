/**
 * A full annual plan in a real database, for the plan document's tests and the bench: an account
 * with five years of revenue and targets, satisfaction scores, a place on the board and a move, a
 * stakeholder map (a coach, an opponent with private notes, reporting lines), and a plan with text
 * in every section and every kind of item - one internal risk among them.
 */
import type { Backend } from '../../electron/backend/backend';

export interface PlanFixture {
  accountId: number;
  accountName: string;
  year: number;
  planId: number;
  /** Text that must never reach a customer-safe document. */
  internal: { risk: string; notes: string; favours: string };
  /** An action that is printed in both versions. */
  action: string;
}

export interface PlanFixtureOptions {
  accountName?: string;
  year?: number;
  /** Actions in the plan (default 6). */
  actions?: number;
  /** People on the stakeholder map (default 8, at least 3). */
  people?: number;
  /** Plain text put into the overview (e.g. hostile markup). */
  overview?: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '华', '强', '平', '刚', '桂英', '建华'];

export async function seedPlan(b: Backend, o: PlanFixtureOptions = {}): Promise<PlanFixture> {
  const year = o.year ?? 2026;
  const accountName = o.accountName ?? '国能电力集团';
  const owner = await b.call('people-save', { name: '赵敏' });
  const second = await b.call('people-save', { name: '孙杰' });
  const acct = await b.call('accounts-create', { name: accountName });
  const tiers = await b.call('tiers-list', {});
  await b.call('accounts-update', {
    id: acct.id,
    patch: { ownerId: owner.id, tierId: tiers.find((t) => t.key === 'platinum')?.id ?? null, receivableOutstanding: 1_250_000_00, receivableDaysOverdue: 35, paymentTerms: '月结 60 天' },
  });
  for (let i = 5; i >= 1; i--) {
    const y = year - i;
    await b.call('revenue-set', { accountId: acct.id, year: y, revenue: (6_000_000 + (5 - i) * 1_100_000) * 100, target: (6_200_000 + (5 - i) * 1_000_000) * 100, profit: (1_500_000 + (5 - i) * 200_000) * 100 });
  }
  await b.call('revenue-set', { accountId: acct.id, year, revenue: 5_100_000_00, target: 13_000_000_00 });
  await b.call('satisfaction-add', { accountId: acct.id, date: `${year - 1}-06-30`, score: 78, source: '年度满意度调查' });
  await b.call('satisfaction-add', { accountId: acct.id, date: `${year - 1}-12-15`, score: 84, source: '年度满意度调查' });
  await b.call('board-move', { matrix: 'value-potential', accountId: acct.id, to: 'star', reason: '中标调度系统升级项目' });

  // the stakeholder map: a general manager (opposed, with private notes), deputies, staff
  const internal = { risk: '内部风险：交付团队人手不足', notes: '私下说明：与对手高层关系密切', favours: '恒信科技' };
  const n = Math.max(3, o.people ?? 8);
  const gm = await b.call('stakeholders-create', {
    accountId: acct.id,
    name: '王建国',
    title: '总经理',
    level: 'top',
    roles: ['decision-maker'],
    influence: 'high',
    attitude: -2,
    notes: internal.notes,
    favoursCompetitor: internal.favours,
  });
  const coach = await b.call('stakeholders-create', {
    accountId: acct.id,
    name: '李娜',
    title: '信息中心主任',
    level: 'middle',
    roles: ['technical-evaluator', 'coach'],
    attitude: 2,
    strength: 'trusted',
    ownerId: owner.id,
    reportsTo: gm.id,
    lastContactSet: `${year}-05-01`,
  });
  const managers = [gm.id, coach.id];
  for (let i = 2; i < n; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= SURNAMES.length * GIVEN.length ? i : ''}`;
    const p = await b.call('stakeholders-create', {
      accountId: acct.id,
      name: `${name}${i}`,
      title: i < 6 ? '副总经理' : '工程师',
      level: i < 6 ? 'top' : i < 20 ? 'middle' : 'base',
      roles: i % 5 === 0 ? ['user'] : i % 3 === 0 ? ['influencer'] : ['user'],
      attitude: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2,
      strength: i % 2 ? 'friendly' : 'acquainted',
      ...(i % 4 === 0 ? { ownerId: second.id } : {}),
      reportsTo: managers[Math.floor((i - 2) / 4) % managers.length]!,
    });
    if (i < 10) managers.push(p.id);
  }

  const view = await b.call('plan-create', { accountId: acct.id, year, ownerId: owner.id });
  const planId = view.plan.id;
  const text: Record<string, string> = {
    overview: o.overview ?? '<p>国能电力集团是区域内最大的发电企业，正在推进<strong>数字化转型</strong>。</p><h2>业务与市场</h2><ul><li>火电与新能源并举</li><li>客户遍及华东六省</li></ul>',
    review: '<p>去年收入完成目标的九成以上，毛利率稳定。</p><table><thead><tr><th>项目</th><th>结果</th></tr></thead><tbody><tr><td>调度系统升级</td><td>中标</td></tr><tr><td>备品备件招标</td><td>因价格落败</td></tr></tbody></table>',
    competitors: '<p>主要竞争对手以低价切入基层单位。</p>',
    analysis: '<p>行业投资向新能源和数字化倾斜。</p>',
    objectives: '<p>三年内成为客户数字化首选伙伴。</p>',
    strategy: '<p>以平台加服务的组合方案切入，提供驻场技术支持与培训。</p><ol><li>平台方案</li><li>增值服务</li></ol>',
    dmu: '<p>决策层中分管副总支持我方，总经理态度需要转变。</p>',
    team: '<p>总部大客户总监牵头，分公司客户经理执行。</p>',
    actions: '<p>按客户等级的服务标准安排拜访和电话，年底召开客户座谈会。</p>',
    investment: '<p>投入以人员和样板工程为主，预计投资回报率 3 倍。</p>',
    risks: '<p>重点关注旺季供货保障和回款账期。</p>',
    measures: '<p>每季度复盘计划完成情况。</p><blockquote>计划对比实际，按季度更新。</blockquote>',
  };
  for (const s of view.sections) {
    await b.call('plan-section-save', { planId, section: s.section, html: text[s.section] ?? '', baseUpdatedAt: s.updatedAt });
  }
  await b.call('plan-item-save', { planId, data: { kind: 'objective', metric: '年度收入', unit: 'money', baseline: 10_400_000_00, target: 13_000_000_00, q1: 2_600_000_00, q2: 3_250_000_00, q3: 3_250_000_00, q4: 3_900_000_00, ownerId: owner.id, note: '含新能源项目' } });
  await b.call('plan-item-save', { planId, data: { kind: 'objective', metric: '钱包份额', unit: 'percent', baseline: 1800, target: 2500, q1: 2000, q2: 2200, q3: 2400, q4: 2500, ownerId: second.id } });
  await b.call('plan-item-save', { planId, data: { kind: 'objective', metric: '客户满意度', unit: 'number', baseline: 84, target: 90, ownerId: owner.id } });
  for (const [quadrant, t] of [['s', '技术方案成熟，服务响应快'], ['w', '旺季交付资源不足'], ['o', '客户新能源和数字化投资增加'], ['t', '竞争对手以低价抢占基层单位']] as const) {
    await b.call('plan-item-save', { planId, data: { kind: 'swot', quadrant, text: t } });
  }
  await b.call('plan-item-save', { planId, data: { kind: 'competitor', name: '恒信科技', offer: '低价标准化产品', position: '价格领先', strengths: '价格低', weaknesses: '服务能力弱' } });
  await b.call('plan-item-save', { planId, data: { kind: 'team', personId: owner.id, role: '大客户总监', responsibility: '总体负责，高层关系' } });
  await b.call('plan-item-save', { planId, data: { kind: 'team', name: '钱工', role: '技术支持', responsibility: '方案与驻场支持' } });
  const statuses = ['done', 'doing', 'todo', 'todo', 'dropped'] as const;
  const action = '年度客户座谈会';
  for (let i = 0; i < (o.actions ?? 6); i++) {
    await b.call('plan-item-save', {
      planId,
      data: {
        kind: 'action',
        what: i === 0 ? action : `第 ${i + 1} 项行动：拜访分管副总并汇报样板工程进展`,
        ownerId: i % 2 ? second.id : owner.id,
        due: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        status: statuses[i % statuses.length]!,
        cost: (i + 1) * 10_000_00,
      },
    });
  }
  await b.call('plan-item-save', { planId, data: { kind: 'risk', description: '旺季供货不能保障', likelihood: 'medium', impact: 'high', mitigation: '提前备货，签订供货保障协议', ownerId: owner.id } });
  await b.call('plan-item-save', { planId, data: { kind: 'risk', description: internal.risk, likelihood: 'high', impact: 'medium', mitigation: '从总部借调', ownerId: second.id, internal: true } });
  await b.call('plan-item-save', { planId, data: { kind: 'contact', stakeholderId: coach.id, target: '李娜（信息中心主任）', ownerId: owner.id, visitsPerQuarter: 3, callsPerMonth: 4 } });
  return { accountId: acct.id, accountName, year, planId, internal, action };
}
