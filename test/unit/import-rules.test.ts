/**
 * Importing accounts: which column means what, forgiving values, parents in the file and in the
 * database, people and tiers, all-or-nothing, skipping invalid rows, dry runs, re-imports that
 * update, explicit mappings, and the preview.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { ImportReport } from '../../shared/api/accounts-views';
import { NOW, b64, csvText, refused, tierId, watch } from './accounts-helpers';
import { dumpDb, useTestEnv } from './helpers';

const env = useTestEnv();

type Cells = (string | number | null)[];

async function importRows(b: Backend, rows: Cells[], opts: { skipInvalid?: boolean; dryRun?: boolean; map?: Record<string, string> } = {}): Promise<ImportReport> {
  return b.call('import-run', { fileName: 'accounts.csv', contentBase64: b64(csvText(rows)), ...opts });
}

async function byName(b: Backend) {
  return Object.fromEntries((await b.call('accounts-list', {})).map((a) => [a.name, a]));
}

describe('columns', () => {
  it('recognises headers in Chinese and English, in any case, with spaces, underscores and full-width characters', async () => {
    const b = env.backend();
    const headers = [
      '客户名称（必填）', 'English Name', '简称', '所属集团', 'INDUSTRY', ' 地区 ', '大客户经理', 'Team_Members', '客户分类', '战略客户', 'Brand Influence',
      '客户级别', 'Lifecycle Stage', '成交状态', 'GRADE', '紧急程度', '重要性', 'Currency', '营业收入', '员工人数', '毛利', 'Share of Wallet',
      '增长潜力', 'LTV', '服务成本', '流失状态', '流失原因', '流失说明', 'Churn Date', '应收账款（元）', '逾期天数', '账期', '备注',
      '2024收入', 'Revenue 2025', 'FY2026 Revenue', '2026目标', 'Target 2027', '营业收入（万元）', 'Receivables (k)', '传真', '份额(百分比)',
    ];
    const preview = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64(csvText([headers, headers.map((_, i) => (i === 0 ? 'Acme' : ''))])) });
    expect(preview.mapping).toEqual([
      'name', 'nameEn', 'shortName', 'parent', 'industry', 'region', 'owner', 'team', 'classification', 'strategic', 'brandInfluence',
      'tier', 'lifecycle', 'dealStatus', 'grade', 'urgency', 'importance', 'currency', 'companyRevenue', 'employees', 'profitContribution', 'shareOfWallet',
      'growthPotential', 'lifetimeValue', 'costToServe', 'churnStatus', 'churnReason', 'churnNote', 'churnedOn', 'receivableOutstanding', 'receivableDaysOverdue', 'paymentTerms', 'notes',
      'revenue:2024', 'revenue:2025', 'revenue:2026', 'target:2026', 'target:2027',
      null, // in 万元: not guessed (the values would be read 10,000 times too small)
      null, // in thousands: the same
      null, // not a field
      null, // a second share-of-wallet column: the first one wins
    ]);
    const one = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64('客户名称,份额（百分比）,应收（元）\nA,35,1\n') });
    expect(one.mapping).toEqual(['name', 'shareOfWallet', 'receivableOutstanding']);
  });

  it('the first of two columns that mean the same thing wins; the other is left out', async () => {
    const b = env.backend();
    const preview = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64('客户名称,Account,行业\nA,B,金融\n') });
    expect(preview.mapping).toEqual(['name', null, 'industry']);
  });
});

describe('values', () => {
  it('reads the words and numbers people write, in Chinese and English', async () => {
    const b = env.backend({ now: () => NOW });
    const r = await importRows(b, [
      ['客户名称', '客户分类', '战略客户', '品牌影响力', '客户分级', '生命周期', '成交状态', '客户等级', '紧急程度', '重要性', '币种', '营业收入', '员工数', '利润贡献', '钱包份额', '增长潜力', '终身价值', '服务成本', '流失状态', '流失原因', '流失日期', '应收账款', '逾期天数'],
      ['甲', '行业大客户', '是', '否', '钻石客户', '成熟期', '已成交', 'A级', '紧急', '重要', '人民币', '1.2亿', '3,200', '(5,000)', '35%', '高', '8000万', '12万元', '有风险', '竞争对手价格', '2026年3月1日', '￥150,000', '45'],
      ['乙', 'regional', 'yes', 'TRUE', 'Gold', 'growth', 'negotiating', 'b', 'not urgent', 'normal', 'usd', '$2.5M', '1.2万', '-300.5', '0.35', 'Medium', '1,000', '2.5k', 'churned', 'service', '3/1/2026', '1,234.5', '0'],
      ['丙', '潜力', '√', 'n', '银牌', '衰退', '潜在客户', 'E', '长期', '不重要', 'HKD', '', '', '', '12.5', 'low', '', '', 'ok', '其他', '20260301', '', ''],
    ]);
    expect(r).toMatchObject({ created: 3, errors: [], rejected: false, notImported: [] });
    const a = await byName(b);
    expect(a['甲']).toMatchObject({
      classification: 'industry', strategic: true, brandInfluence: false, tierKey: 'diamond', lifecycle: 'maturity', dealStatus: 'won', grade: 'A',
      urgency: 'urgent', importance: 'important', currency: 'CNY', companyRevenue: 120_000_000_00, employees: 3200, profitContribution: -5_000_00,
      shareOfWalletBp: 3500, growthPotential: 'high', lifetimeValue: 80_000_000_00, costToServe: 120_000_00, churnStatus: 'at-risk',
      churnReason: 'competitor-price', churnedOn: '2026-03-01', receivableOutstanding: 150_000_00, receivableDaysOverdue: 45,
    });
    expect(a['乙']).toMatchObject({
      classification: 'regional', strategic: true, brandInfluence: true, tierKey: 'gold', lifecycle: 'growth', dealStatus: 'negotiating', grade: 'B',
      urgency: 'not-urgent', importance: 'normal', currency: 'USD', companyRevenue: 250_000_000, employees: 12_000, profitContribution: -30_050,
      shareOfWalletBp: 3500, growthPotential: 'medium', lifetimeValue: 100_000, costToServe: 250_000, churnStatus: 'churned', churnReason: 'service',
      churnedOn: '2026-03-01', receivableOutstanding: 123_450, receivableDaysOverdue: 0,
    });
    expect(a['丙']).toMatchObject({
      classification: 'potential', strategic: true, brandInfluence: false, tierKey: 'silver', lifecycle: 'decline', dealStatus: 'prospect', grade: 'E',
      urgency: 'slow', importance: 'normal', currency: 'HKD', companyRevenue: null, shareOfWalletBp: 1250, growthPotential: 'low', churnStatus: 'active',
      churnReason: 'other', churnedOn: '2026-03-01', receivableOutstanding: null,
    });
  });

  it('revenue and target per year, from columns named in either language', async () => {
    const b = env.backend();
    await importRows(b, [
      ['Account', '2024收入', 'Revenue 2025', '2025目标', 'Target 2026', '2026年营收'],
      ['Acme', '800万', '1,000,000', '1.2千万', '15000000', ''],
      ['Globex', '', '', '', '1万', '3亿'],
    ]);
    const a = await byName(b);
    expect((await b.call('accounts-get', { id: a['Acme']!.id })).revenue).toEqual([
      { year: 2024, revenue: 8_000_000_00, target: null, profit: null },
      { year: 2025, revenue: 1_000_000_00, target: 12_000_000_00, profit: null },
      { year: 2026, revenue: null, target: 15_000_000_00, profit: null },
    ]);
    expect((await b.call('accounts-get', { id: a['Globex']!.id })).revenue).toEqual([{ year: 2026, revenue: 300_000_000_00, target: 1_000_000, profit: null }]);
  });

  it('tiers are found by key, Chinese name (with or without 客户) and English name; others are errors', async () => {
    const b = env.backend();
    await b.call('tiers-save', { key: 'crystal', nameZh: '水晶客户', nameEn: 'Crystal', rank: 5, visitsPerQuarter: 1, callsPerMonth: 0 });
    const r = await importRows(b, [
      ['客户名称', '客户分级'],
      ['A', 'platinum'],
      ['B', '白金客户'],
      ['C', '白金'],
      ['D', 'PLATINUM'],
      ['E', 'Platinum account'],
      ['F', '水晶'],
      ['G', 'bronze'],
    ]);
    expect(r.errors).toEqual([{ line: 8, column: '客户分级', value: 'bronze', code: 'unknown-tier' }]);
    expect(r.rejected).toBe(true);
    await importRows(b, [['客户名称', '客户分级'], ['A', 'platinum'], ['B', '白金客户'], ['C', '白金'], ['D', 'PLATINUM'], ['E', 'Platinum account'], ['F', '水晶']]);
    const tiers = Object.values(await byName(b)).map((a) => [a.name, a.tierKey]);
    expect(tiers).toEqual([['A', 'platinum'], ['B', 'platinum'], ['C', 'platinum'], ['D', 'platinum'], ['E', 'platinum'], ['F', 'crystal']]);
  });

  it('owners and team members are found by name, or added as people and reported', async () => {
    const b = env.backend();
    const wang = await b.call('people-save', { name: '王伟', role: 'director' });
    const r = await importRows(b, [
      ['客户名称', '客户经理', '团队成员'],
      ['A', '王伟', '张三、李四'],
      ['B', '赵六', '李四, 王伟；Chen Jing'],
      ['C', '', ''],
    ]);
    expect([...r.peopleCreated].sort()).toEqual(['Chen Jing', '张三', '李四', '赵六'].sort());
    const a = await byName(b);
    expect(a['A']).toMatchObject({ ownerId: wang.id, ownerName: '王伟' });
    expect(a['B']).toMatchObject({ ownerName: '赵六' });
    expect(a['C']).toMatchObject({ ownerId: null });
    expect((await b.call('accounts-get', { id: a['A']!.id })).team.map((m) => m.name).sort()).toEqual(['张三', '李四'].sort());
    expect((await b.call('accounts-get', { id: a['B']!.id })).team.map((m) => m.name).sort()).toEqual(['Chen Jing', '李四', '王伟'].sort());
    const people = await b.call('people-list', {});
    expect(people).toHaveLength(5);
    expect(people.find((p) => p.name === '赵六')).toMatchObject({ role: 'manager', active: true });
  });

  it('reports every bad cell with its line, column header, value and reason', async () => {
    const b = env.backend();
    const r = await importRows(b, [
      ['客户名称', '员工数', '钱包份额', '流失日期', '战略客户', '客户等级', '币种', '营业收入', '逾期天数'],
      ['Good', '10', '10%', '2026-01-01', '是', 'A', 'CNY', '1', '1'],
      ['Bad numbers', '1.5', '150%', '2026-02-30', 'maybe', 'Z', 'GBP', '-5', '-1'],
      ['', '10', '', '', '', '', '', '', ''],
      ['x'.repeat(201), '', '', '', '', '', '', '', ''],
    ]);
    expect(r.rejected).toBe(true);
    expect(r.errors).toEqual([
      { line: 3, column: '员工数', value: '1.5', code: 'not-an-integer' },
      { line: 3, column: '钱包份额', value: '150%', code: 'out-of-range' },
      { line: 3, column: '流失日期', value: '2026-02-30', code: 'not-a-date' },
      { line: 3, column: '战略客户', value: 'maybe', code: 'not-a-boolean' },
      { line: 3, column: '客户等级', value: 'Z', code: 'unknown-value' },
      { line: 3, column: '币种', value: 'GBP', code: 'unknown-value' },
      { line: 3, column: '营业收入', value: '-5', code: 'out-of-range' },
      { line: 3, column: '逾期天数', value: '-1', code: 'out-of-range' },
      { line: 4, column: '客户名称', value: null, code: 'required' },
      { line: 5, column: '客户名称', value: 'x'.repeat(201), code: 'too-long' },
      { line: 5, column: '客户名称', value: null, code: 'required' },
    ]);
  });
});

describe('parents', () => {
  it('a parent named in a later row, one in an earlier row, and one already in the database', async () => {
    const b = env.backend();
    const existing = await b.call('accounts-create', { name: '国能电力集团' });
    const r = await importRows(b, [
      ['客户名称', '上级单位'],
      ['华夏建设银行河南省分行', '华夏建设银行'],
      ['华夏建设银行', ''],
      ['华夏建设银行郑州支行', '华夏建设银行河南省分行'],
      ['国能电力集团河南电力公司', '国能电力集团'],
    ]);
    expect(r).toMatchObject({ created: 4, errors: [] });
    const a = await byName(b);
    expect(a['华夏建设银行河南省分行']).toMatchObject({ parentId: a['华夏建设银行']!.id, parentName: '华夏建设银行' });
    expect(a['华夏建设银行郑州支行']!.parentName).toBe('华夏建设银行河南省分行');
    expect(a['国能电力集团河南电力公司']).toMatchObject({ parentId: existing.id });
    expect(a['华夏建设银行']!.parentId).toBeNull();
  });

  it('a circle (A->B->A, a longer one, an account its own parent) is an error on each row in it, not a hang', async () => {
    const b = env.backend();
    const before = dumpDb(b.connection());
    const r = await importRows(b, [
      ['客户名称', '上级单位'],
      ['A', 'B'],
      ['B', 'A'],
      ['Self', 'Self'],
      ['X', 'Y'],
      ['Y', 'Z'],
      ['Z', 'X'],
      ['Fine', ''],
      ['Under A', 'A'],
    ]);
    expect(r.rejected).toBe(true);
    expect(r.errors.map((e) => [e.line, e.code, e.value])).toEqual([
      [2, 'parent-cycle', 'B'],
      [3, 'parent-cycle', 'A'],
      [4, 'parent-cycle', 'Self'],
      [5, 'parent-cycle', 'Y'],
      [6, 'parent-cycle', 'Z'],
      [7, 'parent-cycle', 'X'],
    ]);
    expect(r.errors.every((e) => e.column === '上级单位')).toBe(true);
    expect(dumpDb(b.connection())).toEqual(before);
    // skipping them imports the rest; the row under a skipped one is reported too
    const s = await importRows(b, [['客户名称', '上级单位'], ['A', 'B'], ['B', 'A'], ['Fine', ''], ['Under A', 'A']], { skipInvalid: true });
    expect(s.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'parent-cycle'],
      [3, 'parent-cycle'],
      [5, 'unknown-parent'],
    ]);
    expect(s).toMatchObject({ created: 1, skipped: 3 });
    expect(Object.keys(await byName(b))).toEqual(['Fine']);
  });

  it('a circle through the database is found too, also when the file leaves the parent cell empty', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'A' });
    await b.call('accounts-create', { name: 'B', parentId: a.id });
    // B's parent is A in the database; making A a child of B closes a circle
    const direct = await importRows(b, [['客户名称', '上级单位'], ['A', 'B']]);
    expect(direct.errors.map((e) => [e.line, e.code])).toEqual([[2, 'parent-cycle']]);
    // B is in the file with no parent given: an empty cell keeps its parent A, so this is the same circle
    const before = dumpDb(b.connection());
    const viaEmpty = await importRows(b, [['客户名称', '上级单位', '行业'], ['A', 'B', ''], ['B', '', '金融']]);
    expect(viaEmpty.errors.map((e) => [e.line, e.code])).toEqual([[2, 'parent-cycle']]);
    expect(dumpDb(b.connection())).toEqual(before);
  });

  it('an unknown parent is an error naming it; a parent in the bin is unknown', async () => {
    const b = env.backend();
    const gone = await b.call('accounts-create', { name: 'Gone' });
    await b.call('accounts-delete', { id: gone.id });
    const r = await importRows(b, [['Account', 'Parent'], ['A', 'Nobody'], ['B', 'Gone']]);
    expect(r.errors).toEqual([
      { line: 2, column: 'Parent', value: 'Nobody', code: 'unknown-parent' },
      { line: 3, column: 'Parent', value: 'Gone', code: 'unknown-parent' },
    ]);
  });

  it('a name twice in one file: the later row is an error', async () => {
    const b = env.backend();
    const r = await importRows(b, [['客户名称', '行业'], ['Acme', '制造'], ['Other', ''], ['Acme', '金融']]);
    expect(r.errors).toEqual([{ line: 4, column: '客户名称', value: 'Acme', code: 'duplicate-name' }]);
    const s = await importRows(b, [['客户名称', '行业'], ['Acme', '制造'], ['Other', ''], ['Acme', '金融']], { skipInvalid: true });
    expect(s).toMatchObject({ created: 2, skipped: 1 });
    expect((await byName(b))['Acme']!.industry).toBe('制造');
  });
});

describe('all or nothing', () => {
  it('without skipInvalid one bad row rejects the file and leaves the database byte-for-byte as it was', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Existing', industry: '金融' });
    const before = dumpDb(b.connection());
    const events = watch(b);
    const r = await importRows(b, [
      ['客户名称', '行业', '员工数', '客户经理', '2025收入'],
      ['New 1', '制造', '10', 'New person', '100'],
      ['Existing', '能源', '', '', ''],
      ['New 2', '', 'ten', '', ''],
    ]);
    expect(r).toEqual({
      dryRun: false,
      rows: 3,
      created: 0,
      updated: 0,
      skipped: 0,
      peopleCreated: [],
      errors: [{ line: 4, column: '员工数', value: 'ten', code: 'not-a-number' }],
      rejected: true,
      notImported: [],
    });
    expect(dumpDb(b.connection())).toEqual(before);
    expect(events).toEqual([]);
  });

  it('skipInvalid imports the valid rows and reports the others by line and column', async () => {
    const b = env.backend();
    const events = watch(b);
    const r = await importRows(
      b,
      [
        ['客户名称', '上级单位', '员工数', '客户经理'],
        ['Parent bad', '', 'many', '王伟'],
        ['Child of bad', 'Parent bad', '1', ''],
        ['Good', '', '2', '李娜'],
        ['Good child', 'Good', '3', ''],
        ['', '', '4', ''],
      ],
      { skipInvalid: true },
    );
    expect(r).toMatchObject({ rows: 5, created: 2, updated: 0, skipped: 3, rejected: false, peopleCreated: ['李娜'] });
    expect(r.errors).toEqual([
      { line: 2, column: '员工数', value: 'many', code: 'not-a-number' },
      { line: 3, column: '上级单位', value: 'Parent bad', code: 'unknown-parent' },
      { line: 6, column: '客户名称', value: null, code: 'required' },
    ]);
    expect(Object.keys(await byName(b))).toEqual(['Good', 'Good child']);
    expect((await byName(b))['Good child']!.parentName).toBe('Good');
    expect(events).toHaveLength(1);
  });
});

describe('dry run', () => {
  it('counts exactly what an import would do and writes nothing', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Existing' });
    const before = dumpDb(b.connection());
    const events = watch(b);
    const rows: Cells[] = [['客户名称', '客户经理', '团队成员'], ['Existing', '王伟', ''], ['New', '李娜', '王伟、张三'], ['Newer', '', '']];
    const dry = await importRows(b, rows, { dryRun: true });
    expect(dry).toEqual({ dryRun: true, rows: 3, created: 2, updated: 1, skipped: 0, peopleCreated: ['王伟', '李娜', '张三'], errors: [], rejected: false, notImported: [] });
    expect(dumpDb(b.connection())).toEqual(before);
    expect(events).toEqual([]);
    const real = await importRows(b, rows);
    expect({ ...real, dryRun: true }).toEqual(dry);
  });

  it('a dry run with bad rows reports them; with skipInvalid it counts the skips', async () => {
    const b = env.backend();
    const before = dumpDb(b.connection());
    const rows: Cells[] = [['客户名称', '员工数'], ['A', 'x'], ['B', '1']];
    expect(await importRows(b, rows, { dryRun: true })).toMatchObject({ rejected: true, created: 0, errors: [{ line: 2 }] });
    expect(await importRows(b, rows, { dryRun: true, skipInvalid: true })).toMatchObject({ rejected: false, created: 1, skipped: 1 });
    expect(dumpDb(b.connection())).toEqual(before);
  });
});

describe('re-import', () => {
  it('updates accounts by name instead of duplicating them; empty cells keep what is there', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const b = env.backend({ now: () => now });
    await importRows(b, [
      ['客户名称', '行业', '区域', '客户经理', '客户等级', '2025收入', '2025目标', '英文名称'],
      ['河南教育厅', '教育', '华中', '王伟', 'B', '100', '120', 'Henan Education'],
      ['Acme', '制造', '华东', '李娜', 'C', '50', '', ''],
    ]);
    const first = await byName(b);
    now = new Date('2026-02-01T00:00:00.000Z');
    const r = await importRows(b, [
      ['客户名称', '行业', '区域', '客户经理', '客户等级', '2025收入', '2025目标', '英文名称'],
      ['河南教育厅', '', '华北', '', 'A', '110', '', ''],
      ['New', '金融', '', '', '', '', '', ''],
    ]);
    expect(r).toMatchObject({ created: 1, updated: 1, peopleCreated: [] });
    const second = await byName(b);
    expect(Object.keys(second)).toEqual(['Acme', 'New', '河南教育厅']);
    expect(second['河南教育厅']).toMatchObject({
      id: first['河南教育厅']!.id,
      industry: '教育', // empty cell: kept
      region: '华北',
      ownerName: '王伟',
      grade: 'A',
      nameEn: 'Henan Education',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(second['Acme']).toEqual(first['Acme']); // not in the file: untouched
    expect((await b.call('accounts-get', { id: first['河南教育厅']!.id })).revenue).toEqual([{ year: 2025, revenue: 110_00, target: 120_00, profit: null }]);
    // still found by its names
    expect((await b.call('accounts-list', { search: 'henan education' })).map((a) => a.name)).toEqual(['河南教育厅']);
    expect((await b.call('accounts-list', { search: 'hnjyt' })).map((a) => a.name)).toEqual(['河南教育厅']);
  });

  it('a name in the bin makes a new account; the one in the bin stays there with what is tied to it', async () => {
    const b = env.backend();
    const old = await b.call('accounts-create', { name: 'Acme', industry: '旧' });
    await b.call('interactions-save', { accountId: old.id, kind: 'visit', date: '2026-05-01' });
    await b.call('accounts-delete', { id: old.id });
    expect(await importRows(b, [['客户名称', '行业'], ['Acme', '新']])).toMatchObject({ created: 1, updated: 0 });
    expect((await b.call('accounts-list', {})).map((a) => [a.name, a.industry])).toEqual([['Acme', '新']]);
    expect((await b.call('accounts-bin-list', {})).map((a) => [a.id, a.name, a.attached.interactions, a.nameTaken])).toEqual([[old.id, 'Acme', 1, true]]);
  });
});

describe('explicit mappings', () => {
  it('map overrides the guess, names year columns, and ignores columns', async () => {
    const b = env.backend();
    const r = await importRows(
      b,
      [
        ['Kunde', 'Branche', '行业', 'Umsatz', 'Notizen'],
        ['Acme', 'Maschinenbau', '制造', '1000', 'secret'],
      ],
      { map: { Kunde: 'name', Branche: 'industry', Umsatz: 'revenue:2025', ' notizen ': 'ignore' } },
    );
    expect(r).toMatchObject({ created: 1, errors: [] });
    const a = (await b.call('accounts-list', {}))[0]!;
    expect(a).toMatchObject({ name: 'Acme', industry: 'Maschinenbau', notes: null });
    expect((await b.call('accounts-get', { id: a.id })).revenue).toEqual([{ year: 2025, revenue: 1000_00, target: null, profit: null }]);
    const preview = await b.call('import-preview', {
      fileName: 'a.csv',
      contentBase64: b64('Kunde,Branche,行业\nAcme,x,y\n'),
      map: { Kunde: 'name', Branche: '行业' },
    });
    expect(preview.mapping).toEqual(['name', 'industry', null]);
  });

  it('refuses a map naming a column the file lacks, a field accounts do not have, or one field twice', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Existing' });
    const file = b64('客户,行业,区域\nA,金融,华北\n');
    const unknownColumn = await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: file, map: { Kunde: 'name' } }, 'import-bad-map');
    expect(unknownColumn.params).toEqual({ column: 'Kunde' });
    expect(unknownColumn.message).toContain('客户, 行业, 区域');
    const unknownField = await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: file, map: { 行业: 'colour' } }, 'import-bad-map');
    expect(unknownField.params).toEqual({ column: '行业', field: 'colour' });
    await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: file, map: { 行业: 'revenue:24' } }, 'import-bad-map');
    const twice = await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: file, map: { 行业: 'industry', 区域: 'industry' } }, 'import-bad-map');
    expect(twice.params).toEqual({ column: 'industry', field: 'industry' });
    await refused(b, 'import-preview', { fileName: 'a.csv', contentBase64: file, map: { Kunde: 'name' } }, 'import-bad-map');
    // a map that leaves no name column
    await refused(b, 'import-run', { fileName: 'a.csv', contentBase64: file, map: { 客户: 'ignore' } }, 'import-no-name');
  });
});

describe('import-preview', () => {
  it('shows the headers, the guessed mapping, the first rows and the problems, and writes nothing', async () => {
    const b = env.backend();
    await b.call('accounts-create', { name: 'Parent in db' });
    const before = dumpDb(b.connection());
    const rows: Cells[] = [['客户名称', '上级单位', 'Revenue 2025', 'Fax'], ...Array.from({ length: 30 }, (_, i) => [`Acct ${i}`, i === 3 ? 'Nowhere' : 'Parent in db', i === 7 ? 'n/a' : String(i), ''])];
    const p = await b.call('import-preview', { fileName: 'a.csv', contentBase64: b64(csvText(rows)) });
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', headers: ['客户名称', '上级单位', 'Revenue 2025', 'Fax'], mapping: ['name', 'parent', 'revenue:2025', null], rows: 30 });
    expect(p.sample).toHaveLength(20);
    expect(p.sample[0]).toEqual({ line: 2, cells: ['Acct 0', 'Parent in db', '0', ''] });
    expect(p.errors).toEqual([
      { line: 5, column: '上级单位', value: 'Nowhere', code: 'unknown-parent' },
      { line: 9, column: 'Revenue 2025', value: 'n/a', code: 'not-a-number' },
    ]);
    expect(dumpDb(b.connection())).toEqual(before);
  });
});

describe('tiers and the tier column', () => {
  it('an imported tier id is the database’s own', async () => {
    const b = env.backend();
    await importRows(b, [['Account', 'Tier'], ['A', 'gold']]);
    expect((await b.call('accounts-list', {}))[0]!.tierId).toBe(tierId(b, 'gold'));
  });
});
