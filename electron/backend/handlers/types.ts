/**
 * What a handler gets: a small context (HandlerContext), not the Backend. The database lifecycle
 * methods (system.ts) also get DbLifecycle: opening, creating, restoring and backing up the file.
 * The Backend (backend.ts) builds both for each call; handlers never import it.
 */
import type { Me } from '../../../shared/api/board';
import type { Events, EventName, Method, ParsedArgs, Result } from '../../../shared/api/contract';
import type { AppInfo, BackupInfo, DbStatus } from '../../../shared/api/types';
import type { DriverOptions } from '../db/open';
import type { Db } from '../db/types';
import type { Printer } from '../documents/printer';
import type { ExportJobs } from '../exports/jobs';

/** The events a handler may push itself. */
export type HandlerEvent = Exclude<EventName, 'data-changed' | 'db-changed'>;

/** Who is at this Keyplan: the person chosen in Settings ("I am", db/repos/identity.ts). */
export interface Session {
  me(): Me;
}

export interface HandlerContext {
  /** The open database (`db-unavailable` when none is open: a method with needsDb never sees that). */
  db(): Db;
  /** The clock (a test's fixed one in tests). */
  now(): Date;
  /** `given` (a caller's own today), else the local calendar date of now(). */
  today(given?: string): string;
  /** The document printer (`printer-unavailable` in a door without one). */
  printer(): Printer;
  /**
   * Pushes an event to every window (export-progress). Not data-changed: the Backend announces that
   * from the method's declared `writes`; nor db-changed: only the lifecycle opens or replaces a file.
   */
  emit<E extends HandlerEvent>(event: E, payload: Events[E]): void;
  session: Session;
  /** This Backend's running exports (forum-export, export-cancel). */
  jobs: ExportJobs;
  /**
   * Says this call changed nothing after all (a dry run, a move of nobody): the Backend then does not
   * announce the method's declared `writes`.
   */
  nothingChanged(): void;
}

/** What the database lifecycle methods (system.ts) need of the Backend, and no more. */
export interface DbLifecycle {
  info(): AppInfo;
  status(): DbStatus;
  backups(): BackupInfo[];
  openExisting(file: string): DbStatus;
  create(file: string): DbStatus;
  restore(from: string): Promise<DbStatus>;
  /** The better-sqlite3 driver options (for writing a backup). */
  driver(): DriverOptions;
  /** The desktop app's save dialog for backups, where this door has one. */
  backupPathChooser(): ((suggested: string, title: string | undefined) => Promise<string | null>) | undefined;
}

export interface SystemContext extends HandlerContext {
  lifecycle: DbLifecycle;
}

/** The methods that open, replace or copy the database file (handlers/system.ts). */
export type SystemMethod = 'app-info' | 'db-status' | 'db-open' | 'db-create' | 'db-restore' | 'db-backup' | 'db-backup-save-as' | 'db-backups-list' | 'db-doctor';

export type ContextOf<M extends Method> = M extends SystemMethod ? SystemContext : HandlerContext;

export type Handler<M extends Method> = (ctx: ContextOf<M>, args: ParsedArgs<M>) => Result<M> | Promise<Result<M>>;

/** The whole table: one handler per contract method, nothing more, nothing less. */
export type HandlerTable = { [M in Method]: Handler<M> };

/** One area's part of the table. */
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };
