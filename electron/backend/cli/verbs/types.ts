import type { Backend } from '../../backend';

/** Where the CLI writes and what it reads from its environment (tests pass their own). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_DB = 2;

export interface Flags {
  out?: string;
  from?: string;
  json?: boolean;
  map?: string;
  'skip-invalid'?: boolean;
  'dry-run'?: boolean;
  format?: string;
  locale?: string;
  accounts?: string;
  account?: string;
  tender?: string;
  days?: string;
  safe?: boolean;
  year?: string;
  'infer-levels'?: boolean;
  /** The accounts filter of `list accounts` and `export accounts` (cli/account-filter.ts). */
  search?: string;
  tier?: string;
  owner?: string;
  industry?: string;
  region?: string;
  grade?: string;
  overdue?: boolean;
}

export interface Verb {
  /** Whether the verb needs a healthy database before it runs. */
  needsDb: boolean;
  /**
   * Checks the arguments before the database is opened (a UsageError or AppError refuses them), so
   * a usage error creates no file. run() may rely on what check() accepted.
   */
  check?(positionals: string[], flags: Flags): void;
  /** The verb writes its --out file through cli/files.ts; the path is checked before opening. */
  writesOut?: boolean;
  run(backend: Backend, positionals: string[], flags: Flags, io: CliIo): Promise<number>;
}
