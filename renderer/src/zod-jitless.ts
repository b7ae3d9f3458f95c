/**
 * `zod` as the renderer sees it: the same library, with its JIT off. Zod 4 compiles object parsers
 * with `new Function`, and to find out whether it may, it tries one when the first object schema is
 * built; under our CSP (no eval) that try is refused and reported as a violation on every load.
 * `jitless` skips the try and the compiler.
 *
 * The renderer build resolves the bare specifier `zod` to this module (electron.vite.config.ts), so
 * every module that builds a schema (shared/api, shared/domain, the renderer's own) imports it and
 * runs after the config call, whatever chunk the bundler puts it in. A call in main.tsx would not do:
 * the schemas live in a chunk shared with the lazy screens, which runs before the entry's own code.
 * The backend (Node, no CSP) keeps the JIT.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
