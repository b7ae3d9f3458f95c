/** Result types of the accounts area's views: Today, portfolio figures, import, export. */
import type { FollowUp } from '../domain/cadence';
import type { ComplianceFigures } from '../domain/compliance';
import type { ChurnReason, Currency, Grade } from '../domain/enums';
import type { FxNote } from '../domain/fx';
import type { AccountQuery } from './accounts';

export interface SavedView {
  id: number;
  name: string;
  query: AccountQuery;
}

export interface FollowUpItem {
  accountId: number;
  accountName: string;
  grade: Grade | null;
  tierKey: string | null;
  lastContact: string | null;
  followUp: FollowUp;
  /** The promised next step, when that is what is due. */
  nextStep: string | null;
}

export interface OwnerDay {
  ownerId: number | null;
  ownerName: string | null;
  overdue: FollowUpItem[];
  due: FollowUpItem[];
  compliance: ComplianceFigures;
  accounts: number;
}

export interface AccountCompliance {
  accountId: number;
  accountName: string;
  ownerName: string | null;
  tierKey: string | null;
  compliance: ComplianceFigures;
}

export interface TodayView {
  today: string;
  quarter: { year: number; q: number; start: string; end: string };
  owners: OwnerDay[];
  accounts: AccountCompliance[];
  totals: { overdue: number; due: number; compliance: ComplianceFigures };
}

export interface Bucket {
  key: string;
  accounts: number;
  revenue: number;
}

export interface ParetoPoint {
  accountId: number;
  name: string;
  revenue: number;
  cumulative: number;
  inHead: boolean;
}

export interface PortfolioFigures {
  year: number;
  /** The reporting currency every amount below is in (shared/domain/fx.ts). */
  currency: Currency;
  /** The rates used and the accounts left out for want of a rate (the figures' footnote). */
  fx: FxNote;
  totalRevenue: number;
  accounts: number;
  pareto: { points: ParetoPoint[]; headCount: number; headShareOfCount: number };
  byTier: Bucket[];
  byIndustry: Bucket[];
  byRegion: Bucket[];
  churn: {
    churned: number;
    atRisk: number;
    /** Churned accounts / all accounts, 0..1. */
    rate: number;
    /** Revenue of the churned accounts last year / total last year, 0..1. */
    revenueRate: number;
    reasons: { reason: ChurnReason | 'unknown'; accounts: number; revenue: number }[];
  };
  receivables: { bucket: 'current' | '1-30' | '31-60' | '61-90' | '90+'; accounts: number; amount: number }[];
  perOwner: { ownerId: number | null; ownerName: string | null; accounts: number; revenue: number; overdue: number }[];
}

export interface ImportRowError {
  line: number;
  column: string | null;
  value: string | null;
  /** Translated as domain.importError.<code>. */
  code: string;
  /**
   * reporting-cycle (people import): the circle from this row's person up through their managers
   * and back, each with the file row naming them (null: a person already on the map, not in the
   * file). Worded by shared/domain/import-errors.ts, the same in the UI and the CLI.
   */
  circle?: { name: string; line: number | null }[];
  /** People of a long circle left out before its last step (the circle names at most 8). */
  circleMore?: number;
}

/** A column of the file an import leaves out, and how it could be mapped. */
export interface ImportSkippedColumn {
  /** 0-based position of the column in the file. */
  index: number;
  /** Its header as written ('' when the file gives it none). */
  column: string;
  /**
   * Why it is left out: no field recognises the header ('unknown'), the map says so ('ignored'),
   * or another column already fills the field its header names ('taken').
   */
  reason: 'unknown' | 'ignored' | 'taken';
  /** A target its header suggests (`revenue:2026`), imported only once the person confirms it. */
  suggestion: string | null;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  /** The guessed target per column (null when not recognised). */
  mapping: (string | null)[];
  /** The first rows as read. */
  sample: { line: number; cells: string[] }[];
  rows: number;
  errors: ImportRowError[];
  /** The columns the mapping leaves out, each with a suggested target where the header gives one. */
  notImported: ImportSkippedColumn[];
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  peopleCreated: string[];
  errors: ImportRowError[];
  /** True when nothing was written because rows were invalid (without skipInvalid). */
  rejected: boolean;
  /** The columns of the file this import left out (or would leave out), with how to map them. */
  notImported: ImportSkippedColumn[];
}

export interface ExportFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

/** An accounts export: the file, and what it holds (all accounts, or those of the list's filter). */
export interface AccountsExportFile extends ExportFile {
  /** Accounts in the file. */
  accounts: number;
  /** Accounts in the database (not deleted). */
  total: number;
  /** True when a filter chose the accounts (`query` given). */
  filtered: boolean;
}
