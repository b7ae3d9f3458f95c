/**
 * `npm run web -- --db PATH --port N`: the browser preview. Prints exactly one line with the URL
 * (token included; opening it moves the token into a cookie, see server.ts) and serves until stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePort, UsageError } from '../args';
import { Backend } from '../backend';
import { chromiumPrinter } from '../documents/chromium-printer';
import { prepareDbPath } from '../paths';
import { APP_VERSION } from '../version';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
    },
    strict: true,
  });
  const port = parsePort(values.port, 5183);
  // Arguments first; then only the default location is created (a --db / KEYPLAN_DB in a missing
  // folder is refused, nothing created).
  const dbPath = prepareDbPath(values.db);
  const backend = new Backend({
    dbPath,
    transport: 'web',
    kind: 'preview',
    version: APP_VERSION,
    autoBackup: true,
    warmUp: true,
    printer: chromiumPrinter(),
  });
  const server = await startWebServer({
    backend,
    staticDir: values.static ?? path.resolve(import.meta.dirname, '../../../out/renderer'),
    port,
    ...(process.env.KEYPLAN_WEB_TOKEN ? { token: process.env.KEYPLAN_WEB_TOKEN } : {}),
  });
  process.stdout.write(`Keyplan web preview: ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`keyplan web: ${e instanceof UsageError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
