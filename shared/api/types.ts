/** Plain data types that cross the API. Dates are ISO-8601 strings; money is integer minor units. */

export type { AccountRecord as Account } from './accounts';

/** What a backup is, from the name Keyplan gave it (a file named otherwise is `other`). */
export type BackupKind = 'automatic' | 'manual' | 'before-restore' | 'other';

export interface BackupInfo {
  path: string;
  /** ISO time the backup was written. */
  createdAt: string;
  bytes: number;
  kind: BackupKind;
  /**
   * Whether the backup carries this database's workspace id. An unverified one has no id (written
   * before Keyplan stored one) or the database is not open to compare, and is offered only because
   * its file name is this database's.
   */
  verified: boolean;
}

/** The result of db-backup-save-as: the backup written, or null when the save dialog was cancelled. */
export interface BackupSaved {
  written: BackupInfo | null;
}

/** `not-keyplan`: a file that is not a Keyplan database (empty, or another program's SQLite file). */
export type DbState = 'ok' | 'corrupt' | 'newer' | 'unreadable' | 'not-keyplan';

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
