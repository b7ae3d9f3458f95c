// @ts-check
/**
 * An Electron-ABI build of better-sqlite3, kept out of node_modules.
 *
 * node_modules/better-sqlite3/build holds the Node build that the unit tests and the CLI load; the
 * Electron app needs the same module compiled for Electron's ABI. Rebuilding in place would break
 * whichever runtime went second, so the Electron build lives in .cache/electron-native and the
 * start script names it to main in KEYPLAN_NATIVE_BINDING.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './electron-binary.mjs';

/**
 * Where the binding for this Electron, platform, CPU and better-sqlite3 version is cached. The
 * better-sqlite3 version is part of the key because its JavaScript and native halves must match.
 * @param {{ root?: string, electronVersion: string, sqliteVersion: string,
 *           platform?: string, arch?: string }} key
 */
export function nativeBindingPath({ root = ROOT, electronVersion, sqliteVersion, platform = process.platform, arch = process.arch }) {
  return path.join(root, '.cache', 'electron-native', `electron-${electronVersion}-${platform}-${arch}`, `better-sqlite3-${sqliteVersion}`, 'better_sqlite3.node');
}

/**
 * Returns the cached binding, fetching or building it first if needed: a prebuilt binary through
 * better-sqlite3's own prebuild-install, else a compile with node-gyp against Electron's headers.
 * Both need the network the first time. Throws with a one-line reason when neither works.
 * @param {{ root?: string, electronVersion: string, log?: (line: string) => void }} options
 * @returns {string}
 */
export function ensureNativeBinding({ root = ROOT, electronVersion, log = (line) => process.stderr.write(`${line}\n`) }) {
  const require = createRequire(path.join(root, 'package.json'));
  const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = /** @type {{ version: string }} */ (require('better-sqlite3/package.json')).version;
  const target = nativeBindingPath({ root, electronVersion, sqliteVersion });
  if (isFile(target)) return target;

  log(`Keyplan: preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (first start only)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-native-'));
  try {
    // A private copy of the package, minus its Node build, for the tools to write into.
    fs.cpSync(pkgDir, work, {
      recursive: true,
      filter: (src) => !['build', 'node_modules'].includes(path.relative(pkgDir, src).split(path.sep)[0] ?? ''),
    });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const pkgRequire = createRequire(path.join(pkgDir, 'package.json'));
    const attempts = [
      {
        name: 'prebuild-install',
        bin: resolveOrNull(pkgRequire, 'prebuild-install/bin.js'),
        args: ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, `--platform=${process.platform}`],
      },
      {
        name: 'node-gyp',
        bin: resolveOrNull(require, 'node-gyp/bin/node-gyp.js') ?? process.env.npm_config_node_gyp ?? null,
        args: ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      },
    ];
    /** @type {string[]} */
    const failures = [];
    for (const { name, bin, args } of attempts) {
      if (!bin) {
        failures.push(`${name} not found`);
        continue;
      }
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, env: toolEnv(), stdio: ['ignore', 2, 2] });
      if (r.status === 0 && isFile(built)) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.tmp`;
        fs.copyFileSync(built, tmp);
        fs.renameSync(tmp, target);
        return target;
      }
      failures.push(`${name} failed${r.error ? ` (${r.error.message})` : ''}`);
    }
    throw new Error(`could not get better-sqlite3 for Electron ${electronVersion}: ${failures.join('; ')}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs `run` and then puts `dir` back exactly as it was, even if `run` throws. dist.mjs wraps
 * electron-builder in it: electron-builder rebuilds better-sqlite3 for Electron in place, which
 * would leave the Node unit tests and the CLI with a module they cannot load.
 * @template T
 * @param {string} dir
 * @param {() => T} run
 * @returns {T}
 */
export function keepingDirectory(dir, run) {
  if (!fs.existsSync(dir)) return run();
  const aside = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-kept-'));
  fs.cpSync(dir, aside, { recursive: true });
  try {
    return run();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(aside, dir, { recursive: true });
    fs.rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * The environment for the build tools, minus npm settings that would silently retarget them: run
 * under `npm start`, a user's `nodedir` (or `target`, `runtime`…) arrives as npm_config_* and
 * node-gyp would compile against Node's headers instead of Electron's.
 */
function toolEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|arch|platform|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * @param {NodeJS.Require} require
 * @param {string} id
 */
function resolveOrNull(require, id) {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}
