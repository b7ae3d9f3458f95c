/** Coverage analysis of a stakeholder map (shared/domain/coverage): gaps, their order, levels and the matrix. */
import { describe, expect, it } from 'vitest';
import { analyseCoverage, isStale } from '../../shared/domain/coverage';
import type { CoverageGap } from '../../shared/domain/coverage.types';
import { attitudeText, gapReason, levelText, rolesText } from '../../shared/domain/gap-reason';
import { BUYING_ROLES, INFLUENCES, LEVELS, STRENGTHS, type MapPerson } from '../../shared/domain/stakeholders';

const today = '2026-06-30';
const opts = { today, staleDays: 60 };
let nextId = 1;

/** A person who raises no gap by themselves: a covered, supportive, owned, recently contacted coach. */
function person(p: Partial<MapPerson> = {}): MapPerson {
  const id = p.id ?? nextId++;
  return {
    id,
    name: `P${id}`,
    title: '',
    department: '',
    level: 'middle',
    roles: ['coach'],
    influence: 'medium',
    attitude: 2,
    strength: 'trusted',
    ownerId: 1,
    ownerName: '张三',
    lastContact: '2026-06-01',
    ...p,
  };
}

const kinds = (gaps: CoverageGap[]) => gaps.map((g) => `${g.kind}:${g.personName ?? g.level ?? ''}`);
const gapsOf = (people: MapPerson[], o = opts) => analyseCoverage(people, o).gaps;

describe('no people, no gaps', () => {
  it('an empty map has no gaps (not even no-coach), three empty levels and an empty matrix', () => {
    const r = analyseCoverage([], opts);
    expect(r.gaps).toEqual([]);
    expect(r.people).toBe(0);
    expect(r.levels.map((l) => l.level)).toEqual(['top', 'middle', 'base']);
    expect(r.levels.every((l) => l.people === 0)).toBe(true);
    expect(r.matrix).toEqual({ roles: [], owners: [], cells: [] });
    expect(r.today).toBe(today);
    expect(r.staleDays).toBe(60);
  });

  it('a well-covered map has no gaps', () => {
    const people = LEVELS.map((level) => person({ level }));
    expect(gapsOf(people)).toEqual([]);
  });
});

describe('decider-not-supporter', () => {
  it('neutral, sceptic, opposed and unknown deciders are gaps; +1 and +2 are not', () => {
    const people = [
      person({ name: 'a0', roles: ['decision-maker'], attitude: 0 }),
      person({ name: 'a1', roles: ['economic-buyer'], attitude: -1 }),
      person({ name: 'a2', roles: ['decision-maker'], attitude: -2 }),
      person({ name: 'an', roles: ['economic-buyer'], attitude: null }),
      person({ name: 'ap1', roles: ['decision-maker'], attitude: 1 }),
      person({ name: 'ap2', roles: ['veto-holder'], attitude: 2 }),
      person({ name: 'coach', roles: ['coach'] }),
    ];
    const gaps = gapsOf(people).filter((g) => g.kind === 'decider-not-supporter');
    expect(Object.fromEntries(gaps.map((g) => [g.personName, g.severity]))).toEqual({ a0: 2, a1: 3, a2: 3, an: 2 });
  });

  it('a veto holder who is not a supporter is severity 3 even when neutral or unknown', () => {
    const people = [person({ name: 'v0', roles: ['veto-holder'], attitude: 0 }), person({ name: 'vn', roles: ['veto-holder'], attitude: null }), person()];
    const gaps = gapsOf(people).filter((g) => g.kind === 'decider-not-supporter');
    expect(gaps.map((g) => [g.personName, g.severity])).toEqual([
      ['v0', 3],
      ['vn', 3],
    ]);
  });

  it('non-deciding roles are never decider gaps, whatever their attitude', () => {
    const people = [person({ roles: ['user', 'technical-evaluator', 'influencer', 'gatekeeper', 'outside-party', 'coach'], attitude: -2 })];
    expect(gapsOf(people)).toEqual([]);
  });

  it('the gap carries the person, their level and roles', () => {
    const p = person({ name: '王伟', level: 'top', roles: ['decision-maker', 'coach'], attitude: 0 });
    expect(gapsOf([p])).toEqual([{ kind: 'decider-not-supporter', personId: p.id, personName: '王伟', level: 'top', days: null, roles: ['decision-maker', 'coach'], severity: 2 }]);
  });
});

