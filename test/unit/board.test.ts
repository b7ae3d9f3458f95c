/**
 * The quadrant board: matrices, moves as recorded decisions (who, when, from, to, why), undo, the
 * board as of a moment and the changes since one, figures, suggestions, and the export.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_MATRICES, changesBetween, placementsAsOf, quadrantFigures, suggestQuadrant } from '../../shared/domain/quadrants';
import type { Printer } from '../../electron/backend/documents/printer';
import { boardDocument } from '../../electron/backend/documents/board-document';
import { dumpDb, expectError, useTestEnv } from './helpers';

const env = useTestEnv();

/** A clock that moves one hour per call, so every move has its own time. */
function clock(start = '2026-06-01T08:00:00.000Z') {
  let t = Date.parse(start);
  return () => new Date((t += 3_600_000));
}

async function seeded(printer?: Printer) {
  const backend = env.backend({ now: clock(), ...(printer ? { printer } : {}) });
  const a = await backend.call('accounts-create', { name: '河南省教育厅', growthPotential: 'high', importance: 'important', urgency: 'urgent' });
  const b = await backend.call('accounts-create', { name: 'Acme Energy', growthPotential: 'low' });
  await backend.call('revenue-set', { accountId: a.id, year: 2026, revenue: 5_000_000_00 });
  await backend.call('revenue-set', { accountId: b.id, year: 2026, revenue: 100_000_00 });
  return { backend, a, b };
}

describe('the domain', () => {
  const vp = BUILT_IN_MATRICES[0]!;
  const iu = BUILT_IN_MATRICES[1]!;

  it('suggests a quadrant from revenue and potential, and nothing without the data', () => {
    const base = { importance: null, urgency: null };
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 9_000_000_00, growthPotential: 'high' })).toBe('star');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 9_000_000_00, growthPotential: 'low' })).toBe('cash-cow');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 10_00, growthPotential: 'high' })).toBe('rising-star');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 10_00, growthPotential: 'medium' })).toBe('dog');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: null, growthPotential: 'high' })).toBeNull();
    const threshold = { ...vp, suggest: { kind: 'value-potential' as const, revenueThreshold: 100, potentialAtLeast: 'medium' as const } };
    expect(suggestQuadrant(threshold, { ...base, revenueThisYear: 100, growthPotential: 'medium' })).toBe('star');
  });

  it('suggests from importance and urgency', () => {
    const r = { revenueThisYear: null, growthPotential: null };
    expect(suggestQuadrant(iu, { ...r, importance: 'important', urgency: 'urgent' })).toBe('now');
    expect(suggestQuadrant(iu, { ...r, importance: 'important', urgency: 'slow' })).toBe('plan');
    expect(suggestQuadrant(iu, { ...r, importance: 'normal', urgency: 'soon' })).toBe('delegate');
    expect(suggestQuadrant(iu, { ...r, importance: 'normal', urgency: 'not-urgent' })).toBe('later');
    expect(suggestQuadrant({ ...iu, suggest: { kind: 'none' } }, { ...r, importance: 'important', urgency: 'urgent' })).toBeNull();
  });

  it('replays moves to a moment, and lists what changed between two moments', () => {
    const moves = [
      { accountId: 1, from: null, to: 'star', at: '2026-01-01T00:00:00Z' },
      { accountId: 2, from: null, to: 'dog', at: '2026-01-02T00:00:00Z' },
      { accountId: 1, from: 'star', to: 'cash-cow', at: '2026-06-01T00:00:00Z' },
      { accountId: 2, from: 'dog', to: null, at: '2026-07-01T00:00:00Z' },
    ];
    expect([...placementsAsOf(moves, '2025-12-31T00:00:00Z')]).toEqual([]);
    expect(placementsAsOf(moves, '2026-03-01T00:00:00Z')).toEqual(new Map([[1, 'star'], [2, 'dog']]));
    const now = placementsAsOf(moves, '2026-12-31T00:00:00Z');
    expect(now).toEqual(new Map([[1, 'cash-cow']]));
    expect(changesBetween(placementsAsOf(moves, '2026-03-01T00:00:00Z'), now)).toEqual([
      { accountId: 1, from: 'star', to: 'cash-cow' },
      { accountId: 2, from: 'dog', to: null },
    ]);
  });

  it('sums accounts and revenue per quadrant with shares', () => {
    expect(quadrantFigures(['a', 'b'], [{ quadrant: 'a', revenue: 300 }, { quadrant: 'a', revenue: 100 }, { quadrant: 'b', revenue: 100 }])).toEqual([
      { key: 'a', accounts: 2, revenue: 400, share: 0.8 },
      { key: 'b', accounts: 1, revenue: 100, share: 0.2 },
    ]);
    expect(quadrantFigures(['a'], [])).toEqual([{ key: 'a', accounts: 0, revenue: 0, share: 0 }]);
  });
});

