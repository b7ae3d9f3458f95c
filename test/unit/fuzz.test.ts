/**
 * Property tests at the door: whatever a caller sends, the backend answers with a typed error
 * reply, never throws, and never changes the database on the way.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, contract, isMethod, type Method } from '../../shared/api/contract';
import type { Backend } from '../../electron/backend/backend';
import { dumpDb, makeTmpDir, type DbDump } from './helpers';
import fs from 'node:fs';
import path from 'node:path';
import { Backend as BackendClass } from '../../electron/backend/backend';

const RUNS = 60;

/** Values of many shapes, including ones that look almost right (objects with the real keys). */
function malformed(method: Method): fc.Arbitrary<unknown> {
  const keys = Object.keys((contract[method].args as unknown as { shape?: object }).shape ?? {});
  const nearMiss = fc.dictionary(
    fc.constantFrom(...keys, 'extra', '__proto__', 'constructor', 'toString'),
    fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.double()),
    { maxKeys: 4 },
  );
  return fc.oneof(
    fc.anything(),
    fc.object(),
    nearMiss,
    fc.array(fc.anything(), { maxLength: 4 }),
    fc.string(),
    fc.constantFrom(null, 0, -1, NaN, Infinity, true, '', [], new Date(0), () => 1, Symbol('s')),
  );
}

/**
 * What the contract rejects. `undefined` is the one value the dispatcher rewrites (to `{}`, "no
 * argument"), so it is judged as `{}`.
 */
function rejected(method: Method, value: unknown): boolean {
  return !contract[method].args.safeParse(value === undefined ? {} : value).success;
}

describe('malformed arguments', () => {
  let dir: string;
  let backend: Backend;
  let baseline: DbDump;

  beforeAll(async () => {
    dir = makeTmpDir('keyplan-fuzz-');
    backend = new BackendClass({ dbPath: path.join(dir, 'keyplan.db'), transport: 'test', log: () => {} });
    for (const name of ['Acme', '华为技术', 'Globex']) await backend.call('accounts-create', { name });
    baseline = dumpDb(backend.connection());
  });

  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(METHODS)('%s: anything the schema rejects answers invalid-args and changes nothing', async (method) => {
    const filesBefore = fs.readdirSync(dir).sort();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        malformed(method).filter((v) => rejected(method, v)),
        async (value) => {
          tried++;
          let reply;
          try {
            reply = await backend.invoke(method, value);
          } catch (e) {
            throw new Error(`invoke threw: ${String(e)}`, { cause: e });
          }
          expect(reply.ok).toBe(false);
          if (reply.ok) return;
          expect(reply.error.code).toBe('invalid-args');
          expect(reply.error.message.startsWith(`${method}: `)).toBe(true);
          // the reply crosses a process boundary: it must survive JSON
          expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
        },
      ),
      { numRuns: RUNS },
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS);
    expect(dumpDb(backend.connection())).toEqual(baseline);
    expect(backend.status()).toMatchObject({ state: 'ok', path: path.join(dir, 'keyplan.db') });
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('random method names answer unknown-method', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.stringMatching(/^[a-z]{1,10}(-[a-z]{1,10}){0,2}$/), fc.constantFrom('__proto__', 'toString', 'constructor')),
        fc.anything(),
        async (name, args) => {
          fc.pre(!isMethod(name));
          const reply = await backend.invoke(name, args);
          expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(dumpDb(backend.connection())).toEqual(baseline);
  });

  it('non-string method names answer unknown-method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((x) => typeof x !== 'string'), async (name) => {
        const reply = await backend.invoke(name as string, {});
        expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }),
      { numRuns: RUNS },
    );
  });

  it('a method name whose toString is broken still answers unknown-method', async () => {
    for (const name of [{ toString: [] }, Object.create(null), Symbol('m')]) {
      const reply = await backend.invoke(name as unknown as string, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('valid account names round-trip exactly (after trimming)', async () => {
    const seen = new Set((await backend.call('accounts-list', {})).map((a) => a.name));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })),
        async (raw) => {
          const name = raw.trim();
          fc.pre(name.length > 0 && name.length <= 200 && !seen.has(name));
          const created = await backend.call('accounts-create', { name: raw });
          seen.add(name);
          expect(created.name).toBe(name);
          const found = await backend.call('accounts-list', { search: name });
          expect(found.map((a) => a.id)).toContain(created.id);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
