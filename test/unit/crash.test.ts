/**
 * Crash safety: a writer process is killed with SIGKILL at a random moment, over and over, on the
 * same database file. Every write it acknowledged must be there afterwards, and the file must pass
 * integrity_check. Rounds: KEYPLAN_CRASH_ROUNDS (default 50); seed: KEYPLAN_CRASH_SEED.
 *
 * Pair rounds (KEYPLAN_CRASH_PAIR_ROUNDS, default 6): two writers write at once, one is killed while
 * the other goes on, then the other; every acknowledged write of both must be there, and the two
 * dead writers' registrations beside the database (db/holders.ts) must count for nothing.
 *
 * The writer is test/unit/fixtures/crash-writer.ts. Loading it with `node --import tsx` costs about
 * a second of CPU per process, so by default it is bundled once with esbuild (which tsx and vite
 * bring along) and run with plain node; KEYPLAN_CRASH_RUNNER=tsx (or esbuild missing) runs it with
 * `node --import tsx` instead. Either way it is the same backend code in a separate process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { liveHolders } from '../../electron/backend/db/holders';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { openReadOnly, useTestEnv } from './helpers';

const env = useTestEnv();
const ROUNDS = Number(process.env.KEYPLAN_CRASH_ROUNDS ?? 50);
const PAIR_ROUNDS = Number(process.env.KEYPLAN_CRASH_PAIR_ROUNDS ?? 6);
const SEED = Number(process.env.KEYPLAN_CRASH_SEED ?? Date.now() % 1_000_000);
/** Writers loading in the background while the current one runs. */
const AHEAD = 2;
const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(import.meta.dirname, 'fixtures', 'crash-writer.ts');

/** How to start a writer: node's arguments before DB_PATH PREFIX. */
let writerArgs: string[] = ['--import', 'tsx', WRITER];
let bundle: string | null = null;

