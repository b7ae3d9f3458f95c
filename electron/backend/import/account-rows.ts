/**
 * Turns spreadsheet rows into account records, forgiving where people are (symbols, separators,
 * 万/亿, date formats, zh/en words) and precise about what is wrong (line, column, value, reason).
 */
import type { AccountFields } from '../../../shared/api/accounts';
import { CURRENCIES, type Currency } from '../../../shared/domain/enums';
import { parseBoolean, parseDate, parseInteger, parseMoney, parsePercent, type Parsed } from '../../../shared/domain/values';
import { type ENUM_WORDS, enumValue, normalizeHeader, type ColumnTarget } from './account-columns';
import type { TableRow } from './table';

export type RowErrorCode =
  | 'required'
  | 'too-long'
  | 'not-a-number'
  | 'not-an-integer'
  | 'not-a-date'
  | 'not-a-percent'
  | 'not-a-boolean'
  | 'out-of-range'
  | 'unknown-value'
  | 'unknown-tier'
  | 'unknown-parent'
  | 'parent-cycle'
  | 'duplicate-name';

export interface RowError {
  line: number;
  /** The column's header as written in the file. */
  column: string | null;
  value: string | null;
  code: RowErrorCode;
}

/** An account as read from one row: only the cells that had a value are set. */
export interface AccountDraft {
  line: number;
  name: string;
  fields: Omit<AccountFields, 'parentId' | 'ownerId' | 'tierId'>;
  parentName: string | null;
  ownerName: string | null;
  teamNames: string[];
  tierId: number | null;
  revenue: Map<number, { revenue?: number; target?: number }>;
}

export interface TierRef {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
}

const MAX_NAME = 200;

export function tierMatcher(tiers: readonly TierRef[]): (raw: string) => number | null {
  const m = new Map<string, number>();
  for (const t of tiers) {
    for (const w of [t.key, t.nameZh, t.nameEn, t.nameZh.replace(/客户$/, ''), `${t.nameEn} account`]) {
      m.set(normalizeHeader(w), t.id);
    }
  }
  return (raw) => m.get(normalizeHeader(raw)) ?? null;
}

