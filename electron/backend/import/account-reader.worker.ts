/**
 * The import worker: reads account files (account-reader.ts) for the thread that writes them. One
 * worker serves every import of the process; each job brings its own port and a shared counter
 * that is bumped after every message, so the writer can wait for the next one without returning
 * to its event loop (it is inside a database transaction).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { readAccounts, toWireError, type ReadJob, type ReadMessage } from './account-reader';

export interface WorkerJob {
  job: ReadJob;
  port: MessagePort;
  signal: SharedArrayBuffer;
}

if (!parentPort) throw new Error('account-reader.worker runs as a worker thread');

parentPort.on('message', (msg: WorkerJob) => {
  void run(msg);
});
// Loaded (its libraries with it): the thread that started it may send jobs now. Said twice: in a
// shared flag the thread can read without returning to its event loop, and as an event.
Atomics.store(new Int32Array((workerData as { ready: SharedArrayBuffer }).ready), 0, 1);
parentPort.postMessage('ready');

async function run({ job, port, signal }: WorkerJob): Promise<void> {
  const counter = new Int32Array(signal);
  const send = (m: ReadMessage) => {
    port.postMessage(m);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  try {
    await readAccounts(job, send);
  } catch (e) {
    send({ type: 'error', error: toWireError(e) });
  } finally {
    port.close();
  }
}
