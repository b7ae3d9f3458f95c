/**
 * The account record through the handler table: create with every field, patch semantics, rename,
 * parents and their circles, references that must exist, the bin, and the account team.
 */
import { describe, expect, it } from 'vitest';
import type { AccountFields } from '../../shared/api/accounts';
import { NOW, refused, tierId, watch } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();

describe('accounts-create', () => {
  it('stores every field of the record and answers with names of parent, owner and tier', async () => {
    const b = env.backend({ now: () => NOW });
    const owner = await b.call('people-save', { name: '王伟', role: 'manager' });
    const group = await b.call('accounts-create', { name: '华夏建设银行' });
    const gold = tierId(b, 'gold');
    const events = watch(b);
    const fields: AccountFields = {
      nameEn: 'Huaxia Construction Bank Henan',
      shortName: '华夏河南',
      parentId: group.id,
      industry: '金融',
      region: '华中',
      ownerId: owner.id,
      classification: 'regional',
      strategic: true,
      brandInfluence: true,
      tierId: gold,
      lifecycle: 'maturity',
      dealStatus: 'won',
      grade: 'B',
      urgency: 'soon',
      importance: 'important',
      currency: 'USD',
      companyRevenue: 12_000_000_000_00,
      employees: 3200,
      profitContribution: -5_000_00,
      shareOfWalletBp: 3500,
      growthPotential: 'high',
      lifetimeValue: 80_000_000_00,
      costToServe: 120_000_00,
      churnStatus: 'at-risk',
      churnReason: 'competitor-price',
      churnNote: '对手低价',
      churnedOn: '2026-03-01',
      receivableOutstanding: 1_500_000_00,
      receivableDaysOverdue: 45,
      paymentTerms: '月结 30 天',
      notes: '重点客户\n第二行',
    };
    const a = await b.call('accounts-create', { name: '华夏建设银行河南省分行', ...fields });
    expect(a).toEqual({
      id: group.id + 1,
      name: '华夏建设银行河南省分行',
      ...fields,
      parentName: '华夏建设银行',
      ownerName: '王伟',
      tierKey: 'gold',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(events).toEqual([{ tables: ['accounts'] }]);
    // what was stored is what is read back
    expect((await b.call('accounts-get', { id: a.id })).account).toEqual(a);
    expect((await b.call('accounts-list', {})).find((x) => x.id === a.id)).toEqual(a);
  });

  it('trims text and stores blank text as nothing', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: ' A ', industry: '  金融  ', region: '   ', notes: '' });
    expect(a).toMatchObject({ name: 'A', industry: '金融', region: null, notes: null });
  });

  it('refuses unknown references with not-found, and bad values with invalid-args, changing nothing', async () => {
    const b = env.backend();
    const parent = await b.call('accounts-create', { name: 'Parent' });
    await b.call('accounts-delete', { id: parent.id });
    expect((await refused(b, 'accounts-create', { name: 'X', ownerId: 99 }, 'not-found')).params).toEqual({ id: 99 });
    await refused(b, 'accounts-create', { name: 'X', tierId: 99 }, 'not-found');
    await refused(b, 'accounts-create', { name: 'X', parentId: 99 }, 'not-found');
    await refused(b, 'accounts-create', { name: 'X', parentId: parent.id }, 'not-found'); // in the bin
    for (const bad of [
      { grade: 'F' },
      { grade: 'a' },
      { lifecycle: 'retired' },
      { classification: 'global' },
      { currency: 'GBP' },
      { churnStatus: null },
      { strategic: 'yes' },
      { shareOfWalletBp: 10_001 },
      { shareOfWalletBp: 35.5 },
      { companyRevenue: -1 },
      { companyRevenue: 1.5 },
      { receivableDaysOverdue: -1 },
      { employees: 1e9 },
      { churnedOn: '2026-02-30' },
      { churnedOn: '2026/03/01' },
      { nameEn: 'x'.repeat(201) },
      { parentId: 0 },
      { admin: true },
    ]) {
      await refused(b, 'accounts-create', { name: 'X', ...bad }, 'invalid-args');
    }
    expect((await b.call('accounts-list', {})).map((a) => a.name)).toEqual([]);
  });
});

