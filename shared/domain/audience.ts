/**
 * One audience rule (architecture.md): everything that leaves the app - the plan PDF, the
 * stakeholder map (SVG, PDF, PNG), the forum deck and its presenting screen, the board export - and
 * the mapper's on-screen customer-safe mode is made for an audience, `internal` (our own people) or
 * `customer` (a customer may read it). What only we may see is declared once, here
 * (INTERNAL_ONLY), and the functions below take a document's data and an audience and return only
 * what that audience may see. Documents render what they are given: they draw from the filtered
 * data, so a value that is not in it cannot be printed.
 *
 * The customer audience sees no: attitudes and relationship strength, influence (weights and lines),
 * coach and veto roles, private notes (and the person's wins, interests and favoured competitor),
 * coverage gaps and stale marks, internal risks, margins and profit, wallet share, competitor
 * analysis, SWOT weaknesses and threats, quadrant names and treatments (placements and moves), other
 * customers' names and figures (the board, the all-customer Pareto), action costs and the investment
 * summary, churn and receivables, account health and its warnings - and nothing a plan marks as internal (a section or an item).
 * Some plan sections are on the list as a whole (SECTION_RULES): the competitor and investment
 * sections, and the text of the buying-centre section.
 *
 * The board export names every customer under its quadrant verdict: for a customer it is refused
 * (`board-internal-only`) rather than printed empty.
 */
import { AppError } from '../api/errors';
import type { Board } from '../api/board';
import type { PlanItem, PlanLiveData, PlanSection, PlanView } from '../api/plans';
import type { MapMember, SnapshotPersonChange, StakeholderMap } from '../api/stakeholders';
import type { CoverageReport } from './coverage.types';
import type { PlanItemData } from './plan';
import { BUYING_ROLES, type BuyingRole } from './stakeholders';

export const AUDIENCES = ['internal', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The wire's `safe` flag (kept for compatibility, and the CLI's `--safe`) as an audience. */
export function audienceOf(safe: boolean | undefined): Audience {
  return safe ? 'customer' : 'internal';
}

/**
 * What only the internal audience sees: the one declared list. The keys are stable; their words
 * are in the catalogues under `audience.internal.<key>` (the README lists them too).
 */
export const INTERNAL_ONLY = [
  /** A person's attitude to us (supporter ... opponent). */
  'attitude',
  /** Our relationship strength with a person. */
  'strength',
  /** A person's influence weight and the influence lines (who sways whom). */
  'influence',
  /** The coach (our inside contact) and veto-holder roles. */
  'coach-veto-roles',
  /** Private notes, and a person's personal and organisational wins and interests. */
  'private-notes',
  /** The competitor a person favours. */
  'favoured-competitor',
  /** Coverage gaps, per-level supporter counts and stale-contact marks. */
  'coverage-gaps',
  /** Risks marked internal. */
  'internal-risks',
  /** Margins and profit. */
  'margins',
  /** Our share of the customer's wallet (and targets for it). */
  'wallet-share',
  /** The competitor table and competitor analysis. */
  'competitor-analysis',
  /** SWOT weaknesses and threats. */
  'swot-weaknesses-threats',
  /** Quadrant names and treatments: placements, moves, the board. */
  'quadrants',
  /** Other customers' names and figures: the board, the all-customer Pareto. */
  'other-customers',
  /** What we spend: action costs and the investment summary. */
  'action-costs',
  /** Churn status, reason and note. */
  'churn',
  /** Receivables, days overdue, payment terms. */
  'receivables',
  /** Account health: the score, its trend and reasons, and the churn-risk warnings. */
  'health',
  /** Plan sections and items marked "internal only". */
  'marked-internal',
] as const;
export type InternalKey = (typeof INTERNAL_ONLY)[number];

/** Whether `audience` may see what `key` names. */
export function mayShow(audience: Audience, key: InternalKey): boolean {
  return audience === 'internal' || !INTERNAL_ONLY.includes(key);
}

