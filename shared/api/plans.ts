/**
 * The annual account plan across the API: one plan per account and year, its twelve sections of
 * rich text, its structured items, the workflow (draft -> review -> approved), frozen versions and
 * their comparison, and next year's plan started from this one.
 */
import type { HealthDecision } from './health';
import { z } from 'zod';
import type { CoverageGap, LevelSummary } from '../domain/coverage.types';
import type { ChurnReason, Currency } from '../domain/enums';
import {
  PLAN_SECTIONS,
  PLAN_ITEM_KINDS,
  PLAN_STATUSES,
  planItemDataSchema,
  type PlanItemData,
  type PlanItemKind,
  type PlanSectionKey,
  type PlanStatus,
  type SectionComparison,
} from '../domain/plan';
import type { ExportFile } from './accounts-views';
import type { PlacementMove } from './board';
import type { RevenueYear, SatisfactionScore } from './accounts';
import { idSchema, isoDate } from './accounts';
import { method } from './method';
import { planTemplateSchema, type PlanTemplate } from '../domain/plan-template';
import { LOCALES } from '../i18n/locales';

export interface Plan {
  id: number;
  accountId: number;
  accountName: string;
  year: number;
  status: PlanStatus;
  /** Starts at 1; an edit of an approved plan makes the next version (see plan-status-set). */
  version: number;
  ownerId: number | null;
  ownerName: string | null;
  currency: Currency;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  /** Who approved it: the person chosen in Settings then ("I am"); null when nobody was chosen, or before this was kept. */
  approvedBy: string | null;
}

export interface PlanSection {
  section: PlanSectionKey;
  /** Sanitised HTML. */
  html: string;
  /** Internal only: left out of everything made for a customer (shared/domain/audience.ts). */
  internal: boolean;
  /** Pass back as baseUpdatedAt when saving: a section changed since then is not overwritten. */
  updatedAt: string;
}

export interface PlanItem {
  id: number;
  kind: PlanItemKind;
  section: PlanSectionKey;
  sort: number;
  data: PlanItemData;
  updatedAt: string;
}

/** The account's figures the plan shows beside its text, gathered at a date. */
export interface PlanLiveData {
  asOf: string;
  currency: Currency;
  /** Revenue and targets by year, up to the plan year. */
  revenue: RevenueYear[];
  tier: { key: string; nameZh: string; nameEn: string; visitsPerQuarter: number; callsPerMonth: number } | null;
  /** Where the account sits on each matrix now. */
  placements: { matrixKey: string; matrixNameZh: string; matrixNameEn: string; quadrant: string; quadrantNameZh: string; quadrantNameEn: string }[];
  /** Its moves between quadrants, latest first. */
  moves: PlacementMove[];
  coverage: { people: number; gaps: number; deciderGaps: number; levels: LevelSummary[]; topGaps: CoverageGap[] };
  churn: { status: 'active' | 'at-risk' | 'churned'; reason: ChurnReason | null; note: string | null; churnedOn: string | null };
  receivables: { outstanding: number | null; daysOverdue: number | null; paymentTerms: string | null };
  satisfaction: SatisfactionScore[];
  /**
   * Health warnings a director confirmed as churn risks (internal: audience.ts 'health'), latest first.
   * Absent from plans approved before Keyplan kept them.
   */
  healthRisks?: HealthDecision[];
}

export interface PlanVersionInfo {
  version: number;
  createdAt: string;
}

export interface PlanView {
  plan: Plan;
  /** All twelve, in order. */
  sections: PlanSection[];
  /** By kind, then sort. */
  items: PlanItem[];
  live: PlanLiveData;
  /** true for an approved plan: everything above is the copy frozen when it was approved. */
  frozen: boolean;
  versions: PlanVersionInfo[];
}

export interface PlanSummary {
  id: number;
  accountId: number;
  accountName: string;
  year: number;
  status: PlanStatus;
  version: number;
  ownerName: string | null;
  updatedAt: string;
  /** Actions todo or doing. */
  actionsOpen: number;
  /** Open actions due from today within the next 30 days. */
  actionsDue: number;
  /** Open actions whose due date has passed. */
  actionsOverdue: number;
}

export interface PlanComparison {
  planId: number;
  a: { version: number | 'current' };
  b: { version: number | 'current' };
  sections: SectionComparison[];
}

