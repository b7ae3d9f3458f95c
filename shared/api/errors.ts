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
  'forbidden',
  'printer-unavailable',
  'import-empty',
  'import-not-table',
  'import-no-name',
  /** A people list without a column for the person's name. */
  'import-no-person-name',
  'import-bad-map',
  'sample-not-empty',
  /** A reporting line that would make someone (indirectly) their own manager. */
  'reporting-cycle',
  /** A line or membership across two accounts' maps, or a tender of another account. */
  'map-mismatch',
  /** A second plan for the same account and year. */
  'plan-exists',
  /** A plan section changed since the editor read it (another window, the CLI): nothing was overwritten. */
  'plan-conflict',
  /** A status move the workflow does not allow (e.g. draft straight to approved). */
  'plan-transition',
  /** A plan section's text is longer than a section may be. */
  'plan-text-too-long',
  /** A plan version that does not exist. */
  'plan-version-not-found',
  /** An export stopped by export-cancel. */
  'export-cancelled',
  /** A customer version of something that is internal only (the portfolio board). */
  'board-internal-only',
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