beforeAll(async () => {
  if (process.env.KEYPLAN_CRASH_RUNNER === 'tsx') return;
  try {
    const esbuild = await import('esbuild');
    // inside the repo, so the bundle's bare imports (better-sqlite3, zod) resolve from node_modules
    const out = path.join(ROOT, 'node_modules', '.cache', 'keyplan-unit', `crash-writer-${process.pid}-${Date.now()}.mjs`);
    await esbuild.build({
      entryPoints: [WRITER],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    bundle = out;
    writerArgs = [out];
  } catch {
    // no esbuild: stay with tsx
  }
});

afterAll(() => {
  if (bundle) fs.rmSync(bundle, { force: true });
});

/** mulberry32: a seeded generator, so a failing run can be repeated with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Writer {
  child: ChildProcess;
  /** Complete lines printed so far: the acknowledged names. */
  lines: string[];
  stderr: string;
  /** Resolves when the first acknowledged name arrives. */
  firstWrite: Promise<void>;
  /** Resolves once the process is gone and its stdout fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWriter(dbPath: string, prefix: string): Writer {
  const child = spawn(process.execPath, [...writerArgs, dbPath, prefix], { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT });
  const w: Writer = { child, lines: [], stderr: '', firstWrite: Promise.resolve(), closed: Promise.resolve({ code: null, signal: null }) };
  let partial = '';
  let onFirst: () => void = () => {};
  w.firstWrite = new Promise<void>((resolve) => (onFirst = resolve));
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    // a line without its newline was cut by the kill: it is not an acknowledgement
    partial = parts.pop()!;
    if (parts.length) {
      w.lines.push(...parts);
      onFirst();
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (w.stderr += c));
  w.closed = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return w;
}

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const dbPath = env.file('crash.db');
    const random = rng(SEED);
    const acknowledged = new Set<string>();
    const pool: Writer[] = [];
    let spawned = 0;
    const topUp = () => {
      while (pool.length < AHEAD + 1 && spawned < ROUNDS) pool.push(startWriter(dbPath, `r${spawned++}`));
    };

    try {
      for (let round = 0; round < ROUNDS; round++) {
        topUp();
        const w = pool.shift()!;
        w.child.stdin!.write('go\n');
        // wait for the first acknowledged write, or an early death (which is a failure)
        const early = await Promise.race([w.firstWrite.then(() => null), w.closed]);
        if (early) throw new Error(`round ${round}: writer exited early (${JSON.stringify(early)}): ${w.stderr}`);
        topUp();
        const delay = 50 + Math.floor(random() * 350);
        await new Promise((r) => setTimeout(r, delay));
        w.child.kill('SIGKILL');
        const end = await w.closed;
        expect(end.signal, `round ${round}: ${w.stderr}`).toBe('SIGKILL');
        expect(w.lines.length).toBeGreaterThan(0);
        for (const l of w.lines) acknowledged.add(l);

        // look at the file as the crash left it (hot WAL and all), without recovering it for the next writer
        const db = openReadOnly(dbPath);
        try {
          const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
          expect(check, `round ${round}, seed ${SEED}`).toEqual(['ok']);
          const names = new Set(db.prepare('SELECT name FROM accounts').pluck().all() as string[]);
          const lost = [...acknowledged].filter((n) => !names.has(n));
          expect(lost, `round ${round}, seed ${SEED}: acknowledged but missing`).toEqual([]);
          // at most one write per round can be committed without having been acknowledged
          expect(names.size - acknowledged.size).toBeGreaterThanOrEqual(0);
          expect(names.size - acknowledged.size).toBeLessThanOrEqual(round + 1);
        } finally {
          db.close();
        }
      }
    } finally {
      for (const w of pool) w.child.kill('SIGKILL');
      await Promise.all(pool.map((w) => w.closed));
    }

    // the app opens the crashed file normally, and the doctor is happy
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
    const backend = new Backend({ dbPath, transport: 'test', log: () => {} });
    try {
      expect(backend.status()).toMatchObject({ state: 'ok', schemaVersion: LATEST_VERSION });
      const report = await backend.call('db-doctor', {});
      expect(report.ok).toBe(true);
      expect(report.counts.accounts).toBeGreaterThanOrEqual(acknowledged.size);
      const names = new Set((await backend.call('accounts-list', {})).map((a) => a.name));
      for (const n of acknowledged) expect(names.has(n), n).toBe(true);
      for (const n of names) expect(n).toMatch(/^r\d+-\d+-(客户|account)(-renamed)?$/);
    } finally {
      await backend.close();
    }
  });
  it(`keeps every acknowledged write of two writers at once through ${PAIR_ROUNDS} pair rounds (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const dbPath = env.file('pairs.db');
    // one migrated file to start from, so both writers of the first round find it ready
    await new Backend({ dbPath, transport: 'test', log: () => {} }).close();
    const random = rng(SEED + 1);
    const acknowledged = new Set<string>();
    const pool: Writer[][] = [];
    let spawned = 0;
    const topUp = () => {
      while (pool.length < 2 && spawned < PAIR_ROUNDS) {
        const r = spawned++;
        pool.push([startWriter(dbPath, `p${r}a`), startWriter(dbPath, `p${r}b`)]);
      }
    };
    try {
      for (let round = 0; round < PAIR_ROUNDS; round++) {
        topUp();
        const pair = pool.shift()!;
        for (const w of pair) w.child.stdin!.write('go\n');
        for (const w of pair) {
          const early = await Promise.race([w.firstWrite.then(() => null), w.closed]);
          if (early) throw new Error(`pair round ${round}: writer exited early (${JSON.stringify(early)}): ${w.stderr}`);
        }
        topUp();
        // both are writing now; one dies while the other goes on, then the other
        const order = random() < 0.5 ? pair : [pair[1]!, pair[0]!];
        for (const w of order) {
          await new Promise((r) => setTimeout(r, 30 + Math.floor(random() * 200)));
          w.child.kill('SIGKILL');
          const end = await w.closed;
          expect(end.signal, `pair round ${round}: ${w.stderr}`).toBe('SIGKILL');
          for (const l of w.lines) acknowledged.add(l);
        }
        expect(liveHolders(dbPath), `pair round ${round}: dead writers still count as holders`).toEqual([]);

        const db = openReadOnly(dbPath);
        try {
          const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
          expect(check, `pair round ${round}, seed ${SEED}`).toEqual(['ok']);
          const names = new Set(db.prepare('SELECT name FROM accounts').pluck().all() as string[]);
          const lost = [...acknowledged].filter((n) => !names.has(n));
          expect(lost, `pair round ${round}, seed ${SEED}: acknowledged but missing`).toEqual([]);
          // at most one unacknowledged write per killed writer
          expect(names.size - acknowledged.size).toBeGreaterThanOrEqual(0);
          expect(names.size - acknowledged.size).toBeLessThanOrEqual(2 * (round + 1));
        } finally {
          db.close();
        }
      }
    } finally {
      for (const pair of pool) for (const w of pair) w.child.kill('SIGKILL');
      await Promise.all(pool.flat().map((w) => w.closed));
    }
    const backend = new Backend({ dbPath, transport: 'test', log: () => {} });
    try {
      expect((await backend.call('db-doctor', {})).ok).toBe(true);
      const names = new Set((await backend.call('accounts-list', {})).map((a) => a.name));
      for (const n of acknowledged) expect(names.has(n), n).toBe(true);
      // both writers of every round got writes through
      for (let r = 0; r < PAIR_ROUNDS; r++) {
        for (const side of ['a', 'b']) expect([...acknowledged].some((n) => n.startsWith(`p${r}${side}-`)), `p${r}${side}`).toBe(true);
      }
    } finally {
      await backend.close();
    }
  });
});
