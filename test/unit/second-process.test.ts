/**
 * A second Keyplan process on the same database (issue 10, items 2 and 4): every process that opens
 * a database registers beside it (db/holders.ts); restore refuses while another live one is there
 * and names it; a dead one's registration is ignored; a write that meets another process's write
 * lock waits, and is then refused as `db-busy` naming that process, never `internal`; nothing
 * acknowledged is ever lost. The other process is real: test/unit/fixtures/db-peer.ts run with
 * `node --import tsx`.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli/run';
import { holdersDir, liveHolders, register, shortTime } from '../../electron/backend/db/holders';
import { writeTx } from '../../electron/backend/db/tx';
import { accountNames, expectError, useTestEnv } from './helpers';

const env = useTestEnv();
const ROOT = path.resolve(import.meta.dirname, '../..');
const PEER = path.join(import.meta.dirname, 'fixtures', 'db-peer.ts');

type Msg = { ready?: number; ok?: string; err?: string; message?: string; params?: Record<string, string | number>; done?: number; locked?: boolean; unlocked?: boolean };

interface Peer {
  child: ChildProcess;
  pid: number;
  messages: Msg[];
  stderr: string;
  /** The first message (from the start) that matches; rejects when the process ends first. */
  next(pred: (m: Msg) => boolean): Promise<Msg>;
  send(line: string): void;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startPeer(dbPath: string, kind: string, busyMs?: number): Promise<Peer> {
  const args = ['--import', 'tsx', PEER, dbPath, kind, ...(busyMs === undefined ? [] : [String(busyMs)])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: ROOT });
  const waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void; reject: (e: Error) => void }[] = [];
  let ended = false;
  const p: Peer = {
    child,
    pid: child.pid!,
    messages: [],
    stderr: '',
    next(pred) {
      const seen = p.messages.find(pred);
      if (seen) return Promise.resolve(seen);
      if (ended) return Promise.reject(new Error(`peer ended: ${p.stderr}`));
      return new Promise((resolve, reject) => waiters.push({ pred, resolve, reject }));
    },
    send: (line) => child.stdin!.write(`${line}\n`),
    closed: new Promise((resolve) =>
      child.on('close', (code, signal) => {
        ended = true;
        for (const w of waiters.splice(0)) w.reject(new Error(`peer ended (${code ?? signal}): ${p.stderr}`));
        resolve({ code, signal });
      }),
    ),
  };
  let partial = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      const m = JSON.parse(line) as Msg;
      p.messages.push(m);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.pred(m)) waiters.splice(i, 1)[0]!.resolve(m);
      }
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => (p.stderr += c));
  await p.next((m) => m.ready !== undefined);
  return p;
}

async function stopPeer(p: Peer): Promise<void> {
  p.child.stdin!.end();
  const end = await p.closed;
  expect(end.code, p.stderr).toBe(0);
}

const acked = (p: Peer) => p.messages.filter((m) => m.ok !== undefined).map((m) => m.ok!);
const refused = (p: Peer) => p.messages.filter((m) => m.err !== undefined);