describe('accounts-update', () => {
  it('patches: a missing field is kept, null clears it, and updatedAt moves while createdAt stays', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const b = env.backend({ now: () => now });
    const owner = await b.call('people-save', { name: '李娜' });
    const a = await b.call('accounts-create', {
      name: 'Acme',
      industry: '制造',
      region: '华东',
      ownerId: owner.id,
      grade: 'C',
      strategic: true,
      shareOfWalletBp: 2000,
      receivableOutstanding: 500_00,
    });
    now = new Date('2026-02-01T00:00:00.000Z');
    const events = watch(b);
    const u = await b.call('accounts-update', { id: a.id, patch: { industry: '能源', region: null, grade: null, strategic: false, ownerId: null } });
    expect(u).toEqual({
      ...a,
      industry: '能源',
      region: null,
      grade: null,
      strategic: false,
      ownerId: null,
      ownerName: null,
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(u.shareOfWalletBp).toBe(2000);
    expect(u.receivableOutstanding).toBe(500_00);
    expect(events).toEqual([{ tables: ['accounts'] }]);
    // an empty string clears like null
    expect((await b.call('accounts-update', { id: a.id, patch: { industry: '' } })).industry).toBeNull();
  });

  it('an empty patch changes nothing, not even updatedAt', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const b = env.backend({ now: () => now });
    const a = await b.call('accounts-create', { name: 'Acme', industry: '制造' });
    now = new Date('2026-03-01T00:00:00.000Z');
    expect(await b.call('accounts-update', { id: a.id, patch: {} })).toEqual(a);
  });

  it('renames through the patch, and keeps the search key in step with the names', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: '河南省教育厅' });
    await b.call('accounts-update', { id: a.id, patch: { nameEn: 'Henan Department of Education', shortName: '豫教' } });
    const find = async (search: string) => (await b.call('accounts-list', { search })).map((x) => x.id);
    expect(await find('department of')).toEqual([a.id]);
    expect(await find('yujiao')).toEqual([a.id]);
    await b.call('accounts-update', { id: a.id, patch: { name: '湖北省教育厅', nameEn: null } });
    expect(await find('hnsjyt')).toEqual([]);
    expect(await find('hbsjyt')).toEqual([a.id]);
    expect(await find('department')).toEqual([]);
    expect(await find('豫教')).toEqual([a.id]); // the short name was kept
  });

  it('refuses a name another account has, unknown ids and references, changing nothing', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'A' });
    await b.call('accounts-create', { name: 'B' });
    expect((await refused(b, 'accounts-update', { id: a.id, patch: { name: ' B ' } }, 'conflict')).params).toEqual({ name: 'B' });
    await refused(b, 'accounts-update', { id: 99, patch: { industry: 'x' } }, 'not-found');
    await refused(b, 'accounts-update', { id: a.id, patch: { ownerId: 42 } }, 'not-found');
    await refused(b, 'accounts-update', { id: a.id, patch: { tierId: 42 } }, 'not-found');
    await refused(b, 'accounts-update', { id: a.id, patch: { parentId: 42 } }, 'not-found');
    await refused(b, 'accounts-update', { id: a.id, patch: { name: '' } }, 'invalid-args');
    await refused(b, 'accounts-update', { id: a.id, patch: { grade: 'Z' } }, 'invalid-args');
    await refused(b, 'accounts-update', { id: a.id }, 'invalid-args');
  });
});

