/**
 * Error codes the backend may answer with. Every code has a translation under `errors.<code>` in
 * shared/i18n; the UI shows the translation, never the raw message (which is for logs and the CLI).
 */
export const ERROR_CODES = [
  'invalid-args',
  'unknown-method',
  'not-found',
  'conflict',
  'db-unavailable',
  'db-corrupt',
  'db-newer',
  'db-unreadable',
  'file-not-found',
  'file-exists',
  'backup-invalid',
  /** A restore from a file that is not a Keyplan database (empty, or another program's SQLite file). */
  'backup-not-keyplan',
  'forbidden',
  'printer-unavailable',
  'import-empty',
  'import-not-table',
  'import-no-name',
  /** A people list without a column for the person's name. */
  'import-no-person-name',
  'import-bad-map',
  /** An import file over the size an import takes (MAX_IMPORT_BYTES), or an XLSX that unpacks to too much. */
  'import-too-large',
  /** A cell or row of an import file over MAX_IMPORT_RECORD_CHARS (mostly: a quote never closed); names its line. */
  'import-cell-too-long',
  /** An import path that is no regular file (a folder, a device such as /dev/zero, a pipe, a socket). */
  'import-not-a-file',
  'sample-not-empty',
  /** A reporting line that would make someone (indirectly) their own manager. */
  'reporting-cycle',
  /** A line or membership across two accounts' maps, or a tender of another account. */
  'map-mismatch',
  /** A second plan for the same account and year. */
  'plan-exists',
  /** A plan section changed since the editor read it (another window, the CLI): nothing was overwritten. */
  'plan-conflict',
  /** A reassignment whose account changed owner since the screen read it (another window, the CLI): nothing was saved. */
  'capacity-stale',
  /** A status move the workflow does not allow (e.g. draft straight to approved). */
  'plan-transition',
  /** A plan section's text is longer than a section may be. */
  'plan-text-too-long',
  /** A plan version that does not exist. */
  'plan-version-not-found',
  /**
   * Restore (or anything that replaces the database file) refused: another live Keyplan process has
   * the database open. Params name the first one: kind (app, preview, cli, test), pid, host, since,
   * user, others (how many more).
   */
  'db-in-use',
  /**
   * A write waited the busy timeout for another process's write lock and was refused; nothing was
   * changed. Params as db-in-use (kind 'unknown' when nobody is registered).
   */
  'db-busy',
  /** An export stopped by export-cancel. */
  'export-cancelled',
  /** A request to the browser preview's HTTP bridge larger than it reads (params: maxMb). */
  'request-too-large',
  /** Text with a control character, line break (in a one-line field) or bidi override (shared/api/text.ts). */
  'text-control-char',
  /** An output path that cannot be written: a missing folder, a directory, a device (the CLI's --out). */
  'out-path-invalid',
  /** An explicit database path whose folder does not exist (--db, KEYPLAN_DB): nothing is created. */
  'db-folder-missing',
  /** A customer version of something that is internal only (the portfolio board). */
  'board-internal-only',
  /** The CLI's --account (or --accounts) names no account; params: name, near (close names, listed). */
  'account-not-found',
  /** The CLI's --account matches several accounts but none exactly; params: name, names. */
  'account-ambiguous',
  /** The CLI's --tender names no opportunity of the account; params: account, name, choices. */
  'tender-not-found',
  /** The CLI's --tender names several opportunities of the account; params: account, name, n, ids. */
  'tender-ambiguous',
  /** Restoring an account from the bin while a live account has its name (params: name). */
  'bin-name-taken',
  /** Purging or restoring an account that is no longer in the bin (restored meanwhile; params: name). */
  'bin-not-in-bin',
  /** An exchange-rate table that cannot be kept: a rate for the reporting currency itself, or one currency twice. */
  'fx-rates-invalid',
  /** "I am" must be one of our active people (params: name). */
  'person-inactive',
  /** Health weights that do not sum to 100 (params: total). */
  'health-weights-sum',
  /** A decision on a warning that is no longer suggested (the score recovered, or decided meanwhile). */
  'health-no-warning',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** English, for logs and the CLI. The UI translates `code` (with `params`) instead. */
  message: string;
  /** Values interpolated into the translated message, e.g. `{ found: 7, supported: 3 }`. */
  params?: Record<string, string | number>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by backend code; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  constructor(code: ErrorCode, message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (params) this.params = params;
  }
  toApiError(): ApiError {
    return this.params
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