describe('moves', () => {
  it('records who, when, from, to and why, and keeps the placement', async () => {
    const { backend, a } = await seeded();
    const me = await backend.call('people-save', { name: '王总监' });
    await backend.call('user-set', { personId: me.id });
    const changed: string[][] = [];
    backend.on('data-changed', (e) => changed.push(e.tables));
    const first = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    expect(first).toMatchObject({ from: null, to: 'star', toNameZh: '明星', toNameEn: 'Star', by: '王总监', reason: '', accountName: '河南省教育厅' });
    const second = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'cash-cow', reason: '增长放缓' });
    expect(second).toMatchObject({ from: 'star', to: 'cash-cow', fromNameZh: '明星', reason: '增长放缓' });
    expect(second.at > first.at).toBe(true);
    const withReason = await backend.call('board-move-reason', { moveId: first.id, reason: '新项目中标' });
    expect(withReason.reason).toBe('新项目中标');
    expect(changed).toEqual([['placements', 'placement_moves'], ['placements', 'placement_moves'], ['placements', 'placement_moves']]);
    const history = await backend.call('placements-history', { accountId: a.id });
    expect(history.map((m) => [m.from, m.to, m.reason])).toEqual([
      ['star', 'cash-cow', '增长放缓'],
      [null, 'star', '新项目中标'],
    ]);
    const board = await backend.call('board-get', { matrix: 'value-potential', today: '2026-06-01' });
    expect(board.cards.find((c) => c.accountId === a.id)?.quadrant).toBe('cash-cow');
    expect(await backend.call('placements-list', {})).toEqual([{ accountId: a.id, matrix: 'value-potential', quadrant: 'cash-cow', nameZh: '金牛', nameEn: 'Cash cow' }]);
  });

  it('back to the tray, and refuses a move that goes nowhere or to an unknown quadrant', async () => {
    const { backend, a } = await seeded();
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    expectError(await backend.invoke('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' }), 'conflict');
    expectError(await backend.invoke('board-move', { matrix: 'value-potential', accountId: a.id, to: 'now' }), 'not-found');
    expectError(await backend.invoke('board-move', { matrix: 'nope', accountId: a.id, to: 'star' }), 'not-found');
    expectError(await backend.invoke('board-move', { matrix: 'value-potential', accountId: 999, to: 'star' }), 'not-found');
    const back = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: null });
    expect(back).toMatchObject({ from: 'star', to: null });
    expect(await backend.call('placements-list', {})).toEqual([]);
  });

  it('placements are per matrix', async () => {
    const { backend, a } = await seeded();
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    await backend.call('board-move', { matrix: 'importance-urgency', accountId: a.id, to: 'now' });
    const list = await backend.call('placements-list', {});
    expect(list.map((p) => [p.matrix, p.quadrant])).toEqual([
      ['value-potential', 'star'],
      ['importance-urgency', 'now'],
    ]);
  });

  it('undo puts the account back and forgets the move; only the latest move can be undone', async () => {
    const { backend, a } = await seeded();
    const m1 = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    const m2 = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'dog' });
    expectError(await backend.invoke('board-undo', { moveId: m1.id }), 'conflict');
    expect(await backend.call('board-undo', { moveId: m2.id })).toEqual({ accountId: a.id, quadrant: 'star' });
    expect((await backend.call('placements-history', { accountId: a.id })).map((m) => m.id)).toEqual([m1.id]);
    expect(await backend.call('board-undo', { moveId: m1.id })).toEqual({ accountId: a.id, quadrant: null });
    expect(await backend.call('placements-list', {})).toEqual([]);
    expectError(await backend.invoke('board-undo', { moveId: m1.id }), 'not-found');
  });

  it('invalid moves change nothing', async () => {
    const { backend, a } = await seeded();
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    const before = dumpDb(backend.connection());
    expectError(await backend.invoke('board-move', { matrix: 'value-potential', accountId: a.id, to: 'no-such' }), 'not-found');
    expectError(await backend.invoke('board-move-reason', { moveId: 999, reason: 'x' }), 'not-found');
    expectError(await backend.invoke('board-move', { matrix: 'Value Potential', accountId: a.id, to: 'star' }), 'invalid-args');
    expect(dumpDb(backend.connection())).toEqual(before);
  });

  it('records nobody (never the computer login) while no one is chosen as "I am"', async () => {
    const { backend, a } = await seeded();
    expect(await backend.call('user-get', {})).toEqual({ person: null, name: '' });
    const m = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    expect(m.by).toBe('');
    expect(m.by).not.toBe(os.userInfo().username);
  });
});

