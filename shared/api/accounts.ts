/**
 * The account record across the API: zod schemas for what callers send and the types of what the
 * backend answers (domain.md, "The account record").
 */
import { z } from 'zod';
import {
  CHURN_REASONS,
  CHURN_STATUSES,
  CLASSIFICATIONS,
  CURRENCIES,
  DEAL_STATUSES,
  GRADES,
  IMPORTANCES,
  INTERACTION_KINDS,
  LIFECYCLE_STAGES,
  OPPORTUNITY_STAGES,
  PERSON_ROLES,
  POTENTIALS,
  URGENCIES,
  type ChurnReason,
  type ChurnStatus,
  type Classification,
  type Currency,
  type DealStatus,
  type Grade,
  type Importance,
  type InteractionKind,
  type LifecycleStage,
  type OpportunityStage,
  type PersonRole,
  type Potential,
  type Urgency,
} from '../domain/enums';
import { isIsoDate } from '../domain/dates';
import { CAPACITY_LIMITS } from '../domain/capacity';
import { multiLine, nameText, singleLine } from './text';
import type { FollowUp } from '../domain/cadence';
import type { ComplianceFigures } from '../domain/compliance';

/** The largest file an import takes (the UI refuses larger ones before sending; 64 MiB of base64). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
/** The longest cell or row (record) of an import file, in characters: a longer one stops the read. */
export const MAX_IMPORT_RECORD_CHARS = 1024 * 1024;
/** An import file's bytes as base64 at most (MAX_IMPORT_BYTES encoded). */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/**
 * An import method's arguments (`shape`) with the file's content one of two ways: `contentBase64`,
 * what every door carries, or `content`, the bytes themselves, for a caller in the backend's own
 * process (the command line): no 64 MB string and no decoded copy beside the bytes. JSON cannot
 * carry a Uint8Array, so through the HTTP bridge only base64 passes. The bytes are handed over:
 * the import worker may take them, and the caller must not use them afterwards.
 */
export function withImportContent<T extends z.ZodRawShape>(shape: T) {
  return z.union([
    z.strictObject({ ...shape, contentBase64: z.string().max(MAX_IMPORT_BASE64) }),
    z.strictObject({
      ...shape,
      content: z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.byteLength <= MAX_IMPORT_BYTES, { message: `bytes (a Uint8Array) of at most ${MAX_IMPORT_BYTES}` }),
    }),
  ]);
}

export const idSchema = z.number().int().positive();
export const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
/** Integer minor units; bounded so sums over thousands of accounts stay exact. */
export const minorSchema = z.number().int().min(-1e15).max(1e15);
export const nonNegMinor = z.number().int().min(0).max(1e15);
/** Text on one line (names, labels) and text in paragraphs (notes): no control characters (./text.ts). */
const text = singleLine;
const optText = (max: number) => text(max).nullable().optional();
const optNote = (max: number) => multiLine(max).nullable().optional();
const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().optional();

export const accountFieldsSchema = z.strictObject({
  nameEn: optText(200),
  shortName: optText(100),
  parentId: idSchema.nullable().optional(),
  industry: optText(100),
  region: optText(100),
  ownerId: idSchema.nullable().optional(),
  classification: nullableEnum(CLASSIFICATIONS),
  strategic: z.boolean().optional(),
  brandInfluence: z.boolean().optional(),
  tierId: idSchema.nullable().optional(),
  lifecycle: nullableEnum(LIFECYCLE_STAGES),
  dealStatus: nullableEnum(DEAL_STATUSES),
  grade: nullableEnum(GRADES),
  urgency: nullableEnum(URGENCIES),
  importance: nullableEnum(IMPORTANCES),
  currency: z.enum(CURRENCIES).optional(),
  companyRevenue: nonNegMinor.nullable().optional(),
  employees: z.number().int().min(0).max(1e8).nullable().optional(),
  profitContribution: minorSchema.nullable().optional(),
  shareOfWalletBp: z.number().int().min(0).max(10_000).nullable().optional(),
  growthPotential: nullableEnum(POTENTIALS),
  lifetimeValue: minorSchema.nullable().optional(),
  costToServe: nonNegMinor.nullable().optional(),
  churnStatus: z.enum(CHURN_STATUSES).optional(),
  churnReason: nullableEnum(CHURN_REASONS),
  churnNote: optNote(2000),
  churnedOn: isoDate.nullable().optional(),
  receivableOutstanding: nonNegMinor.nullable().optional(),
  receivableDaysOverdue: z.number().int().min(0).max(100_000).nullable().optional(),
  paymentTerms: optText(200),
  notes: optNote(20_000),
});
export type AccountFields = z.input<typeof accountFieldsSchema>;

