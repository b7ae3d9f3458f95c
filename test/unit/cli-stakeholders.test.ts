/**
 * The stakeholder map's CLI verbs, in-process with captured output: `import stakeholders`,
 * `coverage` and `map svg|pdf|png` - exit codes, the account and tender lookups, the output in both
 * languages, and files written whole or not at all.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { cliRunner } from './cli-helpers';
import { findChromium } from '../../electron/backend/documents/chromium-printer';
import { NOW, csvText } from './accounts-helpers';
import { dumpFile, ls, sha256, useTestEnv } from './helpers';

const env = useTestEnv();

/**
 * What the CLI says is read in English here (`--locale en` unless the test chose one); coverage and
 * map keep the default (zh-CN), whose --locale is the language of the report and the file too.
 */
const cli = cliRunner(['coverage', 'map']);

/** A database with one mapped account (and a tender), and one account without people. */
async function seeded() {
  const db = env.file('keyplan.db');
  const b = new Backend({ dbPath: db, transport: 'test', now: () => NOW, log: () => {} });
  try {
    const acct = await b.call('accounts-create', { name: '国能电力集团' });
    await b.call('accounts-create', { name: '华夏建设银行' });
    const owner = await b.call('people-save', { name: '赵敏' });
    const gm = await b.call('stakeholders-create', { accountId: acct.id, name: '王伟', title: '总经理', level: 'top', roles: ['decision-maker'], influence: 'high', attitude: -1, favoursCompetitor: '恒信科技', notes: '私下说明' });
    const cio = await b.call('stakeholders-create', {
      accountId: acct.id,
      name: '李娜',
      title: '信息中心主任',
      level: 'middle',
      roles: ['technical-evaluator'],
      attitude: 2,
      strength: 'trusted',
      ownerId: owner.id,
      lastContactSet: '2026-05-01',
      reportsTo: gm.id,
    });
    const opp = await b.call('opportunities-save', { accountId: acct.id, name: '智慧园区一期', stage: 'tendering' });
    await b.call('opportunities-save', { accountId: acct.id, name: '年度运维服务' });
    await b.call('opportunities-save', { accountId: acct.id, name: '年度运维服务' });
    await b.call('tender-members-set', { tenderId: opp.id, add: [{ stakeholderId: cio.id, roles: ['veto-holder'] }] });
    return { db, acct, gm, cio, opp };
  } finally {
    await b.close();
  }
}

describe('import stakeholders', () => {
  const file = (name: string, content: string | Buffer) => {
    const f = env.file(name);
    fs.writeFileSync(f, content);
    return f;
  };

  it('imports into the named account and says what it did; a dry run writes nothing', async () => {
    const { db } = await seeded();
    const csv = file('people.csv', csvText([['姓名', '职务', '上级', '负责人'], ['张强', '工程师', '李娜', '孙杰'], ['刘洋', '专责', '张强', '']]));
    const before = dumpFile(db);
    const dry = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--dry-run', '--db', db]);
    expect(dry).toEqual({
      code: EXIT_OK,
      out:
        'would import 2 of 2 people into 国能电力集团: 2 new, 0 updated, 2 reporting line(s)\nwould add to our team: 孙杰\n' +
        'No level column in the file; levels suggested by the titles (people: 1; add --infer-levels to set them):\n' +
        '  line 2 张强 (工程师) → Base level\n',
      err: '',
    });
    expect(dumpFile(db)).toEqual(before);
    const r = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toBe(
      'imported 2 of 2 people into 国能电力集团: 2 new, 0 updated, 2 reporting line(s)\nadded to our team: 孙杰\n' +
        'No level column in the file; levels suggested by the titles (people: 1; add --infer-levels to set them):\n' +
        '  line 2 张强 (工程师) → Base level\n',
    );
    const json = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--json', '--db', db]);
    expect(JSON.parse(json.out)).toMatchObject({ created: 0, updated: 2, linesCreated: 0, rejected: false });
  });

  it('refuses a file with bad rows (nothing imported, exit 1), imports the good rows with --skip-invalid, and maps columns with --map', async () => {
    const { db } = await seeded();
    const csv = file('bad.csv', csvText([['联系人员', '上级', '态度'], ['张强', '不存在', ''], ['刘洋', '', '很好']]));
    const before = dumpFile(db);
    const noName = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--db', db]);
    expect(noName.code).toBe(EXIT_FAIL);
    expect(noName.err).toContain('[import-no-person-name]');
    const bad = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--map', '联系人员=name', '--db', db]);
    expect(bad.code).toBe(EXIT_FAIL);
    expect(bad.err).toContain('  line 2, column "上级" ("不存在"): The manager is neither in the file nor among the people of this account\n');
    expect(bad.err).toContain('  line 3, column "态度" ("很好"): Not one of the known values\n');
    expect(bad.err).toContain('nothing was imported');
    expect(dumpFile(db)).toEqual(before);
    const skip = await cli(['import', 'stakeholders', csv, '--account', '国能电力集团', '--map', '联系人员=name,态度=ignore', '--skip-invalid', '--db', db]);
    expect(skip.code).toBe(EXIT_OK);
    expect(skip.out).toBe('imported 1 of 2 people into 国能电力集团: 1 new, 0 updated, 0 reporting line(s), 1 row(s) skipped\nnot imported: 态度 (--map says ignore)\n');
  });

  it('finds the account by exact name or id, and says clearly when it cannot', async () => {
    const { db, acct } = await seeded();
    const csv = file('p.csv', csvText([['Name'], ['Chen Jing']]));
    expect((await cli(['import', 'stakeholders', csv, '--account', String(acct.id), '--db', db])).out).toContain('into 国能电力集团');
    const none = await cli(['import', 'stakeholders', csv, '--account', '国能', '--db', db]);
    expect(none.code).toBe(EXIT_FAIL);
    expect(none.err).toBe('keyplan: No account named "国能". Did you mean: 国能电力集团? [account-not-found]\n');
    const missing = await cli(['import', 'stakeholders', csv, '--db', db]);
    expect(missing.code).toBe(EXIT_FAIL);
    expect(missing.err).toContain('--account NAME is required');
    const noFile = await cli(['import', 'stakeholders', '--account', '国能电力集团', '--db', db]);
    expect(noFile.err).toContain('usage: import stakeholders FILE --account NAME');
    const gone = await cli(['import', 'stakeholders', env.file('nope.csv'), '--account', '国能电力集团', '--db', db]);
    expect(gone.err).toContain('[file-not-found]');
    // the account importer is still there
    expect((await cli(['import', 'accounts', file('a.csv', '客户名称\nAcme\n'), '--db', db])).out).toContain('imported 1 of 1 rows');
  });
});