describe('the board', () => {
  it('shows cards with figures, suggestions, the Pareto head and the overdue flag', async () => {
    const { backend, a, b } = await seeded();
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    await backend.call('board-move', { matrix: 'value-potential', accountId: b.id, to: 'dog' });
    const board = await backend.call('board-get', { matrix: 'value-potential', today: '2026-06-01' });
    expect(board.matrix.quadrants.map((q) => q.position)).toEqual(['tl', 'tr', 'bl', 'br']);
    const ca = board.cards.find((c) => c.accountId === a.id)!;
    expect(ca).toMatchObject({ name: '河南省教育厅', quadrant: 'star', suggested: 'star', inParetoHead: true, revenueThisYear: 5_000_000_00 });
    expect(board.cards.find((c) => c.accountId === b.id)).toMatchObject({ quadrant: 'dog', suggested: 'dog', inParetoHead: false });
    const star = board.figures.find((f) => f.key === 'star')!;
    expect(star.accounts).toBe(1);
    expect(star.share).toBeCloseTo(5_000_000 / 5_100_000, 6);
  });

  it('as of a moment shows the placement then; since a moment lists what moved and from where', async () => {
    const { backend, a, b } = await seeded();
    const m1 = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    await backend.call('board-move', { matrix: 'value-potential', accountId: b.id, to: 'dog' });
    const m3 = await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'cash-cow' });
    const then = await backend.call('board-get', { matrix: 'value-potential', asOf: m1.at });
    expect(then.cards.find((c) => c.accountId === a.id)?.quadrant).toBe('star');
    expect(then.cards.find((c) => c.accountId === b.id)?.quadrant).toBeNull();
    const since = await backend.call('board-get', { matrix: 'value-potential', since: m1.at });
    expect(since.changes).toEqual([
      { accountId: a.id, from: 'star', to: 'cash-cow' },
      { accountId: b.id, from: null, to: 'dog' },
    ]);
    expect(since.cards.find((c) => c.accountId === a.id)).toMatchObject({ quadrant: 'cash-cow', movedFrom: 'star' });
    expect(since.cards.find((c) => c.accountId === b.id)).toMatchObject({ movedFrom: null });
    expect(m3.at > m1.at).toBe(true);
    // A date alone means the end of that day.
    const dayBefore = await backend.call('board-get', { matrix: 'value-potential', asOf: '2026-05-31' });
    expect(dayBefore.cards.every((c) => c.quadrant === null)).toBe(true);
  });

  it('filters by owner, industry, region and tier', async () => {
    const { backend, a } = await seeded();
    await backend.call('accounts-update', { id: a.id, patch: { industry: '教育' } });
    const board = await backend.call('board-get', { matrix: 'value-potential', industries: ['教育'] });
    expect(board.cards.map((c) => c.name)).toEqual(['河南省教育厅']);
  });
});

describe('matrices', () => {
  const custom = {
    key: 'attractiveness',
    nameZh: '吸引力 × 竞争地位',
    nameEn: 'Attractiveness × strength',
    xLabelZh: '我方相对实力',
    xLabelEn: 'Our relative strength',
    yLabelZh: '客户吸引力',
    yLabelEn: 'Attractiveness',
    quadrants: [
      { key: 'selective', position: 'tl' as const, nameZh: '选择性投入', nameEn: 'Selective', color: '#e3ecfb' },
      { key: 'invest', position: 'tr' as const, nameZh: '重点投入', nameEn: 'Invest', color: '#e6f4ea' },
      { key: 'harvest', position: 'bl' as const, nameZh: '收割', nameEn: 'Harvest', color: '#eceff3' },
      { key: 'maintain', position: 'br' as const, nameZh: '维持', nameEn: 'Maintain', color: '#fdf1d6' },
    ],
  };

  it('creates, edits and deletes a team matrix; built-ins stay', async () => {
    const { backend, a } = await seeded();
    const m = await backend.call('matrices-save', custom);
    expect(m).toMatchObject({ key: 'attractiveness', builtin: false, suggest: { kind: 'none' } });
    expect((await backend.call('matrices-list', {})).map((x) => x.key)).toEqual(['value-potential', 'importance-urgency', 'attractiveness']);
    await backend.call('board-move', { matrix: 'attractiveness', accountId: a.id, to: 'invest' });
    // Swap two positions and rename: placements keep their quadrant.
    const swapped = custom.quadrants.map((q) => (q.key === 'invest' ? { ...q, position: 'tl' as const, nameZh: '加大投入' } : q.key === 'selective' ? { ...q, position: 'tr' as const } : q));
    const edited = await backend.call('matrices-save', { ...custom, id: m.id, quadrants: swapped });
    expect(edited.quadrants.find((q) => q.key === 'invest')).toMatchObject({ position: 'tl', nameZh: '加大投入' });
    expect((await backend.call('board-get', { matrix: 'attractiveness' })).cards.find((c) => c.accountId === a.id)?.quadrant).toBe('invest');
    expectError(await backend.invoke('matrices-save', { ...custom, id: m.id, quadrants: custom.quadrants.map((q, i) => (i === 0 ? { ...q, key: 'other' } : q)) }), 'invalid-args');
    expectError(await backend.invoke('matrices-save', custom), 'conflict');
    expectError(await backend.invoke('matrices-delete', { id: 1 }), 'invalid-args');
    await backend.call('matrices-delete', { id: m.id });
    expect(await backend.call('placements-list', {})).toEqual([]);
  });

  it('refuses four quadrants that do not cover the four positions', async () => {
    const { backend } = await seeded();
    const bad = { ...custom, quadrants: custom.quadrants.map((q) => ({ ...q, position: 'tl' as const })) };
    expectError(await backend.invoke('matrices-save', bad), 'invalid-args');
  });

  it("edits a built-in matrix's threshold but not its key", async () => {
    const { backend } = await seeded();
    const vp = (await backend.call('matrices-list', {}))[0]!;
    const input = { ...vp, suggest: { kind: 'value-potential' as const, revenueThreshold: 100, potentialAtLeast: 'low' as const } };
    const { builtin: _b, ...rest } = input;
    const saved = await backend.call('matrices-save', { ...rest, quadrants: vp.quadrants });
    expect(saved.suggest).toEqual({ kind: 'value-potential', revenueThreshold: 100, potentialAtLeast: 'low' });
    expectError(await backend.invoke('matrices-save', { ...rest, key: 'renamed', quadrants: vp.quadrants }), 'invalid-args');
  });
});