/** One account with every field of its record (no child lists). */
export interface AccountRecord {
  id: number;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  parentId: number | null;
  parentName: string | null;
  industry: string | null;
  region: string | null;
  ownerId: number | null;
  ownerName: string | null;
  classification: Classification | null;
  strategic: boolean;
  brandInfluence: boolean;
  tierId: number | null;
  tierKey: string | null;
  lifecycle: LifecycleStage | null;
  dealStatus: DealStatus | null;
  grade: Grade | null;
  urgency: Urgency | null;
  importance: Importance | null;
  currency: Currency;
  companyRevenue: number | null;
  employees: number | null;
  profitContribution: number | null;
  shareOfWalletBp: number | null;
  growthPotential: Potential | null;
  lifetimeValue: number | null;
  costToServe: number | null;
  churnStatus: ChurnStatus;
  churnReason: ChurnReason | null;
  churnNote: string | null;
  churnedOn: string | null;
  receivableOutstanding: number | null;
  receivableDaysOverdue: number | null;
  paymentTerms: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * An account as the lists and the portfolio views see it: the fields they show or compute with, and
 * the figures computed for the day (not the whole record: the account page loads that).
 */
export type AccountRow = Pick<
  AccountRecord,
  | 'id'
  | 'name'
  | 'nameEn'
  | 'shortName'
  | 'parentId'
  | 'parentName'
  | 'industry'
  | 'region'
  | 'ownerId'
  | 'ownerName'
  | 'tierId'
  | 'tierKey'
  | 'grade'
  | 'lifecycle'
  | 'churnStatus'
  | 'churnReason'
  | 'currency'
  | 'receivableOutstanding'
  | 'receivableDaysOverdue'
  | 'growthPotential'
  | 'importance'
  | 'urgency'
> & {
  /** Revenue with us in the current year and the year before (minor units). */
  revenueThisYear: number | null;
  revenueLastYear: number | null;
  lastContact: string | null;
  followUp: FollowUp;
};

export const ACCOUNT_SORT_FIELDS = [
  'name',
  'industry',
  'region',
  'owner',
  'tier',
  'grade',
  'lifecycle',
  'revenueThisYear',
  'lastContact',
  'followUpDue',
  'receivableOutstanding',
] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

export const accountQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  tierIds: z.array(idSchema).max(100).optional(),
  industries: z.array(text(100)).max(200).optional(),
  regions: z.array(text(100)).max(200).optional(),
  ownerIds: z.array(idSchema).max(500).optional(),
  lifecycles: z.array(z.enum(LIFECYCLE_STAGES)).max(5).optional(),
  grades: z.array(z.enum(GRADES)).max(5).optional(),
  overdueOnly: z.boolean().optional(),
  sort: z.enum(ACCOUNT_SORT_FIELDS).optional(),
  desc: z.boolean().optional(),
  /** The day figures are computed for (default: today). */
  today: isoDate.optional(),
});
export type AccountQuery = z.input<typeof accountQuerySchema>;

/** The fields of a row the accounts table (and the board) shows; what `accounts-query` sends. */
export const ACCOUNT_LIST_FIELDS = [
  'id',
  'name',
  'nameEn',
  'shortName',
  'parentId',
  'parentName',
  'industry',
  'region',
  'ownerId',
  'ownerName',
  'tierId',
  'tierKey',
  'grade',
  'lifecycle',
  'churnStatus',
  'currency',
  'receivableOutstanding',
  'receivableDaysOverdue',
  'revenueThisYear',
  'revenueLastYear',
  'lastContact',
  'followUp',
] as const satisfies readonly (keyof AccountRow)[];

/**
 * A row of the accounts list: only what the table shows, so 10,000 rows travel as a few megabytes,
 * not the whole record of each (the account page loads that with accounts-get).
 */
export type AccountListRow = Pick<AccountRow, (typeof ACCOUNT_LIST_FIELDS)[number]>;

export interface AccountQueryResult {
  rows: AccountListRow[];
  /** Accounts in the database (not deleted), before filters. */
  total: number;
  /** Distinct values for the filter menus. */
  facets: { industries: string[]; regions: string[] };
}

export interface Person {
  id: number;
  name: string;
  role: PersonRole;
  region: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  /** Service capacity (shared/domain/capacity.ts): days a quarter for customer work. */
  quarterDays: number;
  /** Visits in one day of customer work. */
  visitsPerDay: number;
  /** Calls in one day of customer work. */
  callsPerDay: number;
}
const capacityField = (key: keyof typeof CAPACITY_LIMITS) => z.number().int().min(CAPACITY_LIMITS[key][0]).max(CAPACITY_LIMITS[key][1]).optional();
export const personInputSchema = z.strictObject({
  id: idSchema.optional(),
  name: nameText(100),
  role: z.enum(PERSON_ROLES).optional(),
  region: optText(100),
  email: optText(200),
  phone: optText(50),
  active: z.boolean().optional(),
  quarterDays: capacityField('quarterDays'),
  visitsPerDay: capacityField('visitsPerDay'),
  callsPerDay: capacityField('callsPerDay'),
});

