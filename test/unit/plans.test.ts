/**
 * The annual account plan's backend on real SQLite files: create (twelve sections, the contact plan
 * from the tier), one plan per account and year, autosave with conflicts, sanitised text, items
 * checked by kind, the workflow with frozen versions (live figures frozen on approval; an edit of
 * an approved plan makes the next version, a draft), comparison of versions, roll forward, and the
 * list of plans with due and overdue actions.
 */
import { describe, expect, it } from 'vitest';
import { PLAN_SECTIONS } from '../../shared/domain/plan';
import { MAX_SECTION_HTML } from '../../electron/backend/plans/sanitize';
import { NOW, TODAY, refused, tierId, watch } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const YEAR = 2026;

async function setup() {
  const b = env.backend({ now: () => NOW });
  const owner = await b.call('people-save', { name: '赵敏' });
  const acct = await b.call('accounts-create', { name: '国能电力集团' });
  await b.call('accounts-update', { id: acct.id, patch: { tierId: tierId(b, 'platinum'), ownerId: owner.id } });
  const other = await b.call('accounts-create', { name: '华夏建设银行' });
  await b.call('revenue-set', { accountId: acct.id, year: 2025, revenue: 800_000_00, target: 900_000_00 });
  await b.call('revenue-set', { accountId: acct.id, year: 2026, revenue: 1_000_000_00, target: 1_200_000_00 });
  return { b, owner, acct, other };
}

