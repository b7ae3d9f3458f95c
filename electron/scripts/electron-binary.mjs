// @ts-check
/**
 * Is the Electron binary installed? `require('electron')` from Node returns the binary's path, but
 * when the install skipped the download (ELECTRON_SKIP_BINARY_DOWNLOAD=1) it throws, or names a
 * file that is not there. The start and dist scripts ask here first, so they can say so in one line.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const MISSING_BINARY_MESSAGE =
  'Keyplan: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set?). ' +
  'Run "npm install" without it, or use "npm run web" for the browser preview.';

/**
 * @typedef {{ ok: true, path: string, version: string }
 *   | { ok: false, reason: string }} ElectronBinaryStatus
 */

/**
 * @param {{
 *   root?: string,
 *   locate?: () => unknown,
 *   exists?: (file: string) => boolean,
 * }} [options] `locate` and `exists` stand in for require('electron') and the file system in tests.
 * @returns {ElectronBinaryStatus}
 */
export function electronBinaryStatus({ root = ROOT, locate, exists = fs.existsSync } = {}) {
  const require = createRequire(path.join(root, 'package.json'));
  let located;
  try {
    located = locate ? locate() : require('electron');
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (typeof located !== 'string' || located === '') return { ok: false, reason: 'electron did not name a binary' };
  if (!exists(located)) return { ok: false, reason: `${located} does not exist` };
  return { ok: true, path: located, version: electronVersion(root) };
}

/**
 * The installed Electron's version, from its package.json.
 * @param {string} [root]
 * @returns {string}
 */
export function electronVersion(root = ROOT) {
  const require = createRequire(path.join(root, 'package.json'));
  return /** @type {{ version: string }} */ (require('electron/package.json')).version;
}
