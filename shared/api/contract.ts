/**
 * The API contract: every backend method, declared once, with a zod schema for its single object
 * argument and the type of its result. The handler table (electron/backend/handlers) implements it;
 * the renderer's client, the Electron IPC channel, the HTTP bridge and the CLI all speak it.
 */
import { z } from 'zod';
import { accountsContract } from './accounts-contract';
import { accountBinContract } from './accounts-bin';
import { boardContract } from './board';
import { plansContract } from './plans';
import { forumContract, type ExportProgress } from './forum';
import { churnContract } from './churn';
import { capacityContract } from './capacity';
import { stakeholdersContract } from './stakeholders';
import { healthContract } from './health';
import { method } from './method';
import type { TableName } from './tables';
import type { AppInfo, BackupInfo, BackupSaved, DbStatus, DoctorReport } from './types';

export { nameSchema, type MethodSpec } from './method';
export { TABLE_NAMES, INTERNAL_TABLES, isTableName, type TableName } from './tables';

const empty = z.strictObject({});
const filePath = z.string().trim().min(1).max(4096);

export const contract = {
  // --- system -------------------------------------------------------------------------------
  // The lifecycle writes no table row by row: opening, creating or restoring replaces the whole
  // database and announces db-changed (every view refetches), not data-changed.
  'app-info': method<AppInfo>()(empty, { needsDb: false, writes: [] }),
  'db-status': method<DbStatus>()(empty, { needsDb: false, writes: [] }),
  /** Open an existing database file instead of the current one. */
  'db-open': method<DbStatus>()(z.strictObject({ path: filePath }), { needsDb: false, writes: [] }),
  /** Start a new, empty database at a path where no file exists yet. */
  'db-create': method<DbStatus>()(z.strictObject({ path: filePath }), { needsDb: false, writes: [] }),
  /**
   * Replace the current database with a backup. The backup is checked first; the replaced file is
   * kept (as a backup when it was healthy, renamed aside when it was corrupt), never overwritten.
   */
  'db-restore': method<DbStatus>()(z.strictObject({ from: filePath }), { needsDb: false, writes: [] }),
  /**
   * Write a consistent copy of the database (SQLite backup API) to `out`, which must not exist (a
   * backup never replaces a file: `file-exists`). Default: a new name in the backups/ folder.
   */
  'db-backup': method<BackupInfo>()(z.strictObject({ out: filePath.optional() }), { writes: [] }),
  /**
   * "Back up now": the desktop app asks where through its save dialog (`title` is the dialog's
   * title, in the user's language); other doors write a new file in backups/. Never replaces a file.
   */
  'db-backup-save-as': method<BackupSaved>()(z.strictObject({ title: z.string().trim().max(200).optional() }), { writes: [] }),
  'db-backups-list': method<BackupInfo[]>()(empty, { needsDb: false, writes: [] }),
  'db-doctor': method<DoctorReport>()(empty, { writes: [] }),

  // --- the account database ----------------------------------------------------------------
  ...accountsContract,
  ...accountBinContract,

  // --- the quadrant board -------------------------------------------------------------------
  ...boardContract,

  // --- the stakeholder map -----------------------------------------------------------------
  ...stakeholdersContract,

  // --- the annual account plan -------------------------------------------------------------
  ...plansContract,

  // --- the customer-forum deck -------------------------------------------------------------
  ...forumContract,

  // --- churn analysis and the profit Pareto ------------------------------------------------
  ...churnContract,
  // --- account health and early warning ----------------------------------------------------
  ...healthContract,
  // --- service capacity (鸡头凤尾) -------------------------------------------------------------
  ...capacityContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (before parsing: defaults may be missing). */
export type Args<M extends Method> = z.input<Contract[M]['args']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = NonNullable<Contract[M]['result']>;

/** The tables a method declares it writes (none for a read). */
export function writesOf(method: Method): readonly TableName[] {
  return contract[method].writes;
}

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the backend pushes to every connected window. */
export interface Events {
  /** The database was opened, replaced or failed; the UI re-reads db-status. */
  'db-changed': DbStatus;
  /**
   * Data changed through some door (another window, the CLI): the tables the method declares it
   * `writes` (shared/api/method.ts). Views refetch what they show (renderer/src/api/hooks.ts).
   */
  'data-changed': { tables: TableName[] };
  /** A long export's progress (forum-export with a jobId). */
  'export-progress': ExportProgress;
}
export type EventName = keyof Events;

/** Every event name, once: the doors (IPC, HTTP stream) and the client subscribe to these. */
const EVENT_SET: Record<EventName, true> = { 'db-changed': true, 'data-changed': true, 'export-progress': true };
export const EVENT_NAMES = Object.keys(EVENT_SET) as EventName[];
