/**
 * The import worker: reads account files (account-reader.ts) for the thread that writes them. One
 * worker serves every import of the process, one job at a time (the next starts when the writer
 * is done with the previous one: its 'done'). Each job brings its own port and a shared counter block: the
 * worker bumps `sent` after every message, so the writer can wait for the next one without
 * returning to its event loop (it is inside a database transaction); the writer bumps `taken`, and
 * the worker waits while it is AHEAD messages ahead, so a fast read never piles a large file up as
 * drafts in the writer's memory. A job read to its end is read again when the writer posts
 * 'again' (an import that skips invalid rows and must write once more without some of them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AHEAD, CLOSED, openAccounts, SENT, TAKEN, toWireError, type AccountFile, type ReadMessage, type WorkerJob } from './account-reader';

if (!parentPort) throw new Error('account-reader.worker runs as a worker thread');

let queue: Promise<void> = Promise.resolve();
parentPort.on('message', (msg: WorkerJob) => {
  queue = queue.then(() => run(msg));
});
// Loaded (its libraries with it): the thread that started it may send jobs now. Said twice: in a
// shared flag the thread can read without returning to its event loop, and as an event.
Atomics.store(new Int32Array((workerData as { ready: SharedArrayBuffer }).ready), 0, 1);
parentPort.postMessage('ready');

/** Thrown out of a read whose writer has closed: nothing more to send. */
class Closed extends Error {}

/** Runs one job; resolves when its writer closes the port. */
function run({ job, port, signal }: WorkerJob): Promise<void> {
  const counter = new Int32Array(signal);
  const send = (m: ReadMessage) => {
    // Wait while the writer has not taken what was sent before (it may be writing, or gone).
    for (;;) {
      if (Atomics.load(counter, CLOSED) === 1) throw new Closed();
      const taken = Atomics.load(counter, TAKEN);
      if (Atomics.load(counter, SENT) - taken < AHEAD) break;
      Atomics.wait(counter, TAKEN, taken, 1000);
    }
    port.postMessage(m);
    Atomics.add(counter, SENT, 1);
    Atomics.notify(counter, SENT);
  };
  const fail = (e: unknown) => {
    if (e instanceof Closed) return;
    try {
      send({ type: 'error', error: toWireError(e) });
    } catch {
      // closed meanwhile
    }
  };
  let file: AccountFile | null = null;
  const pass = () => {
    try {
      const pull = file!.read();
      for (let m = pull(); m; m = pull()) send(m);
    } catch (e) {
      fail(e);
    }
  };
  return new Promise<void>((resolve) => {
    const done = () => {
      file = null;
      port.close();
      resolve();
    };
    port.on('close', done);
    port.on('message', (m) => {
      if (m === 'done') done();
      else if (m === 'again' && file) pass();
    });
    openAccounts(job).then(
      (f) => {
        file = f;
        pass();
      },
      fail,
    );
  });
}
