import type { Database as Db } from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, isMethod, type EventName, type Events, type Method } from '../../shared/api/contract';
import { dateOf } from '../../shared/domain/dates';
import { AppError, type ApiError, type Reply } from '../../shared/api/errors';
import { TEXT_RULE_PARAM } from '../../shared/api/text';
import type { AppInfo, DbStatus } from '../../shared/api/types';
import { autoBackup, autoBackupName, fsyncDir, fsyncFile, listBackups, stamp, writeBackup } from './db/backup';
import { describeHolders, holderParams, liveHolders, register, type Holder, type ProcessKind, type Registration } from './db/holders';
import { readWorkspaceId, WORKSPACE_KEY, workspaceIdOfFile } from './db/identity';
import { getMe } from './db/repos/identity';
import { migrate } from './db/migrate';
import { LATEST_VERSION } from './db/migrations';
import { checkBackupSource, copyDatabaseFile, describe, inspectDatabaseFile, openConnection, type DriverOptions } from './db/open';
import type { Printer } from './documents/printer';
import { checkDbFolder } from './paths';
import { ExportJobs } from './exports/jobs';
import { handlers, warmUp, type DbLifecycle, type SystemContext } from './handlers';

export interface BackendOptions extends DriverOptions {
  dbPath: string;
  transport: AppInfo['transport'];
  /**
   * What this process is, as other processes see it in the registration beside the database
   * (db/holders.ts). Defaults from the transport: electron = app, web = preview, cli, test.
   */
  kind?: ProcessKind;
  version?: string;
  /** Write the daily automatic backup after opening (the app and the preview do; the CLI does not). */
  autoBackup?: boolean;
  /**
   * Build the in-memory views (the account list's snapshot) right after opening, so the first screen
   * does not wait for them. The app and the preview do; the CLI and tests do not.
   */
  warmUp?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
  /** Prints documents to PDF/PNG (Electron's printToPDF in the app, Chromium elsewhere). */
  printer?: Printer;
  /**
   * Asks the user where to save a backup (the desktop app's save dialog); resolves to the chosen
   * path, or null when cancelled. Doors without one write "Back up now" into backups/.
   */
  chooseBackupPath?: (suggested: string, title: string | undefined) => Promise<string | null>;
}

/**
 * The backend: one database connection and the handler table. Every door (Electron IPC, the HTTP
 * bridge, the CLI, tests) calls `invoke`, which validates the argument against the contract and
 * turns every failure into a typed error reply.
 */
