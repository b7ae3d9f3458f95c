/**
 * What a CLI verb is (run.ts runs one per process), what it writes to, and the exit codes. Verbs
 * (cli/verbs/*) import from here, cli/flags.ts, cli/lookup.ts, cli/files.ts, cli/say.ts and the
 * other cli/ helpers, shared/ and the backend; never from each other nor from run.ts.
 */
import type { Backend } from '../backend';
import type { Flags } from './flags';

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_DB = 2;

/** Where a command writes: stdout and stderr (every line escaped by run.ts), and its environment. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Verb {
  /** Whether the verb needs a healthy database before it runs. */
  needsDb: boolean;
  /**
   * Checks the arguments before the database is opened (a UsageError or AppError refuses them), so
   * a usage error creates no file. run() may rely on what check() accepted. --locale is checked
   * by run.ts before this.
   */
  check?(positionals: string[], flags: Flags): void;
  /** The verb writes its --out file through cli/files.ts; the path is checked before opening. */
  writesOut?: boolean;
  run(backend: Backend, positionals: string[], flags: Flags, io: CliIo): Promise<number>;
}
