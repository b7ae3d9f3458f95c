// Builds the renderer when out/renderer is missing, then starts the preview server.
// Build output goes to stderr so that stdout carries exactly the one line with the URL.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  const r = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(bin('tsx'), [path.join(root, 'electron/backend/web/main.ts'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