describe('creating a plan', () => {
  it('starts with twelve empty sections in order, the tier contact plan and live figures; a second plan for the year is refused', async () => {
    const { b, acct, owner } = await setup();
    const events = watch(b);
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    expect(view.plan).toMatchObject({ accountId: acct.id, accountName: '国能电力集团', year: YEAR, status: 'draft', version: 1, ownerId: owner.id, ownerName: '赵敏', approvedAt: null });
    expect(view.sections.map((s) => s.section)).toEqual([...PLAN_SECTIONS]);
    expect(view.sections.every((s) => s.html === '' && s.updatedAt === NOW.toISOString())).toBe(true);
    // platinum: 4 visits a quarter, 2 calls a month
    expect(view.items).toEqual([
      expect.objectContaining({
        kind: 'contact',
        section: 'actions',
        data: { kind: 'contact', stakeholderId: null, target: '国能电力集团', ownerId: owner.id, visitsPerQuarter: 4, callsPerMonth: 2, tierKey: 'platinum', internal: false },
      }),
    ]);
    expect(view.frozen).toBe(false);
    expect(view.live.revenue).toEqual([
      { year: 2025, revenue: 800_000_00, target: 900_000_00, profit: null },
      { year: 2026, revenue: 1_000_000_00, target: 1_200_000_00, profit: null },
    ]);
    expect(view.live.tier).toMatchObject({ key: 'platinum', visitsPerQuarter: 4 });
    expect(view.live.churn.status).toBe('active');
    expect(view.versions).toEqual([]);
    expect(events).toEqual([{ tables: ['plans', 'plan_sections', 'plan_items'] }]);

    const err = await refused(b, 'plan-create', { accountId: acct.id, year: YEAR }, 'plan-exists');
    expect(err.params).toEqual({ year: YEAR });
    // another year and another account are fine; an account without a tier has no contact plan
    expect((await b.call('plan-create', { accountId: acct.id, year: YEAR + 1 })).plan.year).toBe(YEAR + 1);
    const bank = await b.call('plan-create', { accountId: (await b.call('accounts-list', { search: '华夏' }))[0]!.id, year: YEAR });
    expect(bank.items).toEqual([]);
    expect((await b.call('plan-get', { accountId: acct.id, year: YEAR })).plan.id).toBe(view.plan.id);
    await refused(b, 'plan-get', { accountId: acct.id, year: 2030 }, 'not-found');
    await refused(b, 'plan-create', { accountId: 999, year: YEAR }, 'not-found');
  });

  it('an account purged from the bin takes its plans with it', async () => {
    const { b, acct } = await setup();
    await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const db = b.connection();
    db.prepare('DELETE FROM accounts WHERE id = ?').run(acct.id);
    for (const t of ['plans', 'plan_sections', 'plan_items']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
  });
});

describe('sections', () => {
  it('saves a section (autosave) and refuses a save based on an older copy, overwriting nothing', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const base = view.sections[0]!.updatedAt;
    const first = await b.call('plan-section-save', { planId: view.plan.id, section: 'overview', html: '<p>电网数字化</p>', baseUpdatedAt: base });
    expect(first.html).toBe('<p>电网数字化</p>');
    expect(first.updatedAt > base).toBe(true); // even with the same clock
    // another window still holds the old copy
    const err = await refused(b, 'plan-section-save', { planId: view.plan.id, section: 'overview', html: '<p>旧文本</p>', baseUpdatedAt: base }, 'plan-conflict');
    expect(err.params).toEqual({ section: 'overview', updatedAt: first.updatedAt });
    const second = await b.call('plan-section-save', { planId: view.plan.id, section: 'overview', html: '<p>新文本</p>', baseUpdatedAt: first.updatedAt });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    const again = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(again.sections.find((s) => s.section === 'overview')).toEqual(second);
    expect(again.sections.find((s) => s.section === 'review')!.html).toBe('');
    await refused(b, 'plan-section-save', { planId: 999, section: 'overview', html: 'x', baseUpdatedAt: base }, 'not-found');
    await refused(b, 'plan-section-save', { planId: view.plan.id, section: 'preface', html: 'x', baseUpdatedAt: base }, 'invalid-args');
  });

  it('sanitises: scripts, styles, on* handlers, Word junk and data-URL images go; tables, lists and safe links stay', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const html = [
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->',
      '<style>p.MsoNormal{margin:0}</style>',
      '<p class="MsoNormal" style="mso-line-height-rule:exactly;color:red" onclick="steal()">增长<b>20%</b><o:p></o:p></p>',
      '<script>alert(1)</script>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" onerror="x()">',
      '<a href="javascript:alert(1)">坏链接</a> <a href="https://example.com/plan" onmouseover="x()" target="_blank">方案</a>',
      '<table class="MsoTableGrid"><thead><tr><th colspan="2" style="width:10px">季度</th></tr></thead>',
      '<tbody><tr><td rowspan="2">Q1</td><td onclick="x()">300万</td></tr></tbody></table>',
      '<ul><li>培训</li></ul><h1>大标题</h1><h2>小标题</h2><iframe src="https://evil"></iframe>',
    ].join('');
    const saved = await b.call('plan-section-save', { planId: view.plan.id, section: 'objectives', html, baseUpdatedAt: view.sections[4]!.updatedAt });
    expect(saved.html).toBe(
      '<p>增长<b>20%</b></p><a>坏链接</a> <a href="https://example.com/plan">方案</a>' +
        '<table><thead><tr><th colspan="2">季度</th></tr></thead><tbody><tr><td rowspan="2">Q1</td><td>300万</td></tr></tbody></table>' +
        '<ul><li>培训</li></ul>大标题<h2>小标题</h2>',
    );
    for (const bad of ['script', 'style', 'onclick', 'onerror', 'mso', 'data:', 'javascript:', 'class=', 'iframe', '<img', 'o:p', 'xml']) {
      expect(saved.html, bad).not.toContain(bad);
    }
  });

  it('refuses a section longer than a section may be, with its length and the limit', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const long = `<p>${'长'.repeat(MAX_SECTION_HTML)}</p>`;
    const err = await refused(b, 'plan-section-save', { planId: view.plan.id, section: 'strategy', html: long, baseUpdatedAt: view.sections[5]!.updatedAt }, 'plan-text-too-long');
    expect(err.params).toEqual({ section: 'strategy', length: MAX_SECTION_HTML + 7, max: MAX_SECTION_HTML });
    // the junk of a Word paste does not count against the limit
    const padded = `<p style="${'x'.repeat(MAX_SECTION_HTML)}">短</p>`;
    expect((await b.call('plan-section-save', { planId: view.plan.id, section: 'strategy', html: padded, baseUpdatedAt: view.sections[5]!.updatedAt })).html).toBe('<p>短</p>');
  });
});