// --- schemas -------------------------------------------------------------------------------------

const year = z.number().int().min(1900).max(2200);
/** Raw HTML as pasted (Word pastes are bulky); the sanitised text has its own limit (plan-text-too-long). */
const rawHtml = z.string().max(4_000_000);
const versionRef = z.union([z.number().int().min(1), z.literal('current')]);

export const planItemInputSchema = planItemDataSchema;

export const plansContract = {
  /** Plans, optionally of one account or year, with their actions' due and overdue counts. */
  'plans-list': method<PlanSummary[]>()(z.strictObject({ accountId: idSchema.optional(), year: year.optional(), today: isoDate.optional() }), { writes: [] }),
  /** One plan: live figures while draft or in review, the frozen copy once approved. */
  'plan-get': method<PlanView>()(z.strictObject({ accountId: idSchema, year, today: isoDate.optional() }), { writes: [] }),
  /** Starts a plan with twelve empty sections and the contact plan of the account's tier; one per account and year. */
  'plan-create': method<PlanView>()(
    z.strictObject({ accountId: idSchema, year, ownerId: idSchema.nullable().optional(), today: isoDate.optional() }),
    { writes: ['plans', 'plan_sections', 'plan_items'] },
  ),
  /** Autosave of one section; refused (plan-conflict) when it changed since baseUpdatedAt. */
  'plan-section-save': method<PlanSection>()(
    z.strictObject({ planId: idSchema, section: z.enum(PLAN_SECTIONS), html: rawHtml, baseUpdatedAt: z.string().min(1).max(40) }),
    { writes: ['plans', 'plan_sections'] },
  ),
  /** Marks a section internal only (left out of customer output) or not; an edit like any other. */
  'plan-section-internal': method<PlanSection>()(
    z.strictObject({ planId: idSchema, section: z.enum(PLAN_SECTIONS), internal: z.boolean() }),
    { writes: ['plans', 'plan_sections'] },
  ),
  /** Creates (no id) or replaces (id) one item; the data is checked by its kind. */
  'plan-item-save': method<PlanItem>()(z.strictObject({ planId: idSchema, id: idSchema.optional(), data: planItemDataSchema }), { writes: ['plans', 'plan_items'] }),
  'plan-item-delete': method<{ id: number }>()(z.strictObject({ id: idSchema }), { writes: ['plans', 'plan_items'] }),
  /** The new order of every item of one kind. */
  'plan-items-reorder': method<PlanItem[]>()(
    z.strictObject({ planId: idSchema, kind: z.enum(PLAN_ITEM_KINDS), ids: z.array(idSchema).max(5000) }),
    { writes: ['plans', 'plan_items'] },
  ),
  /** draft -> review -> approved, and review or approved back to draft. Approving freezes a version. */
  'plan-status-set': method<Plan>()(
    z.strictObject({ planId: idSchema, status: z.enum(PLAN_STATUSES), today: isoDate.optional() }),
    { writes: ['plans', 'plan_versions'] },
  ),
  /** Section by section: version a against version b, or against the plan as it is now. */
  'plan-versions-compare': method<PlanComparison>()(z.strictObject({ planId: idSchema, a: versionRef, b: versionRef }), { writes: [] }),
  /** Next year's plan started from this one (refused when it exists). */
  'plan-roll-forward': method<PlanView>()(z.strictObject({ planId: idSchema, today: isoDate.optional() }), { writes: ['plans', 'plan_sections', 'plan_items'] }),
  /**
   * The plan as a print-quality PDF (A4: cover, contents with page numbers, the twelve sections, the
   * live figures, the stakeholder map); customer-safe with safe. Printed by Chromium.
   */
  /** The team's plan template: which sections plans have, and each one's guiding question (zh-CN, en). */
  'plan-template-get': method<PlanTemplate>()(z.strictObject({}), { writes: [] }),
  'plan-template-set': method<PlanTemplate>()(z.strictObject({ template: planTemplateSchema }), { writes: ['settings'] }),
  'plan-export': method<ExportFile>()(
    z.strictObject({ accountId: idSchema, year, format: z.literal('pdf'), locale: z.enum(LOCALES), safe: z.boolean().optional(), today: isoDate.optional() }),
    { writes: [] },
  ),
} as const;
