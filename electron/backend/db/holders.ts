/**
 * Who has a database open. Every Keyplan process that opens a database (the app, the browser
 * preview, the CLI, a test) writes one small JSON file into a folder beside it,
 * `<database>.keyplan-procs/`, and removes it when it closes the database or exits. Restore (and
 * anything else that replaces or deletes the file) refuses while another live process is listed
 * there, and a busy database says who is writing.
 *
 * A process killed with SIGKILL (or a power cut) cannot remove its file, so an entry counts only
 * while its process is alive: on this host `process.kill(pid, 0)` answers ESRCH for a dead one, and
 * on Linux the process's start time (from /proc) must match too, so a pid reused by an unrelated
 * process does not count. Dead entries are deleted when seen. An entry written on another host
 * (a database on a network share) cannot be checked and always counts; README ("Where your data
 * lives") says how to clear it by hand.
 *
 * Node has no OS advisory lock and Keyplan takes no native dependencies for one, so this is a
 * registration, not a lock: it tells who is there, and the callers check it at the moment they
 * are about to replace a file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROCESS_KINDS = ['app', 'preview', 'cli', 'test'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export interface Holder {
  pid: number;
  host: string;
  kind: ProcessKind;
  /** The user chosen in Settings in that process's database, when set. */
  user?: string;
  /** When it opened the database (ISO time). */
  since: string;
  /** The process's start time as the OS counts it (Linux: /proc/<pid>/stat field 22), to tell a reused pid. */
  procStart?: string;
  /** The registration file. */
  file: string;
}

export interface Registration {
  readonly file: string;
  /** Removes the file (idempotent). */
  release(): void;
}

/** The folder beside `dbPath` that holds one file per process that has it open. */
export function holdersDir(dbPath: string): string {
  return `${path.resolve(dbPath)}.keyplan-procs`;
}

/** Registrations of this process that are still open: removed on exit, and never taken for a dead pid. */
const mine = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const file of mine) removeQuietly(file);
    mine.clear();
  });
}

/**
 * Writes this process's entry for `dbPath`. Never throws: a folder that cannot be written (a
 * read-only share) leaves the process unlisted and says so through `log`.
 */
export function register(
  dbPath: string,
  info: { kind: ProcessKind; user?: string | undefined; now: Date },
  log: (message: string) => void = () => {},
): Registration {
  const dir = holdersDir(dbPath);
  const host = os.hostname();
  const file = path.join(dir, `${safe(host)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`);
  const entry: Omit<Holder, 'file'> = { pid: process.pid, host, kind: info.kind, since: info.now.toISOString() };
  if (info.user) entry.user = info.user;
  const start = procStat(process.pid)?.start;
  if (start) entry.procStart = start;
  const body = `${JSON.stringify(entry)}\n`;
  let written = false;
  // A process that releases the last entry removes the folder; if that happens between our mkdir
  // and our write, try again.
  for (let attempt = 0; attempt < 5 && !written; attempt++) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, body, { flag: 'wx' });
      fs.renameSync(tmp, file);
      written = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        log(`keyplan: could not register this process beside ${dbPath}: ${String(e)}`);
        break;
      }
    }
  }
  if (written) {
    mine.add(file);
    installExitHook();
  }
  return {
    file,
    release() {
      if (!written) return;
      written = false;
      mine.delete(file);
      removeQuietly(file);
      try {
        fs.rmdirSync(dir);
      } catch {
        // not empty (another process is there) or already gone
      }
    },
  };
}

/**
 * The live processes that have `dbPath` open, oldest first, leaving out `except` (the caller's own
 * registration). Entries of dead processes on this host are deleted on the way.
 */
export function liveHolders(dbPath: string, except?: Registration | null): Holder[] {
  const dir = holdersDir(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const host = os.hostname();
  const out: Holder[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    if (except && file === except.file) continue;
    const h = readEntry(file);
    if (!h) continue;
    if (h.host === host && !alive(h)) {
      removeQuietly(file);
      continue;
    }
    out.push(h);
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.pid - b.pid));
}

/** "the browser preview (process 1234 on host, since 2026-11-24 09:30:12)", in English (logs, CLI). */
export function describeHolder(h: Holder): string {
  const user = h.user ? `, user ${h.user}` : '';
  return `${KIND_EN[h.kind]} (process ${h.pid} on ${h.host}${user}, since ${shortTime(h.since)})`;
}

export function describeHolders(hs: readonly Holder[]): string {
  return hs.length === 0 ? 'another program' : hs.map(describeHolder).join('; ');
}

/** Params naming the first holder, for the translated message (errors.db-in-use, errors.db-busy). */
export function holderParams(hs: readonly Holder[]): Record<string, string | number> {
  const h = hs[0];
  if (!h) return { kind: 'unknown', pid: '?', host: '?', since: '?', user: '', others: 0 };
  return { kind: h.kind, pid: h.pid, host: h.host, since: shortTime(h.since), user: h.user ?? '', others: hs.length - 1 };
}

const KIND_EN: Record<ProcessKind, string> = {
  app: 'the Keyplan app',
  preview: 'the browser preview',
  cli: 'the command line',
  test: 'a test',
};

/** An entry's ISO time as this machine's local time, `2026-12-07 09:30:12` (the user's clock, not UTC). */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '?';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function readEntry(file: string): Holder | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // half-written or vanished: not an entry (a writer renames complete files into place)
    return null;
  }
  const r = raw as Partial<Holder> | null;
  if (!r || typeof r.pid !== 'number' || !Number.isInteger(r.pid) || r.pid <= 0 || typeof r.host !== 'string') return null;
  const kind = (PROCESS_KINDS as readonly unknown[]).includes(r.kind) ? (r.kind as ProcessKind) : 'app';
  const h: Holder = { pid: r.pid, host: r.host, kind, since: typeof r.since === 'string' ? r.since : '', file };
  if (typeof r.user === 'string' && r.user) h.user = r.user;
  if (typeof r.procStart === 'string') h.procStart = r.procStart;
  return h;
}

function alive(h: Holder): boolean {
  if (h.pid === process.pid) return mine.has(h.file);
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: alive, owned by someone else
  }
  const now = procStat(h.pid);
  // a zombie (killed, not yet reaped by its parent) holds nothing any more
  if (now?.state === 'Z' || now?.state === 'X') return false;
  if (h.procStart && now?.start && now.start !== h.procStart) return false;
  return true;
}

/**
 * Linux: a process's state and start time in clock ticks since boot (/proc/<pid>/stat, fields 3
 * and 22); elsewhere undefined.
 */
function procStat(pid: number): { state: string; start: string | undefined } | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count from after it
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] };
  } catch {
    return undefined;
  }
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'host';
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing to do
  }
}