describe('internal-only sections', () => {
  it('marks a section internal and back, keeps it through approval (a new version) and roll forward; refuses a section of no plan', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const planId = view.plan.id;
    expect(view.sections.every((s) => s.internal === false)).toBe(true);
    const events = watch(b);
    const marked = await b.call('plan-section-internal', { planId, section: 'strategy', internal: true });
    expect(marked).toMatchObject({ section: 'strategy', internal: true });
    expect(events).toEqual([{ tables: ['plans', 'plan_sections'] }]);
    const got = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(got.sections.filter((s) => s.internal).map((s) => s.section)).toEqual(['strategy']);
    // a save keeps the flag
    const saved = await b.call('plan-section-save', { planId, section: 'strategy', html: '<p>内部打法</p>', baseUpdatedAt: marked.updatedAt });
    expect(saved.internal).toBe(true);
    // approved: frozen with the flag; unmarking makes version 2
    await b.call('plan-status-set', { planId, status: 'review' });
    await b.call('plan-status-set', { planId, status: 'approved' });
    const frozen = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(frozen.frozen).toBe(true);
    expect(frozen.sections.find((s) => s.section === 'strategy')!.internal).toBe(true);
    await b.call('plan-section-internal', { planId, section: 'risks', internal: true });
    const v2 = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(v2.plan).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.sections.filter((s) => s.internal).map((s) => s.section)).toEqual(['strategy', 'risks']);
    const next = await b.call('plan-roll-forward', { planId });
    expect(next.sections.filter((s) => s.internal).map((s) => s.section)).toEqual(['strategy', 'risks']);
    await refused(b, 'plan-section-internal', { planId: 9999, section: 'risks', internal: true }, 'not-found');
    await refused(b, 'plan-section-internal', { planId, section: 'risks', internal: 'yes' }, 'invalid-args');
  });
});

