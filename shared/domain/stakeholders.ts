/**
 * The buyer's decision-making unit (see ../shared/domain.md, "The buyer's decision-making unit"):
 * the closed vocabularies of the stakeholder map and the shape of a person on it. Keys are stable
 * identifiers stored in the database; labels live in the i18n catalogue (stakeholders.*).
 */

/** Buying roles; one person may hold several. */
export const BUYING_ROLES = [
  'decision-maker', // 决策者
  'economic-buyer', // owns the budget
  'technical-evaluator', // 技术评审专家
  'user', // 使用者
  'influencer', // 影响者
  'coach', // 内线
  'gatekeeper', // 采购把关
  'veto-holder', // 否决者
  'outside-party', // 招标代理 and other outside parties
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** Roles that decide: a person holding one is a key person whatever their influence. */
export const DECIDING_ROLES: readonly BuyingRole[] = ['decision-maker', 'economic-buyer', 'veto-holder'];

export const LEVELS = ['top', 'middle', 'base'] as const;
export type Level = (typeof LEVELS)[number];

export const INFLUENCES = ['high', 'medium', 'low'] as const;
export type Influence = (typeof INFLUENCES)[number];

/** Attitude to us: -2 opponent, -1 sceptic, 0 neutral, +1 favourable, +2 supporter. */
export const ATTITUDES = [-2, -1, 0, 1, 2] as const;
export type Attitude = (typeof ATTITUDES)[number];

/** Relationship strength, weakest first. "Covered" means friendly or better. */
export const STRENGTHS = ['none', 'acquainted', 'friendly', 'trusted', 'advocate'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const COVERED_FROM: Strength = 'friendly';

export function strengthRank(s: Strength): number {
  return STRENGTHS.indexOf(s);
}
export function isCovered(s: Strength): boolean {
  return strengthRank(s) >= strengthRank(COVERED_FROM);
}

/** Influence lines: weak, medium, strong. */
export const LINE_STRENGTHS = [1, 2, 3] as const;
export type LineStrength = (typeof LINE_STRENGTHS)[number];

/** Days without contact after which a key person counts as stale (editable per call). */
export const DEFAULT_STALE_DAYS = 60;

/** A person on the map as the domain sees it (the API's Stakeholder carries more). */
export interface MapPerson {
  id: number;
  name: string;
  title: string;
  department: string;
  level: Level | null;
  /** The roles that count on this map: the account roles, or the bid's own on a tender map. */
  roles: BuyingRole[];
  influence: Influence | null;
  /** null: not known yet. */
  attitude: Attitude | null;
  strength: Strength;
  ownerId: number | null;
  ownerName: string | null;
  /** The later of the recorded date and the latest interaction naming the person. */
  lastContact: string | null;
}

/** reports: `fromId` reports to `toId` (dotted: a dotted-line manager). influence: `fromId` sways `toId`. */
export interface MapLine {
  id: number;
  kind: 'reports' | 'influence';
  fromId: number;
  toId: number;
  dotted: boolean;
  strength: LineStrength;
}
