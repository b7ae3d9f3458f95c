/**
 * The stakeholder map's backend on real SQLite files: people (create, update, the bin), lines
 * (reporting cycles refused through solid and dotted lines, influence free), tender maps with bid
 * roles, saved positions, last contact derived from interactions, coverage through map-get, the
 * list of maps, snapshots, and every refusal leaving the database as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { Printer } from '../../electron/backend/documents/printer';
import { mapFileName } from '../../electron/backend/exports/map-export';
import { listMaps, getMap } from '../../electron/backend/db/repos/stakeholders/map-read';
import { latestNamed, namesIn } from '../../electron/backend/db/repos/stakeholders/contacts';
import { NOW, TODAY, refused, watch } from './accounts-helpers';
import { captureStatements, dumpDb, expectError, useTestEnv } from './helpers';

const env = useTestEnv();

async function setup() {
  const b = env.backend({ now: () => NOW });
  const acct = await b.call('accounts-create', { name: '国能电力集团' });
  const other = await b.call('accounts-create', { name: '华夏建设银行' });
  const owner = await b.call('people-save', { name: '赵敏' });
  return { b, acct, other, owner };
}

async function person(b: Backend, accountId: number, name: string, extra: Record<string, unknown> = {}) {
  return b.call('stakeholders-create', { accountId, name, ...extra });
}

describe('people', () => {
  it('creates, reads, updates and lists a person with every field, announcing each write', async () => {
    const { b, acct, owner } = await setup();
    const events = watch(b);
    const p = await b.call('stakeholders-create', {
      accountId: acct.id,
      name: ' 王伟 ',
      title: '副总经理',
      department: '公司领导',
      level: 'top',
      roles: ['decision-maker', 'economic-buyer', 'decision-maker'],
      influence: 'high',
      attitude: -1,
      strength: 'acquainted',
      ownerId: owner.id,
      lastContactSet: '2026-03-01',
      favoursCompetitor: '恒信科技',
      orgWins: '供电可靠性',
      personalWins: '年底考核',
      interests: '羽毛球',
      notes: '对价格敏感',
    });
    expect(p).toMatchObject({
      accountId: acct.id,
      name: '王伟',
      roles: ['decision-maker', 'economic-buyer'],
      attitude: -1,
      ownerName: '赵敏',
      lastContactSet: '2026-03-01',
      lastContact: '2026-03-01',
      notes: '对价格敏感',
      createdAt: NOW.toISOString(),
    });
    // the tables stakeholders-create declares (a reports-to line and a tender membership may come with it)
    expect(events).toEqual([{ tables: ['stakeholders', 'stakeholder_lines', 'tender_members'] }]);

    const u = await b.call('stakeholders-update', { id: p.id, patch: { attitude: 2, strength: 'trusted', ownerId: null, level: null, notes: '' } });
    expect(u).toMatchObject({ attitude: 2, strength: 'trusted', ownerId: null, ownerName: null, level: null, notes: '', title: '副总经理' });
    const bare = await person(b, acct.id, '李娜');
    expect(bare).toMatchObject({ title: '', level: null, roles: [], influence: null, attitude: null, strength: 'none', ownerId: null, lastContact: null });
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((s) => s.name)).toEqual(['李娜', '王伟'].sort());
    expect(events).toHaveLength(3);
  });

  it('refuses a duplicate name in the account (not in another), an unknown owner, a binned account, leaving everything as it was', async () => {
    const { b, acct, other } = await setup();
    const p = await person(b, acct.id, '王伟');
    const err = await refused(b, 'stakeholders-create', { accountId: acct.id, name: '王伟' }, 'conflict');
    expect(err.params).toEqual({ name: '王伟' });
    await person(b, other.id, '王伟');
    const q = await person(b, acct.id, '李娜');
    await refused(b, 'stakeholders-update', { id: q.id, patch: { name: '王伟' } }, 'conflict');
    await refused(b, 'stakeholders-update', { id: p.id, patch: { ownerId: 999 } }, 'not-found');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '张强', ownerId: 999 }, 'not-found');
    await refused(b, 'stakeholders-create', { accountId: 999, name: '张强' }, 'not-found');
    await refused(b, 'stakeholders-update', { id: 999, patch: { title: 'x' } }, 'not-found');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '' }, 'invalid-args');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '张强', attitude: 3 }, 'invalid-args');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '张强', roles: ['boss'] }, 'invalid-args');
    const theirs = await person(b, other.id, '孙杰');
    await b.call('accounts-delete', { id: other.id });
    await refused(b, 'stakeholders-create', { accountId: other.id, name: '张强' }, 'not-found');
    await refused(b, 'stakeholders-update', { id: theirs.id, patch: { title: 'x' } }, 'not-found');
    await refused(b, 'stakeholders-delete', { id: theirs.id }, 'not-found');
    await refused(b, 'stakeholders-list', { accountId: other.id }, 'not-found');
    // renaming to the own name is no conflict
    expect((await b.call('stakeholders-update', { id: p.id, patch: { name: '王伟', title: '总经理' } })).title).toBe('总经理');
  });

  it('creates a person under a manager and on a tender map in one step', async () => {
    const { b, acct, other } = await setup();
    const boss = await person(b, acct.id, '王伟');
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期', stage: 'tendering' });
    const events = watch(b);
    const p = await person(b, acct.id, '李娜', { reportsTo: boss.id, tenderId: opp.id });
    expect(events).toEqual([{ tables: ['stakeholders', 'stakeholder_lines', 'tender_members'] }]);
    const map = await b.call('map-get', { accountId: acct.id });
    expect(map.lines).toEqual([{ id: expect.any(Number), kind: 'reports', fromId: p.id, toId: boss.id, dotted: false, strength: 2 }]);
    const tender = await b.call('map-get', { accountId: acct.id, tenderId: opp.id });
    expect(tender.members.map((m) => m.name)).toEqual(['李娜']);
    // a manager or tender of another account
    const stranger = await person(b, other.id, '张强');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '刘洋', reportsTo: stranger.id }, 'map-mismatch');
    const otherOpp = await b.call('opportunities-save', { accountId: other.id, name: '核心系统升级' });
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '刘洋', tenderId: otherOpp.id }, 'map-mismatch');
    await refused(b, 'stakeholders-create', { accountId: acct.id, name: '刘洋', tenderId: 999 }, 'not-found');
  });

  it('moves a person to the bin with their lines and positions, and brings them back', async () => {
    const { b, acct } = await setup();
    const boss = await person(b, acct.id, '王伟');
    const p = await person(b, acct.id, '李娜', { reportsTo: boss.id });
    await b.call('map-layout-save', { accountId: acct.id, positions: [{ id: p.id, x: 100, y: 240 }], collapsed: [{ id: p.id, collapsed: true }] });
    const events = watch(b);
    expect(await b.call('stakeholders-delete', { id: p.id })).toEqual({ id: p.id });
    expect(events).toEqual([{ tables: ['stakeholders'] }]);
    let map = await b.call('map-get', { accountId: acct.id });
    expect(map.members.map((m) => m.name)).toEqual(['王伟']);
    expect(map.lines).toEqual([]);
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((s) => s.name)).toEqual(['王伟']);
    await refused(b, 'stakeholders-update', { id: p.id, patch: { title: 'x' } }, 'not-found');
    await refused(b, 'stakeholders-delete', { id: p.id }, 'not-found');
    await refused(b, 'lines-create', { kind: 'influence', fromId: boss.id, toId: p.id }, 'not-found');

    const back = await b.call('stakeholders-undelete', { id: p.id });
    expect(back.name).toBe('李娜');
    map = await b.call('map-get', { accountId: acct.id });
    expect(map.lines).toHaveLength(1);
    expect(map.members.find((m) => m.id === p.id)).toMatchObject({ x: 100, y: 240, collapsed: true });
    await refused(b, 'stakeholders-undelete', { id: p.id }, 'not-found');

    // the name was taken while in the bin: the undelete says so
    await b.call('stakeholders-delete', { id: p.id });
    await person(b, acct.id, '李娜');
    const err = await refused(b, 'stakeholders-undelete', { id: p.id }, 'conflict');
    expect(err.params).toEqual({ name: '李娜' });
  });
});

describe('lines', () => {
  async function chain() {
    const s = await setup();
    const [a, bb, c, d] = await Promise.all(['王伟', '李娜', '张强', '刘洋'].map((n) => person(s.b, s.acct.id, n)));
    return { ...s, a: a!, bb: bb!, c: c!, d: d! };
  }

  it('draws reporting and influence lines; drawing one again returns it; update and delete', async () => {
    const { b, a, bb } = await chain();
    const events = watch(b);
    const r = await b.call('lines-create', { kind: 'reports', fromId: bb.id, toId: a.id });
    expect(r).toEqual({ id: expect.any(Number), kind: 'reports', fromId: bb.id, toId: a.id, dotted: false, strength: 2 });
    const i = await b.call('lines-create', { kind: 'influence', fromId: bb.id, toId: a.id, strength: 3, dotted: true });
    expect(i).toMatchObject({ kind: 'influence', dotted: false, strength: 3 });
    const again = await b.call('lines-create', { kind: 'reports', fromId: bb.id, toId: a.id, dotted: true });
    expect(again).toMatchObject({ id: r.id, dotted: true });
    expect(await b.call('lines-update', { id: r.id, dotted: false, strength: 1 })).toMatchObject({ id: r.id, dotted: false, strength: 1 });
    expect(await b.call('lines-delete', { id: i.id })).toMatchObject({ id: i.id, kind: 'influence' });
    expect(events).toHaveLength(5);
    for (const e of events) expect(e.tables).toEqual(['stakeholder_lines']);
    await refused(b, 'lines-delete', { id: i.id }, 'not-found');
    await refused(b, 'lines-update', { id: 999, strength: 2 }, 'not-found');
    await refused(b, 'lines-create', { kind: 'reports', fromId: a.id, toId: a.id }, 'invalid-args');
    await refused(b, 'lines-create', { kind: 'reports', fromId: a.id, toId: 999 }, 'not-found');
    await refused(b, 'lines-create', { kind: 'friends', fromId: a.id, toId: bb.id }, 'invalid-args');
    await refused(b, 'lines-create', { kind: 'influence', fromId: a.id, toId: bb.id, strength: 4 }, 'invalid-args');
  });

  it('refuses a reporting circle, directly and through longer chains of solid and dotted lines, naming the person', async () => {
    const { b, a, bb, c, d } = await chain();
    await b.call('lines-create', { kind: 'reports', fromId: bb.id, toId: a.id }); // 李娜 -> 王伟
    let err = await refused(b, 'lines-create', { kind: 'reports', fromId: a.id, toId: bb.id }, 'reporting-cycle');
    expect(err.params).toEqual({ name: '王伟' });
    await b.call('lines-create', { kind: 'reports', fromId: c.id, toId: bb.id, dotted: true }); // 张强 -.-> 李娜
    await b.call('lines-create', { kind: 'reports', fromId: d.id, toId: c.id }); // 刘洋 -> 张强
    err = await refused(b, 'lines-create', { kind: 'reports', fromId: a.id, toId: d.id, dotted: true }, 'reporting-cycle');
    expect(err.params).toEqual({ name: '王伟' });
    // two managers (a dotted-line one and co-heads) are fine
    await b.call('lines-create', { kind: 'reports', fromId: d.id, toId: a.id, dotted: true });
    // influence may go round in circles
    await b.call('lines-create', { kind: 'influence', fromId: a.id, toId: d.id });
    await b.call('lines-create', { kind: 'influence', fromId: d.id, toId: a.id });
    // a circle through someone in the bin is refused too: an undelete could not bring it back
    await b.call('stakeholders-delete', { id: c.id });
    await refused(b, 'lines-create', { kind: 'reports', fromId: bb.id, toId: d.id }, 'reporting-cycle');
  });

  it('refuses a line between two accounts', async () => {
    const { b, acct, other, a } = await chain();
    const stranger = await person(b, other.id, '陈静');
    await refused(b, 'lines-create', { kind: 'influence', fromId: a.id, toId: stranger.id }, 'map-mismatch');
    await refused(b, 'lines-create', { kind: 'reports', fromId: stranger.id, toId: a.id }, 'map-mismatch');
    expect((await b.call('map-get', { accountId: acct.id })).lines).toEqual([]);
  });
});

describe('tender maps', () => {
  it('holds the bid people with their bid roles (else their account roles), the rest as not on the map, and only their lines', async () => {
    const { b, acct, other } = await setup();
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期', stage: 'tendering', bidDate: '2026-12-15' });
    const gm = await person(b, acct.id, '王伟', { roles: ['decision-maker'] });
    const cio = await person(b, acct.id, '李娜', { roles: ['influencer'], reportsTo: gm.id });
    const eng = await person(b, acct.id, '张强', { roles: ['user'], reportsTo: cio.id });
    const events = watch(b);
    expect(
      await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: cio.id, roles: ['technical-evaluator', 'veto-holder'] }, { stakeholderId: eng.id }] }),
    ).toEqual({ tenderId: opp.id, members: 2 });
    expect(events).toEqual([{ tables: ['tender_members'] }]);
    const map = await b.call('map-get', { accountId: acct.id, tenderId: opp.id });
    // the picker's words: stage, bid date and how many people are on the tender's map
    const ref = { id: opp.id, name: '智慧园区一期', stage: 'tendering', bidDate: '2026-12-15', people: 2 };
    expect(map.tender).toEqual(ref);
    expect(map.tenders).toEqual([ref]);
    expect(map.members.map((m) => [m.name, m.roles, m.mapRoles])).toEqual([
      ['李娜', ['influencer'], ['technical-evaluator', 'veto-holder']],
      ['张强', ['user'], ['user']],
    ]);
    expect(map.notOnMap).toEqual([{ id: gm.id, name: '王伟', title: '' }]);
    expect(map.lines.map((l) => [l.fromId, l.toId])).toEqual([[eng.id, cio.id]]);
    // the account map holds everyone with their account roles
    const all = await b.call('map-get', { accountId: acct.id });
    expect(all.tender).toBeNull();
    expect(all.notOnMap).toEqual([]);
    expect(all.members.map((m) => m.mapRoles)).toEqual([['decision-maker'], ['influencer'], ['user']]);
    expect(all.lines).toHaveLength(2);

    // roles updated when given, kept when not; removal
    await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: cio.id }, { stakeholderId: eng.id, roles: ['user', 'coach'] }] });
    let t = await b.call('map-get', { accountId: acct.id, tenderId: opp.id });
    expect(t.members.map((m) => m.mapRoles)).toEqual([['technical-evaluator', 'veto-holder'], ['user', 'coach']]);
    expect(await b.call('tender-members-set', { tenderId: opp.id, remove: [cio.id, gm.id] })).toEqual({ tenderId: opp.id, members: 1 });
    t = await b.call('map-get', { accountId: acct.id, tenderId: opp.id });
    expect(t.members.map((m) => m.name)).toEqual(['张强']);
    // a binned member leaves the tender map (and comes back with an undelete)
    await b.call('stakeholders-delete', { id: eng.id });
    expect((await b.call('map-get', { accountId: acct.id, tenderId: opp.id })).members).toEqual([]);
    await b.call('stakeholders-undelete', { id: eng.id });
    expect((await b.call('map-get', { accountId: acct.id, tenderId: opp.id })).members).toHaveLength(1);

    const stranger = await person(b, other.id, '陈静');
    await refused(b, 'tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: stranger.id }] }, 'map-mismatch');
    await refused(b, 'tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: 999 }] }, 'not-found');
    await refused(b, 'tender-members-set', { tenderId: 999, add: [{ stakeholderId: gm.id }] }, 'not-found');
    const otherOpp = await b.call('opportunities-save', { accountId: other.id, name: '核心系统升级' });
    await refused(b, 'map-get', { accountId: acct.id, tenderId: otherOpp.id }, 'map-mismatch');
    await refused(b, 'map-get', { accountId: acct.id, tenderId: 999 }, 'not-found');
    // the opportunity goes: its tender map goes with it
    await b.call('opportunities-delete', { id: opp.id });
    expect(b.connection().prepare('SELECT count(*) FROM tender_members').pluck().get()).toBe(0);
  });
});

describe('layout', () => {
  it('saves positions and folded branches per map, resets positions (folds stay), and checks who is named', async () => {
    const { b, acct, other } = await setup();
    const p = await person(b, acct.id, '王伟');
    const q = await person(b, acct.id, '李娜');
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期' });
    await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: p.id }] });
    const events = watch(b);
    expect(await b.call('map-layout-save', { accountId: acct.id, positions: [{ id: p.id, x: 10.5, y: -20 }, { id: q.id, x: 300, y: 0 }], collapsed: [{ id: p.id, collapsed: true }] })).toEqual({
      saved: 2,
    });
    expect(events).toEqual([{ tables: ['map_layout'] }]);
    await b.call('map-layout-save', { accountId: acct.id, tenderId: opp.id, positions: [{ id: p.id, x: 1, y: 2 }] });
    const at = async (tenderId?: number) =>
      (await b.call('map-get', { accountId: acct.id, ...(tenderId ? { tenderId } : {}) })).members.map((m) => [m.name, m.x, m.y, m.collapsed]);
    expect(await at()).toEqual([
      ['王伟', 10.5, -20, true],
      ['李娜', 300, 0, false],
    ]);
    expect(await at(opp.id)).toEqual([['王伟', 1, 2, false]]);
    // a second drag moves, a fold opens
    await b.call('map-layout-save', { accountId: acct.id, positions: [{ id: q.id, x: 320, y: 40 }], collapsed: [{ id: p.id, collapsed: false }, { id: q.id, collapsed: true }] });
    expect(await at()).toEqual([
      ['王伟', 10.5, -20, false],
      ['李娜', 320, 40, true],
    ]);
    await b.call('map-layout-save', { accountId: acct.id, reset: true });
    expect(await at()).toEqual([
      ['王伟', null, null, false],
      ['李娜', null, null, true],
    ]);
    expect(await at(opp.id)).toEqual([['王伟', 1, 2, false]]);
    // nothing left to hold for 王伟 on the account map: no empty row stays behind
    expect(b.connection().prepare('SELECT count(*) FROM map_layout WHERE tender_id = 0').pluck().get()).toBe(1);

    const stranger = await person(b, other.id, '陈静');
    await refused(b, 'map-layout-save', { accountId: acct.id, positions: [{ id: stranger.id, x: 0, y: 0 }] }, 'map-mismatch');
    await refused(b, 'map-layout-save', { accountId: acct.id, tenderId: opp.id, positions: [{ id: q.id, x: 0, y: 0 }] }, 'map-mismatch');
    await refused(b, 'map-layout-save', { accountId: acct.id, collapsed: [{ id: 999, collapsed: true }] }, 'not-found');
    await refused(b, 'map-layout-save', { accountId: acct.id, positions: [{ id: p.id, x: Number.NaN, y: 0 }] }, 'invalid-args');
    await refused(b, 'map-layout-save', { accountId: 999, reset: true }, 'not-found');
  });
});

describe('last contact', () => {
  it('finds a name as a whole item of the free text, in Chinese and English', () => {
    expect([...namesIn('王伟、李娜')]).toEqual(expect.arrayContaining(['王伟', '李娜']));
    expect(namesIn('信息中心主任 王伟（处长）').has('王伟')).toBe(true);
    expect(namesIn('王伟东，李娜').has('王伟')).toBe(false);
    expect(namesIn('Wang Wei, Li Na').has('wang wei')).toBe(true);
    expect(namesIn('Wang Weiming; Li Na').has('wang wei')).toBe(false);
    expect(namesIn('ＷＡＮＧ  Wei / 李娜').has('wang wei')).toBe(true);
    expect(namesIn('Met Wang Wei.').has('wang wei')).toBe(true);
    expect(namesIn('王伟。李娜').has('李娜')).toBe(true);
    const people = [
      { id: 1, name: '王伟' },
      { id: 2, name: 'Li Na' },
      { id: 3, name: '张强' },
    ];
    const found = latestNamed(
      [
        { date: '2026-06-01', people: '王伟' }, // after today: planned, not a contact
        { date: '2026-05-01', people: '王伟、li na' },
        { date: '2026-04-01', people: '张强主任' },
        { date: '2026-03-01', people: '王伟' },
      ],
      people,
      '2026-05-15',
    );
    expect(found).toEqual(new Map([[1, '2026-05-01'], [2, '2026-05-01']]));
  });

  it('is the later of the recorded date and the latest interaction naming the person', async () => {
    const { b, acct, other } = await setup();
    const p = await person(b, acct.id, '王伟', { lastContactSet: '2026-01-10' });
    const q = await person(b, acct.id, '李娜', { lastContactSet: '2026-05-10' });
    const r = await person(b, acct.id, '王伟东');
    await b.call('interactions-save', { accountId: acct.id, kind: 'visit', date: '2026-04-02', people: '对方信息中心主任、王伟、李娜' });
    await b.call('interactions-save', { accountId: acct.id, kind: 'call', date: '2026-02-01', people: '王伟' });
    await b.call('interactions-save', { accountId: other.id, kind: 'call', date: '2026-05-01', people: '王伟东' }); // another account
    const map = await b.call('map-get', { accountId: acct.id });
    const by = new Map(map.members.map((m) => [m.id, m]));
    expect(by.get(p.id)).toMatchObject({ lastContactSet: '2026-01-10', lastContact: '2026-04-02' });
    expect(by.get(q.id)).toMatchObject({ lastContact: '2026-05-10' });
    expect(by.get(r.id)).toMatchObject({ lastContact: null });
    expect((await b.call('stakeholders-list', { accountId: acct.id })).find((s) => s.id === p.id)?.lastContact).toBe('2026-04-02');
  });

  it('reads the interactions once per map, not once per person', async () => {
    const { b, acct } = await setup();
    for (const n of ['王伟', '李娜', '张强', '刘洋', '陈静']) await person(b, acct.id, n);
    const seen = captureStatements(b.connection(), (db) => getMap(db, acct.id, null, { today: TODAY }));
    expect(seen.filter((s) => /FROM interactions/.test(s.sql))).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('map-get and coverage-get report the gaps of the map as it is, and they follow the edits', async () => {
    const { b, acct, owner } = await setup();
    const gm = await person(b, acct.id, '王伟', { roles: ['decision-maker'], level: 'top', influence: 'high', attitude: -1, ownerId: owner.id, lastContactSet: TODAY });
    let map = await b.call('map-get', { accountId: acct.id, today: TODAY });
    const deciderGaps = (c: typeof map.coverage) => c.gaps.filter((g) => g.kind === 'decider-not-supporter').map((g) => g.personId);
    expect(deciderGaps(map.coverage)).toEqual([gm.id]);
    expect(map.coverage.gaps.some((g) => g.kind === 'no-coach')).toBe(true);
    expect(await b.call('coverage-get', { accountId: acct.id, today: TODAY })).toEqual(map.coverage);
    await b.call('stakeholders-update', { id: gm.id, patch: { attitude: 2 } });
    await person(b, acct.id, '李娜', { roles: ['coach'], level: 'base', strength: 'trusted' });
    map = await b.call('map-get', { accountId: acct.id, today: TODAY });
    expect(deciderGaps(map.coverage)).toEqual([]);
    expect(map.coverage.gaps.some((g) => g.kind === 'no-coach')).toBe(false);
    expect(map.coverage).toMatchObject({ today: TODAY, staleDays: 60, people: 2 });
    // stale contact with a shorter window, and a tender map's bid roles count there
    const later = await b.call('coverage-get', { accountId: acct.id, today: '2026-07-01', staleDays: 30 });
    expect(later.gaps.filter((g) => g.kind === 'stale-contact').map((g) => g.personId)).toEqual([gm.id]);
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期' });
    await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: gm.id, roles: ['veto-holder'] }] });
    await b.call('stakeholders-update', { id: gm.id, patch: { attitude: 0 } });
    const tender = await b.call('coverage-get', { accountId: acct.id, tenderId: opp.id, today: TODAY });
    expect(tender.people).toBe(1);
    expect(tender.gaps.find((g) => g.kind === 'decider-not-supporter')).toMatchObject({ personId: gm.id, roles: ['veto-holder'] });
  });
});

describe('the list of maps', () => {
  it('lists every live account with its people, gaps, decider gaps and tenders', async () => {
    const { b, acct, other } = await setup();
    const gone = await b.call('accounts-create', { name: '已删除客户' });
    await person(b, gone.id, '孙杰');
    await b.call('accounts-delete', { id: gone.id });
    await person(b, acct.id, '王伟', { roles: ['decision-maker'], attitude: -2 });
    await person(b, acct.id, '李娜', { roles: ['veto-holder'], attitude: 2 });
    const binned = await person(b, acct.id, '张强', { roles: ['decision-maker'] });
    await b.call('stakeholders-delete', { id: binned.id });
    await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期' });
    const list = await b.call('maps-list', { today: TODAY });
    expect(list.map((m) => m.accountName)).toEqual(['华夏建设银行', '国能电力集团'].sort((x, y) => x.localeCompare(y, 'en')));
    const mine = list.find((m) => m.accountId === acct.id)!;
    const direct = getMap(b.connection(), acct.id, null, { today: TODAY }).coverage;
    expect(mine).toMatchObject({ accountName: '国能电力集团', people: 2, tenders: 1, gaps: direct.gaps.length, deciderGaps: 1, updatedAt: NOW.toISOString() });
    expect(list.find((m) => m.accountId === other.id)).toEqual({
      accountId: other.id,
      accountName: '华夏建设银行',
      tierKey: null,
      ownerName: null,
      people: 0,
      gaps: 0,
      deciderGaps: 0,
      tenders: 0,
      updatedAt: null,
    });
  });

  it('runs a fixed number of queries whatever the number of accounts', async () => {
    const b = env.backend({ now: () => NOW });
    const db = b.connection();
    const ts = NOW.toISOString();
    db.transaction(() => {
      const acc = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
      const st = db.prepare("INSERT INTO stakeholders (account_id, name, roles, created_at, updated_at) VALUES (?, ?, '[\"decision-maker\"]', ?, ?)");
      for (let i = 1; i <= 2000; i++) {
        const id = Number(acc.run(`客户${i}`, ts, ts).lastInsertRowid);
        if (i % 10 === 0) for (let k = 0; k < 5; k++) st.run(id, `人${k}`, ts, ts);
      }
    })();
    let list: ReturnType<typeof listMaps> = [];
    const seen = captureStatements(db, (spy) => (list = listMaps(spy, TODAY)));
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(list).toHaveLength(2000);
    expect(list.filter((m) => m.people === 5)).toHaveLength(200);
    expect(list.find((m) => m.people === 5)!.deciderGaps).toBe(5);
  });
});

describe('snapshots', () => {
  it('saves a map under a label and a date, lists, compares with now and with another snapshot, and deletes', async () => {
    const { b, acct, owner } = await setup();
    const gm = await person(b, acct.id, '王伟', { roles: ['decision-maker'], attitude: -1, strength: 'acquainted', title: '副总经理' });
    const cio = await person(b, acct.id, '李娜', { reportsTo: gm.id });
    const events = watch(b);
    const before = await b.call('map-snapshot-save', { accountId: acct.id, label: '投标前', takenOn: '2026-03-01' });
    expect(before).toEqual({ id: expect.any(Number), accountId: acct.id, tenderId: null, label: '投标前', takenOn: '2026-03-01', createdAt: NOW.toISOString(), people: 2 });
    expect(events).toEqual([{ tables: ['map_snapshots'] }]);

    await b.call('stakeholders-update', { id: gm.id, patch: { attitude: 1, strength: 'friendly', ownerId: owner.id, roles: ['economic-buyer', 'decision-maker'], title: '总经理' } });
    await b.call('stakeholders-delete', { id: cio.id });
    const eng = await person(b, acct.id, '张强', { title: '工程师', reportsTo: gm.id });
    const now = await b.call('map-snapshots-compare', { from: before.id, to: null });
    expect(now.from).toEqual({ id: before.id, label: '投标前', takenOn: '2026-03-01' });
    expect(now.to).toMatchObject({ id: null, takenOn: TODAY });
    expect(now.added).toEqual([{ id: eng.id, name: '张强', title: '工程师' }]);
    expect(now.removed).toEqual([{ id: cio.id, name: '李娜', title: '' }]);
    expect(now.changed).toEqual([
      { id: gm.id, name: '王伟', field: 'attitude', before: -1, after: 1 },
      { id: gm.id, name: '王伟', field: 'strength', before: 'acquainted', after: 'friendly' },
      { id: gm.id, name: '王伟', field: 'roles', before: 'decision-maker', after: 'decision-maker,economic-buyer' },
      { id: gm.id, name: '王伟', field: 'owner', before: null, after: '赵敏' },
      { id: gm.id, name: '王伟', field: 'title', before: '副总经理', after: '总经理' },
    ]);
    expect([now.linesAdded, now.linesRemoved]).toEqual([1, 1]);

    const after = await b.call('map-snapshot-save', { accountId: acct.id, label: '开标后' });
    expect(after.takenOn).toBe(TODAY);
    const two = await b.call('map-snapshots-compare', { from: before.id, to: after.id });
    expect({ ...two, to: undefined, from: undefined }).toEqual({ ...now, to: undefined, from: undefined });
    expect((await b.call('map-snapshots-list', { accountId: acct.id })).map((s) => s.label)).toEqual(['开标后', '投标前']);

    // another map's snapshots are not comparable
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期' });
    const t = await b.call('map-snapshot-save', { accountId: acct.id, tenderId: opp.id, label: '评标委员会' });
    expect(t).toMatchObject({ tenderId: opp.id, people: 0 });
    expect((await b.call('map-snapshots-list', { accountId: acct.id, tenderId: opp.id })).map((s) => s.id)).toEqual([t.id]);
    await refused(b, 'map-snapshots-compare', { from: before.id, to: t.id }, 'map-mismatch');
    await refused(b, 'map-snapshots-compare', { from: 999, to: null }, 'not-found');
    await refused(b, 'map-snapshot-save', { accountId: acct.id, label: '  ' }, 'invalid-args');
    await refused(b, 'map-snapshot-save', { accountId: 999, label: 'x' }, 'not-found');

    expect(await b.call('map-snapshot-delete', { id: before.id })).toEqual({ id: before.id });
    await refused(b, 'map-snapshot-delete', { id: before.id }, 'not-found');
    expect((await b.call('map-snapshots-list', { accountId: acct.id })).map((s) => s.label)).toEqual(['开标后']);
  });
});

describe('maps of missing accounts', () => {
  it('answers not-found for an unknown or binned account, and changes nothing', async () => {
    const { b, other } = await setup();
    const before = dumpDb(b.connection());
    expectError(await b.invoke('map-get', { accountId: 999 }), 'not-found');
    await b.call('accounts-delete', { id: other.id });
    expectError(await b.invoke('map-get', { accountId: other.id }), 'not-found');
    expectError(await b.invoke('map-snapshots-list', { accountId: other.id }), 'not-found');
    expect(dumpDb(b.connection()).tables.stakeholders).toEqual(before.tables.stakeholders);
  });
});

describe('export', () => {
  it('gives the map as SVG without a printer, and as PDF and PNG through the printer, named by account, tender and version', async () => {
    const printed: { html: string; kind: string; landscape?: boolean; width?: number; height?: number }[] = [];
    const printer: Printer = {
      pdf: async (html, opts) => {
        printed.push({ html, kind: 'pdf', landscape: opts.landscape });
        return new TextEncoder().encode('%PDF-fake');
      },
      png: async (html, opts) => {
        printed.push({ html, kind: 'png', width: opts.width, height: opts.height });
        return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      },
      close: async () => {},
    };
    const b = env.backend({ now: () => NOW, printer });
    const acct = await b.call('accounts-create', { name: '国能电力集团' });
    const gm = await person(b, acct.id, '王伟', { title: '总经理', roles: ['decision-maker'], attitude: -2, favoursCompetitor: '恒信科技', notes: '私下：与对手关系密切' });
    await person(b, acct.id, '李娜', { reportsTo: gm.id });
    const before = dumpDb(b.connection());

    const svg = await b.call('map-export', { accountId: acct.id, format: 'svg', locale: 'zh-CN', today: TODAY });
    expect(svg).toMatchObject({ fileName: '国能电力集团-决策链.svg', mime: 'image/svg+xml' });
    const text = Buffer.from(svg.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('王伟');
    expect(text).toContain('恒信科技');
    expect(text).toContain('反对者');
    expect(text).not.toContain('私下：与对手关系密切'); // private notes are never printed
    const safe = await b.call('map-export', { accountId: acct.id, format: 'svg', locale: 'en', safe: true, today: TODAY });
    expect(safe.fileName).toBe('国能电力集团-stakeholders-customer-safe.svg');
    const safeText = Buffer.from(safe.contentBase64, 'base64').toString('utf8');
    expect(safeText).toContain('王伟');
    expect(safeText).not.toContain('恒信科技');
    expect(safeText).not.toContain('Opponent');
    expect(printed).toEqual([]);

    const pdf = await b.call('map-export', { accountId: acct.id, format: 'pdf', locale: 'zh-CN', safe: true, today: TODAY });
    expect(pdf).toMatchObject({ fileName: '国能电力集团-决策链-对外版.pdf', mime: 'application/pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').toString()).toBe('%PDF-fake');
    expect(printed[0]!.kind).toBe('pdf');
    expect(printed[0]!.html).toContain('王伟');
    expect(printed[0]!.html).toContain('国能电力集团');
    expect(printed[0]!.html).not.toContain('恒信科技');
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区/一期' });
    await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: gm.id }] });
    const png = await b.call('map-export', { accountId: acct.id, tenderId: opp.id, format: 'png', locale: 'en', today: TODAY });
    expect(png).toMatchObject({ fileName: '国能电力集团-智慧园区-一期-stakeholders.png', mime: 'image/png' });
    expect(printed[1]).toMatchObject({ kind: 'png' });
    expect(printed[1]!.width).toBeGreaterThan(0);
    expect(printed[1]!.height).toBeGreaterThan(0);
    expect(printed[1]!.html).toContain('lang="en"');
    // exporting reads only
    const after = dumpDb(b.connection());
    expect(after.tables.stakeholders).toEqual(before.tables.stakeholders);
    expect(after.tables.map_snapshots).toEqual(before.tables.map_snapshots);
  });

  it('answers printer-unavailable for PDF without a printer, and not-found for a missing map', async () => {
    const b = env.backend({ now: () => NOW });
    const acct = await b.call('accounts-create', { name: 'Acme' });
    expectError(await b.invoke('map-export', { accountId: acct.id, format: 'pdf', locale: 'en' }), 'printer-unavailable');
    expectError(await b.invoke('map-export', { accountId: 999, format: 'svg', locale: 'en' }), 'not-found');
    expectError(await b.invoke('map-export', { accountId: acct.id, tenderId: 999, format: 'svg', locale: 'en' }), 'not-found');
    expectError(await b.invoke('map-export', { accountId: acct.id, format: 'jpg', locale: 'en' }), 'invalid-args');
  });

  it('names files safely on every system', () => {
    expect(mapFileName('A/B:C*?', null, 'zh-CN', false, 'pdf')).toBe('A-B-C-决策链.pdf');
    expect(mapFileName('..', null, 'en', false, 'png')).toBe('stakeholders.png');
    expect(mapFileName('Acme\u0001 Corp', 'Bid "2"', 'en', true, 'svg')).toBe('Acme- Corp-Bid -2-stakeholders-customer-safe.svg');
  });
});
