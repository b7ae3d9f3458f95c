/**
 * Coverage analysis of a stakeholder map (domain.md, "The buyer's decision-making unit"): the gaps
 * that lose tenders, a per-level summary and the roles x our owners x strength matrix. Pure; used by
 * the mapper screen, the CLI, the printed map and the plan.
 *
 * Rules, and the severities chosen (3 most severe):
 * - decider-not-supporter: a decision maker, economic buyer or veto holder whose attitude is below +1
 *   or unknown. 3 when opposed (<= -1) or a veto holder (a veto holder who is not for us can stop the
 *   deal alone), else 2.
 * - evaluator-opposed: a technical evaluator with high influence whose attitude is -1 or below
 *   (sceptic or opponent). 3: they score the technical part of a bid and can sink it on their own
 *   judgement. Someone who also decides has the decider gap instead (one gap per cause).
 * - key-person-no-owner: a key person (high influence or a deciding role) nobody on our side owns.
 *   3 for deciders, 2 for people who are key by influence only.
 * - stale-contact: a key person not contacted for more than `staleDays` whole days, or never.
 *   Exactly `staleDays` days ago is still fresh. 2 for deciders; 1 for people key by influence only
 *   (they matter, but a lapsed decider is the louder alarm).
 * - level-uncovered: a level that has people but nobody at strength friendly or better. Top and base
 *   are 3 (covering only top management is the classic mistake; base-level users decide whether the
 *   product is used and bought again), middle 2. People without a level do not form a level.
 * - no-coach: nobody on a non-empty map holds the coach role; 2.
 *
 * Order: severity (desc), then map-wide gaps (level, coach) before person gaps, then the person's
 * name in Chinese collation (pinyin), then the kind's order in GAP_KINDS, level order and id, so the
 * list is the same on every run.
 */
import type { CoverageGap, CoverageMatrix, CoverageReport, GapKind, LevelSummary } from './coverage.types';
import { GAP_KINDS } from './coverage.types';
import { daysBetween } from './dates';
import {
  BUYING_ROLES,
  DECIDING_ROLES,
  LEVELS,
  isCovered,
  type BuyingRole,
  type Level,
  type MapPerson,
  type Strength,
} from './stakeholders';

export interface CoverageOptions {
  /** 'YYYY-MM-DD' */
  today: string;
  /** A key person counts as stale after this many whole days without contact. */
  staleDays: number;
}

/** Chinese collation (pinyin order for Han, the usual order for Latin); one instance, it is costly to make. */
const zh = new Intl.Collator('zh-CN');

const LEVEL_SEVERITY: Record<Level, 1 | 2 | 3> = { top: 3, middle: 2, base: 3 };

export function isDecider(p: Pick<MapPerson, 'roles'>): boolean {
  return p.roles.some((r) => DECIDING_ROLES.includes(r));
}

/** High influence or a deciding role. */
export function isKeyPerson(p: Pick<MapPerson, 'roles' | 'influence'>): boolean {
  return p.influence === 'high' || isDecider(p);
}

/** A technical evaluator of high influence who is sceptical or opposed (attitude -1 or -2). */
export function isOpposedEvaluator(p: Pick<MapPerson, 'roles' | 'influence' | 'attitude'>): boolean {
  return p.roles.includes('technical-evaluator') && p.influence === 'high' && p.attitude !== null && p.attitude <= -1;
}

/** Whole days since the last contact (negative when dated after today); null when never contacted. */
export function daysSinceContact(lastContact: string | null, today: string): number | null {
  return lastContact === null ? null : daysBetween(lastContact, today);
}

/** Never contacted, or more than staleDays whole days ago. */
export function isStale(lastContact: string | null, today: string, staleDays: number): boolean {
  const days = daysSinceContact(lastContact, today);
  return days === null || days > staleDays;
}

function emptyStrengths(): Record<Strength, number> {
  return { none: 0, acquainted: 0, friendly: 0, trusted: 0, advocate: 0 };
}

function personGap(p: MapPerson, kind: GapKind, severity: 1 | 2 | 3, days: number | null = null): CoverageGap {
  return { kind, personId: p.id, personName: p.name, level: p.level, days, roles: [...p.roles], severity };
}