/** Metric names that mean our share of the customer's wallet (objectives on the plan). */
const WALLET_SHARE = /wallet|钱包份额|钱包占有|采购份额|份额占比/i;
/** Metric names that mean margin or profit. */
const MARGIN = /margin|profit|毛利|利润/i;

export function isWalletShareMetric(metric: string): boolean {
  return WALLET_SHARE.test(metric);
}
export function isMarginMetric(metric: string): boolean {
  return MARGIN.test(metric);
}

// --- plans -------------------------------------------------------------------------------------

/** Whether a plan item is for `audience`'s eyes (customer: not marked internal, not on the list). */
export function itemForAudience(data: PlanItemData, audience: Audience): boolean {
  if (audience === 'internal') return true;
  if ('internal' in data && data.internal) return false;
  switch (data.kind) {
    case 'competitor':
      return false;
    case 'swot':
      return data.quadrant === 's' || data.quadrant === 'o';
    case 'objective':
      return !isWalletShareMetric(data.metric) && !isMarginMetric(data.metric);
    default:
      return true;
  }
}

/** A plan item's data as `audience` sees it (customer: an action without its cost). */
function itemDataForAudience(data: PlanItemData, audience: Audience): PlanItemData {
  if (audience === 'customer' && data.kind === 'action') return { ...data, cost: null };
  return data;
}

/**
 * Plan sections that are on the list whatever the plan says: the competitor section is the
 * competitor analysis and the investment section what we spend (the whole section is left out); the
 * buying-centre section's text is our reading of the buyer - attitudes (its text is left out, the
 * customer-safe map stays).
 */
export const SECTION_RULES: Partial<Record<PlanSection['section'], { key: InternalKey; whole: boolean }>> = {
  competitors: { key: 'competitor-analysis', whole: true },
  investment: { key: 'action-costs', whole: true },
  dmu: { key: 'attitude', whole: false },
};

/** Whether `audience` sees a plan section at all (a customer: not marked internal, not wholly on the list). */
export function sectionForAudience(s: Pick<PlanSection, 'section' | 'internal'>, audience: Audience): boolean {
  if (audience === 'internal') return true;
  const rule = SECTION_RULES[s.section];
  return !s.internal && !(rule?.whole && !mayShow(audience, rule.key));
}

/** Whether `audience` sees a plan section's text (a customer: not for the buying-centre section). */
export function sectionTextForAudience(s: Pick<PlanSection, 'section' | 'internal'>, audience: Audience): boolean {
  const rule = SECTION_RULES[s.section];
  return sectionForAudience(s, audience) && !(rule && !mayShow(audience, rule.key));
}

/** The live figures as `audience` sees them. */
export function liveForAudience(live: PlanLiveData, audience: Audience): PlanLiveData {
  if (audience === 'internal') return live;
  return {
    ...live,
    revenue: live.revenue.map((r) => ({ ...r, profit: null })),
    placements: [],
    moves: [],
    coverage: { people: live.coverage.people, gaps: 0, deciderGaps: 0, levels: [], topGaps: [] },
    churn: { status: 'active', reason: null, note: null, churnedOn: null },
    receivables: { outstanding: null, daysOverdue: null, paymentTerms: null },
    healthRisks: [],
  };
}

/**
 * The plan as `audience` sees it: for a customer, sections marked internal (and the competitor
 * analysis) have no text and no items; items marked internal or on the list are left out; actions
 * lose their cost; the live figures lose what liveForAudience takes away.
 */
export function planForAudience(view: PlanView, audience: Audience): PlanView {
  if (audience === 'internal') return view;
  const hidden = new Set(view.sections.filter((s) => !sectionForAudience(s, audience)).map((s) => s.section));
  return {
    ...view,
    sections: view.sections.map((s) => (sectionTextForAudience(s, audience) ? s : { ...s, html: '' })),
    items: view.items
      .filter((i: PlanItem) => !hidden.has(i.section) && itemForAudience(i.data, audience))
      .map((i) => ({ ...i, data: itemDataForAudience(i.data, audience) })),
    live: liveForAudience(view.live, audience),
  };
}

