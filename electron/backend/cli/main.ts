/**
 * `npm run -s cli -- <verb> [--db PATH]`: the handler table in-process, for scripts and admins.
 * Exit codes: 0 done, 1 bad input or a failed operation, 2 the database cannot be used.
 */
import { setAutoReaderWorker } from '../import/reader-source';
import { runCli } from './run';

// One command a process: an import is read in this thread, no import worker is started beside it.
setAutoReaderWorker(false);

// A reader that stops early (`list accounts | head`) closes the pipe: that is not a failure, and the
// command ends quietly like the Unix tools (write rolls nothing back: list and export only read).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`keyplan: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
