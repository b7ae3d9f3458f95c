/**
 * The sample workspace: deterministic, the size asked for, and shaped like a real key-account
 * portfolio (groups with subsidiaries, every tier, churn with reasons, receivables, years of
 * revenue, interactions and tenders, a Pareto head), in Chinese or English.
 */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../electron/backend/sample/generate';
import { NOW, TODAY, refused } from './accounts-helpers';
import { dumpDb, useTestEnv, withoutWorkspaceId } from './helpers';

const env = useTestEnv();
const CJK = /[\u3400-\u9fff]/;
const ASCII = /^[\x20-\x7e]+$/;

describe('generateSample', () => {
  it('is deterministic for the same seed and day, and differs for another seed', () => {
    const a = generateSample({ locale: 'zh-CN', accounts: 40, today: TODAY });
    expect(generateSample({ locale: 'zh-CN', accounts: 40, today: TODAY })).toEqual(a);
    const other = generateSample({ locale: 'zh-CN', accounts: 40, today: TODAY, seed: 7 });
    expect(other.accounts.map((x) => x.name)).not.toEqual(a.accounts.map((x) => x.name));
  });

  it('dates follow the day it is generated for', () => {
    const a = generateSample({ locale: 'zh-CN', accounts: 20, today: '2026-05-15' });
    const b = generateSample({ locale: 'zh-CN', accounts: 20, today: '2027-05-15' });
    expect(a.accounts[0]!.revenue.map((r) => r.year)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(b.accounts[0]!.revenue.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    for (const acc of a.accounts) {
      for (const i of acc.interactions) expect(i.date <= '2026-05-15').toBe(true);
      if (acc.churnedOn) expect(acc.churnedOn < '2026-05-15').toBe(true);
    }
  });

  it.each([1, 5, 40, 2000])('makes exactly %i accounts with unique names', (n) => {
    const ws = generateSample({ locale: 'zh-CN', accounts: n, today: TODAY });
    expect(ws.accounts).toHaveLength(n);
    expect(new Set(ws.accounts.map((a) => a.name)).size).toBe(n);
    expect(new Set(ws.people.map((p) => p.name)).size).toBe(ws.people.length);
    for (const a of ws.accounts) {
      if (a.parent) expect(ws.accounts.some((p) => p.name === a.parent && p.parent === null)).toBe(true);
      expect(ws.people.some((p) => p.name === a.owner && p.role === 'manager')).toBe(true);
    }
  });

  it('names are Chinese in zh-CN and plain English in en', () => {
    const zh = generateSample({ locale: 'zh-CN', accounts: 40, today: TODAY });
    expect(zh.accounts.every((a) => CJK.test(a.name))).toBe(true);
    expect(zh.people.every((p) => CJK.test(p.name))).toBe(true);
    expect(zh.accounts.filter((a) => a.nameEn !== null).every((a) => ASCII.test(a.nameEn!))).toBe(true);
    const en = generateSample({ locale: 'en', accounts: 40, today: TODAY });
    for (const a of en.accounts) {
      expect(a.name).toMatch(ASCII);
      expect(a.industry).toMatch(ASCII);
      expect(a.region).toMatch(ASCII);
      for (const i of a.interactions) expect(i.summary).toMatch(ASCII);
    }
    expect(en.people.every((p) => ASCII.test(p.name))).toBe(true);
  });
});

describe('sample-load', () => {
  it('loads 40 accounts shaped like a real portfolio', async () => {
    const b = env.backend({ now: () => NOW });
    expect(await b.call('sample-load', { accounts: 40, today: TODAY })).toEqual({ accounts: 40 });
    const list = await b.call('accounts-list', {});
    expect(list).toHaveLength(40);
    const db = b.connection();

    // group customers: head offices with subsidiaries linked to them
    const subs = list.filter((a) => a.parentId !== null);
    const heads = new Set(subs.map((a) => a.parentId));
    expect(heads.size).toBeGreaterThanOrEqual(3);
    expect(subs.length).toBeGreaterThanOrEqual(heads.size * 2);
    for (const s of subs) expect(list.find((p) => p.id === s.parentId)).toMatchObject({ name: s.parentName, parentId: null });
    const someHead = [...heads][0]!;
    expect((await b.call('accounts-get', { id: someHead })).children.length).toBeGreaterThanOrEqual(2);

    // every tier, owners and teams
    expect(new Set(list.map((a) => a.tierKey))).toEqual(new Set(['diamond', 'platinum', 'gold', 'silver']));
    expect(list.every((a) => a.ownerName !== null)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM account_team').pluck().get()).toBeGreaterThan(10);

    // churned and at-risk accounts, with their reasons
    const churned = list.filter((a) => a.churnStatus === 'churned');
    const atRisk = list.filter((a) => a.churnStatus === 'at-risk');
    expect(churned.length + atRisk.length).toBeGreaterThanOrEqual(2);
    expect(churned.length).toBeGreaterThanOrEqual(1);
    expect(atRisk.length).toBeGreaterThanOrEqual(1);
    for (const a of [...churned, ...atRisk]) expect(a.churnReason).not.toBeNull();
    for (const a of churned) expect(a).toMatchObject({ lifecycle: 'exit', churnedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });

    // receivables, in more than one ageing bucket
    const figures = await b.call('portfolio-figures', { today: TODAY });
    expect(list.filter((a) => (a.receivableOutstanding ?? 0) > 0).length).toBeGreaterThanOrEqual(5);
    expect(figures.receivables.filter((r) => r.accounts > 0).length).toBeGreaterThanOrEqual(3);

    // five years of revenue and next year's target
    const years = db.prepare('SELECT DISTINCT year FROM account_revenue ORDER BY year').pluck().all();
    expect(years).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(db.prepare('SELECT count(DISTINCT account_id) FROM account_revenue WHERE year = 2022 AND revenue > 0').pluck().get()).toBe(40);

    // interactions, opportunities at several stages with rivals, competitors, satisfaction
    expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBeGreaterThanOrEqual(80);
    expect(db.prepare('SELECT count(DISTINCT kind) FROM interactions').pluck().get()).toBeGreaterThanOrEqual(5);
    expect(db.prepare('SELECT count(*) FROM opportunities').pluck().get()).toBeGreaterThanOrEqual(20);
    expect(db.prepare('SELECT count(DISTINCT stage) FROM opportunities').pluck().get()).toBeGreaterThanOrEqual(4);
    expect(db.prepare("SELECT count(*) FROM opportunities WHERE rivals <> '[]'").pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM competitors').pluck().get()).toBeGreaterThan(0);
    // three surveys an account, and two more for each of the (at most two) early warnings of sample/health.ts
    const surveys = db.prepare('SELECT count(*) FROM satisfaction').pluck().get() as number;
    expect(surveys).toBeGreaterThanOrEqual(120);
    expect(surveys).toBeLessThanOrEqual(124);

    // the Today view has work in it
    const today = await b.call('today', { today: TODAY });
    expect(today.totals.overdue).toBeGreaterThan(0);
    expect(today.accounts.length).toBeGreaterThan(0);

    // Pareto: well under half of the accounts make 80% of this year's revenue
    expect(figures.totalRevenue).toBeGreaterThan(0);
    expect(figures.pareto.headCount).toBeGreaterThanOrEqual(2);
    expect(figures.pareto.headShareOfCount).toBeLessThan(0.4);
  });

  it('gives its key accounts decision-making units worth mapping, one tender map and a snapshot before the tender', async () => {
    const b = env.backend({ now: () => NOW });
    await b.call('sample-load', { accounts: 40, today: TODAY });
    const maps = (await b.call('maps-list', { today: TODAY })).filter((m) => m.people > 0);
    expect(maps.length).toBeGreaterThanOrEqual(5);
    let stale = 0;
    let coachless = 0;
    let unowned = 0;
    const attitudes = new Set<number | null>();
    for (const m of maps) {
      expect(m.people, m.accountName).toBeGreaterThanOrEqual(15);
      expect(m.people, m.accountName).toBeLessThanOrEqual(60);
      expect(m.gaps).toBeGreaterThan(0);
      const map = await b.call('map-get', { accountId: m.accountId, today: TODAY });
      const roles = new Set(map.members.flatMap((p) => p.roles));
      for (const r of ['decision-maker', 'economic-buyer', 'technical-evaluator', 'user', 'gatekeeper', 'veto-holder', 'outside-party']) expect(roles, `${m.accountName} ${r}`).toContain(r);
      if (!roles.has('coach')) coachless++;
      expect(new Set(map.members.map((p) => p.level))).toEqual(new Set(['top', 'middle', 'base', null]));
      for (const p of map.members) {
        expect(CJK.test(p.name), p.name).toBe(true);
        attitudes.add(p.attitude);
        if (p.lastContact === null || p.lastContact < '2026-03-16') stale++;
      }
      unowned += map.coverage.gaps.filter((g) => g.kind === 'key-person-no-owner').length;
      const reports = map.lines.filter((l) => l.kind === 'reports');
      expect(reports.length).toBeGreaterThanOrEqual(map.members.length - 3);
      expect(reports.filter((l) => l.dotted)).toHaveLength(1);
      expect(map.lines.filter((l) => l.kind === 'influence').length).toBeGreaterThanOrEqual(4);
      // someone's last contact comes from an interaction that names them
      expect(map.members.some((p) => p.lastContact !== null && p.lastContact !== p.lastContactSet)).toBe(true);
    }
    expect(coachless).toBe(1);
    expect(unowned).toBeGreaterThan(3);
    expect(stale).toBeGreaterThan(20);
    expect([...attitudes].sort()).toEqual([-1, -2, 0, 1, 2, null].sort());
    expect(maps.reduce((n, m) => n + m.deciderGaps, 0)).toBeGreaterThan(5);

    // one tender map: the evaluation committee with its bid roles, on an open opportunity
    const db = b.connection();
    const tender = db.prepare('SELECT m.opportunity_id AS id, o.account_id AS accountId, o.stage FROM tender_members m JOIN opportunities o ON o.id = m.opportunity_id LIMIT 1').get() as {
      id: number;
      accountId: number;
      stage: string;
    };
    expect(['contact', 'design', 'validation', 'tendering']).toContain(tender.stage);
    const committee = await b.call('map-get', { accountId: tender.accountId, tenderId: tender.id, today: TODAY });
    expect(committee.members.length).toBeGreaterThanOrEqual(7);
    expect(committee.notOnMap.length).toBeGreaterThan(0);
    expect(committee.members.some((p) => p.mapRoles.join() !== p.roles.join())).toBe(true);
    for (const r of ['decision-maker', 'technical-evaluator', 'veto-holder', 'gatekeeper', 'outside-party', 'coach']) {
      expect(committee.members.some((p) => p.mapRoles.includes(r as never)), r).toBe(true);
    }
    const [snap] = await b.call('map-snapshots-list', { accountId: tender.accountId, tenderId: tender.id });
    expect(snap).toMatchObject({ label: '投标前', takenOn: '2026-04-15' });
    const diff = await b.call('map-snapshots-compare', { from: snap!.id, to: null });
    expect(diff.added).toHaveLength(1);
    expect(diff.removed).toHaveLength(1);
    expect(diff.changed.map((c) => [c.field, c.before, c.after])).toEqual([
      ['attitude', -1, 1],
      ['strength', 'acquainted', 'friendly'],
    ]);
  });

  it('has annual plans for three key accounts: one approved with a frozen version, one in review, one draft', async () => {
    const b = env.backend({ now: () => NOW });
    await b.call('sample-load', { accounts: 40, today: TODAY });
    const plans = await b.call('plans-list', { year: 2026, today: TODAY });
    expect(plans.map((p) => p.status).sort()).toEqual(['approved', 'draft', 'review']);
    let actions = 0;
    for (const s of plans) {
      const view = await b.call('plan-get', { accountId: s.accountId, year: 2026, today: TODAY });
      expect(view.frozen).toBe(s.status === 'approved');
      expect(view.versions.map((v) => v.version)).toEqual(s.status === 'approved' ? [1] : []);
      expect(view.sections.every((x) => CJK.test(x.html)), s.accountName).toBe(true);
      const kinds = (k: string) => view.items.filter((i) => i.kind === k);
      expect(kinds('objective').length).toBeGreaterThanOrEqual(3);
      expect(kinds('swot').map((i) => (i.data as { quadrant: string }).quadrant).sort()).toEqual(['o', 's', 't', 'w']);
      expect(kinds('risk').some((i) => (i.data as { internal: boolean }).internal)).toBe(true);
      expect(kinds('contact')).toHaveLength(1);
      actions += kinds('action').length;
      expect(view.live.coverage.people).toBeGreaterThan(0);
      expect(view.live.revenue.length).toBeGreaterThanOrEqual(5);
      // the revenue objective is the account's own target for the year, split by quarter
      const revenue = kinds('objective')[0]!.data as { target: number; q1: number; q2: number; q3: number; q4: number };
      expect(revenue.target).toBe(view.live.revenue.find((r) => r.year === 2026)!.target);
      expect(revenue.q1 + revenue.q2 + revenue.q3 + revenue.q4).toBe(revenue.target);
    }
    expect(actions).toBeGreaterThanOrEqual(10);
    expect(plans.reduce((n, p) => n + p.actionsOverdue, 0)).toBeGreaterThan(0);
    expect(plans.reduce((n, p) => n + p.actionsDue, 0)).toBeGreaterThan(0);
  });

  it('the English sample maps people with English names and titles', async () => {
    const b = env.backend({ now: () => NOW });
    await b.call('sample-load', { accounts: 5, locale: 'en', today: TODAY });
    const maps = (await b.call('maps-list', { today: TODAY })).filter((m) => m.people > 0);
    expect(maps).toHaveLength(5);
    for (const m of maps) {
      const map = await b.call('map-get', { accountId: m.accountId });
      for (const p of map.members) for (const t of [p.name, p.title, p.department, p.notes, p.orgWins]) expect(t, t).toMatch(/^[\x20-\x7e]*$/);
    }
    const [snap] = b.connection().prepare('SELECT label FROM map_snapshots').pluck().all() as string[];
    expect(snap).toBe('Before the tender');
    const plans = await b.call('plans-list', { today: TODAY });
    expect(plans).toHaveLength(3);
    for (const p of plans) {
      const view = await b.call('plan-get', { accountId: p.accountId, year: p.year, today: TODAY });
      for (const x of view.sections) expect(x.html, x.section).toMatch(/^[\x20-\x7e]+$/);
      for (const i of view.items) if (i.kind !== 'competitor' && i.kind !== 'team' && i.kind !== 'contact') expect(JSON.stringify(i.data)).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('loads the same database twice for the same seed and day', async () => {
    const one = env.backend({ dbPath: env.file('one.db'), now: () => NOW });
    const two = env.backend({ dbPath: env.file('two.db'), now: () => NOW });
    await one.call('sample-load', { accounts: 25, locale: 'en', today: TODAY });
    await two.call('sample-load', { accounts: 25, locale: 'en', today: TODAY });
    // the same data; only each database's own workspace id differs
    expect(withoutWorkspaceId(dumpDb(two.connection()))).toEqual(withoutWorkspaceId(dumpDb(one.connection())));
  });

  it.each([1, 5])('loads exactly %i account(s)', async (n) => {
    const b = env.backend({ now: () => NOW });
    expect(await b.call('sample-load', { accounts: n, today: TODAY })).toEqual({ accounts: n });
    expect(await b.call('accounts-list', {})).toHaveLength(n);
  });

  it('English names with the en locale, Chinese by default', async () => {
    const en = env.backend({ dbPath: env.file('en.db') });
    await en.call('sample-load', { locale: 'en', accounts: 10, today: TODAY });
    expect((await en.call('accounts-list', {})).every((a) => ASCII.test(a.name) && !CJK.test(a.industry ?? ''))).toBe(true);
    const zh = env.backend({ dbPath: env.file('zh.db') });
    await zh.call('sample-load', { accounts: 10, today: TODAY });
    expect((await zh.call('accounts-list', {})).every((a) => CJK.test(a.name))).toBe(true);
  });

  it('refuses a database that already holds accounts, and changes nothing', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Mine' });
    const err = await refused(b, 'sample-load', { accounts: 5, today: TODAY }, 'sample-not-empty');
    expect(err.params).toEqual({ accounts: 1 });
    expect(err.message).toMatch(/already holds 1 accounts/);
  });

  it('accounts only in the bin do not count; they stay in the bin', async () => {
    const b = env.backend();
    const old = await b.call('accounts-create', { name: 'Binned' });
    await b.call('accounts-delete', { id: old.id });
    await b.call('sample-load', { accounts: 3, today: TODAY });
    expect((await b.call('accounts-bin-list', {})).map((a) => a.name)).toEqual(['Binned']);
    expect(await b.call('accounts-list', {})).toHaveLength(3);
  });

  it('refuses sizes out of range', async () => {
    const b = env.backend();
    await refused(b, 'sample-load', { accounts: 0 }, 'invalid-args');
    await refused(b, 'sample-load', { accounts: 20_001 }, 'invalid-args');
    await refused(b, 'sample-load', { accounts: 2.5 }, 'invalid-args');
    await refused(b, 'sample-load', { locale: 'fr' }, 'invalid-args');
  });

  it('loads 10,000 accounts in one go', async () => {
    const b = env.backend({ now: () => NOW });
    expect(await b.call('sample-load', { accounts: 10_000, today: TODAY })).toEqual({ accounts: 10_000 });
    const db = b.connection();
    expect(db.prepare('SELECT count(*) FROM accounts WHERE deleted_at IS NULL').pluck().get()).toBe(10_000);
    expect(db.prepare('SELECT count(DISTINCT name) FROM accounts').pluck().get()).toBe(10_000);
    expect((await b.call('accounts-query', { search: 'hn', today: TODAY })).rows.length).toBeGreaterThan(0);
  });
});
