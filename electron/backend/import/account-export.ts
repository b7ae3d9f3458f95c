/**
 * Exporting accounts: CSV (UTF-8 with BOM, so Excel shows Chinese), XLSX and JSON. The CSV and XLSX
 * columns use headers and values the importer recognises, so an export re-imports to the same data.
 */
import type { Database as Db } from 'better-sqlite3';
import type { AccountQuery, AccountRecord } from '../../../shared/api/accounts';
import { queryAccountRows } from '../db/repos/account-query';
import { listAccountRecords } from '../db/repos/accounts';
import { enumLabel, type AccountImportField } from './account-columns';
import type { Locale } from '../../../shared/i18n';


interface Column {
  field: AccountImportField | `revenue:${number}` | `target:${number}`;
  zh: string;
  en: string;
  kind: 'text' | 'money' | 'int' | 'percent' | 'bool';
  /** The cell's value; words (categories, tiers, yes/no) in the export's language. */
  get(a: ExportAccount, locale: Locale): string | number | boolean | null;
}

export interface ExportAccount extends AccountRecord {
  team: string[];
  /** The tier's names (the importer reads either, and the key). */
  tierNames: { zh: string; en: string } | null;
  revenue: Map<number, { revenue: number | null; target: number | null }>;
}

const col = (field: Column['field'], zh: string, en: string, kind: Column['kind'], get: Column['get']): Column => ({ field, zh, en, kind, get });
/** A closed vocabulary: the word the app shows in that language (the importer reads both back). */
const word = (kind: Parameters<typeof enumLabel>[0], value: (a: ExportAccount) => string | null): Column['get'] => (a, locale) => {
  const v = value(a);
  return v === null ? null : enumLabel(kind, v, locale);
};

const BASE: Column[] = [
  col('name', '客户名称', 'Account', 'text', (a) => a.name),
  col('nameEn', '英文名称', 'English name', 'text', (a) => a.nameEn),
  col('shortName', '简称', 'Short name', 'text', (a) => a.shortName),
  col('parent', '上级单位', 'Parent', 'text', (a) => a.parentName),
  col('industry', '行业', 'Industry', 'text', (a) => a.industry),
  col('region', '区域', 'Region', 'text', (a) => a.region),
  col('owner', '客户经理', 'Owner', 'text', (a) => a.ownerName),
  col('team', '团队成员', 'Team', 'text', (a) => (a.team.length ? a.team.join(', ') : null)),
  col('classification', '客户分类', 'Classification', 'text', word('classification', (a) => a.classification)),
  col('strategic', '战略客户', 'Strategic', 'bool', (a) => a.strategic),
  col('brandInfluence', '品牌影响力', 'Brand influence', 'bool', (a) => a.brandInfluence),
  col('tier', '客户分级', 'Tier', 'text', (a, locale) => (a.tierNames ? (locale === 'zh-CN' ? a.tierNames.zh : a.tierNames.en) || a.tierKey : a.tierKey)),
  col('lifecycle', '生命周期', 'Lifecycle', 'text', word('lifecycle', (a) => a.lifecycle)),
  col('dealStatus', '成交状态', 'Deal status', 'text', word('dealStatus', (a) => a.dealStatus)),
  col('grade', '客户等级', 'Grade', 'text', (a) => a.grade),
  col('urgency', '紧急程度', 'Urgency', 'text', word('urgency', (a) => a.urgency)),
  col('importance', '重要性', 'Importance', 'text', word('importance', (a) => a.importance)),
  col('currency', '币种', 'Currency', 'text', (a) => a.currency),
  col('companyRevenue', '营业收入', 'Company revenue', 'money', (a) => a.companyRevenue),
  col('employees', '员工数', 'Employees', 'int', (a) => a.employees),
  col('profitContribution', '利润贡献', 'Profit contribution', 'money', (a) => a.profitContribution),
  col('shareOfWallet', '钱包份额', 'Share of wallet', 'percent', (a) => a.shareOfWalletBp),
  col('growthPotential', '增长潜力', 'Growth potential', 'text', word('growthPotential', (a) => a.growthPotential)),
  col('lifetimeValue', '终身价值', 'Lifetime value', 'money', (a) => a.lifetimeValue),
  col('costToServe', '服务成本', 'Cost to serve', 'money', (a) => a.costToServe),
  col('churnStatus', '流失状态', 'Churn status', 'text', word('churnStatus', (a) => a.churnStatus)),
  col('churnReason', '流失原因', 'Churn reason', 'text', word('churnReason', (a) => a.churnReason)),
  col('churnNote', '流失说明', 'Churn note', 'text', (a) => a.churnNote),
  col('churnedOn', '流失日期', 'Churned on', 'text', (a) => a.churnedOn),
  col('receivableOutstanding', '应收账款', 'Receivables', 'money', (a) => a.receivableOutstanding),
  col('receivableDaysOverdue', '逾期天数', 'Days overdue', 'int', (a) => a.receivableDaysOverdue),
  col('paymentTerms', '付款条件', 'Payment terms', 'text', (a) => a.paymentTerms),
  col('notes', '备注', 'Notes', 'text', (a) => a.notes),
];

/** Which accounts an export takes: all of them, or those of the accounts list's filter (in its order). */
export interface ExportScope {
  query?: AccountQuery;
  today: string;
}