describe('coverage', () => {
  it('prints the gaps with reasons and the per-level summary, in Chinese by default and in English', async () => {
    const { db } = await seeded();
    const zh = await cli(['coverage', '--account', '国能电力集团', '--db', db]);
    expect(zh.code).toBe(EXIT_OK);
    expect(zh.out).toContain('国能电力集团');
    expect(zh.out).toContain('王伟');
    expect(zh.out).toMatch(/高层/);
    const en = await cli(['coverage', '--account', '国能电力集团', '--locale', 'en', '--db', db]);
    expect(en.code).toBe(EXIT_OK);
    expect(en.out).toContain('王伟');
    expect(en.out).toMatch(/[Tt]op/);
    expect(en.out).not.toContain('高层');
  });

  it('--json gives the report; --tender picks a tender map by name or id; --days sets the stale window', async () => {
    const { db, gm, cio, opp } = await seeded();
    const all = JSON.parse((await cli(['coverage', '--account', '国能电力集团', '--json', '--db', db])).out);
    expect(all).toMatchObject({ account: { name: '国能电力集团' }, tender: null, people: 2, staleDays: 60 });
    expect(all.gaps.some((g: { kind: string; personId: number }) => g.kind === 'decider-not-supporter' && g.personId === gm.id)).toBe(true);
    const tender = JSON.parse((await cli(['coverage', '--account', '国能电力集团', '--tender', '智慧园区一期', '--days', '5', '--json', '--db', db])).out);
    expect(tender).toMatchObject({ tender: { id: opp.id, name: '智慧园区一期' }, people: 1, staleDays: 5 });
    expect(tender.gaps.find((g: { kind: string }) => g.kind === 'decider-not-supporter')).toBeUndefined();
    expect(tender.gaps.some((g: { kind: string; personId: number }) => g.kind === 'stale-contact' && g.personId === cio.id)).toBe(true);
    expect(JSON.parse((await cli(['coverage', '--account', '国能电力集团', '--tender', String(opp.id), '--json', '--db', db])).out).tender.id).toBe(opp.id);
  });

  it('refuses unknown and ambiguous tenders and bad --days with exit 1', async () => {
    const { db } = await seeded();
    const unknown = await cli(['coverage', '--account', '国能电力集团', '--tender', '不存在', '--db', db]);
    expect(unknown.code).toBe(EXIT_FAIL);
    // In the language of the report (zh-CN by default), and in English with --locale en.
    expect(unknown.err).toContain('国能电力集团没有名为“不存在”的商机。它的商机有：');
    const unknownEn = await cli(['coverage', '--account', '国能电力集团', '--tender', '不存在', '--locale', 'en', '--db', db]);
    expect(unknownEn.err).toContain('国能电力集团 has no opportunity named "不存在". Its opportunities:');
    const twice = await cli(['coverage', '--account', '国能电力集团', '--tender', '年度运维服务', '--db', db]);
    expect(twice.code).toBe(EXIT_FAIL);
    expect(twice.err).toMatch(/有 2 个名为“年度运维服务”的商机（编号 \d+, \d+）；请用 --tender 编号。 \[tender-ambiguous\]/);
    const twiceEn = await cli(['coverage', '--account', '国能电力集团', '--tender', '年度运维服务', '--locale', 'en', '--db', db]);
    expect(twiceEn.err).toMatch(/has 2 opportunities named "年度运维服务" \(ids \d+, \d+\); give --tender ID/);
    for (const d of ['0', 'ten', '1.5', '4000']) {
      const r = await cli(['coverage', '--account', '国能电力集团', '--days', d, '--db', db]);
      expect(r.code, d).toBe(EXIT_FAIL);
      expect(r.err).toContain('--days 是 1 到 3650 之间的整数天数');
    }
    expect((await cli(['coverage', '--account', '国能电力集团', '--locale', 'fr', '--db', db])).code).toBe(EXIT_FAIL);
  });
});

