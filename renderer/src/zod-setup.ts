/**
 * Zod without its JIT. Zod 4 compiles object parsers with `new Function` and, to find out whether
 * it may, tries one when the first object schema is built; under our CSP (no eval) that try is
 * refused and logged as a violation on every load. jitless skips the try and the compiler. This
 * module is main.tsx's first import, so it runs before any module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
