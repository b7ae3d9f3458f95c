/**
 * The accounts' recycle bin (list, restore, purge) and bulk edit, through the handler table on a
 * real SQLite file (issue 11, "Accounts").
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { NOW, refused, tierId, watch } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const LATER = new Date(NOW.getTime() + 60_000);

/** An account with something of every kind tied to it. */
async function fullAccount(b: Backend, name: string, parentId?: number): Promise<number> {
  const a = await b.call('accounts-create', { name, grade: 'B', ...(parentId ? { parentId } : {}) });
  await b.call('revenue-set', { accountId: a.id, year: 2025, revenue: 100_00 });
  await b.call('interactions-save', { accountId: a.id, kind: 'visit', date: '2026-05-01' });
  await b.call('opportunities-save', { accountId: a.id, name: `${name} 扩容` });
  await b.call('competitors-save', { accountId: a.id, name: '恒信科技' });
  await b.call('satisfaction-add', { accountId: a.id, date: '2026-05-01', score: 80 });
  const boss = await b.call('stakeholders-create', { accountId: a.id, name: '王伟', roles: ['decision-maker'] });
  const eng = await b.call('stakeholders-create', { accountId: a.id, name: '李娜', reportsTo: boss.id });
  await b.call('lines-create', { kind: 'influence', fromId: boss.id, toId: eng.id });
  await b.call('map-snapshot-save', { accountId: a.id, label: '投标前' });
  await b.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
  await b.call('plan-create', { accountId: a.id, year: 2027 });
  return a.id;
}

/** Rows of every table that refer to the account (directly or through its plans and people). */
function tiedRows(b: Backend, id: number): Record<string, number> {
  const db = b.connection();
  const n = (sql: string) => db.prepare(sql).pluck().get(id) as number;
  return {
    revenue: n('SELECT count(*) FROM account_revenue WHERE account_id = ?'),
    interactions: n('SELECT count(*) FROM interactions WHERE account_id = ?'),
    opportunities: n('SELECT count(*) FROM opportunities WHERE account_id = ?'),
    competitors: n('SELECT count(*) FROM competitors WHERE account_id = ?'),
    satisfaction: n('SELECT count(*) FROM satisfaction WHERE account_id = ?'),
    stakeholders: n('SELECT count(*) FROM stakeholders WHERE account_id = ?'),
    lines: n('SELECT count(*) FROM stakeholder_lines WHERE account_id = ?'),
    snapshots: n('SELECT count(*) FROM map_snapshots WHERE account_id = ?'),
    placements: n('SELECT count(*) FROM placements WHERE account_id = ?'),
    moves: n('SELECT count(*) FROM placement_moves WHERE account_id = ?'),
    plans: n('SELECT count(*) FROM plans WHERE account_id = ?'),
    planSections: n('SELECT count(*) FROM plan_sections WHERE plan_id IN (SELECT id FROM plans WHERE account_id = ?)'),
  };
}

describe('accounts-bin-list', () => {
  it('lists the bin newest first, with what goes with each account, its live subsidiaries and a taken name', async () => {
    let now = NOW;
    const b = env.backend({ now: () => now });
    const group = await fullAccount(b, '华夏集团');
    const child = await b.call('accounts-create', { name: '华夏河南', parentId: group });
    const other = await b.call('accounts-create', { name: 'Acme' });
    expect(await b.call('accounts-bin-list', {})).toEqual([]);
    await b.call('accounts-delete', { id: group });
    now = LATER;
    await b.call('accounts-delete', { id: other.id });
    await b.call('accounts-create', { name: 'Acme' });
    const bin = await b.call('accounts-bin-list', {});
    expect(bin.map((x) => x.name)).toEqual(['Acme', '华夏集团']);
    expect(bin[0]).toMatchObject({ id: other.id, deletedAt: LATER.toISOString(), nameTaken: true, liveChildren: 0 });
    expect(bin[1]).toEqual({
      id: group,
      name: '华夏集团',
      deletedAt: NOW.toISOString(),
      parentName: null,
      ownerName: null,
      attached: { plans: 1, stakeholders: 2, mapSnapshots: 1, placements: 1, interactions: 1, opportunities: 1, revenueYears: 1 },
      liveChildren: 1,
      nameTaken: false,
    });
    expect((await b.call('accounts-get', { id: child.id })).account.parentId).toBe(group);
  });
});