export class Backend {
  private db: Db | null = null;
  /** This process's entry beside the open database (db/holders.ts), while one is open. */
  private registration: Registration | null = null;
  private dbPath: string;
  private state: DbStatus['state'] = 'unreadable';
  private schemaVersion = 0;
  private detail: string | undefined;
  /** The open database's workspace id (null when none is open): its backups carry it. */
  private workspaceId: string | null = null;
  private readonly emitter = new EventEmitter();
  /** This Backend's running exports (forum-export with a jobId): export-cancel reaches only these. */
  private readonly jobs = new ExportJobs();
  private pendingBackup: Promise<unknown> = Promise.resolve();
  readonly now: () => Date;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: BackendOptions) {
    this.dbPath = path.resolve(opts.dbPath);
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? ((m) => process.stderr.write(`${m}\n`));
    this.open(this.dbPath);
  }

  // --- the one entry point ----------------------------------------------------------------------

  async invoke(method: string, rawArgs: unknown): Promise<Reply<unknown>> {
    if (!isMethod(method)) {
      return fail({ code: 'unknown-method', message: `No such method: ${describeMethod(method)}` });
    }
    const spec = contract[method];
    const parsed = (spec.args as z.ZodType).safeParse(rawArgs === undefined ? {} : rawArgs);
    if (!parsed.success) return fail(argsError(method, parsed.error));
    if (spec.needsDb && !this.db) {
      return fail({
        code: 'db-unavailable',
        message: `The database at ${this.dbPath} is not open (${this.state}).`,
      });
    }
    try {
      const handler = handlers[method] as (ctx: SystemContext, args: unknown) => unknown;
      let changed = true;
      const value = await handler(this.context(() => (changed = false)), parsed.data);
      // After a successful call: every window hears which tables the method declares it writes.
      if (changed && spec.writes.length > 0) this.emit('data-changed', { tables: [...spec.writes] });
      return { ok: true, value };
    } catch (e) {
      return fail(isBusy(e) ? this.busyError(method).toApiError() : toApiError(e, method, this.log));
    }
  }

  /** Calls a method and returns its value, throwing an AppError on a failed reply (CLI, tests). */
  async call<M extends Method>(method: M, args: z.input<(typeof contract)[M]['args']>) {
    const reply = await this.invoke(method, args);
    if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.params);
    return reply.value as NonNullable<(typeof contract)[M]['result']>;
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  /** Waits for background work (the automatic backup) and closes the connection and the printer. */
  async close(): Promise<void> {
    await this.pendingBackup;
    this.closeConnection();
    await this.opts.printer?.close();
  }

  /** The document printer, or a typed error where this door has none. */
  printer(): Printer {
    if (!this.opts.printer) throw new AppError('printer-unavailable', 'This Keyplan has no document printer.');
    return this.opts.printer;
  }

  // --- database lifecycle -----------------------------------------------------------------------

  status(): DbStatus {
    const s: DbStatus = {
      state: this.state,
      path: this.dbPath,
      schemaVersion: this.schemaVersion,
      supportedVersion: LATEST_VERSION,
      backups: this.backups(),
    };
    if (this.detail) s.detail = this.detail;
    return s;
  }

  /** This database's backups in backups/ beside it (see listBackups). */
  backups() {
    return listBackups(this.dbPath, this.workspaceId, this.driver());
  }

  /** The better-sqlite3 driver options (Electron's own native build in the app). */
  driver(): DriverOptions {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  /** The desktop app's save dialog for backups, where this door has one. */
  backupPathChooser(): BackendOptions['chooseBackupPath'] {
    return this.opts.chooseBackupPath;
  }

  info(): AppInfo {
    return {
      name: 'Keyplan',
      version: this.opts.version ?? '0.0.0',
      schemaVersion: this.schemaVersion,
      dbPath: this.dbPath,
      transport: this.opts.transport,
    };
  }

  /** The open connection; handlers that need the database get it here. */
  connection(): Db {
    if (!this.db) throw new AppError('db-unavailable', `The database at ${this.dbPath} is not open.`);
    return this.db;
  }

  /**
   * Opens `file` as the current database. A file that cannot be read, is corrupt or is newer than the
   * app is left exactly as it is and reported through status(); nothing is written to it.
   */
  open(file: string): DbStatus {
    this.closeConnection();
    this.dbPath = path.resolve(file);
    this.detail = undefined;
    this.workspaceId = null;
    const seen = inspectDatabaseFile(this.dbPath, this.opts);
    if (seen.state !== 'ok' && seen.state !== 'missing') {
      this.state = seen.state;
      this.schemaVersion = seen.schemaVersion;
      this.detail = seen.detail;
      // a damaged or newer Keyplan file may still say which database it is (read-only, from the
      // header and settings), so its backups can be told from other databases' ones
      this.workspaceId = workspaceIdOfFile(this.dbPath, this.driver());
      this.log(`keyplan: database ${this.dbPath} not opened (${seen.state}): ${seen.detail}`);
      return this.announce();
    }
    let db: Db | undefined;
    try {
      db = openConnection(this.dbPath, this.opts);
      migrate(db, { now: this.now });
      this.workspaceId = readWorkspaceId(db);
      this.db = db;
      this.state = 'ok';
      this.schemaVersion = LATEST_VERSION;
      this.registration = register(this.dbPath, { kind: this.kind(), user: settingsUser(db), now: this.now() }, this.log);
    } catch (e) {
      db?.close();
      this.workspaceId = null;
      const err = e instanceof AppError ? e : null;
      this.state = err?.code === 'db-newer' ? 'newer' : 'unreadable';
      this.detail = describe(e);
      this.log(`keyplan: could not open ${this.dbPath}: ${this.detail}`);
      return this.announce();
    }
    if (this.opts.warmUp) {
      const conn = this.db;
      setImmediate(() => {
        if (this.db !== conn) return;
        try {
          warmUp(conn, this.now());
        } catch (e) {
          this.log(`keyplan: warming up failed: ${describe(e)}`);
        }
      });
    }
    if (this.opts.autoBackup) {
      const conn = this.db;
      this.pendingBackup = autoBackup(conn, this.dbPath, this.now(), this.driver()).catch((e: unknown) => {
        this.log(`keyplan: automatic backup failed: ${describe(e)}`);
      });
    }
    return this.announce();
  }

  /** Starts a new, empty database at a path where nothing exists yet. */
  create(file: string): DbStatus {
    const target = path.resolve(file);
    if (fs.existsSync(target)) {
      throw new AppError('file-exists', `${target} already exists; choose a new file name.`, { path: target });
    }
    // Refused before the current database is closed: a folder that does not exist is not created.
    checkDbFolder(target);
    // a database deleted under a running Keyplan: its -wal and registration are still there
    const others = target === this.dbPath ? this.holders() : liveHolders(target);
    if (others.length > 0) {
      throw new AppError('db-in-use', `Cannot create ${target}: it is still open in ${describeHolders(others)}.`, {
        ...holderParams(others),
        path: target,
      });
    }
    return this.open(target);
  }

  /** Opens another existing database file. */
  openExisting(file: string): DbStatus {
    const target = path.resolve(file);
    if (!fs.existsSync(target)) {
      throw new AppError('file-not-found', `${target} does not exist.`, { path: target });
    }
    return this.open(target);
  }

  /**
   * Replaces the current database with a backup after checking the backup. A healthy current file is
   * first backed up (suffix -before-restore); a file that could not be read is renamed aside
   * untouched (suffix .unreadable-<time>), never overwritten.
   */
  async restore(from: string): Promise<DbStatus> {
    const source = path.resolve(from);
    if (!fs.existsSync(source)) {
      throw new AppError('file-not-found', `${source} does not exist.`, { path: source });
    }
    if (source === this.dbPath) {
      throw new AppError('backup-invalid', 'A database cannot be restored from itself.', { path: source });
    }
    checkBackupSource(source, inspectDatabaseFile(source, this.opts));
    this.refuseWhileHeld('restore');
    const workspaceId = this.workspaceId; // the restored file becomes this database: it keeps its id
    await this.pendingBackup;
    const now = this.now();
    const moved: [string, string][] = [];
    if (this.db) {
      await writeBackup(this.db, autoBackupName(this.dbPath, now, '-before-restore'), this.driver());
      this.closeConnection();
      // Asked again with our connection closed, just before the file is replaced: a process that
      // opened it meanwhile keeps it (and we stay open on it).
      try {
        this.refuseWhileHeld('restore');
      } catch (e) {
        this.open(this.dbPath);
        throw e;
      }
    } else if (fs.existsSync(this.dbPath)) {
      const aside = `${this.dbPath}.${this.state}-${stamp(now)}`;
      for (const ext of ['', '-wal', '-shm']) {
        if (fs.existsSync(this.dbPath + ext)) {
          fs.renameSync(this.dbPath + ext, aside + ext);
          moved.push([aside + ext, this.dbPath + ext]);
        }
      }
    }
    const tmp = `${this.dbPath}.restoring-${process.pid}`;
    try {
      await copyDatabaseFile(source, tmp, this.opts);
      fsyncFile(tmp);
      for (const ext of ['-wal', '-shm']) fs.rmSync(this.dbPath + ext, { force: true });
      fs.renameSync(tmp, this.dbPath);
      fsyncDir(path.dirname(this.dbPath));
    } catch (e) {
      // The copy failed (a full disk, say): put back what was there and open it again, so the app
      // is where it was before the attempt rather than closed with a healthy-looking status.
      for (const [from, to] of moved) fs.renameSync(from, to);
      this.open(this.dbPath);
      throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return this.keepWorkspace(workspaceId, this.open(this.dbPath));
  }

  /**
   * After a restore: the database keeps the workspace id it had, so its backups (the pre-restore
   * copy among them) stay listed, also when the backup came from an older Keyplan (no id: migration
   * 0007 just gave it a new one) or from another database's file.
   */
  private keepWorkspace(workspaceId: string | null, status: DbStatus): DbStatus {
    if (!this.db || workspaceId === null || this.workspaceId === workspaceId) return status;
    this.db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(workspaceId, WORKSPACE_KEY);
    this.workspaceId = workspaceId;
    return this.announce();
  }

  /** The other live processes that have this database open (db/holders.ts), oldest first. */
  holders(): Holder[] {
    return liveHolders(this.dbPath, this.registration);
  }

  /**
   * Throws `db-in-use` naming the other process(es) that have the database open. Called before
   * anything replaces, renames or deletes the database file or its -wal/-shm: under a live process
   * that would lose the writes it acknowledges afterwards.
   */
  refuseWhileHeld(action: string): void {
    const others = this.holders();
    if (others.length === 0) return;
    throw new AppError(
      'db-in-use',
      `Cannot ${action} ${this.dbPath}: it is open in ${describeHolders(others)}. Close it there first.`,
      { ...holderParams(others), path: this.dbPath },
    );
  }

  /** The typed error for a write that waited for the lock and is still refused: who holds it. */
  busyError(method: string): AppError {
    const others = this.holders();
    return new AppError(
      'db-busy',
      `${method}: The database is busy: ${describeHolders(others)} is writing to ${this.dbPath}. Nothing was changed; try again.`,
      holderParams(others),
    );
  }

  /** Waits for the automatic backup started by the last open (tests, CLI). */
  async settled(): Promise<void> {
    await this.pendingBackup;
  }

  private kind(): ProcessKind {
    if (this.opts.kind) return this.opts.kind;
    return KIND_OF_TRANSPORT[this.opts.transport];
  }

  private closeConnection(): void {
    // With another process on the file, a TRUNCATE checkpoint would wait (up to the busy timeout)
    // for its readers and writers; a passive one copies what it can and never waits.
    const alone = this.db ? this.holders().length === 0 : true;
    this.registration?.release();
    this.registration = null;
    if (!this.db) return;
    try {
      this.db.pragma(alone ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    } catch {
      // a busy checkpoint is fine: WAL is replayed on the next open
    }
    this.db.close();
    this.db = null;
    this.workspaceId = null;
  }

  private announce(): DbStatus {
    const s = this.status();
    this.emit('db-changed', s);
    return s;
  }

  /** What the database lifecycle methods (handlers/system.ts) may do with this Backend. */
  private readonly lifecycle: DbLifecycle = {
    info: () => this.info(),
    status: () => this.status(),
    backups: () => this.backups(),
    openExisting: (file) => this.openExisting(file),
    create: (file) => this.create(file),
    restore: (from) => this.restore(from),
    driver: () => this.driver(),
    backupPathChooser: () => this.backupPathChooser(),
  };

  /** One call's context (handlers/types.ts): the database, the clock, the printer, events, who I am. */
  private context(nothingChanged: () => void): SystemContext {
    const db = () => this.connection();
    return {
      db,
      now: () => this.now(),
      today: (given) => given ?? dateOf(this.now()),
      printer: () => this.printer(),
      emit: (event, payload) => this.emit(event, payload),
      session: { me: () => getMe(db()) },
      jobs: this.jobs,
      nothingChanged,
      lifecycle: this.lifecycle,
    };
  }
}

/**
 * A refused argument: `text-control-char` (with the field and the character) when the text rule of
 * shared/api/text.ts refused it, so the user reads why; else `invalid-args` with zod's account.
 */
export function argsError(method: string, error: z.ZodError): ApiError {
  const issue = error.issues.find((i) => i.code === 'custom' && (i as { params?: Record<string, unknown> }).params?.[TEXT_RULE_PARAM]);
  if (issue) {
    const field = issue.path.map(String).join('.');
    const char = String((issue as { params?: Record<string, unknown> }).params?.char ?? '');
    return { code: 'text-control-char', message: `${method}: ${field || 'the text'} contains the control character ${char}; it is not allowed there.`, params: { field, char } };
  }
  return { code: 'invalid-args', message: `${method}: ${z.prettifyError(error)}` };
}

const KIND_OF_TRANSPORT: Record<AppInfo['transport'], ProcessKind> = { electron: 'app', web: 'preview', cli: 'cli', test: 'test' };

/**
 * SQLite's "another connection has the lock" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes),
 * which a write meets only after waiting the busy timeout (see db/tx.ts): said as `db-busy`.
 */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The user chosen in Settings, for the registration; none when unset (the OS user is not news). */
function settingsUser(db: Db): string | undefined {
  try {
    const v = db.prepare("SELECT value FROM settings WHERE key = 'user.name'").pluck().get();
    return typeof v === 'string' && v ? v.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

function fail(error: ApiError): Reply<never> {
  return { ok: false, error };
}

export function toApiError(e: unknown, method: string, log: (m: string) => void): ApiError {
  if (e instanceof AppError) return e.toApiError();
  const code = (e as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', message: `${method}: ${describe(e)}` };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { code: 'db-corrupt', message: `${method}: ${describe(e)}` };
  }
  if (isBusy(e)) {
    // the Backend names who holds the lock (busyError); without it, still never `internal`
    return { code: 'db-busy', message: `${method}: The database is busy: ${describe(e)}`, params: holderParams([]) };
  }
  log(`keyplan: ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return { code: 'internal', message: `${method}: ${describe(e)}` };
}

/** A printable name for whatever arrived as a method, even an object whose toString is broken. */
function describeMethod(method: unknown): string {
  if (typeof method === 'string') return method.slice(0, 100);
  try {
    return String(method).slice(0, 100);
  } catch {
    return `(${typeof method})`;
  }
}
