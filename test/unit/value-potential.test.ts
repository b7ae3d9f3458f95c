/**
 * The value x potential matrix follows the seed's KAM model (domain.md, "Portfolio models"): 明星 is
 * high potential whatever the value today, 野猫 is a verdict on profit and reputation, and an account
 * of high potential is never advised to be cut - not by a quadrant, not by the verdict, not in the
 * sample.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POTENTIALS, type Potential } from '../../shared/domain/enums';
import { BUILT_IN_MATRICES, isModelChange, matrixVerdict, suggestQuadrant, wildcatVerdict } from '../../shared/domain/quadrants';
import { migrate } from '../../electron/backend/db/migrate';
import { openConnection } from '../../electron/backend/db/open';
import { TODAY } from './accounts-helpers';
import { useTestEnv } from './helpers';
import { LOCALES } from '../../shared/i18n';

const env = useTestEnv();
const vp = BUILT_IN_MATRICES.find((m) => m.key === 'value-potential')!;
const iu = BUILT_IN_MATRICES.find((m) => m.key === 'importance-urgency')!;
/** Words of a "cut" treatment, in both languages. */
const CUT = /收缩|淘汰|放弃|退出|\bcut\b|\bexit\b|drop/i;

const money = fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: null });
const potential = fc.option(fc.constantFrom<Potential>(...POTENTIALS), { nil: null });
const account = fc.record({
  revenueThisYear: money,
  growthPotential: potential,
  importance: fc.constant(null),
  urgency: fc.constant(null),
  profitContribution: money,
  costToServe: money,
});

