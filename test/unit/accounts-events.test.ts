/**
 * Every write of the account database tells the windows what changed (data-changed) and changes
 * the database; every read changes nothing and announces nothing. A new method must be put in one
 * of the two lists below.
 */
import { DEFAULT_PLAN_TEMPLATE } from '../../shared/domain/plan-template';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { Printer } from '../../electron/backend/documents/printer';
import { METHODS, contract, type Args, type Method } from '../../shared/api/contract';
import { NOW, b64 } from './accounts-helpers';
import { dumpDb, expectOk, useTestEnv } from './helpers';

const env = useTestEnv();

const SYSTEM: Method[] = ['app-info', 'db-status', 'db-open', 'db-create', 'db-restore', 'db-backup', 'db-backup-save-as', 'db-backups-list', 'db-doctor'];

type Step = { [M in Method]: [M, Args<M> | ((b: Backend) => Promise<Args<M>>)] }[Method];

/** The ids of a plan's items of one kind, in order (for steps that need them). */
async function planItemIds(b: Backend, kind: string): Promise<number[]> {
  const view = await b.call('plan-get', { accountId: 1, year: 2027 });
  return view.items.filter((i) => i.kind === kind).map((i) => i.id);
}

/** Writes in an order where each one's ids exist (a fresh database: every first id is 1). */
const WRITES: Step[] = [
  ['accounts-create', { name: 'Acme', grade: 'B' }],
  ['accounts-update', { id: 1, patch: { industry: '金融' } }],
  ['accounts-rename', { id: 1, name: 'Acme Corp' }],
  ['people-save', { name: '王伟' }],
  ['capacity-reassign', { moves: [{ accountId: 1, from: null, to: 1 }] }],
  ['accounts-team-set', { accountId: 1, members: [{ personId: 1, role: '技术支持' }] }],
  ['revenue-set', { accountId: 1, year: 2026, revenue: 100_00 }],
  ['revenue-delete', { accountId: 1, year: 2026 }],
  ['satisfaction-add', { accountId: 1, date: '2026-05-01', score: 80 }],
  ['satisfaction-delete', { id: 1 }],
  ['competitors-save', { accountId: 1, name: '恒信科技' }],
  ['competitors-delete', { id: 1 }],
  ['interactions-save', { accountId: 1, kind: 'visit', date: '2026-05-01' }],
  ['interactions-delete', { id: 1 }],
  ['opportunities-save', { accountId: 1, name: '扩容项目' }],
  ['opportunities-delete', { id: 1 }],
  ['people-delete', { id: 1 }],
  ['tiers-save', { key: 'bronze', nameZh: '铜牌客户', nameEn: 'Bronze', rank: 5, visitsPerQuarter: 1, callsPerMonth: 0 }],
  ['tiers-delete', { id: 5 }],
  ['cadence-set', { A: 2, B: 8, C: 16, D: 31, E: 366 }],
  ['views-save', { name: 'Mine', query: { overdueOnly: true } }],
  ['views-delete', { id: 1 }],
  ['accounts-delete', { id: 1 }],
  ['accounts-undelete', { id: 1 }],
  ['accounts-bulk-update', { ids: [1], patch: { grade: 'A', region: '华东' } }],
  ['accounts-bulk-undo', async (b) => ({ changes: [{ id: 1, before: { grade: 'B' }, updatedAt: (await b.call('accounts-get', { id: 1 })).account.updatedAt }] })],
  ['accounts-delete', { id: 1 }],
  ['accounts-bin-restore', { ids: [1] }],
  ['import-run', { fileName: 'a.csv', contentBase64: b64('客户名称,行业\nGlobex,制造\n') }],
  ['board-move', { matrix: 'value-potential', accountId: 1, to: 'star' }],
  ['board-move-reason', { moveId: 1, reason: '新项目中标' }],
  ['board-undo', { moveId: 1 }],
  ['board-move-many', { matrix: 'value-potential', accountIds: [1], to: 'dog', reason: '年度复盘' }],
  ['board-moves-reason', async (b) => ({ moveIds: [(await b.call('placements-history', { accountId: 1 }))[0]!.id], reason: '半年复盘' })],
  ['user-set', async (b) => ({ personId: (await b.call('people-save', { name: '刘思远' })).id })],
  ['board-prefs-set', { askReasonOnFirstPlacement: true }],
  ['accounts-update', { id: 1, patch: { importance: 'important', urgency: 'urgent' } }],
  ['board-place-suggested', { matrix: 'importance-urgency', accountIds: [1] }],
  [
    'matrices-save',
    {
      key: 'own',
      nameZh: '自定义',
      nameEn: 'Own',
      xLabelZh: '横轴',
      xLabelEn: 'X',
      yLabelZh: '纵轴',
      yLabelEn: 'Y',
      quadrants: [
        { key: 'a', position: 'tl', nameZh: '甲', nameEn: 'A', color: '#e3ecfb' },
        { key: 'b', position: 'tr', nameZh: '乙', nameEn: 'B', color: '#e3ecfb' },
        { key: 'c', position: 'bl', nameZh: '丙', nameEn: 'C', color: '#e3ecfb' },
        { key: 'd', position: 'br', nameZh: '丁', nameEn: 'D', color: '#e3ecfb' },
      ],
    },
  ],
  ['matrices-delete', { id: 3 }],
  ['stakeholders-create', { accountId: 1, name: '王伟', roles: ['decision-maker'] }],
  ['stakeholders-create', { accountId: 1, name: '李娜', reportsTo: 1 }],
  ['stakeholders-update', { id: 1, patch: { attitude: 2 } }],
  ['lines-create', { kind: 'influence', fromId: 1, toId: 2 }],
  ['lines-update', { id: 2, strength: 3 }],
  ['lines-delete', { id: 2 }],
  ['map-layout-save', { accountId: 1, positions: [{ id: 1, x: 10, y: 20 }] }],
  ['opportunities-save', { accountId: 1, name: '智慧园区一期' }],
  ['tender-members-set', { tenderId: 1, add: [{ stakeholderId: 1, roles: ['veto-holder'] }] }],
  ['stakeholders-import', { accountId: 1, fileName: 'p.csv', contentBase64: b64('姓名,上级,负责人\n张强,王伟,孙杰\n') }],
  ['map-snapshot-save', { accountId: 1, label: '投标前' }],
  ['map-snapshot-delete', { id: 1 }],
  ['stakeholders-delete', { id: 2 }],
  ['stakeholders-undelete', { id: 2 }],
  ['plan-create', { accountId: 1, year: 2027 }],
  [
    'plan-section-save',
    async (b) => {
      const view = await b.call('plan-get', { accountId: 1, year: 2027 });
      const overview = view.sections.find((s) => s.section === 'overview')!;
      return { planId: view.plan.id, section: 'overview', html: '<p>拓展华东市场</p>', baseUpdatedAt: overview.updatedAt };
    },
  ],
  ['plan-section-internal', { planId: 1, section: 'strategy', internal: true }],
  ['plan-item-save', { planId: 1, data: { kind: 'action', what: '季度拜访' } }],
  ['plan-item-save', { planId: 1, data: { kind: 'action', what: '技术交流会' } }],
  ['plan-items-reorder', async (b) => ({ planId: 1, kind: 'action', ids: (await planItemIds(b, 'action')).reverse() })],
  ['plan-item-delete', async (b) => ({ id: (await planItemIds(b, 'action'))[0]! })],
  ['plan-status-set', { planId: 1, status: 'review' }],
  ['plan-status-set', { planId: 1, status: 'approved' }],
  ['plan-roll-forward', { planId: 1 }],
  ['accounts-create', { name: 'Binned' }],
  ['accounts-delete', { id: 3 }],
  ['accounts-bin-purge', { ids: [3] }],
  ['fx-set', { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] }],
  ['plan-template-set', { template: { sections: DEFAULT_PLAN_TEMPLATE.sections.map((x) => (x.section === 'investment' ? { ...x, included: false } : x)) } }],
  ['health-settings-set', { weights: { revenue: 20, satisfaction: 20, followUp: 15, coverage: 15, receivables: 10, complaints: 10, churn: 10 }, dropPoints: 20, threshold: 100 }],
  [
    'health-decide',
    async (b) => {
      await b.call('satisfaction-add', { accountId: 1, date: '2026-05-01', score: 20 });
      return { accountId: 1, decision: 'confirmed' as const, note: '预算冻结' };
    },
  ],
];

