/**
 * Issue 13, item 4: an area of the renderer (renderer/src/features/<area>) reaches another only
 * through its route module; what two areas share lives in renderer/src/lib or renderer/src/ui. The
 * lint rule that says so (.config/eslint.config.js) is checked here on snippets placed as files;
 * `npm run lint` applies it to the tree.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const RULE = 'no-restricted-syntax';

describe('cross-feature imports in the renderer', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.config/eslint.config.js') });
  });

  const problems = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.line);
  };

  it('refuses a deep import into another area, from an area and from its sub-folders', async () => {
    const code = [
      "import { tierName } from '../accounts/format';",
      "export { MapScreen } from '../stakeholders/MapScreen';",
      "export const lazy = () => import('../board/BoardPage');",
      '',
    ].join('\n');
    expect(await problems('renderer/src/features/plans/Example.tsx', code)).toEqual([1, 2, 3]);
    expect(await problems('renderer/src/features/accounts/detail/Example.tsx', "import { planHref } from '../../plans/items';\n")).toEqual([1]);
  });

  it('lets an area use another area\'s route module, its own files, lib/ and ui/', async () => {
    const code = [
      "import { mapHref } from '../stakeholders/route';",
      "import { accountHref } from '../accounts/route';",
      "import { fieldSpecs } from './fields';",
      "import { money } from '../../lib/format';",
      "import { Button } from '../../ui/Button';",
      'export const all = [mapHref, accountHref, fieldSpecs, money, Button];',
      '',
    ].join('\n');
    expect(await problems('renderer/src/features/plans/Example.tsx', code)).toEqual([]);
    expect(await problems('renderer/src/features/accounts/detail/Example.tsx', "import { LIST_HREF } from '../route';\nexport const x = LIST_HREF;\n")).toEqual([]);
  });
});

describe('one Locale type', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.config/eslint.config.js') });
  });

  const problems = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === RULE && /Locale|LOCALES/.test(m.message)).map((m) => m.line);
  };

  const spelled = ["export type L = 'zh-CN' | 'en';", "export const all = ['zh-CN', 'en'] as const;", "export function f(l: 'en' | 'zh-CN'): string { return l; }", ''].join('\n');

  it('refuses the spelling of the Locale type and of LOCALES in every layer', async () => {
    for (const file of ['shared/api/Example.ts', 'electron/backend/Example.ts', 'electron/main/Example.ts', 'renderer/src/features/plans/Example.tsx', 'renderer/src/lib/Example.ts', 'test/unit/example.ts']) {
      expect(await problems(file, spelled), file).toEqual([1, 2, 3]);
    }
  });

  it('lets the one definition stand, and the type be used', async () => {
    expect(await problems('shared/i18n/locales.ts', spelled)).toEqual([]);
    expect(await problems('electron/backend/Example.ts', "import type { Locale } from '../../shared/i18n';\nexport const l: Locale = 'zh-CN';\n")).toEqual([]);
  });
});
