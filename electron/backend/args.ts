/** Small shared argument helpers for the CLI and the preview server. */
export class UsageError extends Error {
  /** A catalogue key for the message (the CLI prints it in the language of --locale). */
  readonly key: string | undefined;
  readonly params: Record<string, string | number>;
  constructor(message: string, key?: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'UsageError';
    this.key = key;
    this.params = params;
  }
}

/** Parses a TCP port given on the command line. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}