export interface Tier {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  visitsPerQuarter: number;
  callsPerMonth: number;
  description: string;
}
export const tierInputSchema = z.strictObject({
  id: idSchema.optional(),
  /** Left out or empty: generated from the names (pinyin of the Chinese name), unique. */
  key: z.union([z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'lower-case letters, digits and dashes' }), z.literal('')]).optional(),
  nameZh: nameText(50),
  /** Optional: left empty, the Chinese name is shown in English too. */
  nameEn: singleLine(50).optional(),
  rank: z.number().int().min(0).max(1000),
  visitsPerQuarter: z.number().int().min(0).max(1000),
  callsPerMonth: z.number().int().min(0).max(1000),
  description: multiLine(500).optional(),
});

export interface RevenueYear {
  year: number;
  /** null: only a target is known for the year (an import can bring a target alone). */
  revenue: number | null;
  target: number | null;
  profit: number | null;
}
export const revenueInputSchema = z.strictObject({
  accountId: idSchema,
  year: z.number().int().min(1900).max(2200),
  /** Optional: a year without revenue yet (next year's target). Absent keeps what is there; null clears it. */
  revenue: minorSchema.nullable().optional(),
  target: minorSchema.nullable().optional(),
  profit: minorSchema.nullable().optional(),
});

export interface SatisfactionScore {
  id: number;
  date: string;
  score: number;
  source: string;
  note: string;
}
export const satisfactionInputSchema = z.strictObject({
  accountId: idSchema,
  date: isoDate,
  score: z.number().int().min(0).max(100),
  source: text(200).optional(),
  note: multiLine(2000).optional(),
});

export interface Competitor {
  id: number;
  name: string;
  offer: string;
  position: string;
  strengths: string;
  weaknesses: string;
}
export const competitorInputSchema = z.strictObject({
  id: idSchema.optional(),
  accountId: idSchema,
  name: nameText(200),
  offer: multiLine(2000).optional(),
  position: text(500).optional(),
  strengths: multiLine(2000).optional(),
  weaknesses: multiLine(2000).optional(),
});

export interface Interaction {
  id: number;
  accountId: number;
  kind: InteractionKind;
  date: string;
  people: string;
  ownerId: number | null;
  ownerName: string | null;
  summary: string;
  outcome: string;
  nextStep: string;
  nextDue: string | null;
  nextDone: boolean;
  createdAt: string;
}
export const interactionInputSchema = z.strictObject({
  id: idSchema.optional(),
  accountId: idSchema,
  kind: z.enum(INTERACTION_KINDS),
  date: isoDate,
  people: text(500).optional(),
  ownerId: idSchema.nullable().optional(),
  summary: multiLine(5000).optional(),
  outcome: multiLine(5000).optional(),
  nextStep: text(1000).optional(),
  nextDue: isoDate.nullable().optional(),
  nextDone: z.boolean().optional(),
});

export interface Opportunity {
  id: number;
  accountId: number;
  name: string;
  value: number;
  currency: Currency;
  stage: OpportunityStage;
  resultReason: string;
  bidDate: string | null;
  rivals: string[];
  ownerId: number | null;
  ownerName: string | null;
  createdAt: string;
  updatedAt: string;
}
export const opportunityInputSchema = z.strictObject({
  id: idSchema.optional(),
  accountId: idSchema,
  name: nameText(200),
  value: nonNegMinor.optional(),
  currency: z.enum(CURRENCIES).optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  resultReason: multiLine(2000).optional(),
  bidDate: isoDate.nullable().optional(),
  rivals: z.array(nameText(200)).max(50).optional(),
  ownerId: idSchema.nullable().optional(),
});

export interface TeamMember {
  personId: number;
  name: string;
  personRole: PersonRole;
  /** What they do for this account. */
  role: string;
}

/** Everything the account page shows. */
export interface AccountDetail {
  account: AccountRecord;
  children: { id: number; name: string }[];
  team: TeamMember[];
  revenue: RevenueYear[];
  satisfaction: SatisfactionScore[];
  competitors: Competitor[];
  interactions: Interaction[];
  opportunities: Opportunity[];
  followUp: FollowUp;
  compliance: ComplianceFigures | null;
}
