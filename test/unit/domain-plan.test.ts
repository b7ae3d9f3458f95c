/**
 * The plan's pure rules: twelve sections in order, each item kind in its section, the status moves,
 * items checked by kind, the section-by-section comparison and what rolls forward into next year.
 */
import { describe, expect, it } from 'vitest';
import {
  PLAN_ITEM_KINDS,
  PLAN_SECTIONS,
  canMoveStatus,
  comparePlanContent,
  planItemDataSchema,
  actualForObjective,
  rollItemForward,
  sectionOfKind,
  type PlanContent,
  type PlanItemData,
} from '../../shared/domain/plan';

const parse = (v: unknown) => planItemDataSchema.parse(v);

describe('sections, kinds and statuses', () => {
  it('has the twelve sections of the domain, in order, and a section for every kind', () => {
    expect(PLAN_SECTIONS).toEqual(['overview', 'review', 'competitors', 'analysis', 'objectives', 'strategy', 'dmu', 'team', 'actions', 'investment', 'risks', 'measures']);
    expect(PLAN_ITEM_KINDS.map((k) => [k, sectionOfKind(k)])).toEqual([
      ['objective', 'objectives'],
      ['swot', 'analysis'],
      ['competitor', 'competitors'],
      ['team', 'team'],
      ['action', 'actions'],
      ['risk', 'risks'],
      ['contact', 'actions'],
    ]);
  });

  it('moves draft -> review -> approved and back to draft, nothing else', () => {
    const moves = (['draft', 'review', 'approved'] as const).flatMap((from) =>
      (['draft', 'review', 'approved'] as const).filter((to) => canMoveStatus(from, to)).map((to) => `${from}>${to}`),
    );
    expect(moves).toEqual(['draft>review', 'review>draft', 'review>approved', 'approved>draft']);
  });
});

describe('item schemas', () => {
  it('fills defaults and checks each kind', () => {
    expect(parse({ kind: 'action', what: ' 拜访 ' })).toEqual({ kind: 'action', what: '拜访', ownerId: null, due: null, status: 'todo', cost: null, internal: false });
    expect(parse({ kind: 'risk', description: '回款', likelihood: 'low', impact: 'high' })).toMatchObject({ internal: false, mitigation: '' });
    expect(parse({ kind: 'team', name: '外聘顾问' })).toMatchObject({ personId: null, name: '外聘顾问' });
    for (const bad of [
      { kind: 'action', what: 'x', due: '2026-13-01' },
      { kind: 'action', what: 'x', cost: -1 },
      { kind: 'objective', metric: 'x', unit: 'yen' },
      { kind: 'swot', quadrant: 'q', text: 'x' },
      { kind: 'team', role: 'x' },
      { kind: 'contact', target: 'x', visitsPerQuarter: -1, callsPerMonth: 0 },
      { kind: 'nope' },
    ]) {
      expect(planItemDataSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('comparePlanContent', () => {
  const swot = parse({ kind: 'swot', quadrant: 's', text: '品牌' });
  const action = parse({ kind: 'action', what: '培训', due: '2026-06-01' });
  const risk = parse({ kind: 'risk', description: '回款', likelihood: 'low', impact: 'high' });
  const base: PlanContent = {
    sections: PLAN_SECTIONS.map((section) => ({ section, html: section === 'overview' ? '<p>a</p>' : '' })),
    items: [
      { id: 1, kind: 'swot', data: swot },
      { id: 2, kind: 'action', data: action },
      { id: 3, kind: 'risk', data: risk },
    ],
  };

  it('finds nothing between a plan and itself', () => {
    expect(comparePlanContent(base, base).every((s) => !s.changed)).toBe(true);
    expect(comparePlanContent(base, base)).toHaveLength(12);
  });

  it('reports changed text, added, removed and changed items per section, with the changed fields', () => {
    const after: PlanContent = {
      sections: base.sections.map((s) => (s.section === 'overview' ? { ...s, html: '<p>b</p>' } : s)),
      items: [
        { id: 3, kind: 'risk', data: { ...risk, likelihood: 'high', mitigation: '月度对账' } as PlanItemData },
        { id: 2, kind: 'action', data: action },
        { id: 4, kind: 'swot', data: parse({ kind: 'swot', quadrant: 'o', text: '扩建' }) },
      ],
    };
    const res = comparePlanContent(base, after);
    expect(res.filter((s) => s.changed).map((s) => s.section)).toEqual(['overview', 'analysis', 'risks']);
    const by = new Map(res.map((s) => [s.section, s]));
    expect(by.get('overview')).toMatchObject({ textChanged: true, textBefore: '<p>a</p>', textAfter: '<p>b</p>' });
    expect(by.get('analysis')!.added.map((i) => i.id)).toEqual([4]);
    expect(by.get('analysis')!.removed.map((i) => i.id)).toEqual([1]);
    expect(by.get('risks')!.modified).toEqual([{ id: 3, kind: 'risk', fields: ['likelihood', 'mitigation'], before: risk, after: after.items[0]!.data }]);
    // a new order alone is no change
    expect(by.get('actions')!.changed).toBe(false);
  });
});

describe('rollItemForward', () => {
  const ACT = { revenue: 118, profit: 30, walletShare: 2_500, satisfaction: 84 };
  const NONE = { revenue: null, profit: null, walletShare: null, satisfaction: null };
  it("makes last year's actuals the baselines (never the targets), clears targets and splits, carries open actions without dates, leaves done and dropped ones", () => {
    const obj = parse({ kind: 'objective', metric: '销售额', unit: 'money', baseline: 100, target: 130, q1: 30, q2: 30, q3: 30, q4: 40 });
    expect(rollItemForward(obj, ACT)).toMatchObject({ baseline: 118, target: null, q1: null, q4: null, metric: '销售额' });
    // nothing recorded: no baseline rather than the old target
    expect(rollItemForward(obj, NONE)).toMatchObject({ baseline: null, target: null });
    expect(rollItemForward(parse({ kind: 'action', what: 'x', due: '2026-06-01', status: 'doing' }), ACT)).toMatchObject({ due: null, status: 'doing' });
    expect(rollItemForward(parse({ kind: 'action', what: 'x', status: 'done' }), ACT)).toBeNull();
    expect(rollItemForward(parse({ kind: 'action', what: 'x', status: 'dropped' }), ACT)).toBeNull();
    const r = parse({ kind: 'risk', description: '回款', likelihood: 'low', impact: 'high', internal: true });
    expect(rollItemForward(r, ACT)).toEqual(r);
  });

  it('finds the actual of each kind of metric, in the unit the objective stores', () => {
    expect(actualForObjective('Revenue', 'money', ACT)).toBe(118);
    expect(actualForObjective('营业收入', 'money', ACT)).toBe(118);
    expect(actualForObjective('Revenue growth', 'percent', ACT)).toBeNull();
    expect(actualForObjective('钱包份额', 'percent', ACT)).toBe(2_500);
    expect(actualForObjective('Share of wallet', 'percent', ACT)).toBe(2_500);
    expect(actualForObjective('毛利', 'money', ACT)).toBe(30);
    expect(actualForObjective('毛利率', 'percent', ACT)).toBe(2_542); // 30 / 118
    expect(actualForObjective('销售毛利', 'money', ACT)).toBe(30); // profit before revenue
    expect(actualForObjective('客户满意度', 'number', ACT)).toBe(84);
    expect(actualForObjective('新签项目数', 'number', ACT)).toBeNull();
  });
});
