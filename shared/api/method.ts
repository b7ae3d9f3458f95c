import type { z } from 'zod';
import { nameText } from './text';

export interface MethodSpec<S extends z.ZodType, R> {
  args: S;
  /** Phantom field carrying the result type; never read at run time. */
  result?: R;
  /** Whether the method needs an open, healthy database (most do). */
  needsDb: boolean;
}

/** Declares a method: `method<Result>()(argsSchema, { needsDb })`. */
export function method<R>() {
  return <S extends z.ZodType>(args: S, opts: { needsDb?: boolean } = {}): MethodSpec<S, R> => ({
    args,
    needsDb: opts.needsDb ?? true,
  });
}

/** A name a person types: trimmed, non-empty, bounded, on one line (no control characters, shared/api/text.ts). */
export const nameSchema = nameText(200);