describe('items', () => {
  it('creates, updates, reorders and deletes items checked by kind, with the extracted columns kept in step', async () => {
    const { b, acct, owner } = await setup();
    const { plan } = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const obj = await b.call('plan-item-save', {
      planId: plan.id,
      data: { kind: 'objective', metric: '销售额', unit: 'money', baseline: 1_000_000_00, target: 1_300_000_00, q1: 250_000_00, q2: 300_000_00, q3: 350_000_00, q4: 400_000_00, ownerId: owner.id },
    });
    expect(obj).toMatchObject({ kind: 'objective', section: 'objectives', sort: 0, data: { metric: '销售额', target: 1_300_000_00, note: '', ownerId: owner.id } });
    const a1 = await b.call('plan-item-save', { planId: plan.id, data: { kind: 'action', what: '季度业务回顾', ownerId: owner.id, due: '2026-06-30', cost: 5_000_00 } });
    const a2 = await b.call('plan-item-save', { planId: plan.id, data: { kind: 'action', what: '年度客户座谈会', due: '2026-11-20', status: 'doing' } });
    expect(a1.data).toEqual({ kind: 'action', what: '季度业务回顾', ownerId: owner.id, due: '2026-06-30', status: 'todo', cost: 5_000_00, internal: false });
    expect([a1.sort, a2.sort]).toEqual([0, 1]);
    const db = b.connection();
    expect(db.prepare('SELECT owner_id, due_date, status FROM plan_items WHERE id = ?').get(a1.id)).toEqual({ owner_id: owner.id, due_date: '2026-06-30', status: 'todo' });

    const u = await b.call('plan-item-save', { planId: plan.id, id: a1.id, data: { kind: 'action', what: '季度业务回顾', due: '2026-07-15', status: 'done', cost: 6_000_00 } });
    expect(u.data).toMatchObject({ due: '2026-07-15', status: 'done', ownerId: null });
    expect(db.prepare('SELECT owner_id, due_date, status FROM plan_items WHERE id = ?').get(a1.id)).toEqual({ owner_id: null, due_date: '2026-07-15', status: 'done' });

    const order = await b.call('plan-items-reorder', { planId: plan.id, kind: 'action', ids: [a2.id, a1.id] });
    expect(order.map((i) => [i.id, i.sort])).toEqual([[a2.id, 0], [a1.id, 1]]);
    await refused(b, 'plan-items-reorder', { planId: plan.id, kind: 'action', ids: [a2.id] }, 'invalid-args');
    await refused(b, 'plan-items-reorder', { planId: plan.id, kind: 'action', ids: [a2.id, obj.id] }, 'invalid-args');

    expect(await b.call('plan-item-delete', { id: a2.id })).toEqual({ id: a2.id });
    await refused(b, 'plan-item-delete', { id: a2.id }, 'not-found');
    const items = (await b.call('plan-get', { accountId: acct.id, year: YEAR })).items;
    expect(items.map((i) => i.kind)).toEqual(['objective', 'action', 'contact']);
  });

  it('refuses bad items with codes and changes nothing: unknown kind, bad date, negative cost, missing fields, unknown people, a kind change', async () => {
    const { b, acct, other } = await setup();
    const { plan } = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const action = { kind: 'action' as const, what: '技术交流' };
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'wish', what: 'x' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, due: '2026-02-30' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, due: '30/06/2026' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, cost: -100 } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, cost: 1.5 } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, status: 'late' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'action', what: '  ' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'swot', quadrant: 'x', text: '品牌' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'risk', description: '回款', likelihood: 'high', impact: 'huge' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'team', role: '技术支持' } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'objective', metric: '份额', unit: 'percent', target: 35.5 } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, extra: 1 } }, 'invalid-args');
    await refused(b, 'plan-item-save', { planId: plan.id, data: { ...action, ownerId: 999 } }, 'not-found');
    await refused(b, 'plan-item-save', { planId: 999, data: action }, 'not-found');
    const stranger = await b.call('stakeholders-create', { accountId: other.id, name: '钱行长' });
    await refused(b, 'plan-item-save', { planId: plan.id, data: { kind: 'contact', stakeholderId: stranger.id, target: '钱行长', visitsPerQuarter: 1, callsPerMonth: 1 } }, 'map-mismatch');
    const ok = await b.call('plan-item-save', { planId: plan.id, data: action });
    await refused(b, 'plan-item-save', { planId: plan.id, id: ok.id, data: { kind: 'swot', quadrant: 's', text: '品牌' } }, 'invalid-args');
  });
});