function compareGaps(a: CoverageGap, b: CoverageGap): number {
  if (a.severity !== b.severity) return b.severity - a.severity;
  const aWide = a.personName === null;
  const bWide = b.personName === null;
  if (aWide !== bWide) return aWide ? -1 : 1;
  if (a.personName !== null && b.personName !== null) {
    const byName = zh.compare(a.personName, b.personName);
    if (byName !== 0) return byName;
  }
  const byKind = GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  const levelIndex = (l: Level | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));
  const byLevel = levelIndex(a.level) - levelIndex(b.level);
  if (byLevel !== 0) return byLevel;
  return (a.personId ?? 0) - (b.personId ?? 0);
}

function levelSummaries(people: readonly MapPerson[]): LevelSummary[] {
  const blank = (level: Level | null): LevelSummary => ({ level, people: 0, covered: 0, supporters: 0, neutral: 0, opponents: 0, unknown: 0 });
  const byLevel = new Map<Level | null, LevelSummary>(LEVELS.map((l) => [l, blank(l)]));
  for (const p of people) {
    let s = byLevel.get(p.level);
    if (!s) {
      s = blank(null);
      byLevel.set(null, s);
    }
    s.people++;
    if (isCovered(p.strength)) s.covered++;
    if (p.attitude === null) s.unknown++;
    else if (p.attitude >= 1) s.supporters++;
    else if (p.attitude <= -1) s.opponents++;
    else s.neutral++;
  }
  const out = LEVELS.map((l) => byLevel.get(l)!);
  const none = byLevel.get(null);
  if (none) out.push(none);
  return out;
}

function coverageMatrix(people: readonly MapPerson[]): CoverageMatrix {
  const present = new Set<BuyingRole>();
  const owners = new Map<number, string>();
  let anyUnowned = false;
  for (const p of people) {
    for (const r of p.roles) present.add(r);
    if (p.ownerId === null) anyUnowned = true;
    else if (!owners.has(p.ownerId)) owners.set(p.ownerId, p.ownerName ?? '');
  }
  const roles = BUYING_ROLES.filter((r) => present.has(r));
  const ownerList: CoverageMatrix['owners'] = [...owners]
    .sort(([ia, na], [ib, nb]) => zh.compare(na, nb) || ia - ib)
    .map(([id, name]) => ({ id, name }));
  if (anyUnowned) ownerList.push({ id: null, name: null });

  const roleIndex = new Map(roles.map((r, i) => [r, i]));
  const ownerIndex = new Map(ownerList.map((o, i) => [o.id, i]));
  const cells = roles.map(() => ownerList.map(() => emptyStrengths()));
  for (const p of people) {
    const o = ownerIndex.get(p.ownerId)!;
    // A person listing the same role twice still counts once in that row.
    for (const r of new Set(p.roles)) cells[roleIndex.get(r)!]![o]![p.strength]++;
  }
  return { roles, owners: ownerList, cells };
}

export function analyseCoverage(people: readonly MapPerson[], opts: CoverageOptions): CoverageReport {
  const { today, staleDays } = opts;
  const gaps: CoverageGap[] = [];
  let anyCoach = false;

  for (const p of people) {
    if (p.roles.includes('coach')) anyCoach = true;
    const decider = isDecider(p);
    const key = decider || p.influence === 'high';
    if (decider && (p.attitude === null || p.attitude < 1)) {
      const severe = (p.attitude !== null && p.attitude <= -1) || p.roles.includes('veto-holder');
      gaps.push(personGap(p, 'decider-not-supporter', severe ? 3 : 2));
    } else if (isOpposedEvaluator(p)) {
      gaps.push(personGap(p, 'evaluator-opposed', 3));
    }
    if (!key) continue;
    if (p.ownerId === null) gaps.push(personGap(p, 'key-person-no-owner', decider ? 3 : 2));
    const days = daysSinceContact(p.lastContact, today);
    if (days === null || days > staleDays) gaps.push(personGap(p, 'stale-contact', decider ? 2 : 1, days));
  }

  const levels = levelSummaries(people);
  for (const s of levels) {
    if (s.level !== null && s.people > 0 && s.covered === 0) {
      gaps.push({ kind: 'level-uncovered', personId: null, personName: null, level: s.level, days: null, roles: [], severity: LEVEL_SEVERITY[s.level] });
    }
  }
  if (people.length > 0 && !anyCoach) {
    gaps.push({ kind: 'no-coach', personId: null, personName: null, level: null, days: null, roles: [], severity: 2 });
  }
  gaps.sort(compareGaps);

  return { today, staleDays, people: people.length, gaps, levels, matrix: coverageMatrix(people) };
}
