/**
 * Importing the buyer's people from CSV/XLSX: zh/en header aliases and values, reports-to by name
 * (forward references, people already on the account), reporting circles as row errors (never a
 * hang), unknown managers, bad rows, all-or-nothing, --skip-invalid, dry runs, GBK CSV and XLSX.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { messages } from '../../shared/i18n';
import { NOW, b64, csvText, refused } from './accounts-helpers';
import { dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();

async function setup() {
  const b = env.backend({ now: () => NOW });
  const acct = await b.call('accounts-create', { name: '国能电力集团' });
  return { b, acct };
}

const run = (b: Backend, accountId: number, content: string | Uint8Array, extra: object = {}, fileName = 'people.csv') =>
  b.call('stakeholders-import', { accountId, fileName, contentBase64: b64(content), ...extra });

const ZH = [
  ['姓名', '职务', '部门', '层级', '上级', '角色', '影响力', '态度', '关系', '负责人', '最近联系', '备注', '偏好竞争对手'],
  ['李娜', '信息中心主任', '信息中心', '中层', '王伟', '技术评审专家、影响者', '高', '+1', '友好', '赵敏', '2026/4/2', '关注国产化', ''],
  ['王伟', '副总经理', '公司领导', '高层', '', '决策者;经济购买者', '高', '反对', '认识', '', '2026年3月1日', '', '恒信科技'],
  ['张强', '运维工程师', '信息中心', '基层', '李娜', 'user / coach', 'low', '2', 'trusted', '孙杰', '', '', ''],
];

async function map(b: Backend, accountId: number) {
  const m = await b.call('map-get', { accountId });
  const name = new Map(m.members.map((p) => [p.id, p.name]));
  return { ...m, reports: m.lines.filter((l) => l.kind === 'reports').map((l) => `${name.get(l.fromId)}->${name.get(l.toId)}${l.dotted ? ' (dotted)' : ''}`).sort() };
}

describe('headers and values', () => {
  it('reads the Chinese headers and words, with forward references, and creates unknown owners', async () => {
    const { b, acct } = await setup();
    await b.call('people-save', { name: '赵敏' });
    const events: unknown[] = [];
    b.on('data-changed', (e) => events.push(e));
    const r = await run(b, acct.id, csvText(ZH));
    // the file has a level column: no level is suggested from the titles
    expect(r).toEqual({ dryRun: false, rows: 3, created: 3, updated: 0, skipped: 0, linesCreated: 2, peopleCreated: ['孙杰'], errors: [], rejected: false, notImported: [], levelSuggestions: [], levelsInferred: false });
    expect(events).toEqual([{ tables: ['stakeholders', 'stakeholder_lines', 'people'] }]);
    const m = await map(b, acct.id);
    expect(m.reports).toEqual(['张强->李娜', '李娜->王伟']);
    const by = new Map(m.members.map((p) => [p.name, p]));
    expect(by.get('李娜')).toMatchObject({
      title: '信息中心主任',
      department: '信息中心',
      level: 'middle',
      roles: ['technical-evaluator', 'influencer'],
      influence: 'high',
      attitude: 1,
      strength: 'friendly',
      ownerName: '赵敏',
      lastContactSet: '2026-04-02',
      notes: '关注国产化',
    });
    expect(by.get('王伟')).toMatchObject({ level: 'top', roles: ['decision-maker', 'economic-buyer'], attitude: -2, strength: 'acquainted', ownerId: null, lastContactSet: '2026-03-01', favoursCompetitor: '恒信科技' });
    expect(by.get('张强')).toMatchObject({ level: 'base', roles: ['user', 'coach'], influence: 'low', attitude: 2, strength: 'trusted', ownerName: '孙杰' });
  });

  it('reads English headers and words, keys as well as labels', async () => {
    const { b, acct } = await setup();
    const rows = [
      ['Name', 'Title', 'Department', 'Level', 'Reports to', 'Roles', 'Influence', 'Attitude', 'Relationship', 'Owner', 'Last contact', 'Notes', 'Favours competitor'],
      ['Wang Wei', 'Deputy GM', 'Management', 'Top', '', 'Decision maker, economic-buyer', 'High', 'sceptic', 'acquainted', '', '2026-03-01', '', 'Hengxin Tech'],
      ['Li Na', 'IT director', 'IT', 'middle', 'Wang Wei', 'veto holder; Coach', 'medium', 'neutral', 'Friendly', 'Zhao Min', '03/04/2026', 'Private', ''],
      ['Tendering agent', 'Project manager', 'Agency', 'base', '', 'Tendering agency', 'm', '−1', 'none', '', '', '', ''],
    ];
    const r = await run(b, acct.id, csvText(rows));
    expect(r).toMatchObject({ created: 3, linesCreated: 1, peopleCreated: ['Zhao Min'], errors: [] });
    const m = await map(b, acct.id);
    const by = new Map(m.members.map((p) => [p.name, p]));
    expect(by.get('Wang Wei')).toMatchObject({ level: 'top', roles: ['decision-maker', 'economic-buyer'], influence: 'high', attitude: -1, favoursCompetitor: 'Hengxin Tech' });
    expect(by.get('Li Na')).toMatchObject({ roles: ['veto-holder', 'coach'], attitude: 0, strength: 'friendly', lastContactSet: '2026-03-04', notes: 'Private' });
    expect(by.get('Tendering agent')).toMatchObject({ roles: ['outside-party'], influence: 'medium', attitude: -1 });
    expect(m.reports).toEqual(['Li Na->Wang Wei']);
  });

  it('accepts the zh and en labels of every role, level, influence, attitude and strength of the catalogue', async () => {
    const { b, acct } = await setup();
    const rows: string[][] = [['姓名', '角色']];
    const roles = ['decision-maker', 'economic-buyer', 'technical-evaluator', 'user', 'influencer', 'coach', 'gatekeeper', 'veto-holder', 'outside-party'];
    roles.forEach((r, i) => rows.push([`人${i}`, r]));
    expect(await run(b, acct.id, csvText(rows))).toMatchObject({ created: roles.length, errors: [] });
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((p) => p.roles[0]).sort()).toEqual([...roles].sort());
  });

  it('previews headers, the guessed mapping and the first rows, also without a name column', async () => {
    const { b, acct } = await setup();
    const p = await b.call('stakeholders-import-preview', { accountId: acct.id, fileName: 'people.csv', contentBase64: b64(csvText(ZH)) });
    expect(p).toMatchObject({ format: 'csv', headers: ZH[0], rows: 3, errors: [] });
    expect(p.mapping).toEqual(['name', 'title', 'department', 'level', 'reportsTo', 'roles', 'influence', 'attitude', 'strength', 'owner', 'lastContact', 'notes', 'favoursCompetitor']);
    expect(p.sample[0]).toEqual({ line: 2, cells: ZH[1] });
    const noName = csvText([['联系人员', 'Position', '其它'], ['王伟', '总经理', 'x']]);
    const q = await b.call('stakeholders-import-preview', { accountId: acct.id, fileName: 'people.csv', contentBase64: b64(noName) });
    expect(q.mapping).toEqual([null, 'title', null]);
    expect(q.rows).toBe(1);
    // the import itself says which column is missing; a map fixes it
    await refused(b, 'stakeholders-import', { accountId: acct.id, fileName: 'people.csv', contentBase64: b64(noName) }, 'import-no-person-name');
    expect(await run(b, acct.id, noName, { map: { 联系人员: 'name', 其它: 'ignore' } })).toMatchObject({ created: 1 });
    // and the preview of a file with problems lists them
    const bad = await b.call('stakeholders-import-preview', { accountId: acct.id, fileName: 'p.csv', contentBase64: b64(csvText([['姓名', '上级'], ['李娜', '不存在']])) });
    expect(bad.errors).toEqual([{ line: 2, column: '上级', value: '不存在', code: 'unknown-manager' }]);
    await refused(b, 'stakeholders-import-preview', { accountId: acct.id, fileName: 'p.csv', contentBase64: b64(csvText(ZH)), map: { 不存在: 'name' } }, 'import-bad-map');
    await refused(b, 'stakeholders-import-preview', { accountId: acct.id, fileName: 'p.csv', contentBase64: b64(csvText(ZH)), map: { 职务: 'salary' } }, 'import-bad-map');
    await refused(b, 'stakeholders-import-preview', { accountId: 999, fileName: 'p.csv', contentBase64: b64(csvText(ZH)) }, 'not-found');
  });
});

describe('reports-to', () => {
  it('refuses circles of any length as row errors on every row in them, and never hangs', async () => {
    const { b, acct } = await setup();
    const rows = [['姓名', '上级'], ['A', 'B'], ['B', 'C'], ['C', 'A'], ['D', 'D'], ['E', 'A'], ['F', '']];
    const before = dumpDb(b.connection());
    const r = await run(b, acct.id, csvText(rows));
    expect(r.rejected).toBe(true);
    // each row names its circle: the people, with the file's row of each, from the row's person round
    const A = { name: 'A', line: 2 };
    const B = { name: 'B', line: 3 };
    const C = { name: 'C', line: 4 };
    const D = { name: 'D', line: 5 };
    expect(r.errors).toEqual([
      { line: 2, column: '上级', value: 'B', code: 'reporting-cycle', circle: [A, B, C, A] },
      { line: 3, column: '上级', value: 'C', code: 'reporting-cycle', circle: [B, C, A, B] },
      { line: 4, column: '上级', value: 'A', code: 'reporting-cycle', circle: [C, A, B, C] },
      { line: 5, column: '上级', value: 'D', code: 'reporting-cycle', circle: [D, D] },
    ]);
    expect(dumpDb(b.connection())).toEqual(before);
    // skipping them: E's manager A was skipped, so E cannot be placed either
    const s = await run(b, acct.id, csvText(rows), { skipInvalid: true });
    expect(s).toMatchObject({ rejected: false, created: 1, skipped: 5 });
    expect(s.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'reporting-cycle'],
      [3, 'reporting-cycle'],
      [4, 'reporting-cycle'],
      [5, 'reporting-cycle'],
      [6, 'unknown-manager'],
    ]);
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((p) => p.name)).toEqual(['F']);
  });

  it('a long chain that closes on itself is found and named by its first people', async () => {
    const { b, acct } = await setup();
    const n = 3000;
    const rows = [['姓名', '上级'], ...Array.from({ length: n }, (_, i) => [`P${i}`, `P${(i + 1) % n}`])];
    const r = await run(b, acct.id, csvText(rows));
    expect(r.rejected).toBe(true);
    expect(r.errors).toHaveLength(n);
    // a long circle is named by its first people and the way back, not by all 3,000
    expect(r.errors[0]!.circle).toHaveLength(8);
    expect(r.errors[0]!.circleMore).toBe(n + 1 - 8);
  });

  it('uses people already on the account, replaces a solid manager, keeps dotted lines, and sees circles through stored lines', async () => {
    const { b, acct } = await setup();
    const gm = await b.call('stakeholders-create', { accountId: acct.id, name: '王伟' });
    const cio = await b.call('stakeholders-create', { accountId: acct.id, name: '李娜', reportsTo: gm.id });
    const deputy = await b.call('stakeholders-create', { accountId: acct.id, name: '刘洋' });
    await b.call('lines-create', { kind: 'reports', fromId: cio.id, toId: deputy.id, dotted: true });
    // 李娜 now reports to 刘洋 (solid); her dotted line to him stays as it was, the old solid one goes
    let r = await run(b, acct.id, csvText([['姓名', '上级', '职务'], ['李娜', '刘洋', '信息中心主任'], ['张强', '李娜', '']]));
    expect(r).toMatchObject({ created: 1, updated: 1, linesCreated: 1, errors: [] });
    let m = await map(b, acct.id);
    expect(m.reports).toEqual(['张强->李娜', '李娜->刘洋 (dotted)']);
    expect(m.members.find((p) => p.name === '李娜')?.title).toBe('信息中心主任');
    // 刘洋 reporting to 张强 would close 张强 -> 李娜 -.-> 刘洋 -> 张强
    const before = dumpDb(b.connection());
    r = await run(b, acct.id, csvText([['姓名', '上级'], ['刘洋', '张强']]));
    // the circle names the people already on the map as such
    expect(r.errors).toEqual([
      {
        line: 2,
        column: '上级',
        value: '张强',
        code: 'reporting-cycle',
        circle: [
          { name: '刘洋', line: 2 },
          { name: '张强', line: null },
          { name: '李娜', line: null },
          { name: '刘洋', line: 2 },
        ],
      },
    ]);
    expect(dumpDb(b.connection())).toEqual(before);
    // turning the hierarchy round: 张强's old line to 李娜 is replaced, so 李娜 -> 张强 closes no circle
    r = await run(b, acct.id, csvText([['姓名', '上级'], ['李娜', '张强'], ['张强', '王伟']]));
    expect(r).toMatchObject({ updated: 2, linesCreated: 2, errors: [] });
    m = await map(b, acct.id);
    expect(m.reports).toEqual(['张强->王伟', '李娜->刘洋 (dotted)', '李娜->张强'].sort());
    // an empty manager cell leaves the lines as they are
    expect(await run(b, acct.id, csvText([['姓名', '上级', '职务'], ['张强', '', '工程师']]))).toMatchObject({ updated: 1, linesCreated: 0 });
    expect((await map(b, acct.id)).reports).toEqual(m.reports);
  });
});

describe('all or nothing', () => {
  const BAD = [
    ['姓名', '层级', '态度', '最近联系', '角色', '上级'],
    ['王伟', '高层', '支持', '2026-03-01', '决策者', ''],
    ['', '中层', '', '', '', ''],
    ['李娜', '管理员', '5', '昨天', '老板、内线', '王伟'],
    ['王伟', '', '', '', '', ''],
    ['张强', '', '', '', '', '赵六'],
    ['刘洋', '基层', '中立', '', '', '李娜'],
  ];

  it('one bad row means nothing is written, and every problem is reported with line, column and value', async () => {
    const { b, acct } = await setup();
    const before = dumpDb(b.connection());
    const events: unknown[] = [];
    b.on('data-changed', (e) => events.push(e));
    const r = await run(b, acct.id, csvText(BAD));
    expect(r).toMatchObject({ rejected: true, created: 0, updated: 0, rows: 6 });
    expect(r.errors).toEqual([
      { line: 3, column: '姓名', value: null, code: 'person-required' },
      { line: 4, column: '层级', value: '管理员', code: 'unknown-value' },
      { line: 4, column: '态度', value: '5', code: 'unknown-value' },
      { line: 4, column: '最近联系', value: '昨天', code: 'not-a-date' },
      { line: 4, column: '角色', value: '老板', code: 'unknown-role' },
      { line: 5, column: '姓名', value: '王伟', code: 'duplicate-person' },
      { line: 6, column: '上级', value: '赵六', code: 'unknown-manager' },
      { line: 7, column: '上级', value: '李娜', code: 'unknown-manager' },
    ]);
    expect(dumpDb(b.connection())).toEqual(before);
    expect(events).toEqual([]);
    // every code has its translation, in both languages
    for (const e of r.errors) {
      expect((messages['zh-CN'].domain.importError as Record<string, string>)[e.code], e.code).toBeTruthy();
      expect((messages.en.domain.importError as Record<string, string>)[e.code], e.code).toBeTruthy();
    }
  });

  it('with skipInvalid the valid rows go in and the rest are reported; a dry run writes nothing but counts exactly', async () => {
    const { b, acct } = await setup();
    const before = dumpDb(b.connection());
    const dry = await run(b, acct.id, csvText(BAD), { skipInvalid: true, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, rejected: false, created: 1, updated: 0, skipped: 5 });
    expect(dumpDb(b.connection())).toEqual(before);
    const real = await run(b, acct.id, csvText(BAD), { skipInvalid: true });
    expect({ ...real, dryRun: true }).toEqual(dry);
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((p) => [p.name, p.level, p.attitude])).toEqual([['王伟', 'top', 2]]);
    // the same file again updates, creates nothing
    expect(await run(b, acct.id, csvText(BAD), { skipInvalid: true })).toMatchObject({ created: 0, updated: 1 });
    // a dry run of a clean file with an unknown owner adds nobody
    const people = b.connection().prepare('SELECT count(*) FROM people').pluck().get();
    expect(await run(b, acct.id, csvText([['姓名', '负责人'], ['陈静', '新同事']]), { dryRun: true })).toMatchObject({ created: 1, peopleCreated: ['新同事'] });
    expect(b.connection().prepare('SELECT count(*) FROM people').pluck().get()).toBe(people);
  });

  it('refuses files that are not tables, empty files and unknown accounts with a clear error, changing nothing', async () => {
    const { b, acct } = await setup();
    await refused(b, 'stakeholders-import', { accountId: acct.id, fileName: 'p.csv', contentBase64: '' }, 'import-empty');
    await refused(b, 'stakeholders-import', { accountId: acct.id, fileName: 'p.csv', contentBase64: b64('姓名\n') }, 'import-empty');
    await refused(b, 'stakeholders-import', { accountId: acct.id, fileName: 'p.xlsx', contentBase64: b64('not a workbook') }, 'import-not-table');
    await refused(b, 'stakeholders-import', { accountId: 999, fileName: 'p.csv', contentBase64: b64(csvText(ZH)) }, 'not-found');
    await b.call('accounts-delete', { id: acct.id });
    await refused(b, 'stakeholders-import', { accountId: acct.id, fileName: 'p.csv', contentBase64: b64(csvText(ZH)) }, 'not-found');
  });
});

describe('files', () => {
  it('reads a GBK CSV (what Chinese Excel writes)', async () => {
    const { b, acct } = await setup();
    const r = await run(b, acct.id, iconv.encode(csvText(ZH), 'gbk'));
    expect(r).toMatchObject({ created: 3, linesCreated: 2, errors: [] });
    expect((await b.call('stakeholders-list', { accountId: acct.id })).map((p) => p.title).sort()).toEqual(['信息中心主任', '副总经理', '运维工程师'].sort());
  });

  it('reads XLSX with real dates and numbers', async () => {
    const { b, acct } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('决策链');
    ws.addRow(['姓名', '职务', '上级', '态度', '最近联系']);
    ws.addRow(['李娜', '主任', '王伟', 1, new Date(Date.UTC(2026, 3, 2))]);
    ws.addRow(['王伟', '副总经理', '', -2, '2026-03-01']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await run(b, acct.id, bytes, {}, 'people.xlsx');
    expect(r).toMatchObject({ created: 2, linesCreated: 1, errors: [] });
    const list = await b.call('stakeholders-list', { accountId: acct.id });
    expect(list.map((p) => [p.name, p.attitude, p.lastContactSet])).toEqual([
      ['李娜', 1, '2026-04-02'],
      ['王伟', -2, '2026-03-01'],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  });
});