describe('accounts-bin-restore', () => {
  it('brings accounts back with everything tied to them, all in one transaction', async () => {
    const b = env.backend({ now: () => NOW });
    const a = await fullAccount(b, '华夏集团');
    const c = await b.call('accounts-create', { name: 'Acme' });
    const before = tiedRows(b, a);
    await b.call('accounts-delete', { id: a });
    await b.call('accounts-delete', { id: c.id });
    const events = watch(b);
    const back = await b.call('accounts-bin-restore', { ids: [a, c.id] });
    expect(back.map((x) => x.name)).toEqual(['华夏集团', 'Acme']);
    expect(events).toEqual([{ tables: ['accounts'] }]);
    expect(await b.call('accounts-bin-list', {})).toEqual([]);
    expect(tiedRows(b, a)).toEqual(before);
    expect((await b.call('plans-list', {})).map((p) => p.accountName)).toContain('华夏集团');
  });

  it('refuses the whole restore when one id is not in the bin, unknown, or its name is taken', async () => {
    const b = env.backend({ now: () => NOW });
    const a = await b.call('accounts-create', { name: 'A' });
    const live = await b.call('accounts-create', { name: 'Live' });
    const taken = await b.call('accounts-create', { name: 'Taken' });
    await b.call('accounts-delete', { id: a.id });
    await b.call('accounts-delete', { id: taken.id });
    await b.call('accounts-create', { name: 'Taken' });
    const notIn = await refused(b, 'accounts-bin-restore', { ids: [a.id, live.id] }, 'bin-not-in-bin');
    expect(notIn.params).toEqual({ name: 'Live' });
    await refused(b, 'accounts-bin-restore', { ids: [a.id, 999] }, 'not-found');
    const t = await refused(b, 'accounts-bin-restore', { ids: [a.id, taken.id] }, 'bin-name-taken');
    expect(t.params).toEqual({ name: 'Taken' });
    await refused(b, 'accounts-bin-restore', { ids: [] }, 'invalid-args');
    await refused(b, 'accounts-bin-restore', { ids: [a.id, a.id] }, 'invalid-args');
    expect((await b.call('accounts-bin-list', {})).map((x) => x.name).sort()).toEqual(['A', 'Taken']);
  });
});