const READS: Step[] = [
  ['accounts-list', {}],
  ['accounts-query', { search: 'a', overdueOnly: true, sort: 'lastContact' }],
  ['accounts-get', { id: 1 }],
  ['accounts-bin-list', {}],
  ['people-list', {}],
  ['tiers-list', {}],
  ['cadence-get', {}],
  ['views-list', {}],
  ['today', {}],
  ['portfolio-figures', {}],
  ['churn-figures', {}],
  ['churn-figures', { period: 'quarter', year: 2025 }],
  ['profit-figures', {}],
  ['import-preview', { fileName: 'a.csv', contentBase64: b64('客户名称\nNew one\n') }],
  ['import-run', { fileName: 'a.csv', contentBase64: b64('客户名称\nNew one\n'), dryRun: true }],
  ['export-accounts', { format: 'csv' }],
  ['export-accounts', { format: 'xlsx' }],
  ['export-accounts', { format: 'json' }],
  ['matrices-list', {}],
  ['board-get', { matrix: 'value-potential' }],
  ['placements-history', { accountId: 1 }],
  ['placements-list', {}],
  ['user-get', {}],
  ['fx-get', {}],
  ['board-prefs-get', {}],
  ['maps-list', {}],
  ['map-get', { accountId: 1 }],
  ['stakeholders-list', { accountId: 1 }],
  ['coverage-get', { accountId: 1, staleDays: 10 }],
  ['stakeholders-import-preview', { accountId: 1, fileName: 'p.csv', contentBase64: b64('姓名,上级\n张强,王伟\n') }],
  ['stakeholders-import', { accountId: 1, fileName: 'p.csv', contentBase64: b64('姓名,上级,负责人\n张强,王伟,孙杰\n'), dryRun: true }],
  ['map-snapshots-list', { accountId: 1 }],
  ['map-snapshots-compare', { from: 1, to: null }],
  ['map-export', { accountId: 1, format: 'svg', locale: 'en', safe: true }],
  ['plans-list', {}],
  ['plan-template-get', {}],
  ['plan-get', { accountId: 1, year: 2027 }],
  ['plan-versions-compare', { planId: 1, a: 1, b: 'current' }],
  // printed by the stand-in printer below (the real one has tests of its own)
  ['plan-export', { accountId: 1, year: 2027, format: 'pdf', locale: 'en', safe: true }],
  ['forum-accounts', { year: 2027 }],
  ['capacity-view', { quarter: '2026-Q2' }],
  ['forum-deck', { year: 2027, locale: 'en' }],
  ['forum-export', { year: 2027, locale: 'zh-CN', safe: true, jobId: 'job-1' }],
  ['export-cancel', { jobId: 'job-1' }],
  ['health-get', { accountId: 1 }],
  ['health-list', {}],
  ['health-decisions', { accountId: 1 }],
  ['health-settings-get', {}],
];

