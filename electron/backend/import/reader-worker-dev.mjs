// Starts the import worker from its TypeScript source (tests, the CLI and the preview server run
// the backend through tsx; the app runs the built worker instead).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