describe('parents', () => {
  it('links subsidiaries to their group and lists them as children', async () => {
    const b = env.backend();
    const group = await b.call('accounts-create', { name: '国能电力集团' });
    const henan = await b.call('accounts-create', { name: '国能电力集团河南电力公司', parentId: group.id });
    const hubei = await b.call('accounts-create', { name: '国能电力集团湖北电力公司', parentId: group.id });
    const detail = await b.call('accounts-get', { id: group.id });
    expect(detail.children).toEqual([
      { id: henan.id, name: '国能电力集团河南电力公司' },
      { id: hubei.id, name: '国能电力集团湖北电力公司' },
    ]);
    expect((await b.call('accounts-get', { id: henan.id })).account).toMatchObject({ parentId: group.id, parentName: '国能电力集团' });
    // moving a subsidiary out
    await b.call('accounts-update', { id: hubei.id, patch: { parentId: null } });
    expect((await b.call('accounts-get', { id: group.id })).children.map((c) => c.id)).toEqual([henan.id]);
  });

  it('refuses a parent that would make a circle, however long, and an account as its own parent', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'A' });
    const bb = await b.call('accounts-create', { name: 'B', parentId: a.id });
    const c = await b.call('accounts-create', { name: 'C', parentId: bb.id });
    const d = await b.call('accounts-create', { name: 'D', parentId: c.id });
    expect((await refused(b, 'accounts-update', { id: a.id, patch: { parentId: a.id } }, 'invalid-args')).params).toEqual({ field: 'parentId' });
    expect((await refused(b, 'accounts-update', { id: a.id, patch: { parentId: bb.id } }, 'invalid-args')).message).toMatch(/circle/);
    await refused(b, 'accounts-update', { id: a.id, patch: { parentId: d.id } }, 'invalid-args');
    await refused(b, 'accounts-update', { id: bb.id, patch: { parentId: c.id } }, 'invalid-args');
    // moving down a branch the other way is fine
    const moved = await b.call('accounts-update', { id: d.id, patch: { parentId: a.id } });
    expect(moved.parentName).toBe('A');
  });
});

describe('accounts-rename', () => {
  it('renames and refuses another account’s name', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'Old', industry: '金融' });
    await b.call('accounts-create', { name: 'Taken' });
    const r = await b.call('accounts-rename', { id: a.id, name: 'New' });
    expect(r).toMatchObject({ id: a.id, name: 'New', industry: '金融' });
    await refused(b, 'accounts-rename', { id: a.id, name: 'Taken' }, 'conflict');
    await refused(b, 'accounts-rename', { id: 999, name: 'Ghost' }, 'not-found');
  });
});

describe('the bin: accounts-delete and accounts-undelete', () => {
  it('a deleted account is hidden everywhere, and comes back with everything attached', async () => {
    const b = env.backend({ now: () => NOW });
    const group = await b.call('accounts-create', { name: 'Group' });
    const a = await b.call('accounts-create', { name: 'Acme', parentId: group.id, grade: 'B' });
    await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 100_00 });
    const visit = await b.call('interactions-save', { accountId: a.id, kind: 'visit', date: '2026-05-01', summary: 'met' });
    const events = watch(b);
    expect(await b.call('accounts-delete', { id: a.id })).toEqual({ id: a.id, name: 'Acme' });
    expect(events).toEqual([{ tables: ['accounts'] }]);
    expect((await b.call('accounts-list', {})).map((x) => x.name)).toEqual(['Group']);
    const q = await b.call('accounts-query', {});
    expect(q.rows.map((x) => x.name)).toEqual(['Group']);
    expect(q.total).toBe(1);
    expect((await b.call('accounts-get', { id: group.id })).children).toEqual([]);
    await refused(b, 'accounts-get', { id: a.id }, 'not-found');
    await refused(b, 'accounts-delete', { id: a.id }, 'not-found');
    await refused(b, 'revenue-set', { accountId: a.id, year: 2026, revenue: 1 }, 'not-found');
    await refused(b, 'interactions-save', { accountId: a.id, kind: 'call', date: '2026-05-02' }, 'not-found');
    await refused(b, 'accounts-update', { id: a.id, patch: { industry: 'x' } }, 'not-found');
    // not in the figures either
    expect((await b.call('portfolio-figures', { year: 2025, today: '2026-05-15' })).accounts).toBe(1);

    const back = await b.call('accounts-undelete', { id: a.id });
    expect(back).toMatchObject({ id: a.id, name: 'Acme', parentId: group.id, parentName: 'Group', grade: 'B' });
    const detail = await b.call('accounts-get', { id: a.id });
    expect(detail.revenue).toEqual([{ year: 2025, revenue: 100_00, target: null, profit: null }]);
    expect(detail.interactions.map((i) => i.id)).toEqual([visit.id]);
    expect((await b.call('accounts-get', { id: group.id })).children.map((c) => c.id)).toEqual([a.id]);
    await refused(b, 'accounts-undelete', { id: a.id }, 'not-found'); // it is not in the bin any more
    await refused(b, 'accounts-undelete', { id: 999 }, 'not-found');
  });

  it('a new account may take the name of one in the bin, which stays there; restoring it then is refused', async () => {
    const b = env.backend();
    const old = await b.call('accounts-create', { name: 'Acme' });
    await b.call('interactions-save', { accountId: old.id, kind: 'visit', date: '2026-05-01' });
    await b.call('accounts-delete', { id: old.id });
    const fresh = await b.call('accounts-create', { name: 'Acme', industry: '新' });
    expect(fresh).toMatchObject({ name: 'Acme', industry: '新' });
    expect((await b.call('accounts-get', { id: fresh.id })).interactions).toEqual([]);
    const e = await refused(b, 'accounts-undelete', { id: old.id }, 'bin-name-taken');
    expect(e.params).toEqual({ name: 'Acme' });
    expect(b.connection().prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
    // renaming onto a name in the bin works the same way
    const other = await b.call('accounts-create', { name: 'Other' });
    await b.call('accounts-delete', { id: other.id });
    const renamed = await b.call('accounts-rename', { id: fresh.id, name: 'Other' });
    expect(renamed.name).toBe('Other');
    await refused(b, 'accounts-undelete', { id: other.id }, 'bin-name-taken');
    // the live one renamed again: the old Acme comes back
    expect(await b.call('accounts-undelete', { id: old.id })).toMatchObject({ name: 'Acme' });
  });
});