describe('the built-in value x potential matrix', () => {
  it('has the seed model: rising star and star on top, dog and cash cow below, and no quadrant that cuts', () => {
    const at = Object.fromEntries(vp.quadrants.map((q) => [q.position, q]));
    expect(at.tl).toMatchObject({ key: 'rising-star', nameZh: '潜力明星', nameEn: 'Rising star' });
    expect(at.tr).toMatchObject({ key: 'star', nameZh: '明星', nameEn: 'Star' });
    expect(at.bl).toMatchObject({ key: 'dog', nameZh: '瘦狗', nameEn: 'Dog' });
    expect(at.br).toMatchObject({ key: 'cash-cow', nameZh: '金牛', nameEn: 'Cash cow' });
    for (const q of vp.quadrants) {
      expect(q.treatmentZh, q.key).not.toMatch(CUT);
      expect(q.treatmentEn, q.key).not.toMatch(CUT);
      expect(q.nameZh).not.toBe('野猫');
    }
    // both top corners are invested in
    expect(at.tl!.treatmentZh).toMatch(/加大投入/);
    expect(at.tr!.treatmentZh).toMatch(/投入/);
  });

  it('suggests from value and potential: high potential is on top whatever the value today', () => {
    const base = { importance: null, urgency: null };
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 9_000_000_00, growthPotential: 'high' })).toBe('star');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 10_00, growthPotential: 'high' })).toBe('rising-star');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 0, growthPotential: 'high' })).toBe('rising-star');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 9_000_000_00, growthPotential: 'low' })).toBe('cash-cow');
    expect(suggestQuadrant(vp, { ...base, revenueThisYear: 10_00, growthPotential: 'medium' })).toBe('dog');
  });

  it('property: an account of high potential is never suggested a quadrant or a verdict that cuts', () => {
    fc.assert(
      fc.property(account, (a) => {
        const high = { ...a, growthPotential: 'high' as const };
        const key = suggestQuadrant(vp, high);
        const q = vp.quadrants.find((x) => x.key === key);
        expect(q?.position === 'tl' || q?.position === 'tr').toBe(a.revenueThisYear !== null);
        if (q) expect(`${q.treatmentZh} ${q.treatmentEn}`).not.toMatch(CUT);
        expect(wildcatVerdict(high)).toBeNull();
        expect(matrixVerdict(vp, high)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the 野猫 verdict is exactly "costs more than it brings" for a known, not-high potential', () => {
    fc.assert(
      fc.property(account, (a) => {
        const expected = a.growthPotential !== null && a.growthPotential !== 'high' && a.profitContribution !== null && a.costToServe !== null && a.profitContribution < a.costToServe;
        expect(wildcatVerdict(a)).toBe(expected ? 'wildcat' : null);
        // only the value x potential model gives it
        expect(matrixVerdict(iu, a)).toBeNull();
      }),
      { numRuns: 2000 },
    );
    expect(wildcatVerdict({ growthPotential: 'low', profitContribution: 100, costToServe: 100 })).toBeNull();
    expect(wildcatVerdict({ growthPotential: 'medium', profitContribution: 99, costToServe: 100 })).toBe('wildcat');
    expect(wildcatVerdict({ growthPotential: null, profitContribution: -5, costToServe: 100 })).toBeNull();
  });
});

describe('the board', () => {
  it('gives each card the verdict from its data; never to a high-potential account; not on importance x urgency', async () => {
    const b = env.backend();
    const make = async (name: string, growthPotential: Potential, profitContribution: number, costToServe: number) =>
      (await b.call('accounts-create', { name, growthPotential, profitContribution, costToServe })).id;
    const losing = await make('亏损客户', 'low', 10_000_00, 50_000_00);
    const promising = await make('起步客户', 'high', 0, 50_000_00);
    const fine = await make('正常客户', 'medium', 80_000_00, 20_000_00);
    const board = await b.call('board-get', { matrix: 'value-potential', today: TODAY });
    const verdict = (id: number) => board.cards.find((c) => c.accountId === id)?.verdict;
    expect(verdict(losing)).toBe('wildcat');
    expect(verdict(promising)).toBeNull();
    expect(verdict(fine)).toBeNull();
    const other = await b.call('board-get', { matrix: 'importance-urgency', today: TODAY });
    expect(other.cards.every((c) => c.verdict === null)).toBe(true);
  });
});

describe('the sample', () => {
  it.each(LOCALES)('(%s) files no high-potential account in a corner below the top row, and moves with a reason that fits', async (locale) => {
    const b = env.backend();
    await b.call('sample-load', { accounts: 120, locale, today: TODAY });
    const board = await b.call('board-get', { matrix: 'value-potential', today: TODAY });
    const db = new Database(env.file('keyplan.db'), { readonly: true });
    const potentialOf = new Map(db.prepare('SELECT id, growth_potential FROM accounts').raw().all() as [number, Potential | null][]);
    db.close();
    const position = new Map(board.matrix.quadrants.map((q) => [q.key, q.position]));
    const high = board.cards.filter((c) => potentialOf.get(c.accountId) === 'high' && c.quadrant !== null);
    expect(high.length).toBeGreaterThan(5);
    for (const c of high) expect(['tl', 'tr'], c.name).toContain(position.get(c.quadrant!));
    for (const c of board.cards) expect(c.quadrant === null || c.quadrant !== 'wildcat').toBe(true);
    expect(board.matrix.quadrants.every((q) => !CUT.test(q.treatmentEn) && !CUT.test(q.treatmentZh))).toBe(true);
    // the start-of-year review put high-potential accounts of little revenue in 潜力明星
    expect(board.cards.some((c) => c.quadrant === 'rising-star')).toBe(true);
    // accounts moved since carry a reason naming why
    const moved = board.cards.filter((c) => c.quadrant !== null);
    let laterMoves = 0;
    for (const c of moved.slice(0, 40)) {
      const history = (await b.call('placements-history', { accountId: c.accountId })).filter((m) => m.matrixKey === 'value-potential');
      for (const m of history) expect(m.reason.length, c.name).toBeGreaterThan(0);
      laterMoves += history.length - 1;
    }
    expect(laterMoves).toBeGreaterThan(0);
  });
});

describe('a workspace from before the change of model', () => {
  it('keeps the history naming 野猫, and boards as of earlier dates show its accounts where they went', async () => {
    const old = openConnection(env.file('keyplan.db'));
    migrate(old, { target: 6 });
    old.prepare("INSERT INTO accounts (name, created_at, updated_at) VALUES ('老客户', 'x', 'x')").run();
    old.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at, by_person, reason) VALUES (1, 1, NULL, 'wildcat', '2026-03-01T09:00:00.000Z', '刘思远', '年初盘点')").run();
    old.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, 1, 'wildcat', '2026-03-01T09:00:00.000Z')").run();
    old.close();
    const b = env.backend({ now: () => new Date('2026-11-01T08:00:00.000Z') });
    const now = await b.call('board-get', { matrix: 'value-potential', today: TODAY });
    expect(now.matrix.quadrants.map((q) => q.key)).toEqual(['rising-star', 'star', 'dog', 'cash-cow']);
    expect(now.cards[0]!.quadrant).toBe('rising-star');
    const then = await b.call('board-get', { matrix: 'value-potential', today: TODAY, asOf: '2026-06-01', since: '2026-04-01' });
    expect(then.cards[0]!.quadrant).toBe('rising-star');
    // the change of model is not a change of the director's decision
    const since = await b.call('board-get', { matrix: 'value-potential', today: TODAY, since: '2026-04-01' });
    expect(since.changes).toEqual([]);
    const history = await b.call('placements-history', { accountId: 1 });
    expect(history.map((m) => [m.fromNameZh, m.toNameZh, m.by])).toEqual([
      ['野猫', '潜力明星', 'system'],
      [null, '野猫', '刘思远'],
    ]);
    expect(history[0]!.reason).toMatch(/^model changed: /);
    expect(isModelChange(history[0]!)).toBe(true);
    expect(isModelChange(history[1]!)).toBe(false);
  });
});
