import type { z } from 'zod';
import type { TableName } from './tables';
import { nameText } from './text';

export interface MethodSpec<S extends z.ZodType, R> {
  args: S;
  /** Phantom field carrying the result type; never read at run time. */
  result?: R;
  /** Whether the method needs an open, healthy database (most do). */
  needsDb: boolean;
  /**
   * The tables a successful call may write. `Backend.invoke` announces them to every window
   * (`data-changed`) after the call; a read declares none and announces nothing. A call that turns
   * out to change nothing (a dry run, a move of nobody) may say so (`ctx.nothingChanged()`).
   */
  writes: readonly TableName[];
}

/** Declares a method: `method<Result>()(argsSchema, { needsDb, writes })`. */
export function method<R>() {
  return <S extends z.ZodType>(args: S, opts: { needsDb?: boolean; writes: readonly TableName[] }): MethodSpec<S, R> => ({
    args,
    needsDb: opts.needsDb ?? true,
    writes: opts.writes,
  });
}

/** A name a person types: trimmed, non-empty, bounded, on one line (no control characters, shared/api/text.ts). */
export const nameSchema = nameText(200);