// --- stakeholder maps -----------------------------------------------------------------------------

const INTERNAL_ROLES: readonly BuyingRole[] = ['coach', 'veto-holder'];

/** A person's roles as `audience` sees them (customer: no coach, no veto holder). */
export function rolesForAudience(roles: readonly BuyingRole[], audience: Audience): BuyingRole[] {
  return audience === 'internal' ? [...roles] : roles.filter((r) => !INTERNAL_ROLES.includes(r));
}

/** A person as `audience` sees them: for a customer, names, titles, departments, levels, the other roles and our owner. */
export function memberForAudience<M extends MapMember>(m: M, audience: Audience): M {
  if (audience === 'internal') return m;
  return {
    ...m,
    roles: rolesForAudience(m.roles, audience),
    mapRoles: rolesForAudience(m.mapRoles, audience),
    influence: null,
    attitude: null,
    strength: 'none',
    favoursCompetitor: '',
    orgWins: '',
    personalWins: '',
    interests: '',
    notes: '',
  };
}

function emptyCoverage(c: CoverageReport): CoverageReport {
  return { today: c.today, staleDays: c.staleDays, people: c.people, gaps: [], levels: [], matrix: { roles: [], owners: [], cells: [] } };
}

/** The map as `audience` sees it: for a customer, people per memberForAudience, reporting lines only, no coverage findings. */
export function mapForAudience(map: StakeholderMap, audience: Audience): StakeholderMap {
  if (audience === 'internal') return map;
  return {
    ...map,
    members: map.members.map((m) => memberForAudience(m, audience)),
    lines: map.lines.filter((l) => l.kind === 'reports'),
    coverage: emptyCoverage(map.coverage),
  };
}

/** The list entry each changed field of a person is on (fields not listed are shown to everyone). */
const CHANGE_KEYS: Partial<Record<SnapshotPersonChange['field'], InternalKey>> = { attitude: 'attitude', strength: 'strength', influence: 'influence' };

/**
 * A change between two snapshots of a map as `audience` sees it, or null when it shows nothing the
 * audience may see (a customer: no attitude, strength or influence change; roles without the coach
 * and veto-holder roles, and no change at all when only those moved).
 */
export function snapshotChangeForAudience(c: SnapshotPersonChange, audience: Audience): SnapshotPersonChange | null {
  if (audience === 'internal') return c;
  const key = CHANGE_KEYS[c.field];
  if (key && !mayShow(audience, key)) return null;
  if (c.field !== 'roles') return c;
  const visible = (v: string | number | null) => {
    const roles = rolesForAudience(String(v ?? '').split(',').filter((r): r is BuyingRole => (BUYING_ROLES as readonly string[]).includes(r)), audience);
    return roles.length > 0 ? roles.join(',') : null;
  };
  const before = visible(c.before);
  const after = visible(c.after);
  return before === after ? null : { ...c, before, after };
}

// --- the board and the forum ----------------------------------------------------------------------

/** The board for `audience`: internal only (it names every customer under a quadrant verdict). */
export function boardForAudience(board: Board, audience: Audience): Board {
  if (audience === 'customer') {
    throw new AppError('board-internal-only', 'The portfolio board names other customers and our verdicts on them; it is internal only, there is no customer version.');
  }
  return board;
}

/**
 * What the forum deck may show of the whole portfolio: internal, the board and the Pareto of all
 * customers; customer, neither (a forum has customers in the room: each sees only the invited
 * accounts, and nothing comparative about others).
 */
export function portfolioForAudience<B, F>(portfolio: { board: B; figures: F }, audience: Audience): { board: B | null; figures: F | null } {
  return audience === 'internal' ? portfolio : { board: null, figures: null };
}
