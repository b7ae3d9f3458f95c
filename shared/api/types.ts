/** Plain data types that cross the API. Dates are ISO-8601 strings; money is integer minor units. */

export type { AccountRecord as Account } from './accounts';

export interface BackupInfo {
  path: string;
  /** ISO time the backup was written. */
  createdAt: string;
  bytes: number;
}

export type DbState = 'ok' | 'corrupt' | 'newer' | 'unreadable';

export interface DbStatus {
  state: DbState;
  path: string;
  /** Schema version of the open file (0 when it could not be read). */
  schemaVersion: number;
  /** Highest schema version this app knows. */
  supportedVersion: number;
  /** What went wrong, in English, when state is not ok (the UI translates `state`). */
  detail?: string;
  backups: BackupInfo[];
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dbPath: string;
  /** Which door the renderer is talking through. */
  transport: 'electron' | 'web' | 'cli' | 'test';
}

export interface DoctorReport {
  path: string;
  schemaVersion: number;
  quickCheck: string;
  journalMode: string;
  foreignKeys: boolean;
  counts: Record<string, number>;
  ok: boolean;
}
