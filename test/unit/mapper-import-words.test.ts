/**
 * Issue 11 (stakeholder mapper): levels inferred from titles (the table, and the import's
 * suggestions the user confirms), the reporting circle named the same way in the dialogs and the
 * CLI, in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { circleText, rowErrorLine, rowErrorReason } from '../../shared/domain/import-errors';
import { inferLevel, LEVEL_TITLE_WORDS } from '../../shared/domain/level-inference';
import { LEVELS } from '../../shared/domain/stakeholders';
import { messages, LOCALES } from '../../shared/i18n';
import { NOW, b64, csvText } from './accounts-helpers';
import { dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();

describe('inferLevel: the table', () => {
  it.each([
    ['厅长', 'top'],
    ['副厅长', 'top'],
    ['局长', 'top'],
    ['副局长', 'top'],
    ['总经理', 'top'],
    ['副总经理', 'top'],
    ['董事长', 'top'],
    ['总工程师', 'top'],
    ['首席信息官', 'top'],
    ['CEO', 'top'],
    ['VP of Sales', 'top'],
    ['Vice President, IT', 'top'],
    ['General Manager', 'top'],
    ['Chief Technology Officer', 'top'],
    ['处长', 'middle'],
    ['副处长', 'middle'],
    ['科长', 'middle'],
    ['经理', 'middle'],
    ['采购部经理', 'middle'],
    ['信息中心主任', 'middle'],
    ['IT Director', 'middle'],
    ['Sales Manager', 'middle'],
    ['Head of Procurement', 'middle'],
    ['科员', 'base'],
    ['主任科员', 'base'],
    ['专员', 'base'],
    ['工程师', 'base'],
    ['运维工程师', 'base'],
    ['高级工程师', 'base'],
    ['Engineer', 'base'],
    ['senior engineer', 'base'],
    ['Product Specialist', 'base'],
    ['CEO Assistant', 'base'],
  ] as const)('%s -> %s', (title, level) => {
    expect(inferLevel(title)?.level).toBe(level);
  });

  it('says nothing for an empty title, a title without a known word, or a tie between levels', () => {
    for (const t of ['', '   ', null, undefined, '张三', '司机', 'Managerial'.slice(0, 3)]) expect(inferLevel(t)).toBeNull();
    // 主任 (middle) and 医师 (base), the same length: no guess
    expect(inferLevel('主任医师')).toBeNull();
    // English words match whole words only
    expect(inferLevel('Engineering')).toBeNull();
  });

  it('names the word that decided, and every word of the table decides its own level', () => {
    expect(inferLevel('副总经理')).toEqual({ level: 'top', word: '副总经理' });
    expect(inferLevel('采购部经理')).toEqual({ level: 'middle', word: '经理' });
    for (const level of LEVELS) {
      for (const word of LEVEL_TITLE_WORDS[level]) {
        // a word on its own is its level, unless a longer word of the table is inside it
        const g = inferLevel(word);
        expect(g, word).not.toBeNull();
        if (g!.word === word) expect(g!.level, word).toBe(level);
      }
    }
  });
});

async function setup() {
  const b = env.backend({ now: () => NOW });
  const acct = await b.call('accounts-create', { name: '国能电力集团' });
  return { b, acct };
}
const run = (b: Backend, accountId: number, content: string, extra: object = {}) =>
  b.call('stakeholders-import', { accountId, fileName: 'people.csv', contentBase64: b64(content), ...extra });

describe('levels from titles in the people import', () => {
  const rows = [
    ['姓名', '职务', '上级'],
    ['王伟', '副厅长', ''],
    ['李娜', '信息处处长', '王伟'],
    ['张强', '科员', '李娜'],
    ['陈静', '秘书', '李娜'],
  ];

  it('suggests them without a level column and sets nothing until confirmed; inferLevels sets them', async () => {
    const { b, acct } = await setup();
    const dry = await run(b, acct.id, csvText(rows), { dryRun: true });
    expect(dry.levelsInferred).toBe(false);
    expect(dry.levelSuggestions).toEqual([
      { line: 2, name: '王伟', title: '副厅长', level: 'top', word: '副厅长' },
      { line: 3, name: '李娜', title: '信息处处长', level: 'middle', word: '处长' },
      { line: 4, name: '张强', title: '科员', level: 'base', word: '科员' },
    ]);
    const plain = await run(b, acct.id, csvText(rows));
    expect(plain.levelSuggestions).toHaveLength(3);
    let people = await b.call('stakeholders-list', { accountId: acct.id });
    expect(people.map((p) => p.level)).toEqual([null, null, null, null]);
    // confirmed: set for those without a level
    const set = await run(b, acct.id, csvText(rows), { inferLevels: true });
    expect(set.levelsInferred).toBe(true);
    people = await b.call('stakeholders-list', { accountId: acct.id });
    expect(Object.fromEntries(people.map((p) => [p.name, p.level]))).toEqual({ 王伟: 'top', 李娜: 'middle', 张强: 'base', 陈静: null });
  });

  it('keeps a level already set, and makes no suggestion when the file has a level column', async () => {
    const { b, acct } = await setup();
    await b.call('stakeholders-create', { accountId: acct.id, name: '王伟', level: 'middle' });
    const r = await run(b, acct.id, csvText(rows), { inferLevels: true });
    expect(r.levelSuggestions.map((s) => s.name)).toEqual(['李娜', '张强']);
    const people = await b.call('stakeholders-list', { accountId: acct.id });
    expect(people.find((p) => p.name === '王伟')!.level).toBe('middle');
    const withLevel = await run(b, acct.id, csvText([['姓名', '职务', '层级'], ['赵敏', '处长', '']]), { dryRun: true });
    expect(withLevel.levelSuggestions).toEqual([]);
  });

  it('a dry run with inferLevels writes nothing', async () => {
    const { b, acct } = await setup();
    const before = dumpDb(b.connection());
    const r = await run(b, acct.id, csvText(rows), { inferLevels: true, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, levelsInferred: true, created: 4 });
    expect(dumpDb(b.connection())).toEqual(before);
  });
});

describe('the reporting circle in words', () => {
  const circle = [
    { name: '张三', line: 2 },
    { name: '李四', line: 3 },
    { name: '王五', line: null },
    { name: '张三', line: 2 },
  ];

  it('names each person with the file row that names them, in both languages', () => {
    expect(circleText(circle, 'zh-CN')).toBe('张三（第 2 行） → 李四（第 3 行） → 王五（图中已有） → 张三（第 2 行）');
    expect(circleText(circle, 'en')).toBe('张三 (line 2) → 李四 (line 3) → 王五 (already on the map) → 张三 (line 2)');
    expect(circleText(circle, 'en', 40)).toBe('张三 (line 2) → 李四 (line 3) → 王五 (already on the map) → … (40 more) → 张三 (line 2)');
  });

  it('the reason the dialogs show is the one the CLI prints, with the same row', () => {
    const e = { line: 2, column: '上级', value: '李四', code: 'reporting-cycle', circle };
    for (const lang of LOCALES) {
      const reason = rowErrorReason(e, lang);
      expect(reason).toContain(circleText(circle, lang));
      expect(rowErrorLine(e, lang).endsWith(reason)).toBe(true);
    }
    expect(rowErrorLine(e, 'zh-CN')).toBe(`第 2 行，“上级”列（“李四”）：汇报关系形成了循环：${circleText(circle, 'zh-CN')}（→ 表示“向其汇报”）`);
    expect(rowErrorLine(e, 'en')).toBe(`line 2, column "上级" ("李四"): The reporting lines form a circle: ${circleText(circle, 'en')} (→ means "reports to")`);
    // any other code: the catalogue's reason
    expect(rowErrorReason({ code: 'unknown-manager' }, 'en')).toBe(messages.en.domain.importError['unknown-manager']);
  });
});