describe('workflow and versions', () => {
  it('moves draft -> review -> approved, refuses skipping review, and freezes the live figures on approval', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const id = view.plan.id;
    const err = await refused(b, 'plan-status-set', { planId: id, status: 'approved' }, 'plan-transition');
    expect(err.params).toEqual({ from: 'draft', to: 'approved' });
    await refused(b, 'plan-status-set', { planId: id, status: 'draft' }, 'plan-transition');
    await b.call('plan-section-save', { planId: id, section: 'review', html: '<p>去年完成率 83%</p>', baseUpdatedAt: view.sections[1]!.updatedAt });
    expect(await b.call('plan-status-set', { planId: id, status: 'review' })).toMatchObject({ status: 'review', version: 1 });
    const events = watch(b);
    const approved = await b.call('plan-status-set', { planId: id, status: 'approved' });
    expect(approved).toMatchObject({ status: 'approved', version: 1, approvedAt: NOW.toISOString() });
    expect(events).toEqual([{ tables: ['plans', 'plan_versions'] }]);
    await refused(b, 'plan-status-set', { planId: id, status: 'review' }, 'plan-transition');

    // revenue changes after approval: the approved plan still shows the figure it was approved with
    await b.call('revenue-set', { accountId: acct.id, year: 2026, revenue: 1_500_000_00 });
    const got = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(got.frozen).toBe(true);
    expect(got.live.revenue.find((r) => r.year === 2026)!.revenue).toBe(1_000_000_00);
    expect(got.versions).toEqual([{ version: 1, createdAt: NOW.toISOString() }]);
    expect(got.sections[1]!.html).toBe('<p>去年完成率 83%</p>');
    // a plan in draft shows the figure as it is now
    const next = await b.call('plan-create', { accountId: acct.id, year: 2027 });
    expect(next.live.revenue.find((r) => r.year === 2026)!.revenue).toBe(1_500_000_00);
  });

  it('an edit of an approved plan makes version 2 in draft; version 1 stays as approved; approving again freezes version 2', async () => {
    const { b, acct } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const id = view.plan.id;
    const risk = await b.call('plan-item-save', { planId: id, data: { kind: 'risk', description: '旺季供货不足', likelihood: 'medium', impact: 'high', internal: true } });
    const s0 = await b.call('plan-section-save', { planId: id, section: 'strategy', html: '<p>方案 A</p>', baseUpdatedAt: view.sections[5]!.updatedAt });
    await b.call('plan-status-set', { planId: id, status: 'review' });
    await b.call('plan-status-set', { planId: id, status: 'approved' });

    const s1 = await b.call('plan-section-save', { planId: id, section: 'strategy', html: '<p>方案 B</p>', baseUpdatedAt: s0.updatedAt });
    let got = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(got.plan).toMatchObject({ status: 'draft', version: 2, approvedAt: null });
    expect(got.frozen).toBe(false);
    expect(got.sections.find((s) => s.section === 'strategy')!.html).toBe('<p>方案 B</p>');
    // a second edit stays in version 2
    await b.call('plan-item-save', { planId: id, data: { kind: 'swot', quadrant: 'o', text: '新能源扩建' } });
    await b.call('plan-item-save', { planId: id, id: risk.id, data: { kind: 'risk', description: '旺季供货不足', likelihood: 'high', impact: 'high', internal: true } });
    got = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(got.plan.version).toBe(2);

    const cmp = await b.call('plan-versions-compare', { planId: id, a: 1, b: 'current' });
    const by = new Map(cmp.sections.map((s) => [s.section, s]));
    expect(cmp.sections.map((s) => s.section)).toEqual([...PLAN_SECTIONS]);
    expect(cmp.sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['analysis', 'strategy', 'risks']);
    expect(by.get('strategy')).toMatchObject({ textChanged: true, textBefore: '<p>方案 A</p>', textAfter: '<p>方案 B</p>', added: [], removed: [] });
    expect(by.get('analysis')!.added.map((i) => i.data)).toEqual([{ kind: 'swot', quadrant: 'o', text: '新能源扩建', internal: false }]);
    expect(by.get('risks')!.modified).toEqual([expect.objectContaining({ id: risk.id, fields: ['likelihood'] })]);

    // approving again freezes version 2; both versions can be compared
    await b.call('plan-status-set', { planId: id, status: 'review' });
    await b.call('plan-status-set', { planId: id, status: 'approved' });
    got = await b.call('plan-get', { accountId: acct.id, year: YEAR });
    expect(got.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await b.call('plan-versions-compare', { planId: id, a: 1, b: 2 })).sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['analysis', 'strategy', 'risks']);
    expect((await b.call('plan-versions-compare', { planId: id, a: 2, b: 'current' })).sections.some((s) => s.changed)).toBe(false);
    await refused(b, 'plan-versions-compare', { planId: id, a: 3, b: 'current' }, 'plan-version-not-found');

    // moving an approved plan back to draft is an edit as well: version 3
    expect(await b.call('plan-status-set', { planId: id, status: 'draft' })).toMatchObject({ status: 'draft', version: 3 });
    expect(s1.html).toBe('<p>方案 B</p>');
  });

  it('an item deleted or reordered in an approved plan makes the next version too', async () => {
    const { b, acct } = await setup();
    const { plan } = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const x = await b.call('plan-item-save', { planId: plan.id, data: { kind: 'swot', quadrant: 's', text: '品牌' } });
    const y = await b.call('plan-item-save', { planId: plan.id, data: { kind: 'swot', quadrant: 'w', text: '交付' } });
    const approve = async () => {
      await b.call('plan-status-set', { planId: plan.id, status: 'review' });
      await b.call('plan-status-set', { planId: plan.id, status: 'approved' });
    };
    await approve();
    await b.call('plan-items-reorder', { planId: plan.id, kind: 'swot', ids: [y.id, x.id] });
    expect((await b.call('plan-get', { accountId: acct.id, year: YEAR })).plan).toMatchObject({ version: 2, status: 'draft' });
    await approve();
    await b.call('plan-item-delete', { id: x.id });
    expect((await b.call('plan-get', { accountId: acct.id, year: YEAR })).plan).toMatchObject({ version: 3, status: 'draft' });
    // version 2 still holds both
    const cmp = await b.call('plan-versions-compare', { planId: plan.id, a: 2, b: 'current' });
    expect(cmp.sections.find((s) => s.section === 'analysis')!.removed.map((i) => i.id)).toEqual([x.id]);
  });
});