export function loadExportAccounts(db: Db, scope?: ExportScope): { accounts: ExportAccount[]; years: number[]; total: number } {
  const all = listAccountRecords(db);
  let records = all;
  if (scope?.query) {
    const byId = new Map(all.map((a) => [a.id, a]));
    records = queryAccountRows(db, scope.query, scope.today).rows.flatMap((r) => byId.get(r.id) ?? []);
  }
  const team = new Map<number, string[]>();
  for (const r of db.prepare('SELECT t.account_id AS id, p.name FROM account_team t JOIN people p ON p.id = t.person_id ORDER BY p.name').all() as { id: number; name: string }[]) {
    team.set(r.id, [...(team.get(r.id) ?? []), r.name]);
  }
  const tiers = new Map((db.prepare('SELECT key, name_zh AS zh, name_en AS en FROM tiers').all() as { key: string; zh: string; en: string }[]).map((t) => [t.key, t]));
  const exported = new Set(records.map((a) => a.id));
  const revenue = new Map<number, Map<number, { revenue: number | null; target: number | null }>>();
  const years = new Set<number>();
  for (const r of db.prepare('SELECT account_id AS id, year, revenue, target FROM account_revenue').all() as { id: number; year: number; revenue: number | null; target: number | null }[]) {
    if (!exported.has(r.id)) continue;
    const m = revenue.get(r.id) ?? new Map();
    m.set(r.year, { revenue: r.revenue, target: r.target });
    revenue.set(r.id, m);
    years.add(r.year);
  }
  // A parent in the bin is not exported, so the link is not either: the file must import cleanly.
  // (A live parent outside the filter stays named: the importer finds it in the database.)
  const live = new Set(all.map((a) => a.id));
  return {
    accounts: records.map((a) => ({
      ...a,
      ...(a.parentId !== null && !live.has(a.parentId) ? { parentId: null, parentName: null } : {}),
      team: team.get(a.id) ?? [],
      tierNames: a.tierKey ? (tiers.get(a.tierKey) ?? null) : null,
      revenue: revenue.get(a.id) ?? new Map(),
    })),
    years: [...years].sort(),
    total: all.length,
  };
}

function columns(years: number[]): Column[] {
  const out = [...BASE];
  for (const y of years) {
    out.push(col(`revenue:${y}`, `${y}收入`, `Revenue ${y}`, 'money', (a) => a.revenue.get(y)?.revenue ?? null));
    out.push(col(`target:${y}`, `${y}目标`, `Target ${y}`, 'money', (a) => a.revenue.get(y)?.target ?? null));
  }
  // Drop target columns no account fills (most past years have none).
  return out;
}

function used(cols: Column[], accounts: ExportAccount[]): Column[] {
  return cols.filter((c) => c.field === 'name' || accounts.some((a) => { const v = c.get(a, 'en'); return v !== null && v !== '' && v !== false; }));
}

/** Minor units -> "12345.67" (no separators: machines read it, Excel formats it). */
function moneyText(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const frac = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${frac ? `.${String(frac).padStart(2, '0')}` : ''}`;
}

/** 是/否 or yes/no: the importer reads both. */
const yesNo = (v: boolean, locale: Locale) => (locale === 'zh-CN' ? (v ? '是' : '否') : v ? 'yes' : 'no');

function cellString(c: Column, v: string | number | boolean | null, locale: Locale): string {
  if (v === null) return '';
  switch (c.kind) {
    case 'money':
      return moneyText(v as number);
    case 'percent':
      return `${(v as number) / 100}%`;
    case 'bool':
      return yesNo(v as boolean, locale);
    case 'int':
      return String(v);
    default: {
      const s = String(v);
      // Spreadsheet formula injection: a text cell never starts with = + - @ when opened in Excel.
      return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    }
  }
}

function csvQuote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function accountsCsv(db: Db, locale: Locale, scope?: ExportScope): string {
  const { accounts, years } = loadExportAccounts(db, scope);
  const cols = used(columns(years), accounts);
  const lines = [cols.map((c) => csvQuote(locale === 'zh-CN' ? c.zh : c.en)).join(',')];
  for (const a of accounts) lines.push(cols.map((c) => csvQuote(cellString(c, c.get(a, locale), locale))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function accountsXlsx(db: Db, locale: Locale, scope?: ExportScope): Promise<Buffer> {
  const { accounts, years } = loadExportAccounts(db, scope);
  const cols = used(columns(years), accounts);
  // Loaded on first use: exceljs is large, and most doors never write a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Keyplan';
  const ws = wb.addWorksheet(locale === 'zh-CN' ? '客户' : 'Accounts', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: locale === 'zh-CN' ? c.zh : c.en,
    key: c.field,
    width: c.field === 'name' ? 32 : c.kind === 'text' ? 16 : 14,
    style: c.kind === 'money' ? { numFmt: '#,##0.00' } : c.kind === 'percent' ? { numFmt: '0.00%' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const a of accounts) {
    ws.addRow(
      cols.map((c) => {
        const v = c.get(a, locale);
        if (v === null) return null;
        if (c.kind === 'money') return (v as number) / 100;
        if (c.kind === 'percent') return (v as number) / 10_000;
        if (c.kind === 'bool') return yesNo(v as boolean, locale);
        return v;
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** JSON is for programs: codes, not words, in any language. */
export function accountsJson(db: Db, scope?: ExportScope): string {
  const { accounts } = loadExportAccounts(db, scope);
  return `${JSON.stringify(
    accounts.map(({ tierNames: _names, ...a }) => ({ ...a, revenue: [...a.revenue.entries()].map(([year, r]) => ({ year, ...r })).sort((x, y) => x.year - y.year) })),
    null,
    2,
  )}\n`;
}