/** A printer that prints nothing: enough for plan-export to show it reads and writes nothing. */
const blankPrinter: Printer = {
  pdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')),
  png: () => Promise.resolve(new Uint8Array()),
  close: () => Promise.resolve(),
};

describe('data-changed', () => {
  it('every method of the account database is listed as a read or a write (sample-load has its own test)', () => {
    // sample-load and board-export (it needs a printer) have tests of their own.
    const listed = new Set<string>([...SYSTEM, ...WRITES.map((w) => w[0]), ...READS.map((r) => r[0]), 'sample-load', 'board-export']);
    expect(METHODS.filter((m) => !listed.has(m))).toEqual([]);
  });

  it('each write changes the database and emits exactly one data-changed naming tables', async () => {
    const b = env.backend({ now: () => NOW });
    for (const [method, step] of WRITES) {
      const args = typeof step === 'function' ? await step(b) : step;
      const before = dumpDb(b.connection());
      const events: { tables: string[] }[] = [];
      const off = b.on('data-changed', (p) => events.push(p));
      expectOk(await b.invoke(method, args));
      off();
      expect(events, method).toHaveLength(1);
      expect(events[0]!.tables.length, method).toBeGreaterThan(0);
      // exactly the tables the method declares it writes (shared/api/contract.ts)
      expect(events[0]!.tables, method).toEqual([...contract[method].writes]);
      expect(dumpDb(b.connection()), `${method} changed nothing`).not.toEqual(before);
    }
  });

  it('each read (and a dry run) changes nothing and emits nothing', async () => {
    const b = env.backend({ now: () => NOW, printer: blankPrinter });
    await b.call('accounts-create', { name: 'Acme', grade: 'A' });
    await b.call('interactions-save', { accountId: 1, kind: 'visit', date: '2026-05-01', nextStep: 'x', nextDue: '2026-05-03' });
    await b.call('stakeholders-create', { accountId: 1, name: '王伟', roles: ['decision-maker'] });
    await b.call('map-snapshot-save', { accountId: 1, label: '投标前' });
    const plan = await b.call('plan-create', { accountId: 1, year: 2027 });
    await b.call('plan-status-set', { planId: plan.plan.id, status: 'review' });
    await b.call('plan-status-set', { planId: plan.plan.id, status: 'approved' });
    const before = dumpDb(b.connection());
    const events: unknown[] = [];
    b.on('data-changed', (p) => events.push(p));
    for (const [method, step] of READS) {
      const args = typeof step === 'function' ? await step(b) : step;
      expectOk(await b.invoke(method, args));
      expect(dumpDb(b.connection()), method).toEqual(before);
    }
    expect(events).toEqual([]);
  });

  it('sample-load emits one data-changed', async () => {
    const b = env.backend({ now: () => NOW });
    const events: { tables: string[] }[] = [];
    b.on('data-changed', (p) => events.push(p));
    expect(await b.call('sample-load', { accounts: 3, today: '2026-05-15' })).toEqual({ accounts: 3 });
    expect(events).toHaveLength(1);
    expect(events[0]!.tables).toContain('accounts');
  });
});
