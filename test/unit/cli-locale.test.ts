/**
 * The CLI speaks the language of --locale (zh-CN by default; issue 11): report lines, usage
 * refusals, backend errors (errors.<code>), import rows (the reporting circle as the dialogs name
 * it), the levels suggested from titles (--infer-levels), and the coverage gap of an opposed
 * technical evaluator. Accounts are named by name in refusals, never by id. --json stays the same.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { runCaptured } from './cli-helpers';
import { circleText } from '../../shared/domain/import-errors';
import { messages } from '../../shared/i18n';
import { NOW, csvText } from './accounts-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();

/** The CLI in-process with exactly these arguments (no --locale added). */
const cli = runCaptured;

async function seeded() {
  const db = env.file('keyplan.db');
  const b = new Backend({ dbPath: db, transport: 'test', now: () => NOW, log: () => {} });
  try {
    const acct = await b.call('accounts-create', { name: '国能电力集团' });
    await b.call('stakeholders-create', { accountId: acct.id, name: '刘工', title: '总工', roles: ['technical-evaluator'], influence: 'high', attitude: -2 });
    return { db, acct };
  } finally {
    await b.close();
  }
}

const file = (name: string, text: string) => {
  const f = env.file(name);
  fs.writeFileSync(f, text);
  return f;
};

describe('--locale', () => {
  it('report lines and levels suggested from titles, in Chinese by default and in English; --infer-levels sets them', async () => {
    const { db } = await seeded();
    const csv = file('p.csv', csvText([['姓名', '职务', '上级'], ['王伟', '副厅长', ''], ['李娜', '处长', '王伟']]));
    const zh = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--dry-run', '--db', db]);
    expect(zh).toEqual({
      code: EXIT_OK,
      out:
        '将向国能电力集团导入 2 人中的 2 人：新增 2 人，更新 0 人，新建 1 条汇报线\n' +
        '文件中没有“层级”列；2 人的层级可由职务推断（加 --infer-levels 才会写入）：\n' +
        '  第 2 行 王伟（副厅长）→ 高层\n' +
        '  第 3 行 李娜（处长）→ 中层\n',
      err: '',
    });
    const en = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--dry-run', '--infer-levels', '--locale', 'en', '--db', db]);
    expect(en.out).toBe(
      'would import 2 of 2 people into 国能电力集团: 2 new, 0 updated, 1 reporting line(s)\n' +
        'would set levels from the titles (people: 2):\n' +
        '  line 2 王伟 (副厅长) → Top management\n' +
        '  line 3 李娜 (处长) → Middle management\n',
    );
    const set = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--infer-levels', '--db', db]);
    expect(set.out).toContain('已按职务设置 2 人的层级：');
    const json = await cli(['coverage', '--account', '国能电力集团', '--json', '--db', db]);
    expect(JSON.parse(json.out).levels.find((l: { level: string }) => l.level === 'top').people).toBe(1);
    // --infer-levels is for the people import only
    expect((await cli(['import', 'accounts', csv, '--infer-levels', '--db', db])).err).toContain('--infer-levels 只用于 import stakeholders');
  });

  it('a reporting circle: the same words and rows as the dialog, in both languages', async () => {
    const { db } = await seeded();
    const csv = file('c.csv', csvText([['姓名', '上级'], ['甲', '乙'], ['乙', '甲']]));
    const circle = [
      { name: '甲', line: 2 },
      { name: '乙', line: 3 },
      { name: '甲', line: 2 },
    ];
    const zh = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--db', db]);
    expect(zh.code).toBe(EXIT_FAIL);
    expect(zh.err).toContain(`  第 2 行，“上级”列（“乙”）：汇报关系形成了循环：${circleText(circle, 'zh-CN')}（→ 表示“向其汇报”）\n`);
    expect(zh.err).toContain('2 行共有 2 个问题，什么都没有导入。');
    const en = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--locale', 'en', '--db', db]);
    expect(en.err).toContain(`  line 2, column "上级" ("乙"): The reporting lines form a circle: ${circleText(circle, 'en')} (→ means "reports to")\n`);
    // --json is the report as it is
    const json = JSON.parse((await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--json', '--db', db])).out);
    expect(json.errors[0]).toEqual({ line: 2, column: '上级', value: '乙', code: 'reporting-cycle', circle });
  });

  it('refusals: usage and backend errors translated; accounts named by name, never by id', async () => {
    const { db, acct } = await seeded();
    const zh = await cli(['coverage', '--account', '国能', '--db', db]);
    expect(zh).toEqual({ code: EXIT_FAIL, out: '', err: 'keyplan: 没有名为“国能”的客户。是不是：国能电力集团？ [account-not-found]\n' });
    const en = await cli(['coverage', '--account', '国能', '--locale', 'en', '--db', db]);
    expect(en.err).toBe('keyplan: No account named "国能". Did you mean: 国能电力集团? [account-not-found]\n');
    for (const r of [zh, en]) expect(r.err).not.toContain(String(acct.id));
    expect((await cli(['backup', '--db', db])).err).toBe('keyplan: backup 需要 --out 文件\n');
    expect((await cli(['backup', '--db', db, '--locale', 'en'])).err).toBe('keyplan: backup needs --out FILE\n');
    const missing = env.file('nope.csv');
    expect((await cli(['import', 'accounts', missing, '--db', db])).err).toBe(`keyplan: ${messages['zh-CN'].errors['file-not-found'].replace('{{path}}', missing)} [file-not-found]\n`);
    // a bad --locale is refused on every verb
    expect((await cli(['doctor', '--locale', 'fr', '--db', db])).err).toContain('--locale 只能是 zh-CN 或 en，不能是“fr”');
    expect((await cli(['doctor', '--db', db])).out).toContain('结构版本：');
    expect((await cli(['doctor', '--db', db, '--locale', 'en'])).out).toContain('schema version:');
  });

  it('coverage names an opposed technical evaluator of high influence as a gap, in both languages', async () => {
    const { db } = await seeded();
    const zh = await cli(['coverage', '--account', '国能电力集团', '--db', db]);
    expect(zh.out).toMatch(/严重 +刘工（技术评审专家）影响力高，却对我们持反对或怀疑态度：技术评分可能失分/);
    const en = await cli(['coverage', '--account', '国能电力集团', '--locale', 'en', '--db', db]);
    expect(en.out).toContain('刘工 (Technical evaluator) has high influence and is opposed to us or sceptical');
  });
});
