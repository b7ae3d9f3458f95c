/**
 * Keyplan's own lint rules (.config/lint/plugin.js): keyplan/no-cycle fails on a real import
 * circle (value or type imports), and keyplan/allowed-packages refuses a package missing from a
 * layer's list, both on fixture files and through the project's own .config/eslint.config.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import keyplan from '../../.config/lint/plugin.js';
import { makeTmpDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

/** Writes files into a fresh folder and lints each with keyplan/no-cycle; returns messages per file. */
function cycles(files: Record<string, string>): Record<string, string[]> {
  const dir = makeTmpDir('keyplan-cycle-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const linter = new Linter({ cwd: dir });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { keyplan }, rules: { 'keyplan/no-cycle': 'error' } }] as Linter.Config[];
  const out: Record<string, string[]> = {};
  for (const [name, text] of Object.entries(files)) {
    out[name] = linter.verify(text, config, path.join(dir, name)).map((m) => `${m.ruleId ?? 'fatal'}:${m.line} ${m.message}`);
  }
  return out;
}

describe('keyplan/no-cycle', () => {
  it('reports both ends of a two-file circle, with the circle spelled out', () => {
    const out = cycles({
      'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(out['a.ts']).toEqual(['keyplan/no-cycle:1 Import circle: a.ts → b.ts → a.ts. Move what both sides need into a module that neither imports.']);
    expect(out['b.ts']).toEqual(['keyplan/no-cycle:1 Import circle: b.ts → a.ts → b.ts. Move what both sides need into a module that neither imports.']);
  });

  it('finds a longer circle through folders, index files and type-only imports', () => {
    const out = cycles({
      'x/index.ts': "export * from './one';\n",
      'x/one.ts': "import type { T } from '../y/two';\nexport type One = T;\n",
      'y/two.ts': "import { type One } from '../x';\nexport type T = string;\nexport type Two = One;\n",
      'z.ts': "import type { One } from './x';\nexport type Z = One;\n",
    });
    expect(out['x/index.ts']).toHaveLength(1);
    expect(out['x/one.ts']).toHaveLength(1);
    expect(out['y/two.ts']).toEqual([expect.stringContaining('y/two.ts → x/index.ts → x/one.ts → y/two.ts')]);
    // z.ts imports into the circle but is not part of it.
    expect(out['z.ts']).toEqual([]);
  });

  it('passes a chain without a way back, and sees a circle once it is closed', () => {
    const chain = {
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': "import { c } from './c';\nexport const b = c;\n",
      'c.ts': 'export const c = 1;\n',
    };
    expect(Object.values(cycles(chain)).flat()).toEqual([]);
    const closed = cycles({ ...chain, 'c.ts': "export const c = 1;\nexport const later = () => import('./a');\n" });
    expect(closed['c.ts']).toEqual([expect.stringContaining('c.ts → a.ts → b.ts → c.ts')]);
  });
});

describe('keyplan/allowed-packages', () => {
  const linter = new Linter();
  const lint = (text: string, allow: string[]) =>
    linter
      .verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { keyplan }, rules: { 'keyplan/allowed-packages': ['error', { layer: 'shared/', allow }] } }] as Linter.Config[], 'f.ts')
      .map((m) => m.message);

  it('refuses a package off the list and passes listed ones, scopes and relative files', () => {
    expect(lint("import dagre from '@dagrejs/dagre';", ['zod'])).toEqual([
      "'@dagrejs/dagre' is not on shared/'s list of packages. Add it to that list in .config/eslint.config.js if this layer should depend on it.",
    ]);
    expect(lint("import { z } from 'zod';\nimport { x } from 'zod/v4/core';\nimport { y } from '../y';", ['zod'])).toEqual([]);
    expect(lint("import { useEditor } from '@tiptap/react';\nimport fs from 'node:fs';", ['@tiptap/*', 'node:*'])).toEqual([]);
    // Re-exports, type imports and dynamic imports are imports too; a bare built-in is not node:*.
    expect(lint("export { a } from 'react';\nimport type { B } from 'react';\nconst c = import('react');\nimport fs from 'fs';", ['node:*'])).toHaveLength(4);
  });

  it('is wired to every layer in .config/eslint.config.js', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.config/eslint.config.js') });
    const rules = async (file: string, text: string) =>
      (await eslint.lintText(text, { filePath: path.join(root, file) }))[0]!.messages.map((m) => m.ruleId);
    expect(await rules('shared/domain/new.ts', "import dagre from '@dagrejs/dagre';\nexport const d = dagre;\n")).toContain('keyplan/allowed-packages');
    expect(await rules('shared/domain/new.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
    expect(await rules('renderer/src/new.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toContain('keyplan/allowed-packages');
    expect(await rules('electron/backend/new.ts', "import React from 'react';\nexport const r = React;\n")).toContain('keyplan/allowed-packages');
    expect(await rules('electron/main/new.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toContain('keyplan/allowed-packages');
    expect(await rules('electron/preload/new.ts', "import { z } from 'zod';\nexport const s = z;\n")).toContain('keyplan/allowed-packages');
  });
});
