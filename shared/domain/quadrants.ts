/**
 * Portfolio matrices (domain.md, "Portfolio models: the quadrant board"). A matrix has two axes and
 * four quadrants; data may suggest a quadrant, but the director's placement is what counts, and every
 * change of placement is a move with a time, a person and a reason.
 */
import type { Importance, Potential, Urgency } from './enums';

/** Where a quadrant sits: top-left, top-right, bottom-left, bottom-right (x grows right, y up). */
export const QUADRANT_POSITIONS = ['tl', 'tr', 'bl', 'br'] as const;
export type QuadrantPosition = (typeof QUADRANT_POSITIONS)[number];

export interface QuadrantDef {
  key: string;
  position: QuadrantPosition;
  nameZh: string;
  nameEn: string;
  /** A CSS colour for the quadrant's background tint. */
  color: string;
  treatmentZh: string;
  treatmentEn: string;
}

/** How a matrix suggests a quadrant from an account's data. */
export type SuggestRule =
  | { kind: 'none' }
  /** x: this year's revenue against a threshold (minor units); y: growth potential at or above a level. */
  | { kind: 'value-potential'; revenueThreshold: number; potentialAtLeast: Potential }
  /** x: urgency at or above a level; y: importance. */
  | { kind: 'importance-urgency'; urgentAtLeast: Urgency };

export interface MatrixDef {
  key: string;
  nameZh: string;
  nameEn: string;
  xLabelZh: string;
  xLabelEn: string;
  yLabelZh: string;
  yLabelEn: string;
  quadrants: QuadrantDef[];
  suggest: SuggestRule;
}

export const BUILT_IN_MATRICES: MatrixDef[] = [
  {
    key: 'value-potential',
    nameZh: '价值 × 潜力',
    nameEn: 'Value × potential',
    xLabelZh: '当前价值',
    xLabelEn: 'Current value',
    yLabelZh: '未来潜力',
    yLabelEn: 'Future potential',
    // The seed's KAM model (domain.md, "Portfolio models"): 明星 is high potential whatever the
    // value today, so both top corners are invested in; 野猫 is not a corner but a verdict on profit
    // and reputation (wildcatVerdict below). No quadrant of this matrix tells the director to cut.
    quadrants: [
      { key: 'rising-star', position: 'tl', nameZh: '潜力明星', nameEn: 'Rising star', color: '#e4f3ea', treatmentZh: '当前价值不高、潜力大（可能刚起步）：加大投入，深入了解客户，培养成明星。', treatmentEn: 'Little value today, large potential (possibly just starting): invest, learn everything about them, grow them into a star.' },
      { key: 'star', position: 'tr', nameZh: '明星', nameEn: 'Star', color: '#e3ecfb', treatmentZh: '价值高、增长快、潜力大：重点投入，深入了解客户。', treatmentEn: 'High value, growing fast, large potential: invest and learn everything about them.' },
      { key: 'dog', position: 'bl', nameZh: '瘦狗', nameEn: 'Dog', color: '#eceff3', treatmentZh: '价值和潜力都有限：控制投入，帮助其改善。', treatmentEn: 'Little value or potential: control spending, help them improve.' },
      { key: 'cash-cow', position: 'br', nameZh: '金牛', nameEn: 'Cash cow', color: '#fdf1d6', treatmentZh: '长期稳定、规模大、增长放缓：巩固并深耕。', treatmentEn: 'Long, stable and large, growth slowing: keep and deepen.' },
    ],
    suggest: { kind: 'value-potential', revenueThreshold: 2_000_000_00, potentialAtLeast: 'high' },
  },
  {
    key: 'importance-urgency',
    nameZh: '重要性 × 紧急度',
    nameEn: 'Importance × urgency',
    xLabelZh: '紧急程度',
    xLabelEn: 'Urgency',
    yLabelZh: '重要性',
    yLabelEn: 'Importance',
    quadrants: [
      { key: 'plan', position: 'tl', nameZh: '重要不紧急', nameEn: 'Important, not urgent', color: '#e3ecfb', treatmentZh: '排进计划，本月内推进。', treatmentEn: 'Plan it; move it this month.' },
      { key: 'now', position: 'tr', nameZh: '重要且紧急', nameEn: 'Important and urgent', color: '#fde8e8', treatmentZh: '本周亲自处理。', treatmentEn: 'Handle it yourself this week.' },
      { key: 'later', position: 'bl', nameZh: '不重要不紧急', nameEn: 'Neither', color: '#eceff3', treatmentZh: '按常规节奏跟进。', treatmentEn: 'Follow the normal cadence.' },
      { key: 'delegate', position: 'br', nameZh: '紧急不重要', nameEn: 'Urgent, not important', color: '#fdf1d6', treatmentZh: '交给团队成员尽快处理。', treatmentEn: 'Delegate to the team, quickly.' },
    ],
    suggest: { kind: 'importance-urgency', urgentAtLeast: 'soon' },
  },
];

const POTENTIAL_RANK: Record<Potential, number> = { low: 0, medium: 1, high: 2 };
const URGENCY_RANK: Record<Urgency, number> = { slow: 0, 'not-urgent': 1, soon: 2, urgent: 3 };

