/**
 * The coverage analysis's result: the gaps that lose tenders, a per-level summary and the
 * roles x our owners x strength matrix. Computed by analyseCoverage (coverage.ts).
 */
import type { BuyingRole, Level, Strength } from './stakeholders';

export const GAP_KINDS = [
  /** A decision maker, economic buyer or veto holder whose attitude is not positive (or unknown). */
  'decider-not-supporter',
  /** A technical evaluator with high influence who is opposed or sceptical (attitude <= -1). */
  'evaluator-opposed',
  /** High influence or a deciding role, and nobody on our side owns the relationship. */
  'key-person-no-owner',
  /** A key person not contacted within `staleDays` (or never). */
  'stale-contact',
  /** A whole level (top / middle / base) with people but nobody at strength friendly or better. */
  'level-uncovered',
  /** Nobody on the map holds the coach role. */
  'no-coach',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface CoverageGap {
  kind: GapKind;
  /** The person the gap is about; null for level-uncovered and no-coach. */
  personId: number | null;
  personName: string | null;
  /** For level-uncovered (and the person's level otherwise, when known). */
  level: Level | null;
  /** For stale-contact: days since the last contact; null when never contacted. */
  days: number | null;
  /** The person's roles, for the reason text. */
  roles: BuyingRole[];
  /** 3 most severe .. 1; the list is sorted by severity, then name. */
  severity: 1 | 2 | 3;
}

export interface LevelSummary {
  level: Level | null;
  people: number;
  /** Strength friendly or better. */
  covered: number;
  supporters: number;
  neutral: number;
  opponents: number;
  unknown: number;
}

export interface CoverageMatrix {
  roles: BuyingRole[];
  /** Our owners who appear on the map, then "no owner" (id null) if anyone lacks one. */
  owners: { id: number | null; name: string | null }[];
  /** cells[roleIndex][ownerIndex]: how many people of that role that owner covers, per strength. */
  cells: Record<Strength, number>[][];
}

export interface CoverageReport {
  today: string;
  staleDays: number;
  people: number;
  gaps: CoverageGap[];
  levels: LevelSummary[];
  matrix: CoverageMatrix;
}