describe('roll forward', () => {
  it("starts next year's plan from this one by the rules, and refuses when it exists", async () => {
    const { b, acct, owner } = await setup();
    const view = await b.call('plan-create', { accountId: acct.id, year: YEAR });
    const id = view.plan.id;
    await b.call('plan-section-save', { planId: id, section: 'overview', html: '<p>国内最大的区域电网之一</p>', baseUpdatedAt: view.sections[0]!.updatedAt });
    await b.call('plan-item-save', { planId: id, data: { kind: 'objective', metric: '销售额', unit: 'money', baseline: 1_000_000_00, target: 1_300_000_00, q1: 1, q2: 2, q3: 3, q4: 4, ownerId: owner.id } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'objective', metric: '客户满意度', unit: 'number', baseline: 80, target: 95 } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'objective', metric: '新签项目数', unit: 'number', baseline: 2, target: 5 } });
    await b.call('satisfaction-add', { accountId: acct.id, date: '2026-02-01', score: 80 });
    await b.call('satisfaction-add', { accountId: acct.id, date: '2026-04-01', score: 87 });
    await b.call('satisfaction-add', { accountId: acct.id, date: '2025-11-01', score: 10 });
    await b.call('plan-item-save', { planId: id, data: { kind: 'action', what: '已完成', due: '2026-03-01', status: 'done' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'action', what: '已取消', due: '2026-03-01', status: 'dropped' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'action', what: '进行中', due: '2026-12-01', status: 'doing', cost: 100 } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'action', what: '未开始', due: '2026-09-01' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'swot', quadrant: 't', text: '竞争对手降价' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'team', personId: owner.id, role: '大客户经理', responsibility: '总体负责' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'risk', description: '回款延迟', likelihood: 'medium', impact: 'high', mitigation: '按月对账' } });
    await b.call('plan-item-save', { planId: id, data: { kind: 'competitor', name: '恒信科技', position: '价格领先' } });
    await b.call('plan-status-set', { planId: id, status: 'review' });

    const next = await b.call('plan-roll-forward', { planId: id });
    expect(next.plan).toMatchObject({ year: YEAR + 1, status: 'draft', version: 1, ownerId: owner.id });
    expect(next.sections[0]!.html).toBe('<p>国内最大的区域电网之一</p>');
    const of = (kind: string) => next.items.filter((i) => i.kind === kind).map((i) => i.data);
    // baselines are this year's actuals - the revenue recorded for 2026 (1,000,000, not the 1,300,000
    // target), the 2026 average satisfaction (83.5 -> 84, not 95) - and none for a metric with no actual
    expect(of('objective')).toEqual([
      { kind: 'objective', metric: '销售额', unit: 'money', baseline: 1_000_000_00, target: null, q1: null, q2: null, q3: null, q4: null, ownerId: owner.id, note: '', internal: false },
      expect.objectContaining({ metric: '客户满意度', baseline: 84, target: null }),
      expect.objectContaining({ metric: '新签项目数', baseline: null, target: null }),
    ]);
    expect(of('action')).toEqual([
      { kind: 'action', what: '进行中', ownerId: null, due: null, status: 'doing', cost: 100, internal: false },
      { kind: 'action', what: '未开始', ownerId: null, due: null, status: 'todo', cost: null, internal: false },
    ]);
    expect(of('swot')).toEqual([{ kind: 'swot', quadrant: 't', text: '竞争对手降价', internal: false }]);
    expect(of('team')).toHaveLength(1);
    expect(of('risk')).toEqual([expect.objectContaining({ description: '回款延迟', mitigation: '按月对账' })]);
    expect(of('competitor')).toEqual([expect.objectContaining({ name: '恒信科技', position: '价格领先' })]);
    expect(of('contact')).toEqual([expect.objectContaining({ visitsPerQuarter: 4, callsPerMonth: 2 })]);
    // this year's plan is untouched
    expect((await b.call('plan-get', { accountId: acct.id, year: YEAR })).plan).toMatchObject({ status: 'review', version: 1 });
    const err = await refused(b, 'plan-roll-forward', { planId: id }, 'plan-exists');
    expect(err.params).toEqual({ year: YEAR + 1 });
  });
});