describe('key-person-no-owner', () => {
  it('high influence without owner is 2, a decider without owner 3; medium/low influence without owner is fine', () => {
    const people = [
      person({ name: 'hi', influence: 'high', ownerId: null, ownerName: null }),
      person({ name: 'dm', roles: ['decision-maker', 'coach'], ownerId: null, ownerName: null }),
      person({ name: 'mid', influence: 'medium', ownerId: null, ownerName: null }),
      person({ name: 'low', influence: 'low', ownerId: null, ownerName: null }),
      person({ name: 'none', influence: null, ownerId: null, ownerName: null }),
    ];
    const gaps = gapsOf(people).filter((g) => g.kind === 'key-person-no-owner');
    expect(gaps.map((g) => [g.personName, g.severity])).toEqual([
      ['dm', 3],
      ['hi', 2],
    ]);
  });
});

describe('stale-contact', () => {
  it('exactly staleDays ago is fresh; one day more is stale, with the days', () => {
    const fresh = person({ name: 'fresh', influence: 'high', lastContact: '2026-05-01' }); // 60 days
    const stale = person({ name: 'stale', influence: 'high', lastContact: '2026-04-30' }); // 61 days
    const gaps = gapsOf([fresh, stale]);
    expect(gaps).toEqual([expect.objectContaining({ kind: 'stale-contact', personName: 'stale', days: 61, severity: 1 })]);
    expect(isStale('2026-05-01', today, 60)).toBe(false);
    expect(isStale('2026-04-30', today, 60)).toBe(true);
  });

  it('never contacted is stale with days null; deciders are 2, influence-only people 1', () => {
    const people = [
      person({ name: 'dm', roles: ['economic-buyer', 'coach'], attitude: 2, lastContact: null }),
      person({ name: 'hi', influence: 'high', lastContact: null }),
      person({ name: 'mid', influence: 'medium', lastContact: null }),
    ];
    expect(gapsOf(people).map((g) => [g.kind, g.personName, g.days, g.severity])).toEqual([
      ['stale-contact', 'dm', null, 2],
      ['stale-contact', 'hi', null, 1],
    ]);
  });

  it('staleDays is honoured and a contact dated after today is not stale', () => {
    const p = person({ influence: 'high', lastContact: '2026-06-20' }); // 10 days
    expect(gapsOf([p], { today, staleDays: 9 }).map((g) => g.days)).toEqual([10]);
    expect(gapsOf([p], { today, staleDays: 10 })).toEqual([]);
    expect(gapsOf([person({ influence: 'high', lastContact: '2026-07-15' })])).toEqual([]);
  });

  it('counts days across a year boundary', () => {
    expect(gapsOf([person({ influence: 'high', lastContact: '2025-12-31' })], { today: '2026-03-02', staleDays: 30 })[0]!.days).toBe(61);
  });
});

describe('level-uncovered', () => {
  it('a level with people but nobody friendly or better; top and base 3, middle 2', () => {
    const people = [
      person({ level: 'top', strength: 'acquainted' }),
      person({ level: 'middle', strength: 'none' }),
      person({ level: 'base', strength: 'acquainted' }),
    ];
    const gaps = gapsOf(people);
    expect(gaps.map((g) => [g.kind, g.level, g.severity, g.personId])).toEqual([
      ['level-uncovered', 'top', 3, null],
      ['level-uncovered', 'base', 3, null],
      ['level-uncovered', 'middle', 2, null],
    ]);
  });

  it('one friendly person covers the level; an empty level and people without a level are no gap', () => {
    const people = [
      person({ level: 'top', strength: 'none' }),
      person({ level: 'top', strength: 'friendly' }),
      person({ level: null, strength: 'none' }),
      person({ level: 'middle', strength: 'advocate' }),
    ];
    expect(gapsOf(people)).toEqual([]);
  });
});

describe('no-coach', () => {
  it('raised once when nobody holds coach, severity 2', () => {
    const gaps = gapsOf([person({ roles: ['user'] }), person({ roles: [] })]);
    expect(gaps).toEqual([{ kind: 'no-coach', personId: null, personName: null, level: null, days: null, roles: [], severity: 2 }]);
  });
});

describe('ordering', () => {
  it('severity first, then map-wide gaps, then names in Chinese (pinyin) order, then kind', () => {
    const people = [
      person({ name: '赵六', roles: ['decision-maker'], attitude: 0, ownerId: null, ownerName: null, level: 'top' }), // not a supporter 2, no owner 3
      person({ name: '王伟', roles: ['veto-holder'], attitude: 0, level: 'top' }), // not a supporter 3 (veto)
      person({ name: '李娜', influence: 'high', ownerId: null, ownerName: null, lastContact: null, roles: ['user'], level: 'base', strength: 'none' }), // no owner 2, stale 1; base uncovered
      person({ name: '陈静', roles: ['economic-buyer'], attitude: -2, lastContact: '2026-01-01', level: 'top' }), // not a supporter 3, stale 2
    ];
    const gaps = gapsOf(people);
    expect(kinds(gaps)).toEqual([
      'level-uncovered:base',
      'decider-not-supporter:陈静', // chen
      'decider-not-supporter:王伟', // wang
      'key-person-no-owner:赵六', // zhao
      'no-coach:',
      'stale-contact:陈静', // chen
      'key-person-no-owner:李娜', // li
      'decider-not-supporter:赵六', // zhao
      'stale-contact:李娜',
    ]);
    // the order does not depend on the input order
    expect(kinds(gapsOf([...people].reverse()))).toEqual(kinds(gaps));
  });
});

