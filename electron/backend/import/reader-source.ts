/**
 * Where an import's read messages come from: the import worker (large files, so that reading and
 * writing overlap on two cores) or the calling thread (small files, previews, and wherever a
 * worker cannot start). Either way the writer pulls them one by one without awaiting, because it
 * pulls them inside its database transaction.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { CLOSED, openAccounts, SENT, SIGNAL_BYTES, TAKEN, toWireError, type AccountFile, type ReadJob, type ReadMessage, type WorkerJob } from './account-reader';
import { isZip } from './table';

export interface ReadSource {
  /** The next message; blocks (worker) until it is there. */
  next(): ReadMessage;
  /** Reads the file again from its start (after its end: see importAccounts); no waiting. */
  rewind(): void;
  /** Done with it: the worker stops reading and lets the bytes go. */
  close(): void;
}

export type ReaderMode = 'auto' | 'worker' | 'thread';

/** Files from this size are read in the worker; below it, starting one costs more than it saves. */
export const WORKER_MIN_BYTES = 512 * 1024;
/** A worker that sends nothing for this long is taken for dead. */
const STALL_MS = 60_000;

let builtWorker: string | null = null;
/** Whether 'auto' may start the worker (a long-lived process); a one-shot one (the CLI) reads here. */
let autoWorker = true;

interface Started {
  worker: Worker;
  /** Resolves once the worker has loaded (its 'ready'); rejects when it fails to start. */
  ready: Promise<Worker>;
  /** Whether it has loaded, read from the flag it sets (no event needed). */
  isReady(): boolean;
}
let started: Started | null = null;

/**
 * Off: 'auto' reads every file in the calling thread and never starts the worker. For a process
 * that imports once (the command line): 'auto' reads the first large import in the calling thread
 * anyway, and a worker started for later ones would only cost memory.
 */
export function setAutoReaderWorker(on: boolean): void {
  autoWorker = on;
}

/** The app's built worker file (electron-vite's `?modulePath`); source runs start it through tsx. */
export function setReaderWorkerFile(file: string): void {
  builtWorker = file;
}

/** The import worker, started on first use; it serves every import of the process. */
function readerWorker(): Started {
  if (started) return started;
  const here = fileURLToPath(import.meta.url);
  let w: Worker;
  const flag = new SharedArrayBuffer(4);
  try {
    if (builtWorker) {
      w = new Worker(builtWorker, { workerData: { ready: flag } });
    } else if (here.endsWith('.ts')) {
      const dir = path.dirname(here);
      w = new Worker(path.join(dir, 'reader-worker-dev.mjs'), {
        workerData: { ready: flag, entry: pathToFileURL(path.join(dir, 'account-reader.worker.ts')).href },
      });
    } else {
      throw new Error('no import worker file is known');
    }
  } catch (e) {
    const failed: Started = { worker: null as unknown as Worker, ready: Promise.reject(e as Error), isReady: () => false };
    failed.ready.catch(() => {});
    return failed;
  }
  // It keeps no process alive.
  w.unref();
  const loaded = new Int32Array(flag);
  const s: Started = {
    worker: w,
    isReady: () => Atomics.load(loaded, 0) === 1,
    ready: new Promise<Worker>((resolve, reject) => {
      w.once('message', (m) => {
        if (m === 'ready') resolve(w);
      });
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`the import worker exited (${code})`)));
    }),
  };
  s.ready.catch(() => {});
  // A worker that fails or ends is forgotten: the next import starts another.
  const forget = () => {
    if (started === s) started = null;
  };
  w.on('error', forget);
  w.on('exit', forget);
  started = s;
  return s;
}

/** Starts the worker ahead of a large import (it takes a moment to load its libraries). */
export function warmReaderWorker(): void {
  if (autoWorker) readerWorker();
}

/**
 * 'auto': the worker for a large CSV file once it has started (the first large import of a process
 * starts it and is read here); an XLSX workbook is read here too, where exceljs is (the worker
 * carries only the CSV reader); 'worker' waits for the worker and fails if it cannot start;
 * 'thread' reads here. With setAutoReaderWorker(false), 'auto' always reads here. `handOver`: the
 * caller will not use the bytes again (see workerSource).
 */
export async function openReader(job: ReadJob, mode: ReaderMode = 'auto', handOver = false): Promise<ReadSource> {
  if (mode === 'thread' || (mode === 'auto' && (!autoWorker || job.bytes.length < WORKER_MIN_BYTES || isZip(job.bytes)))) return threadSource(job);
  const s = readerWorker();
  if (mode === 'worker') {
    let w: Worker;
    try {
      w = await s.ready;
    } catch (e) {
      throw new AppError('internal', `The import worker could not start: ${(e as Error).message}`);
    }
    return workerSource(w, job, handOver);
  }
  return s.isReady() ? workerSource(s.worker, job, handOver) : threadSource(job);
}

const pastTheEnd: ReadMessage = { type: 'error', error: { code: 'internal', message: 'read past the end of an import' } };

/** Reads here, a piece as each message is pulled (nothing read ahead, nothing held but the bytes). */
async function threadSource(job: ReadJob): Promise<ReadSource> {
  let file: AccountFile | null = null;
  let failed: ReadMessage | null = null;
  try {
    file = await openAccounts(job);
  } catch (e) {
    failed = { type: 'error', error: toWireError(e) };
  }
  let pull = file?.read();
  return {
    next() {
      if (failed) {
        const m = failed;
        failed = pastTheEnd;
        return m;
      }
      try {
        return pull!() ?? pastTheEnd;
      } catch (e) {
        failed = pastTheEnd;
        return { type: 'error', error: toWireError(e) };
      }
    },
    rewind() {
      if (!file) throw new Error('an import read that failed cannot be read again');
      pull = file.read();
      failed = null;
    },
    close: () => {
      file = null;
    },
  };
}

/**
 * `handOver`: the caller does not use the bytes again, so when they fill their buffer it moves to
 * the worker instead of being copied (the file is not held twice); they are empty here afterwards.
 */
function workerSource(w: Worker, job: ReadJob, handOver: boolean): ReadSource {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(SIGNAL_BYTES);
  const counter = new Int32Array(signal);
  const msg: WorkerJob = { job, port: port2, signal };
  const b = job.bytes;
  const whole = handOver && b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  w.postMessage(msg, whole ? [port2, b.buffer as ArrayBuffer] : [port2]);
  let seen = 0;
  return {
    next() {
      let waited = 0;
      for (;;) {
        const got = receiveMessageOnPort(port1);
        if (got) {
          seen++;
          // Taken: the worker may read on.
          Atomics.store(counter, TAKEN, seen);
          Atomics.notify(counter, TAKEN);
          return got.message as ReadMessage;
        }
        // Sleeps until the worker bumps the counter past what has been taken.
        const t = Date.now();
        if (Atomics.wait(counter, SENT, seen, 1000) === 'timed-out') {
          waited += Date.now() - t;
          if (waited >= STALL_MS) {
            throw new AppError('internal', 'The import worker stopped answering.');
          }
        }
      }
    },
    rewind() {
      port1.postMessage('again');
    },
    close() {
      // Said in shared memory (a worker waiting for the writer sees it at once) and as a message:
      // closing the port is only done when this thread next returns to its event loop, and an
      // import that follows at once would wait for the worker in vain.
      Atomics.store(counter, CLOSED, 1);
      Atomics.notify(counter, TAKEN);
      port1.postMessage('done');
      port1.close();
    },
  };
}