describe('accounts-team-set', () => {
  it('sets, replaces and clears the team; members are listed by name with their roles', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'Acme' });
    const zhang = await b.call('people-save', { name: 'Zhang Wei', role: 'technical' });
    const chen = await b.call('people-save', { name: 'Chen Jing', role: 'service' });
    const events = watch(b);
    const team = await b.call('accounts-team-set', {
      accountId: a.id,
      members: [
        { personId: zhang.id, role: '技术支持' },
        { personId: chen.id, role: '服务经理' },
      ],
    });
    expect(team).toEqual([
      { personId: chen.id, name: 'Chen Jing', personRole: 'service', role: '服务经理' },
      { personId: zhang.id, name: 'Zhang Wei', personRole: 'technical', role: '技术支持' },
    ]);
    expect(events).toEqual([{ tables: ['account_team', 'accounts'] }]);
    expect((await b.call('accounts-get', { id: a.id })).team).toEqual(team);
    const replaced = await b.call('accounts-team-set', { accountId: a.id, members: [{ personId: zhang.id, role: '' }] });
    expect(replaced).toEqual([{ personId: zhang.id, name: 'Zhang Wei', personRole: 'technical', role: '' }]);
    expect(await b.call('accounts-team-set', { accountId: a.id, members: [] })).toEqual([]);
  });

  it('refuses unknown people and accounts without changing the team', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'Acme' });
    const p = await b.call('people-save', { name: 'Zhang Wei' });
    await b.call('accounts-team-set', { accountId: a.id, members: [{ personId: p.id, role: 'x' }] });
    await refused(b, 'accounts-team-set', { accountId: a.id, members: [{ personId: 77, role: '' }] }, 'not-found');
    await refused(b, 'accounts-team-set', { accountId: a.id, members: [{ personId: p.id, role: '' }, { personId: 78, role: '' }] }, 'not-found');
    await refused(b, 'accounts-team-set', { accountId: 99, members: [] }, 'not-found');
    await refused(b, 'accounts-team-set', { accountId: a.id, members: [{ personId: p.id }] }, 'invalid-args');
    expect((await b.call('accounts-get', { id: a.id })).team.map((m) => m.role)).toEqual(['x']);
  });
});