export function convertRow(
  row: TableRow,
  headers: readonly string[],
  mapping: readonly ColumnTarget[],
  findTier: (raw: string) => number | null,
): { draft: AccountDraft | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fields: AccountDraft['fields'] = {};
  const draft: AccountDraft = {
    line: row.line,
    name: '',
    fields,
    parentName: null,
    ownerName: null,
    teamNames: [],
    tierId: null,
    revenue: new Map(),
  };
  const fail = (col: number, code: RowErrorCode) =>
    errors.push({ line: row.line, column: headers[col] ?? null, value: row.cells[col] ?? null, code });
  const take = <T>(col: number, r: Parsed<T>, set: (v: T) => void) => (r.ok ? set(r.value) : fail(col, r.reason));
  const word = <K extends keyof typeof ENUM_WORDS>(col: number, kind: K, raw: string, set: (v: NonNullable<ReturnType<typeof enumValue<K>>>) => void) => {
    const v = enumValue(kind, raw);
    if (v === null) fail(col, 'unknown-value');
    else set(v as NonNullable<ReturnType<typeof enumValue<K>>>);
  };
  const text = (col: number, raw: string, max: number): string | null => {
    // Our CSV export guards text against spreadsheet formulas with a leading apostrophe.
    if (/^'[=+\-@\t\r]/.test(raw)) raw = raw.slice(1);
    if (raw.length > max) {
      fail(col, 'too-long');
      return null;
    }
    return raw;
  };

  mapping.forEach((target, col) => {
    const raw = (row.cells[col] ?? '').trim();
    if (target === 'ignore' || raw === '') return;
    if (target.startsWith('revenue:') || target.startsWith('target:')) {
      const [kind, y] = target.split(':') as ['revenue' | 'target', string];
      take(col, parseMoney(raw), (v) => {
        const year = Number(y);
        const entry = draft.revenue.get(year) ?? {};
        entry[kind] = v;
        draft.revenue.set(year, entry);
      });
      return;
    }
    switch (target) {
      case 'name': {
        const v = text(col, raw, MAX_NAME);
        if (v) draft.name = v;
        break;
      }
      case 'nameEn':
        fields.nameEn = text(col, raw, 200);
        break;
      case 'shortName':
        fields.shortName = text(col, raw, 100);
        break;
      case 'parent':
        draft.parentName = text(col, raw, MAX_NAME);
        break;
      case 'industry':
        fields.industry = text(col, raw, 100);
        break;
      case 'region':
        fields.region = text(col, raw, 100);
        break;
      case 'owner':
        draft.ownerName = text(col, raw, 100);
        break;
      case 'team':
        draft.teamNames = raw
          .replace(/^'(?=[=+\-@\t\r])/, '') // the export's formula guard, as for text
          .split(/[,，;；、/]+/)
          .map((s) => s.trim())
          .filter((s) => s.length > 0 && s.length <= 100);
        break;
      case 'classification':
        word(col, 'classification', raw, (v) => (fields.classification = v));
        break;
      case 'strategic':
        take(col, parseBoolean(raw), (v) => (fields.strategic = v));
        break;
      case 'brandInfluence':
        take(col, parseBoolean(raw), (v) => (fields.brandInfluence = v));
        break;
      case 'tier': {
        const id = findTier(raw);
        if (id === null) fail(col, 'unknown-tier');
        else draft.tierId = id;
        break;
      }
      case 'lifecycle':
        word(col, 'lifecycle', raw, (v) => (fields.lifecycle = v));
        break;
      case 'dealStatus':
        word(col, 'dealStatus', raw, (v) => (fields.dealStatus = v));
        break;
      case 'grade':
        word(col, 'grade', raw, (v) => (fields.grade = v));
        break;
      case 'urgency':
        word(col, 'urgency', raw, (v) => (fields.urgency = v));
        break;
      case 'importance':
        word(col, 'importance', raw, (v) => (fields.importance = v));
        break;
      case 'growthPotential':
        word(col, 'growthPotential', raw, (v) => (fields.growthPotential = v));
        break;
      case 'churnStatus':
        word(col, 'churnStatus', raw, (v) => (fields.churnStatus = v));
        break;
      case 'churnReason':
        word(col, 'churnReason', raw, (v) => (fields.churnReason = v));
        break;
      case 'currency': {
        const c = raw.toUpperCase().replace('RMB', 'CNY').replace(/^[¥￥]$/, 'CNY').replace(/^人民币$/, 'CNY').replace(/^美元$/, 'USD').replace(/^欧元$/, 'EUR').replace(/^港币$/, 'HKD');
        if ((CURRENCIES as readonly string[]).includes(c)) fields.currency = c as Currency;
        else fail(col, 'unknown-value');
        break;
      }
      case 'companyRevenue':
        take(col, parseMoney(raw), (v) => (v < 0 ? fail(col, 'out-of-range') : (fields.companyRevenue = v)));
        break;
      case 'employees':
        take(col, parseInteger(raw), (v) => (v < 0 || v > 1e8 ? fail(col, 'out-of-range') : (fields.employees = v)));
        break;
      case 'profitContribution':
        take(col, parseMoney(raw), (v) => (fields.profitContribution = v));
        break;
      case 'shareOfWallet':
        take(col, parsePercent(raw), (v) => (fields.shareOfWalletBp = v));
        break;
      case 'lifetimeValue':
        take(col, parseMoney(raw), (v) => (fields.lifetimeValue = v));
        break;
      case 'costToServe':
        take(col, parseMoney(raw), (v) => (v < 0 ? fail(col, 'out-of-range') : (fields.costToServe = v)));
        break;
      case 'churnNote':
        fields.churnNote = text(col, raw, 2000);
        break;
      case 'churnedOn':
        take(col, parseDate(raw), (v) => (fields.churnedOn = v));
        break;
      case 'receivableOutstanding':
        take(col, parseMoney(raw), (v) => (v < 0 ? fail(col, 'out-of-range') : (fields.receivableOutstanding = v)));
        break;
      case 'receivableDaysOverdue':
        take(col, parseInteger(raw), (v) => (v < 0 ? fail(col, 'out-of-range') : (fields.receivableDaysOverdue = v)));
        break;
      case 'paymentTerms':
        fields.paymentTerms = text(col, raw, 200);
        break;
      case 'notes':
        fields.notes = text(col, raw, 20_000);
        break;
    }
  });

  if (!draft.name) {
    const col = mapping.indexOf('name');
    errors.push({ line: row.line, column: col >= 0 ? (headers[col] ?? null) : null, value: null, code: 'required' });
  }
  return { draft: errors.length === 0 ? draft : null, errors };
}
