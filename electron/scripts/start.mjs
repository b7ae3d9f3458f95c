// @ts-check
/**
 * `npm start [-- electron args]`: builds and runs the desktop app, e.g. `npm start -- --db /tmp/x.db`.
 * With --dev first (`npm run dev`), runs electron-vite's dev server instead of a build.
 *
 * Order: check the Electron binary first (a missing one is the common failure and needs no build to
 * report), build, get better-sqlite3 for Electron's ABI, then launch with the binding's path.
 */
import { spawn } from 'node:child_process';
import { electronBinaryStatus, MISSING_BINARY_MESSAGE, ROOT } from './electron-binary.mjs';
import { ensureNativeBinding } from './electron-native.mjs';
import { runTool, startTool } from './tools.mjs';

const args = process.argv.slice(2);
const dev = args[0] === '--dev';
const passThrough = dev ? args.slice(1) : args;

const electron = electronBinaryStatus();
if (!electron.ok) {
  console.error(MISSING_BINARY_MESSAGE);
  process.exit(1);
}

if (!dev) {
  const status = runTool('electron-vite', ['build']);
  if (status !== 0) process.exit(status);
}

let nativeBinding;
try {
  nativeBinding = ensureNativeBinding({ electronVersion: electron.version });
} catch (e) {
  console.error(`Keyplan: ${e instanceof Error ? e.message : String(e)}. Check the network, or install a C++ toolchain for node-gyp.`);
  process.exit(1);
}

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, KEYPLAN_NATIVE_BINDING: nativeBinding };
// Inherited from a parent tool, this would make Electron run as plain Node and ignore the app.
delete env.ELECTRON_RUN_AS_NODE;

const child = dev
  ? startTool('electron-vite', ['dev', ...(passThrough.length ? ['--', ...passThrough] : [])], { env })
  : spawn(electron.path, [ROOT, ...passThrough], { env, stdio: 'inherit' });

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
