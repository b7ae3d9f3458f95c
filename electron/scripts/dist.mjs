// @ts-check
/**
 * `npm run dist [-- electron-builder args]`: builds, then packages with electron-builder
 * (electron/builder.yml): AppImage and deb on Linux, NSIS on Windows, dmg on macOS.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinaryStatus, ROOT } from './electron-binary.mjs';
import { keepingDirectory } from './electron-native.mjs';
import { runTool } from './tools.mjs';

if (!electronBinaryStatus().ok) {
  console.error(
    'Keyplan: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set?). ' +
      'Packaging downloads Electron and native modules: run "npm install" without it, with network access, then "npm run dist".',
  );
  process.exit(1);
}

const build = runTool('electron-vite', ['build']);
if (build !== 0) process.exit(build);

// electron-builder recompiles better-sqlite3 for Electron inside node_modules; the Node build the
// tests and the CLI load is put back afterwards.
const require = createRequire(path.join(ROOT, 'package.json'));
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build');
const status = keepingDirectory(nodeBuild, () => runTool('electron-builder', ['--config', 'electron/builder.yml', ...process.argv.slice(2)]));
process.exit(status);
