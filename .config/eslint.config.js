// Lint keeps the layers apart (see README, "Architecture"):
//   shared/    pure TypeScript: imports nothing outside shared/ but zod
//   electron/backend/  Node only: never 'electron', never the renderer
//   renderer/  the UI: never electron/ nor Node built-ins
//   electron/preload/  only 'electron' at run time (it is sandboxed)
// and, each layer, which npm packages it may import and no import circles (.config/lint/plugin.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import keyplan from './lint/plugin.js';

// One Locale type (shared/i18n/locales.ts): its spelling anywhere else is refused. Added to every
// block below that sets no-restricted-syntax, since a later block's options replace an earlier one's.
const ONE_LOCALE = [
  {
    selector: "TSUnionType > TSLiteralType > Literal[value='zh-CN']",
    message: "Write the Locale type (shared/i18n/locales.ts), not its spelling 'zh-CN' | 'en'.",
  },
  {
    selector: "ArrayExpression:has(> Literal[value='zh-CN']):has(> Literal[value='en'])",
    message: 'Use LOCALES (shared/i18n/locales.ts), not a list of its own.',
  },
];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'events', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    ignores: ['shared/i18n/locales.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ONE_LOCALE] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*', '!../../shared/*'], message: 'shared/ imports nothing outside itself.' },
            { group: ['**/electron/**', '**/renderer/**', 'electron', ...nodeBuiltins, 'react', 'react-dom'], message: 'shared/ is pure TypeScript.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The backend runs without Electron: pass what it needs in from electron/main.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'The backend never imports the renderer.' },
            { group: ['**/main/*', '**/preload/*'], message: 'The backend never imports the Electron shell.' },
          ],
        },
      ],
      // Every write transaction takes the write lock at its start (see electron/backend/db/tx.ts):
      // a deferred one fails at once with SQLITE_BUSY under a second writer, whatever the timeout.
      'no-restricted-syntax': [
        'error',
        ...ONE_LOCALE,
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Write through writeTx(db, fn) (electron/backend/db/tx.ts): it takes the write lock at the start (BEGIN IMMEDIATE).',
        },
        {
          selector: "CallExpression[callee.property.name=/^(exec|prepare)$/] > Literal[value=/^\\s*BEGIN(\\s+(DEFERRED|TRANSACTION))?\\s*;?\\s*$/i]",
          message: 'A plain BEGIN is deferred: write through writeTx(db, fn) (electron/backend/db/tx.ts).',
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*', '!electron'], allowTypeImports: true, message: 'A sandboxed preload may import only electron at run time.' }] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] }],
    },
  },
  {
    // The shell's rules live in pure modules that unit tests import without an Electron binary.
    files: ['electron/main/{assets,config,csp,db-path,links,menu-labels,menu-template,origins,window-options}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowTypeImports: true, message: 'Pure shell modules take only types from electron; wire Electron in the other main/ files.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the backend only through api/client.' }],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer never imports electron/: use the typed client.' },
            { group: nodeBuiltins, message: 'The renderer runs in a browser.' },
          ],
        },
      ],
    },
  },
  // ---- Areas of the renderer ------------------------------------------------------------------
  {
    // A feature reaches another only through its route module (hrefs for links); what two areas
    // share lives in renderer/src/lib (helpers) or renderer/src/ui (components). The one widget
    // lent on purpose: the board's self-contained PlacementHistory, shown on the account page.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ONE_LOCALE,
        {
          selector:
            ':matches(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration, ImportExpression) > Literal[value=/^(\\.\\.\\u002F)+(accounts|board|forum|importer|plans|portfolio|settings|stakeholders|today)\\u002F(?!(route|PlacementHistory)$)/]',
          message: "Another feature's internals: import its route module only, or move what you share to renderer/src/lib or renderer/src/ui.",
        },
      ],
    },
  },

  // ---- Import circles (keyplan/no-cycle, .config/lint/plugin.js) --------------------------------
  // No file may import, directly or through others, a file that imports it back (type-only imports
  // count too). Proved by test/unit/lint-rules.test.ts.
  {
    files: ['electron/**/*.{ts,mts,mjs}', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { keyplan },
    rules: { 'keyplan/no-cycle': 'error' },
  },

  // ---- Packages each layer may import (keyplan/allowed-packages) ---------------------------------
  // A package not on a layer's list is a lint error until it is added here, on purpose. Node
  // built-ins are written `node:…`. Relative imports between layers are ruled by the blocks above.
  {
    files: ['shared/**/*.ts'],
    plugins: { keyplan },
    rules: { 'keyplan/allowed-packages': ['error', { layer: 'shared/', allow: ['zod'] }] },
  },
  {
    // Exception: the org-chart layout is drawn both on screen (renderer) and in the printed map
    // (backend, documents/map-svg.ts), so it lives in shared/; dagre is plain JavaScript (no DOM, no Node).
    files: ['shared/domain/map-layout.ts'],
    plugins: { keyplan },
    rules: { 'keyplan/allowed-packages': ['error', { layer: 'shared/domain/map-layout.ts', allow: ['zod', '@dagrejs/dagre'] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { keyplan },
    rules: {
      'keyplan/allowed-packages': [
        'error',
        {
          layer: 'renderer/',
          allow: [
            'react', 'react-dom', 'react-i18next', 'i18next', 'zod',
            '@xyflow/react', '@dnd-kit/core', '@tanstack/react-virtual', '@tiptap/*', 'echarts', 'pinyin-pro',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    plugins: { keyplan },
    rules: {
      'keyplan/allowed-packages': [
        'error',
        {
          layer: 'electron/backend/',
          allow: [
            'node:*', 'better-sqlite3', 'zod',
            // documents, import and export
            'echarts', 'exceljs', 'papaparse', 'pinyin-pro', 'sanitize-html',
            // the web bridge's and the CLI's Chromium printer; the CLI's import worker under tsx
            'playwright-core', 'tsx',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    plugins: { keyplan },
    rules: { 'keyplan/allowed-packages': ['error', { layer: 'electron/main/', allow: ['node:*', 'electron'] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    plugins: { keyplan },
    rules: { 'keyplan/allowed-packages': ['error', { layer: 'electron/preload/', allow: ['electron'] }] },
  },
  // ---- end of the package lists ------------------------------------------------------------------
  {
    files: ['test/**/*.ts', 'electron/scripts/**/*.{js,mjs,ts}', '*.config.{ts,js}', '.config/**/*.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
