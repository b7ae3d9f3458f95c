// @ts-check
/**
 * Runs the project's command-line tools (electron-vite, electron-builder) with the current Node,
 * straight from their package's `bin` entry: no node_modules/.bin shims, so no shell and no
 * argument quoting issues on Windows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './electron-binary.mjs';

/**
 * The script behind a package's command.
 * @param {string} pkg
 * @param {string} [command]
 */
export function toolScript(pkg, command = pkg) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { bin } = /** @type {{ bin?: string | Record<string, string> }} */ (require(manifestPath));
  const rel = typeof bin === 'string' ? bin : bin?.[command];
  if (!rel) throw new Error(`${pkg} has no "${command}" command`);
  return path.join(path.dirname(manifestPath), rel);
}

/**
 * Runs a tool to completion with inherited output; returns its exit status.
 * @param {string} pkg
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function runTool(pkg, args, options = {}) {
  const r = spawnSync(process.execPath, [toolScript(pkg), ...args], { cwd: ROOT, stdio: 'inherit', ...options });
  if (r.error) console.error(`Keyplan: could not run ${pkg}: ${r.error.message}`);
  return r.status ?? 1;
}

/**
 * Starts a tool in the background with inherited output.
 * @param {string} pkg
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function startTool(pkg, args, options = {}) {
  return spawn(process.execPath, [toolScript(pkg), ...args], { cwd: ROOT, stdio: 'inherit', ...options });
}
