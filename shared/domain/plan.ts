/**
 * The annual account plan (domain.md, "The annual account plan"): twelve sections of text, the
 * structured items that belong to some of them, the draft -> review -> approved workflow, and a pure
 * section-by-section comparison of two versions of a plan.
 *
 * Items are one discriminated union on `kind`; each kind lives in one section (SECTION_OF_KIND).
 * Money is integer minor units; dates are ISO `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';
import { multiLine, singleLine } from '../api/text';

/** The twelve sections, in the order planning practice asks for them. */
export const PLAN_SECTIONS = [
  'overview',
  'review',
  'competitors',
  'analysis',
  'objectives',
  'strategy',
  'dmu',
  'team',
  'actions',
  'investment',
  'risks',
  'measures',
] as const;
export type PlanSectionKey = (typeof PLAN_SECTIONS)[number];

/** draft -> review -> approved; review and approved can go back to draft. */
export const PLAN_STATUSES = ['draft', 'review', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ITEM_KINDS = ['objective', 'swot', 'competitor', 'team', 'action', 'risk', 'contact'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const ACTION_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OBJECTIVE_UNITS = ['money', 'percent', 'number'] as const;
export const SWOT_QUADRANTS = ['s', 'w', 'o', 't'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

/** Which section each kind of item belongs to. */
export const SECTION_OF_KIND: Record<PlanItemKind, PlanSectionKey> = {
  objective: 'objectives',
  swot: 'analysis',
  competitor: 'competitors',
  team: 'team',
  action: 'actions',
  risk: 'risks',
  contact: 'actions',
};

export function sectionOfKind(kind: PlanItemKind): PlanSectionKey {
  return SECTION_OF_KIND[kind];
}

/** Whether a plan may move from one status to another (the same status is not a move). */
export function canMoveStatus(from: PlanStatus, to: PlanStatus): boolean {
  if (from === 'draft') return to === 'review';
  if (from === 'review') return to === 'approved' || to === 'draft';
  return to === 'draft';
}

// --- item schemas ------------------------------------------------------------------------------

/** One line (names, metrics) and paragraphs (the editor's text areas): no control characters (api/text.ts). */
const text = singleLine;
const para = multiLine;
const id = z.number().int().positive();
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
/** A figure of an objective: minor units for money, basis points for percent, else a count. */
const figure = z.number().int().min(-1e15).max(1e15).nullable();
const minor = z.number().int().min(0).max(1e15);

export const objectiveSchema = z.strictObject({
  kind: z.literal('objective'),
  metric: text(200).min(1),
  unit: z.enum(OBJECTIVE_UNITS),
  baseline: figure.default(null),
  target: figure.default(null),
  /** The target split by quarter (q1..q4); null: not split. */
  q1: figure.default(null),
  q2: figure.default(null),
  q3: figure.default(null),
  q4: figure.default(null),
  ownerId: id.nullable().default(null),
  note: para(2000).default(''),
  /** Left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const swotSchema = z.strictObject({
  kind: z.literal('swot'),
  quadrant: z.enum(SWOT_QUADRANTS),
  text: para(1000).min(1),
  /** Left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const competitorItemSchema = z.strictObject({
  kind: z.literal('competitor'),
  name: text(200).min(1),
  offer: para(2000).default(''),
  position: para(2000).default(''),
  strengths: para(2000).default(''),
  weaknesses: para(2000).default(''),
  /** Left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const teamItemSchema = z
  .strictObject({
    kind: z.literal('team'),
    /** One of our people, or a name typed in (someone not in the people list yet). */
    personId: id.nullable().default(null),
    name: text(200).default(''),
    role: text(200).default(''),
    responsibility: para(2000).default(''),
    /** Left out of everything made for a customer (audience.ts). */
    internal: z.boolean().default(false),
  })
  .refine((t) => t.personId !== null || t.name.length > 0, { message: 'a team member needs personId or name', path: ['name'] });

export const actionSchema = z.strictObject({
  kind: z.literal('action'),
  what: para(1000).min(1),
  ownerId: id.nullable().default(null),
  due: isoDate.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('todo'),
  /** Cost in minor units of the account's currency. */
  cost: minor.nullable().default(null),
  /** Left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const riskSchema = z.strictObject({
  kind: z.literal('risk'),
  description: para(2000).min(1),
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: para(2000).default(''),
  ownerId: id.nullable().default(null),
  /** Internal risks are left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const contactSchema = z.strictObject({
  kind: z.literal('contact'),
  /** Whom we keep in touch with: a person on the stakeholder map, or a role / name typed in. */
  stakeholderId: id.nullable().default(null),
  target: text(200).min(1),
  ownerId: id.nullable().default(null),
  visitsPerQuarter: z.number().int().min(0).max(1000),
  callsPerMonth: z.number().int().min(0).max(1000),
  /** The tier whose service standard these figures came from (null: set by hand). */
  tierKey: text(40).nullable().default(null),
  /** Left out of everything made for a customer (audience.ts). */
  internal: z.boolean().default(false),
});

export const planItemDataSchema = z.discriminatedUnion('kind', [
  objectiveSchema,
  swotSchema,
  competitorItemSchema,
  teamItemSchema,
  actionSchema,
  riskSchema,
  contactSchema,
]);
/** What a caller sends (defaults may be missing). */
export type PlanItemInput = z.input<typeof planItemDataSchema>;
/** An item's data as stored (every field present). */
export type PlanItemData = z.output<typeof planItemDataSchema>;
export type ObjectiveData = z.output<typeof objectiveSchema>;
export type ActionData = z.output<typeof actionSchema>;
export type RiskData = z.output<typeof riskSchema>;
export type ContactData = z.output<typeof contactSchema>;

/** Reads stored item data, tolerating nothing: invalid data is an error in the database. */
export function parseItemData(value: unknown): PlanItemData {
  return planItemDataSchema.parse(value);
}

// --- comparison ---------------------------------------------------------------------------------

/** A plan's content as compared: the text of each section and its items. */
export interface PlanContent {
  sections: { section: PlanSectionKey; html: string }[];
  items: { id: number; kind: PlanItemKind; data: PlanItemData }[];
}

export interface ItemChange {
  id: number;
  kind: PlanItemKind;
  /** The data fields whose values differ. */
  fields: string[];
  before: PlanItemData;
  after: PlanItemData;
}

export interface SectionComparison {
  section: PlanSectionKey;
  changed: boolean;
  textChanged: boolean;
  textBefore: string;
  textAfter: string;
  added: { id: number; kind: PlanItemKind; data: PlanItemData }[];
  removed: { id: number; kind: PlanItemKind; data: PlanItemData }[];
  modified: ItemChange[];
}

/**
 * Section by section (all twelve, in order): whether the text changed, and which items were added,
 * removed or changed (matched by id; a new order alone is no change).
 */
export function comparePlanContent(a: PlanContent, b: PlanContent): SectionComparison[] {
  const textOf = (c: PlanContent) => new Map(c.sections.map((s) => [s.section, s.html]));
  const ta = textOf(a);
  const tb = textOf(b);
  const ia = new Map(a.items.map((i) => [i.id, i]));
  const ib = new Map(b.items.map((i) => [i.id, i]));
  return PLAN_SECTIONS.map((section) => {
    const inSection = (i: { kind: PlanItemKind }) => SECTION_OF_KIND[i.kind] === section;
    const added = b.items.filter((i) => inSection(i) && !ia.has(i.id));
    const removed = a.items.filter((i) => inSection(i) && !ib.has(i.id));
    const changedItems: ItemChange[] = [];
    for (const before of a.items) {
      const after = ib.get(before.id);
      if (!after || !inSection(before)) continue;
      const fields = changedFields(before.data, after.data);
      if (fields.length) changedItems.push({ id: before.id, kind: after.kind, fields, before: before.data, after: after.data });
    }
    const textBefore = ta.get(section) ?? '';
    const textAfter = tb.get(section) ?? '';
    const textChanged = textBefore !== textAfter;
    return {
      section,
      changed: textChanged || added.length > 0 || removed.length > 0 || changedItems.length > 0,
      textChanged,
      textBefore,
      textAfter,
      added,
      removed,
      modified: changedItems,
    };
  });
}

function changedFields(a: PlanItemData, b: PlanItemData): string[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  return keys.filter((k) => JSON.stringify(ra[k] ?? null) !== JSON.stringify(rb[k] ?? null));
}

// --- roll forward -------------------------------------------------------------------------------

/**
 * What the account actually did in the year a plan is rolled forward from (null: nothing recorded):
 * revenue and profit recorded for that year (minor units), our share of wallet (basis points) and
 * the average satisfaction score of that year.
 */
export interface YearActuals {
  revenue: number | null;
  profit: number | null;
  walletShare: number | null;
  satisfaction: number | null;
}

const REVENUE_METRIC = /收入|营收|销售额|销售|营业额|revenue|sales|turnover/i;
const WALLET_METRIC = /wallet|钱包份额|钱包占有|采购份额|份额占比/i;
const PROFIT_METRIC = /margin|profit|毛利|利润/i;
const SATISFACTION_METRIC = /满意|satisfaction|nps/i;

/**
 * The actual value of an objective's metric in the year behind it, as the objective stores it
 * (money in minor units, percent in basis points, a count): revenue and profit recorded, wallet
 * share, satisfaction; null when the metric is none of these or nothing was recorded - never the
 * old target.
 */
export function actualForObjective(metric: string, unit: (typeof OBJECTIVE_UNITS)[number], actuals: YearActuals): number | null {
  if (WALLET_METRIC.test(metric)) return unit === 'percent' ? actuals.walletShare : null;
  if (PROFIT_METRIC.test(metric)) {
    if (unit === 'money') return actuals.profit;
    if (unit === 'percent') return actuals.profit !== null && actuals.revenue ? Math.round((actuals.profit / actuals.revenue) * 10_000) : null;
    return null;
  }
  if (REVENUE_METRIC.test(metric)) return unit === 'money' ? actuals.revenue : null;
  if (SATISFACTION_METRIC.test(metric)) return unit === 'number' ? actuals.satisfaction : null;
  return null;
}

/**
 * Next year's item from this year's, or null when it does not carry over: objectives keep their
 * metric with this year's ACTUAL as the baseline (revenue recorded, profit, wallet share,
 * satisfaction - null when unknown, never this year's target) and no target yet; actions not done
 * (todo, doing) carry over without a due date; dropped and done actions stay behind; everything
 * else is copied.
 */
export function rollItemForward(data: PlanItemData, actuals: YearActuals): PlanItemData | null {
  switch (data.kind) {
    case 'objective':
      return { ...data, baseline: actualForObjective(data.metric, data.unit, actuals), target: null, q1: null, q2: null, q3: null, q4: null };
    case 'action':
      return data.status === 'done' || data.status === 'dropped' ? null : { ...data, due: null };
    default:
      return { ...data };
  }
}