describe('map export', () => {
  it('writes the SVG; --safe hides attitudes and the competitor a person favours', async () => {
    const { db } = await seeded();
    const out = env.file('map.svg');
    const r = await cli(['map', 'svg', '--account', '国能电力集团', '--out', out, '--db', db]);
    expect(r).toEqual({ code: EXIT_OK, out: `已写入 ${out}（${fs.statSync(out).size} 字节）\n`, err: '' });
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    expect(svg).toContain('王伟');
    expect(svg).toContain('恒信科技');
    expect(svg).not.toContain('私下说明');
    const safe = env.file('safe.svg');
    expect((await cli(['map', 'svg', '--account', '国能电力集团', '--safe', '--out', safe, '--db', db])).out).toContain('对外版');
    const text = fs.readFileSync(safe, 'utf8');
    expect(text).toContain('王伟');
    expect(text).not.toContain('恒信科技');
    // the tender map holds its members only
    const t = env.file('tender.svg');
    await cli(['map', 'svg', '--account', '国能电力集团', '--tender', '智慧园区一期', '--out', t, '--db', db]);
    expect(fs.readFileSync(t, 'utf8')).toContain('李娜');
    expect(fs.readFileSync(t, 'utf8')).not.toContain('王伟');
    expect(ls(env.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a failed export leaves no file and no half-written one; an existing file stays as it was', async () => {
    const { db } = await seeded();
    const out = env.file('map.svg');
    fs.writeFileSync(out, 'old');
    const hash = sha256(out);
    const bad = await cli(['map', 'svg', '--account', '国能电力集团', '--tender', '不存在', '--out', out, '--db', db]);
    expect(bad.code).toBe(EXIT_FAIL);
    expect(sha256(out)).toBe(hash);
    const nowhere = env.file('no-such-dir', 'map.svg');
    const r = await cli(['map', 'svg', '--account', '国能电力集团', '--out', nowhere, '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain(`无法写入 ${nowhere}`);
    expect(fs.existsSync(env.file('no-such-dir'))).toBe(false);
    expect(ls(env.dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect((await cli(['map', 'jpg', '--account', '国能电力集团', '--out', out, '--db', db])).err).toContain('用法：map svg|pdf|png');
    expect((await cli(['map', 'svg', '--account', '国能电力集团', '--db', db])).err).toContain('map svg 需要 --out 文件');
  });

  it.skipIf(!findChromium())('prints a PDF and a PNG through Chromium', async () => {
    const { db } = await seeded();
    const pdf = env.file('map.pdf');
    const r = await cli(['map', 'pdf', '--account', '国能电力集团', '--locale', 'en', '--out', pdf, '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // The document carries its font: subset TrueType (CID) fonts, no Type 3 glyph procedures.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toContain('CID TrueType');
    expect(fonts).not.toContain('Type 3');
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('国能电力集团');
    const png = env.file('map.png');
    expect((await cli(['map', 'png', '--account', '国能电力集团', '--safe', '--out', png, '--db', db])).code).toBe(EXIT_OK);
    expect([...fs.readFileSync(png).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
