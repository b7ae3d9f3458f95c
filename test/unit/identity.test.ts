/**
 * Issue 11, "Daily use": the recorder is the person chosen in Settings ("I am"), one of our people,
 * never the computer's login; several cards move together with one reason; tiers and matrices need
 * only a Chinese name (the key is generated, the English name falls back to the Chinese one).
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { liveHolders } from '../../electron/backend/db/holders';
import { generateKey, pinyinSlug, slug } from '../../electron/backend/keys';
import { expectError, useTestEnv } from './helpers';

const env = useTestEnv();

function clock(start = '2026-06-01T08:00:00.000Z') {
  let t = Date.parse(start);
  return () => new Date((t += 60_000));
}

async function seeded() {
  const backend = env.backend({ now: clock() });
  const a = await backend.call('accounts-create', { name: '河南省教育厅' });
  const b = await backend.call('accounts-create', { name: '郑州银行' });
  const c = await backend.call('accounts-create', { name: '国网河南电力' });
  const liu = await backend.call('people-save', { name: '刘思远' });
  const wang = await backend.call('people-save', { name: '王芳' });
  return { backend, a, b, c, liu, wang };
}

describe('"I am": the recorder is one of our people', () => {
  it('records board moves as the chosen person, never the computer login', async () => {
    const { backend, a, liu } = await seeded();
    expect(await backend.call('user-get', {})).toEqual({ person: null, name: '' });
    const me = await backend.call('user-set', { personId: liu.id });
    expect(me).toEqual({ person: { id: liu.id, name: '刘思远' }, name: '刘思远' });
    const m = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    expect(m.by).toBe('刘思远');
    const history = await backend.call('placements-history', { accountId: a.id });
    expect(history[0]?.by).toBe('刘思远');
    expect(history.map((h) => h.by)).not.toContain(os.userInfo().username);
  });

  it('with nobody chosen, a move is recorded without a name (not the OS login)', async () => {
    const { backend, a } = await seeded();
    const m = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'dog' });
    expect(m.by).toBe('');
    expect(m.by).not.toBe(os.userInfo().username);
  });

  it('follows a rename, forgets a deleted person, refuses an unknown or inactive one', async () => {
    const { backend, a, liu, wang } = await seeded();
    await backend.call('user-set', { personId: liu.id });
    await backend.call('people-save', { id: liu.id, name: '刘思源' });
    expect((await backend.call('user-get', {})).name).toBe('刘思源');
    expect((await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' })).by).toBe('刘思源');
    expectError(await backend.invoke('user-set', { personId: 999 }), 'not-found');
    await backend.call('people-save', { id: wang.id, name: '王芳', active: false });
    expectError(await backend.invoke('user-set', { personId: wang.id }), 'person-inactive');
    expect((await backend.call('user-get', {})).name).toBe('刘思源');
    await backend.call('people-delete', { id: liu.id });
    expect(await backend.call('user-get', {})).toEqual({ person: null, name: '' });
    await backend.call('user-set', { personId: null });
    expect(await backend.call('user-get', {})).toEqual({ person: null, name: '' });
  });

  it('a name typed before people were chosen counts when it is one of our people; moves recorded before stay as they were', async () => {
    const { backend, a, liu } = await seeded();
    const db = backend.connection();
    db.prepare("INSERT INTO settings (key, value) VALUES ('user.name', '刘思远')").run();
    expect((await backend.call('user-get', {})).person).toEqual({ id: liu.id, name: '刘思远' });
    db.prepare("UPDATE settings SET value = 'root' WHERE key = 'user.name'").run();
    expect((await backend.call('user-get', {})).person).toBeNull();
    const old = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    db.prepare("UPDATE placement_moves SET by_person = 'root' WHERE id = ?").run(old.id);
    await backend.call('user-set', { personId: liu.id });
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'dog' });
    expect((await backend.call('placements-history', { accountId: a.id })).map((h) => h.by)).toEqual(['刘思远', 'root']);
  });

  it('records who approved a plan', async () => {
    const { backend, a, liu } = await seeded();
    const view = await backend.call('plan-create', { accountId: a.id, year: 2026 });
    await backend.call('plan-status-set', { planId: view.plan.id, status: 'review' });
    await backend.call('user-set', { personId: liu.id });
    const approved = await backend.call('plan-status-set', { planId: view.plan.id, status: 'approved' });
    expect(approved.approvedBy).toBe('刘思远');
    const next = await backend.call('plan-status-set', { planId: view.plan.id, status: 'draft' });
    expect(next.approvedBy).toBeNull();
  });

  it('the process registration names the chosen person', async () => {
    const first = await seeded();
    await first.backend.call('user-set', { personId: first.liu.id });
    await first.backend.close();
    const again = env.backend({ now: clock() });
    await again.call('user-get', {});
    expect(liveHolders(env.file('keyplan.db')).map((h) => h.user)).toContain('刘思远');
  });
});

describe('several cards move together', () => {
  it('moves the selection with one reason in one transaction, skipping those already there', async () => {
    const { backend, a, b, c, liu } = await seeded();
    await backend.call('user-set', { personId: liu.id });
    await backend.call('board-move', { matrix: 'value-potential', accountId: c.id, to: 'star' });
    const out = await backend.call('board-move-many', { matrix: 'value-potential', accountIds: [a.id, b.id, c.id], to: 'star', reason: '年度复盘' });
    expect(out.skipped).toEqual([c.id]);
    expect(out.moves.map((m) => [m.accountId, m.to, m.reason, m.by])).toEqual([
      [a.id, 'star', '年度复盘', '刘思远'],
      [b.id, 'star', '年度复盘', '刘思远'],
    ]);
    const again = await backend.call('board-moves-reason', { moveIds: out.moves.map((m) => m.id), reason: '新项目中标' });
    expect(again.map((m) => m.reason)).toEqual(['新项目中标', '新项目中标']);
    expectError(await backend.invoke('board-move-many', { matrix: 'value-potential', accountIds: [a.id, 999], to: 'dog' }), 'not-found');
    // nothing of the refused call stayed
    const board = await backend.call('board-get', { matrix: 'value-potential' });
    expect(board.cards.find((x) => x.accountId === a.id)?.quadrant).toBe('star');
    expectError(await backend.invoke('board-moves-reason', { moveIds: [out.moves[0]!.id, 999], reason: 'x' }), 'not-found');
    expect((await backend.call('placements-history', { accountId: a.id }))[0]?.reason).toBe('新项目中标');
  });
});

describe('Chinese names only: keys are generated', () => {
  it('slugs and pinyin', () => {
    expect(slug('Strategic accounts!')).toBe('strategic-accounts');
    expect(pinyinSlug('重点客户')).toBe('zhongdiankehu');
    expect(pinyinSlug('银牌A级')).toBe('yinpai-a-ji');
    expect(generateKey({ zh: '重点客户' }, ['zhongdiankehu', 'zhongdiankehu-2'], 'tier')).toBe('zhongdiankehu-3');
    expect(generateKey({ en: 'Key', zh: '重点' }, [], 'tier')).toBe('key');
    expect(generateKey({ zh: '★★' }, [], 'tier')).toBe('tier');
    expect(generateKey({ zh: '中'.repeat(60) }, [], 'tier').length).toBeLessThanOrEqual(40);
  });

  it('a tier needs only a Chinese name; two alike get different keys; English falls back to Chinese', async () => {
    const { backend } = await seeded();
    const one = await backend.call('tiers-save', { nameZh: '重点客户', rank: 5, visitsPerQuarter: 2, callsPerMonth: 1 });
    expect(one).toMatchObject({ key: 'zhongdiankehu', nameZh: '重点客户', nameEn: '重点客户' });
    const two = await backend.call('tiers-save', { nameZh: '重点客户', nameEn: '', rank: 6, visitsPerQuarter: 1, callsPerMonth: 1 });
    expect(two.key).toBe('zhongdiankehu-2');
    const edited = await backend.call('tiers-save', { id: one.id, nameZh: '重点大客户', nameEn: 'Key', rank: 5, visitsPerQuarter: 2, callsPerMonth: 1 });
    expect(edited).toMatchObject({ key: 'zhongdiankehu', nameEn: 'Key' });
    expectError(await backend.invoke('tiers-save', { nameZh: '', rank: 5, visitsPerQuarter: 1, callsPerMonth: 1 }), 'invalid-args');
  });

  it('a matrix needs only Chinese names; its key and quadrant keys are generated and kept on edit', async () => {
    const { backend, a } = await seeded();
    const quadrants = (['tl', 'tr', 'bl', 'br'] as const).map((position, i) => ({ position, nameZh: ['培育', '重点', '观察', '维持'][i]!, color: '#e3ecfb' }));
    const m = await backend.call('matrices-save', { nameZh: '吸引力矩阵', xLabelZh: '我方实力', yLabelZh: '客户吸引力', quadrants });
    expect(m.key).toBe('xiyinlijuzhen');
    expect(m).toMatchObject({ nameEn: '吸引力矩阵', xLabelEn: '我方实力', yLabelEn: '客户吸引力' });
    expect(m.quadrants.map((q) => [q.key, q.nameEn])).toEqual([
      ['peiyu', '培育'],
      ['zhongdian', '重点'],
      ['guancha', '观察'],
      ['weichi', '维持'],
    ]);
    const twin = await backend.call('matrices-save', { nameZh: '吸引力矩阵', xLabelZh: 'x', yLabelZh: 'y', quadrants });
    expect(twin.key).toBe('xiyinlijuzhen-2');
    const move = await backend.call('board-move', { matrix: m.key, accountId: a.id, to: 'peiyu' });
    expect(move).toMatchObject({ toNameEn: '培育', matrixNameEn: '吸引力矩阵' });
    // an edit without keys keeps them (placements refer to them)
    const renamed = quadrants.map((q) => ({ ...q, nameZh: `${q.nameZh}区` }));
    const edited = await backend.call('matrices-save', { id: m.id, nameZh: '吸引力', xLabelZh: '实力', yLabelZh: '吸引力', quadrants: renamed });
    expect(edited.key).toBe('xiyinlijuzhen');
    expect(edited.quadrants.map((q) => q.key)).toEqual(['peiyu', 'zhongdian', 'guancha', 'weichi']);
    expect((await backend.call('board-get', { matrix: m.key })).cards.find((c) => c.accountId === a.id)?.quadrant).toBe('peiyu');
  });
});