describe('a second process holds the database', () => {
  it('restore refuses, naming it, and nothing is lost; once it is killed its registration is ignored', { timeout: 60_000 }, async () => {
    const dbPath = env.file('keyplan.db');
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'Before backup' });
    const saved = await backend.call('db-backup', { out: env.file('saved.db') });

    const peer = await startPeer(dbPath, 'preview');
    peer.send('write p 20');
    await peer.next((m) => m.done !== undefined);
    expect(acked(peer)).toHaveLength(20);

    const error = expectError(await backend.invoke('db-restore', { from: saved.path }), 'db-in-use');
    expect(error.params).toMatchObject({ kind: 'preview', pid: peer.pid, host: os.hostname(), others: 0 });
    expect(error.message).toContain('the browser preview');
    expect(error.message).toContain(`process ${peer.pid}`);
    // nothing was replaced: both processes keep writing into the same file
    await backend.call('accounts-create', { name: 'After refusal' });
    peer.send('write q 5');
    await peer.next((m) => m.done === 5);
    const names = new Set((await backend.call('accounts-list', {})).map((a) => a.name));
    for (const n of [...acked(peer), 'Before backup', 'After refusal']) expect(names.has(n), n).toBe(true);
    expect(fs.readdirSync(env.dir).filter((n) => n.includes('before-restore') || n.includes('restoring'))).toEqual([]);

    // killed: its registration stays behind, but counts for nothing and is cleaned up
    peer.child.kill('SIGKILL');
    expect((await peer.closed).signal).toBe('SIGKILL');
    const leftBehind = fs.readdirSync(holdersDir(dbPath)).filter((n) => n.includes(`-${peer.pid}-`));
    expect(leftBehind).toHaveLength(1);
    expect(backend.holders()).toEqual([]);
    expect(fs.readdirSync(holdersDir(dbPath)).filter((n) => n.includes(`-${peer.pid}-`))).toEqual([]);

    const status = await backend.call('db-restore', { from: saved.path });
    expect(status.state).toBe('ok');
    expect((await backend.call('accounts-list', {})).map((a) => a.name)).toEqual(['Before backup']);
  });

  it('an entry from another host counts (it cannot be checked), and a malformed one does not', async () => {
    const dbPath = env.file('keyplan.db');
    const backend = env.backend();
    await backend.call('accounts-create', { name: 'Kept' });
    const saved = await backend.call('db-backup', { out: env.file('saved.db') });
    fs.writeFileSync(path.join(holdersDir(dbPath), 'junk.json'), '{"pid":');
    expect(backend.holders()).toEqual([]);
    const since = '2026-01-02T03:04:05.000Z';
    fs.writeFileSync(
      path.join(holdersDir(dbPath), 'far-away-4242-abcd.json'),
      JSON.stringify({ pid: 4242, host: 'far-away.example', kind: 'app', user: '王伟', since }),
    );
    const error = expectError(await backend.invoke('db-restore', { from: saved.path }), 'db-in-use');
    expect(error.params).toMatchObject({ kind: 'app', pid: 4242, host: 'far-away.example', since: shortTime(since), user: '王伟' });
    // local time, to the second
    expect(shortTime(since)).toMatch(/^2026-01-0[12] \d\d:\d4:05$/);
    expect(accountNames(dbPath)).toEqual(['Kept']);
  });

  it('a second Backend in the same process counts as well; a closed one does not', async () => {
    const dbPath = env.file('keyplan.db');
    const backend = env.backend();
    const other = env.backend();
    expect(backend.holders().map((h) => h.pid)).toEqual([process.pid]);
    await other.close();
    expect(backend.holders()).toEqual([]);
    // the folder goes with the last one
    await backend.close();
    expect(fs.existsSync(holdersDir(dbPath))).toBe(false);
  });

  it('db-create refuses a path whose database was deleted under a running process', { timeout: 60_000 }, async () => {
    const gone = env.file('gone.db');
    const peer = await startPeer(gone, 'app');
    try {
      fs.rmSync(gone);
      const backend = env.backend();
      const error = expectError(await backend.invoke('db-create', { path: gone }), 'db-in-use');
      expect(error.params).toMatchObject({ kind: 'app', pid: peer.pid });
      expect(fs.existsSync(gone)).toBe(false);
    } finally {
      await stopPeer(peer);
    }
  });

  it('registration of a dead pid on this host is removed when seen', async () => {
    const dbPath = env.file('keyplan.db');
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid!;
    await new Promise((r) => gone.on('close', r));
    fs.mkdirSync(holdersDir(dbPath), { recursive: true });
    const file = path.join(holdersDir(dbPath), `x-${pid}-0000.json`);
    fs.writeFileSync(file, JSON.stringify({ pid, host: os.hostname(), kind: 'cli', since: new Date().toISOString() }));
    // our own pid in a file this process did not write: a leftover of an earlier process with the same pid
    const stale = path.join(holdersDir(dbPath), `x-${process.pid}-ffff.json`);
    fs.writeFileSync(stale, JSON.stringify({ pid: process.pid, host: os.hostname(), kind: 'cli', since: new Date().toISOString() }));
    expect(liveHolders(dbPath)).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(stale)).toBe(false);
    const mine = register(dbPath, { kind: 'test', now: new Date() });
    expect(liveHolders(dbPath).map((h) => h.file)).toEqual([mine.file]);
    mine.release();
    expect(liveHolders(dbPath)).toEqual([]);
  });
});