describe('level summary', () => {
  it('counts people, covered and attitudes per level, with a no-level row only when needed', () => {
    const people = [
      person({ level: 'top', attitude: 2, strength: 'friendly' }),
      person({ level: 'top', attitude: 1, strength: 'acquainted' }),
      person({ level: 'top', attitude: 0, strength: 'none' }),
      person({ level: 'top', attitude: -1, strength: 'advocate' }),
      person({ level: 'top', attitude: -2, strength: 'trusted' }),
      person({ level: 'top', attitude: null, strength: 'none' }),
      person({ level: 'base', attitude: null, strength: 'none' }),
    ];
    const r = analyseCoverage(people, opts);
    expect(r.levels).toEqual([
      { level: 'top', people: 6, covered: 3, supporters: 2, neutral: 1, opponents: 2, unknown: 1 },
      { level: 'middle', people: 0, covered: 0, supporters: 0, neutral: 0, opponents: 0, unknown: 0 },
      { level: 'base', people: 1, covered: 0, supporters: 0, neutral: 0, opponents: 0, unknown: 1 },
    ]);
    const withNull = analyseCoverage([...people, person({ level: null, attitude: 0, strength: 'trusted' })], opts);
    expect(withNull.levels.map((l) => l.level)).toEqual(['top', 'middle', 'base', null]);
    expect(withNull.levels[3]).toEqual({ level: null, people: 1, covered: 1, supporters: 0, neutral: 1, opponents: 0, unknown: 0 });
  });
});

describe('matrix', () => {
  it('roles in BUYING_ROLES order, owners by name then "no owner", strength counts per cell', () => {
    const people = [
      person({ roles: ['user', 'decision-maker'], ownerId: 7, ownerName: '王五', strength: 'trusted' }),
      person({ roles: ['user'], ownerId: 3, ownerName: '李四', strength: 'none' }),
      person({ roles: ['user'], ownerId: 3, ownerName: '李四', strength: 'none' }),
      person({ roles: ['decision-maker'], ownerId: null, ownerName: null, strength: 'acquainted' }),
      person({ roles: [], ownerId: 9, ownerName: '艾伦', strength: 'advocate' }),
    ];
    const { matrix } = analyseCoverage(people, opts);
    expect(matrix.roles).toEqual(['decision-maker', 'user']);
    // 艾 ai < 李 li < 王 wang
    expect(matrix.owners).toEqual([
      { id: 9, name: '艾伦' },
      { id: 3, name: '李四' },
      { id: 7, name: '王五' },
      { id: null, name: null },
    ]);
    const z = { none: 0, acquainted: 0, friendly: 0, trusted: 0, advocate: 0 };
    expect(matrix.cells).toEqual([
      [z, z, { ...z, trusted: 1 }, { ...z, acquainted: 1 }],
      [z, { ...z, none: 2 }, { ...z, trusted: 1 }, z],
    ]);
  });

  it('no "no owner" column when everyone is owned', () => {
    const { matrix } = analyseCoverage([person({ ownerId: 2, ownerName: 'B' }), person({ ownerId: 1, ownerName: 'A' })], opts);
    expect(matrix.owners).toEqual([
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ]);
  });
});

describe('speed', () => {
  it('500 people: every gap found (its speed: npm run bench)', () => {
    const people: MapPerson[] = Array.from({ length: 500 }, (_, i) => ({
      id: i + 1,
      name: `人员${i}`,
      title: '',
      department: '',
      level: LEVELS[i % 3]!,
      roles: [BUYING_ROLES[i % 9]!, BUYING_ROLES[(i * 7) % 9]!],
      influence: INFLUENCES[i % 3]!,
      attitude: ([-2, -1, 0, 1, 2, null] as const)[i % 6]!,
      strength: STRENGTHS[i % 5]!,
      ownerId: i % 11 === 0 ? null : (i % 12) + 1,
      ownerName: i % 11 === 0 ? null : `负责人${i % 12}`,
      lastContact: i % 4 === 0 ? null : '2026-03-01',
    }));
    const r = analyseCoverage(people, opts);
    expect(r.gaps.length).toBeGreaterThan(100);
  });
});