describe('accounts-bin-purge', () => {
  it('deletes for good the accounts and everything tied to them; live subsidiaries lose only the link', async () => {
    let now = NOW;
    const b = env.backend({ now: () => now });
    const group = await fullAccount(b, '华夏集团');
    const keep = await fullAccount(b, '国能电力');
    const keepBefore = tiedRows(b, keep);
    const child = await b.call('accounts-create', { name: '华夏河南', parentId: group });
    const binnedChild = await b.call('accounts-create', { name: '华夏河北', parentId: group });
    await b.call('accounts-delete', { id: binnedChild.id });
    await b.call('accounts-delete', { id: group });
    now = LATER;
    const b2 = b;
    const events = watch(b2);
    const r = await b2.call('accounts-bin-purge', { ids: [group] });
    expect(r).toEqual({ purged: 1, names: ['华夏集团'], orphaned: 1 });
    expect(events).toHaveLength(1);
    expect(Object.values(tiedRows(b2, group)).every((n) => n === 0)).toBe(true);
    expect(tiedRows(b2, keep)).toEqual(keepBefore);
    expect(b2.connection().prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(b2.connection().prepare('SELECT count(*) FROM accounts WHERE id = ?').pluck().get(group)).toBe(0);
    // the live subsidiary stays, without the parent, and says when that changed
    expect((await b2.call('accounts-get', { id: child.id })).account).toMatchObject({ parentId: null, updatedAt: LATER.toISOString() });
    // the one in the bin stays there too
    expect((await b2.call('accounts-bin-list', {})).map((x) => [x.name, x.parentName])).toEqual([['华夏河北', null]]);
    expect((await b2.call('plans-list', {})).map((p) => p.accountName)).toEqual(['国能电力']);
  });

  it('empties exactly the ids the user confirmed: refuses (changing nothing) an id not in the bin or unknown', async () => {
    const b = env.backend({ now: () => NOW });
    const a = await b.call('accounts-create', { name: 'A' });
    const c = await b.call('accounts-create', { name: 'C' });
    await b.call('accounts-delete', { id: a.id });
    // C was restored (or never deleted) in another window: the purge of [A, C] is refused whole
    const e = await refused(b, 'accounts-bin-purge', { ids: [a.id, c.id] }, 'bin-not-in-bin');
    expect(e.params).toEqual({ name: 'C' });
    await refused(b, 'accounts-bin-purge', { ids: [a.id, 4242] }, 'not-found');
    await refused(b, 'accounts-bin-purge', { ids: [] }, 'invalid-args');
    await refused(b, 'accounts-bin-purge', { ids: [0] }, 'invalid-args');
    // an account moved to the bin after the list was read is not taken with the others
    await b.call('accounts-delete', { id: c.id });
    expect(await b.call('accounts-bin-purge', { ids: [a.id] })).toMatchObject({ purged: 1, names: ['A'] });
    expect((await b.call('accounts-bin-list', {})).map((x) => x.name)).toEqual(['C']);
  });
});

describe('accounts-bulk-update', () => {
  it('sets the fields on every selected account in one step; accounts already so keep their updated_at', async () => {
    let now = NOW;
    const b = env.backend({ now: () => now });
    const wang = await b.call('people-save', { name: '王伟' });
    const a = await b.call('accounts-create', { name: 'A', grade: 'B', industry: '金融' });
    const c = await b.call('accounts-create', { name: 'C', grade: 'C' });
    const same = await b.call('accounts-create', { name: 'S', ownerId: wang.id, tierId: tierId(b, 'gold'), industry: '制造', region: '华东', lifecycle: 'growth', grade: 'A' });
    const untouched = await b.call('accounts-create', { name: 'U', grade: 'E' });
    now = LATER;
    const b2 = b;
    const events = watch(b2);
    const patch = { ownerId: wang.id, tierId: tierId(b, 'gold'), industry: '制造', region: '华东', lifecycle: 'growth', grade: 'A' } as const;
    const r = await b2.call('accounts-bulk-update', { ids: [a.id, c.id, same.id], patch });
    expect(r.unchanged).toBe(1);
    expect(r.changed.map((x) => [x.name, x.updatedAt])).toEqual([
      ['A', LATER.toISOString()],
      ['C', LATER.toISOString()],
    ]);
    expect(r.changed[0]!.before).toEqual({ ownerId: null, tierId: null, industry: '金融', region: null, lifecycle: null, grade: 'B' });
    expect(events).toEqual([{ tables: ['accounts'] }]);
    for (const id of [a.id, c.id]) {
      expect((await b2.call('accounts-get', { id })).account).toMatchObject({ ...patch, ownerName: '王伟', tierKey: 'gold', updatedAt: LATER.toISOString() });
    }
    expect((await b2.call('accounts-get', { id: same.id })).account.updatedAt).toBe(NOW.toISOString());
    expect((await b2.call('accounts-get', { id: untouched.id })).account).toMatchObject({ grade: 'E', updatedAt: NOW.toISOString() });
    // null clears a field
    await b2.call('accounts-bulk-update', { ids: [a.id], patch: { region: null, strategic: true } });
    expect((await b2.call('accounts-get', { id: a.id })).account).toMatchObject({ region: null, strategic: true });
  });

  it('undo puts back each account’s values, skipping (by name) one changed again since', async () => {
    let now = NOW;
    const b = env.backend({ now: () => now });
    const a = await b.call('accounts-create', { name: 'A', grade: 'B', industry: '金融' });
    const c = await b.call('accounts-create', { name: 'C', grade: 'C' });
    now = LATER;
    const r = await b.call('accounts-bulk-update', { ids: [a.id, c.id], patch: { grade: 'A', industry: '制造' } });
    now = new Date(LATER.getTime() + 60_000);
    await b.call('accounts-update', { id: c.id, patch: { region: '华北' } });
    now = new Date(LATER.getTime() + 120_000);
    const u = await b.call('accounts-bulk-undo', { changes: r.changed });
    expect(u).toEqual({ reverted: 1, skipped: ['C'] });
    expect((await b.call('accounts-get', { id: a.id })).account).toMatchObject({ grade: 'B', industry: '金融', updatedAt: now.toISOString() });
    expect((await b.call('accounts-get', { id: c.id })).account).toMatchObject({ grade: 'A', industry: '制造', region: '华北' });
  });

  it('refuses the whole edit for an unknown or deleted id, a missing owner or tier, and no field at all', async () => {
    const b = env.backend({ now: () => NOW });
    const a = await b.call('accounts-create', { name: 'A', grade: 'B' });
    const gone = await b.call('accounts-create', { name: 'Gone' });
    await b.call('accounts-delete', { id: gone.id });
    await refused(b, 'accounts-bulk-update', { ids: [a.id, 999], patch: { grade: 'A' } }, 'not-found');
    await refused(b, 'accounts-bulk-update', { ids: [a.id, gone.id], patch: { grade: 'A' } }, 'not-found');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { ownerId: 77 } }, 'not-found');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { tierId: 77 } }, 'not-found');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: {} }, 'invalid-args');
    await refused(b, 'accounts-bulk-update', { ids: [], patch: { grade: 'A' } }, 'invalid-args');
    await refused(b, 'accounts-bulk-update', { ids: [a.id, a.id], patch: { grade: 'A' } }, 'invalid-args');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { grade: 'Z' } }, 'invalid-args');
    // fields a bulk edit does not take (the name, the parent, notes)
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { name: 'X' } }, 'invalid-args');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { parentId: a.id } }, 'invalid-args');
    await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { notes: 'x' } }, 'invalid-args');
    expect((await b.call('accounts-get', { id: a.id })).account.grade).toBe('B');
  });

  it('follows the text rule: a control or bidi character in industry or region is refused', async () => {
    const b = env.backend({ now: () => NOW });
    const a = await b.call('accounts-create', { name: 'A' });
    for (const [field, value] of [
      ['industry', '金\u001b[31m融'],
      ['region', '华东\u202e'],
      ['industry', 'a\nb'],
    ] as const) {
      const e = await refused(b, 'accounts-bulk-update', { ids: [a.id], patch: { [field]: value } }, 'text-control-char');
      expect(String(e.params?.field)).toContain(field);
    }
    // trimmed like everywhere else
    await b.call('accounts-bulk-update', { ids: [a.id], patch: { industry: '  制造  ' } });
    expect((await b.call('accounts-get', { id: a.id })).account.industry).toBe('制造');
  });
});
