import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        // .mjs: the import worker's chunk is an ES module wherever it is loaded from, also unpacked
        // beside app.asar where no package.json says "type": "module" (electron/builder.yml).
        output: { chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    // zod with its JIT off, configured before any schema is built (see renderer/src/zod-jitless.ts)
    resolve: { alias: [{ find: /^zod$/, replacement: resolve(root, 'renderer/src/zod-jitless.ts') }] },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves output unminified; the renderer is loaded on every start, so shrink it.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
      chunkSizeWarningLimit: 2000,
    },
  },
});