describe('a second writer', () => {
  it('writeTx takes the write lock at its start (a deferred transaction would not)', () => {
    const file = env.file('tx.db');
    const a = new Database(file);
    const b = new Database(file);
    try {
      a.pragma('journal_mode = WAL');
      a.exec('CREATE TABLE t (x)');
      a.pragma('busy_timeout = 0');
      b.exec('BEGIN IMMEDIATE');
      expect(a.transaction(() => a.prepare('SELECT count(*) FROM t').pluck().get())()).toBe(0);
      expect(() => writeTx(a, () => a.prepare('SELECT count(*) FROM t').pluck().get())).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      b.exec('COMMIT');
      expect(writeTx(a, () => a.prepare('INSERT INTO t VALUES (1)').run().changes)).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a write that meets the write lock of another process is refused as db-busy naming it, then goes through', { timeout: 60_000 }, async () => {
    const dbPath = env.file('keyplan.db');
    const backend = env.backend({ busyTimeoutMs: 100 });
    await backend.call('accounts-create', { name: 'First' });
    const peer = await startPeer(dbPath, 'cli');
    try {
      peer.send('lock');
      await peer.next((m) => m.locked === true);
      const error = expectError(await backend.invoke('accounts-create', { name: 'Second' }), 'db-busy');
      expect(error.params).toMatchObject({ kind: 'cli', pid: peer.pid });
      expect(error.message).toContain('The database is busy: the command line');
      expect(error.message).toContain(`process ${peer.pid}`);
      // the same for a write inside a handler's own transaction (a rename reads, then writes)
      expectError(await backend.invoke('accounts-rename', { id: 1, name: 'Renamed' }), 'db-busy');
      peer.send('unlock');
      await peer.next((m) => m.unlocked === true);
      expect((await backend.call('accounts-create', { name: 'Second' })).name).toBe('Second');
      expect((await backend.call('accounts-list', {})).map((a) => a.name).sort()).toEqual(['First', 'Second']);
    } finally {
      await stopPeer(peer);
    }
  });

  it.each([
    { busyMs: 5, what: 'a short busy timeout: each write is acknowledged and kept, or db-busy naming the other' },
    { busyMs: 3000, what: 'the usual busy timeout: the second writer waits, nothing is refused' },
  ])('two processes writing at once with $what', { timeout: 60_000 }, async ({ busyMs }) => {
    const dbPath = env.file('keyplan.db');
    // create and migrate the file first, so the two start on equal terms
    await env.backend().close();
    const n = 200;
    const [a, b] = await Promise.all([startPeer(dbPath, 'app', busyMs), startPeer(dbPath, 'preview', busyMs)]);
    a.send(`write a ${n}`);
    b.send(`write b ${n}`);
    await Promise.all([a.next((m) => m.done !== undefined), b.next((m) => m.done !== undefined)]);
    await Promise.all([stopPeer(a), stopPeer(b)]);

    for (const [p, other] of [[a, b], [b, a]] as const) {
      for (const r of refused(p)) {
        expect(r.err, r.message).toBe('db-busy');
        expect(r.params).toMatchObject({ pid: other.pid, kind: other === a ? 'app' : 'preview' });
        expect(r.message).toContain(`The database is busy: ${other === a ? 'the Keyplan app' : 'the browser preview'} (process ${other.pid}`);
      }
      expect(acked(p).length + refused(p).length).toBe(n);
      // every write takes the lock at its start, so with time to wait nobody is refused (deferred
      // transactions failed here at once, whatever the timeout)
      if (busyMs >= 1000) expect(refused(p)).toEqual([]);
    }
    const names = new Set(accountNames(dbPath));
    for (const name of [...acked(a), ...acked(b)]) expect(names.has(name), name).toBe(true);
    expect(names.size).toBe(acked(a).length + acked(b).length);
    // both closed cleanly: nobody is registered any more
    expect(liveHolders(dbPath)).toEqual([]);
  });

  it('a large CLI import against a running preview that keeps writing: nothing internal, nothing lost', { timeout: 120_000 }, async () => {
    const dbPath = env.file('keyplan.db');
    await env.backend().close();
    const rows = 20_000;
    const csv = env.file('big.csv');
    fs.writeFileSync(csv, `客户名称,行业\n${Array.from({ length: rows }, (_, i) => `导入客户${i},制造业`).join('\n')}\n`);
    const peer = await startPeer(dbPath, 'preview', 50);
    try {
      peer.send('loop w');
      await peer.next((m) => m.ok !== undefined);
      let out = '';
      let err = '';
      const code = await runCli(['import', 'accounts', csv, '--db', dbPath], { out: (s) => (out += s), err: (s) => (err += s), env: {} });
      expect(code, err + out).toBe(0);
      // and it writes again after the import
      const before = acked(peer).length;
      await peer.next((m) => m.ok !== undefined && acked(peer).length > before);
      peer.send('stop');
      await peer.next((m) => m.done !== undefined);
    } finally {
      await stopPeer(peer);
    }
    for (const r of refused(peer)) {
      expect(r.err, r.message).toBe('db-busy');
      expect(r.params).toMatchObject({ kind: 'cli', pid: process.pid });
    }
    const names = new Set(accountNames(dbPath));
    for (const n of acked(peer)) expect(names.has(n), n).toBe(true);
    expect(names.size).toBe(rows + acked(peer).length);
  });
});