describe('plans-list', () => {
  it('lists plans with account names and counts of open actions due soon and overdue', async () => {
    const { b, acct, other } = await setup();
    const p1 = (await b.call('plan-create', { accountId: acct.id, year: YEAR })).plan;
    const p2 = (await b.call('plan-create', { accountId: other.id, year: YEAR })).plan;
    await b.call('plan-create', { accountId: acct.id, year: 2025 });
    const act = (planId: number, due: string | null, status: 'todo' | 'doing' | 'done' | 'dropped' = 'todo') =>
      b.call('plan-item-save', { planId, data: { kind: 'action', what: `a ${due} ${status}`, due, status } });
    // TODAY is 2026-05-15
    await act(p1.id, '2026-05-01'); // overdue
    await act(p1.id, '2026-05-14', 'doing'); // overdue
    await act(p1.id, '2026-05-01', 'done'); // done: not counted
    await act(p1.id, '2026-05-15'); // due (today)
    await act(p1.id, '2026-06-14'); // due (day 30)
    await act(p1.id, '2026-06-15'); // later
    await act(p1.id, null); // no date
    await act(p2.id, '2026-01-01', 'dropped');
    const list = await b.call('plans-list', { year: YEAR, today: TODAY });
    expect(list.map((p) => [p.accountName, p.year])).toEqual([['华夏建设银行', YEAR], ['国能电力集团', YEAR]]);
    expect(list.find((p) => p.id === p1.id)).toMatchObject({ status: 'draft', version: 1, ownerName: '赵敏', actionsOpen: 6, actionsDue: 2, actionsOverdue: 2 });
    expect(list.find((p) => p.id === p2.id)).toMatchObject({ actionsOpen: 0, actionsDue: 0, actionsOverdue: 0 });
    expect((await b.call('plans-list', { accountId: acct.id })).map((p) => p.year)).toEqual([2026, 2025]);
    expect(await b.call('plans-list', { year: 2030 })).toEqual([]);
    // an account in the bin: its plans are not listed
    await b.call('accounts-delete', { id: other.id });
    expect((await b.call('plans-list', { year: YEAR })).map((p) => p.id)).toEqual([p1.id]);
  });
});
