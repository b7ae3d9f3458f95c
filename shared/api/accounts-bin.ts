/**
 * The accounts' recycle bin and bulk edit (issue 11, "Accounts"): what callers send and what the
 * backend answers.
 */
import { z } from 'zod';
import { accountFieldsSchema, idSchema, type AccountRecord } from './accounts';
import { method } from './method';
import { singleLine } from './text';

/** The most accounts one bulk edit, restore or purge takes (a whole filtered list of a large workspace). */
export const MAX_BULK_IDS = 20_000;

/** Distinct ids, at least one. */
export const idListSchema = z
  .array(idSchema)
  .min(1)
  .max(MAX_BULK_IDS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'each id at most once' });

/** The fields a bulk edit may set on many accounts at once (the same rules as one account's edit). */
export const BULK_FIELDS = [
  'ownerId',
  'tierId',
  'industry',
  'region',
  'grade',
  'lifecycle',
  'classification',
  'dealStatus',
  'urgency',
  'importance',
  'growthPotential',
  'strategic',
] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

export const bulkPatchSchema = accountFieldsSchema
  .pick(Object.fromEntries(BULK_FIELDS.map((k) => [k, true])) as { [K in BulkField]: true })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'choose at least one field to change' });
export type BulkPatch = z.input<typeof bulkPatchSchema>;

/** One changed account of a bulk edit: its values before, to put back by an undo. */
export interface BulkChange {
  id: number;
  name: string;
  /** The changed fields' values before the edit. */
  before: BulkPatch;
  /** The account's updated_at after the edit: an undo skips the account when it changed since. */
  updatedAt: string;
}

export interface BulkUpdateResult {
  /** Accounts whose values changed (and whose updated_at moved). */
  changed: BulkChange[];
  /** Selected accounts that already had these values: left untouched, updated_at too. */
  unchanged: number;
}

export interface BulkUndoResult {
  reverted: number;
  /** Accounts changed again since the edit (or deleted): left as they are, by name. */
  skipped: string[];
}

/** What goes with an account when it is purged from the bin. */
export interface BinAttached {
  plans: number;
  stakeholders: number;
  mapSnapshots: number;
  placements: number;
  interactions: number;
  opportunities: number;
  revenueYears: number;
}

export interface BinAccount {
  id: number;
  name: string;
  deletedAt: string;
  parentName: string | null;
  ownerName: string | null;
  attached: BinAttached;
  /** Subsidiaries outside the bin: purging this account leaves them without a parent. */
  liveChildren: number;
  /** A live account now has this name: restoring is refused until one of them is renamed. */
  nameTaken: boolean;
}

export interface BinPurgeResult {
  purged: number;
  names: string[];
  /** Live subsidiaries that lost their parent link (their updated_at moved). */
  orphaned: number;
}

const changeSchema = z.strictObject({
  id: idSchema,
  /** As the edit answered it (ignored: the undo names accounts as they are now). */
  name: singleLine(400).optional(),
  before: accountFieldsSchema.pick(Object.fromEntries(BULK_FIELDS.map((k) => [k, true])) as { [K in BulkField]: true }),
  updatedAt: z.string().max(40),
});

export const accountBinContract = {
  /** The accounts in the bin, newest first, with what would go with each if purged. */
  'accounts-bin-list': method<BinAccount[]>()(z.strictObject({}), { writes: [] }),
  /** Brings accounts back from the bin with everything attached; all or none. */
  'accounts-bin-restore': method<AccountRecord[]>()(z.strictObject({ ids: idListSchema }), { writes: ['accounts'] }),
  /** Deletes for good these accounts, which must all be in the bin (emptying the bin sends every id it listed). */
  'accounts-bin-purge': method<BinPurgeResult>()(
    z.strictObject({ ids: idListSchema }),
    { writes: ['accounts', 'account_team', 'account_revenue', 'satisfaction', 'competitors', 'interactions', 'opportunities', 'stakeholders', 'stakeholder_lines', 'tender_members', 'map_layout', 'map_snapshots', 'placements', 'placement_moves', 'plans', 'plan_sections', 'plan_items', 'plan_versions'] },
  ),
  /** Sets the same fields on the selected accounts, in one transaction; accounts already so are untouched. */
  'accounts-bulk-update': method<BulkUpdateResult>()(z.strictObject({ ids: idListSchema, patch: bulkPatchSchema }), { writes: ['accounts'] }),
  /** Puts back what a bulk edit changed, skipping accounts changed again since. */
  'accounts-bulk-undo': method<BulkUndoResult>()(z.strictObject({ changes: z.array(changeSchema).min(1).max(MAX_BULK_IDS) }), { writes: ['accounts'] }),
} as const;