export interface SuggestInput {
  revenueThisYear: number | null;
  growthPotential: Potential | null;
  importance: Importance | null;
  urgency: Urgency | null;
}

/** The quadrant a matrix suggests for an account, or null when its data does not say. */
export function suggestQuadrant(m: Pick<MatrixDef, 'quadrants' | 'suggest'>, a: SuggestInput): string | null {
  const at = (position: QuadrantPosition) => m.quadrants.find((q) => q.position === position)?.key ?? null;
  const corner = (right: boolean, top: boolean) => at(top ? (right ? 'tr' : 'tl') : right ? 'br' : 'bl');
  switch (m.suggest.kind) {
    case 'value-potential':
      if (a.revenueThisYear === null || a.growthPotential === null) return null;
      return corner(a.revenueThisYear >= m.suggest.revenueThreshold, POTENTIAL_RANK[a.growthPotential] >= POTENTIAL_RANK[m.suggest.potentialAtLeast]);
    case 'importance-urgency':
      if (a.importance === null || a.urgency === null) return null;
      return corner(URGENCY_RANK[a.urgency] >= URGENCY_RANK[m.suggest.urgentAtLeast], a.importance === 'important');
    default:
      return null;
  }
}

/**
 * 野猫 (wildcat) as the seed defines it: an account that makes us no money, sells badly and harms
 * the brand - a verdict on profit and reputation, not a corner of value x potential. From the data:
 * its profit contribution does not cover its cost to serve. Never for an account of high potential
 * (domain.md: a high-potential account is never told to be cut), nor when the potential is unknown.
 */
export interface VerdictInput {
  growthPotential: Potential | null;
  /** Yearly profit contribution (利润贡献, minor units), or null when not known. */
  profitContribution: number | null;
  /** Yearly cost to serve (服务成本, minor units), or null when not known. */
  costToServe: number | null;
}

export type Verdict = 'wildcat';

export function wildcatVerdict(a: VerdictInput): Verdict | null {
  if (a.growthPotential === null || a.growthPotential === 'high') return null;
  if (a.profitContribution === null || a.costToServe === null) return null;
  return a.profitContribution < a.costToServe ? 'wildcat' : null;
}

/** The verdict a matrix gives: only the seed's value x potential model knows 野猫. */
export function matrixVerdict(m: Pick<MatrixDef, 'suggest'>, a: VerdictInput): Verdict | null {
  return m.suggest.kind === 'value-potential' ? wildcatVerdict(a) : null;
}

/**
 * Who and why of the moves migration 0008 recorded when value x potential changed model (it writes
 * these literals itself; the reason is English, for the log and the CLI; screens translate it).
 */
export const MODEL_CHANGE_BY = 'system';
export function isModelChange(m: { by: string; reason: string }): boolean {
  return m.by === MODEL_CHANGE_BY && m.reason.startsWith('model changed:');
}

export interface Move {
  accountId: number;
  /** Quadrant key before and after; null means the tray (unplaced). */
  from: string | null;
  to: string | null;
  /** ISO timestamp. */
  at: string;
}

/**
 * Placements as of a moment: each account's last move at or before `asOf` (ISO timestamp compared as
 * text, which orders correctly). Accounts with no move by then are absent (in the tray). A quadrant
 * retired since (`replacedBy`: old key -> new key) reads as the one that replaced it.
 */
export function placementsAsOf(moves: readonly Move[], asOf: string, replacedBy?: ReadonlyMap<string, string>): Map<number, string> {
  const last = new Map<number, Move>();
  for (const m of moves) {
    if (m.at > asOf) continue;
    const prev = last.get(m.accountId);
    if (!prev || prev.at <= m.at) last.set(m.accountId, m);
  }
  const out = new Map<number, string>();
  for (const [id, m] of last) if (m.to !== null) out.set(id, replacedBy?.get(m.to) ?? m.to);
  return out;
}

export interface Change {
  accountId: number;
  from: string | null;
  to: string | null;
}

/** What changed between two placements (the forum's question): accounts whose quadrant differs. */
export function changesBetween(before: ReadonlyMap<number, string>, after: ReadonlyMap<number, string>): Change[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  const out: Change[] = [];
  for (const id of ids) {
    const from = before.get(id) ?? null;
    const to = after.get(id) ?? null;
    if (from !== to) out.push({ accountId: id, from, to });
  }
  return out.sort((a, b) => a.accountId - b.accountId);
}

export interface QuadrantFigure {
  key: string;
  accounts: number;
  revenue: number;
  /** Share of the board's revenue, 0..1. */
  share: number;
}

/** Per quadrant: number of accounts, revenue and share of the placed revenue. */
export function quadrantFigures(quadrantKeys: readonly string[], placed: readonly { quadrant: string; revenue: number }[]): QuadrantFigure[] {
  const total = placed.reduce((s, p) => s + Math.max(0, p.revenue), 0);
  return quadrantKeys.map((key) => {
    const inQ = placed.filter((p) => p.quadrant === key);
    const revenue = inQ.reduce((s, p) => s + Math.max(0, p.revenue), 0);
    return { key, accounts: inQ.length, revenue, share: total === 0 ? 0 : revenue / total };
  });
}