describe('gap reasons in words', () => {
  const gap = (g: Partial<CoverageGap>): CoverageGap => ({ kind: 'no-coach', personId: null, personName: null, level: null, days: null, roles: [], severity: 2, ...g });

  it('names the person and their roles (without bracketed explanations), in both languages', () => {
    const g = gap({ kind: 'decider-not-supporter', personId: 1, personName: '王伟', roles: ['economic-buyer', 'coach'] });
    expect(gapReason(g, 'zh-CN')).toBe('王伟（经济决策者/预算负责人、内线）尚未表态支持我们');
    expect(gapReason(g, 'en')).toBe('王伟 (Economic buyer / budget owner, Coach) is not a supporter yet');
    expect(gapReason(g, 'zh-CN', -2)).toBe('王伟（经济决策者/预算负责人、内线）对我们持反对或怀疑态度');
    expect(gapReason(g, 'zh-CN', null)).toBe('王伟（经济决策者/预算负责人、内线）的态度还不清楚');
    expect(gapReason(g, 'zh-CN', 0)).toBe('王伟（经济决策者/预算负责人、内线）尚未表态支持我们');
  });

  it('days, never, levels, no roles, no coach', () => {
    expect(gapReason(gap({ kind: 'stale-contact', personName: 'Li Na', roles: ['user'], days: 75 }), 'en')).toBe('No contact with Li Na (User) for 75 days');
    expect(gapReason(gap({ kind: 'stale-contact', personName: '李娜', roles: [], days: null }), 'zh-CN')).toBe('从未联系过李娜（影响力高）');
    expect(gapReason(gap({ kind: 'key-person-no-owner', personName: '李娜', roles: [] }), 'en')).toBe('李娜 (high influence) is a key person and nobody on our side owns the relationship');
    expect(gapReason(gap({ kind: 'level-uncovered', level: 'base' }), 'zh-CN')).toBe('基层没有一位关系达到“友好”及以上的人');
    expect(gapReason(gap({ kind: 'level-uncovered', level: 'top' }), 'en')).toBe('Top management: nobody at relationship strength friendly or better');
    expect(gapReason(gap({}), 'zh-CN')).toBe('图中还没有内线（教练）：没人为我们提供内部信息');
  });

  it('labels', () => {
    expect(rolesText(['decision-maker', 'outside-party'], 'zh-CN')).toBe('决策者、外部机构（如招标代理）');
    expect(rolesText(['decision-maker', 'outside-party'], 'en', 'short')).toBe('Decider, Outside');
    expect(levelText(null, 'zh-CN')).toBe('未定层级');
    expect(attitudeText(-1, 'zh-CN')).toBe('有疑虑');
    expect(attitudeText(null, 'en')).toBe('Attitude unknown');
  });
});

describe('evaluator-opposed (issue 11)', () => {
  const evaluator = (p: Partial<MapPerson> = {}) => person({ roles: ['technical-evaluator'], influence: 'high', attitude: -1, ...p });

  it('a technical evaluator of high influence who is sceptical or opposed is a critical gap', () => {
    for (const attitude of [-1, -2] as const) {
      const p = evaluator({ attitude });
      const gaps = gapsOf([p]).filter((g) => g.kind === 'evaluator-opposed');
      expect(gaps).toEqual([{ kind: 'evaluator-opposed', personId: p.id, personName: p.name, level: 'middle', days: null, roles: ['technical-evaluator'], severity: 3 }]);
    }
  });

  it('not when neutral, for us or unknown, nor with less influence', () => {
    for (const p of [evaluator({ attitude: 0 }), evaluator({ attitude: 1 }), evaluator({ attitude: null }), evaluator({ influence: 'medium' }), evaluator({ influence: null })]) {
      expect(gapsOf([p, person()]).some((g) => g.kind === 'evaluator-opposed')).toBe(false);
    }
  });

  it('one gap per cause: an evaluator who also decides has the decider gap', () => {
    const p = evaluator({ roles: ['technical-evaluator', 'decision-maker'] });
    expect(kinds(gapsOf([p, person()])).filter((k) => k.startsWith(p.name)).length).toBe(0);
    expect(gapsOf([p, person()]).map((g) => g.kind)).toEqual(['decider-not-supporter']);
  });

  it('has a reason in both languages that names the person', () => {
    const p = evaluator({ name: '刘工' });
    const gap = gapsOf([p]).find((g) => g.kind === 'evaluator-opposed')!;
    expect(gapReason(gap, 'zh-CN', p.attitude)).toBe('刘工（技术评审专家）影响力高，却对我们持反对或怀疑态度：技术评分可能失分');
    expect(gapReason(gap, 'en', p.attitude)).toBe('刘工 (Technical evaluator) has high influence and is opposed to us or sceptical: the technical score is at risk');
  });
});