describe('export', () => {
  it('prints the board as one A4 landscape page with the quadrants and accounts, and as a PNG', async () => {
    const printed: { html: string; kind: string; landscape?: boolean }[] = [];
    const printer: Printer = {
      pdf: async (html, opts) => {
        printed.push({ html, kind: 'pdf', landscape: opts.landscape });
        return new TextEncoder().encode('%PDF-fake');
      },
      png: async (html) => {
        printed.push({ html, kind: 'png' });
        return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      },
      close: async () => {},
    };
    const { backend, a } = await seeded(printer);
    await backend.call('board-move', { matrix: 'value-potential', accountId: a.id, to: 'star' });
    const pdf = await backend.call('board-export', { matrix: 'value-potential', format: 'pdf', locale: 'zh-CN', today: '2026-06-01' });
    expect(pdf).toMatchObject({ fileName: 'keyplan-value-potential-2026-06-01.pdf', mime: 'application/pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').toString()).toBe('%PDF-fake');
    expect(printed[0]).toMatchObject({ kind: 'pdf', landscape: true });
    expect(printed[0]!.html).toContain('明星');
    expect(printed[0]!.html).toContain('河南省教育厅');
    expect(printed[0]!.html).toContain('size: A4 landscape');
    const png = await backend.call('board-export', { matrix: 'value-potential', format: 'png', locale: 'en', today: '2026-06-01' });
    expect(png.mime).toBe('image/png');
    expect(printed[1]!.html).toContain('Star');
    expect(printed[1]!.html).toContain('lang="en"');
  });

  it('answers printer-unavailable without a printer', async () => {
    const { backend } = await seeded();
    expectError(await backend.invoke('board-export', { matrix: 'value-potential', format: 'pdf', locale: 'en' }), 'printer-unavailable');
  });

  it('escapes names and shows how many more accounts a full quadrant holds', () => {
    const cards = Array.from({ length: 40 }, (_, i) => ({
      accountId: i + 1,
      name: i === 0 ? '<script>x</script>' : `客户 ${i}`,
      tierKey: null,
      grade: null,
      ownerName: null,
      industry: null,
      region: null,
      revenueThisYear: 1000 * (40 - i),
      overdue: false,
      inParetoHead: false,
      quadrant: 'star',
      suggested: null,
      verdict: null,
    }));
    const html = boardDocument(
      { matrix: { ...BUILT_IN_MATRICES[0]!, id: 1, builtin: true }, asOf: null, since: null, cards, figures: [], changes: [] },
      'zh-CN',
      '2026-06-01T00:00:00Z',
    );
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('另有 12 个');
  });
});

describe('daily use', () => {
  it('asks no reason on a first placement unless the preference says so (off by default, kept)', async () => {
    const b = env.backend();
    expect(await b.call('board-prefs-get', {})).toEqual({ askReasonOnFirstPlacement: false });
    expect(await b.call('board-prefs-set', { askReasonOnFirstPlacement: true })).toEqual({ askReasonOnFirstPlacement: true });
    await b.close();
    const again = env.backend();
    expect(await again.call('board-prefs-get', {})).toEqual({ askReasonOnFirstPlacement: true });
    await again.call('board-prefs-set', { askReasonOnFirstPlacement: false });
    expect(await again.call('board-prefs-get', {})).toEqual({ askReasonOnFirstPlacement: false });
  });

  it('accepts the suggested quadrant for many accounts at once: unplaced ones with a suggestion, one move each, the rest skipped', async () => {
    const { backend, a, b } = await seeded();
    const c = await backend.call('accounts-create', { name: '无数据客户' });
    const d = await backend.call('accounts-create', { name: '新客户', growthPotential: 'high' });
    await backend.call('revenue-set', { accountId: d.id, year: 2026, revenue: 10_000_00 });
    await backend.call('board-move', { matrix: 'value-potential', accountId: b.id, to: 'star' });
    const out = await backend.call('board-place-suggested', { matrix: 'value-potential', accountIds: [a.id, b.id, c.id, d.id, 9999], reason: '按数据建议归类', today: '2026-06-01' });
    expect(out.moves.map((m) => [m.accountId, m.from, m.to, m.reason])).toEqual([
      [a.id, null, 'star', '按数据建议归类'],
      [d.id, null, 'rising-star', '按数据建议归类'],
    ]);
    expect(out.skipped).toEqual([b.id, c.id, 9999]);
    const board = await backend.call('board-get', { matrix: 'value-potential', today: '2026-06-01' });
    expect(Object.fromEntries(board.cards.map((x) => [x.name, x.quadrant]))).toEqual({ 河南省教育厅: 'star', 'Acme Energy': 'star', 无数据客户: null, 新客户: 'rising-star' });
    // nothing to do: nothing written
    const none = await backend.call('board-place-suggested', { matrix: 'value-potential', accountIds: [a.id, c.id], today: '2026-06-01' });
    expect(none).toEqual({ moves: [], skipped: [a.id, c.id] });
  });
});
