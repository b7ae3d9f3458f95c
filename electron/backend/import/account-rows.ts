/**
 * Turns spreadsheet rows into account records, forgiving where people are (symbols, separators,
 * 万/亿, date formats, zh/en words) and precise about what is wrong (line, column, value, reason).
 */
import type { AccountFields } from '../../../shared/api/accounts';
import { forbiddenChar } from '../../../shared/api/text';
import { CURRENCIES, type Currency } from '../../../shared/domain/enums';
import { headerCurrency, moneyCurrency, parseBoolean, parseDate, parseInteger, parseMoney, parsePercent, type Parsed } from '../../../shared/domain/values';
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
  | 'duplicate-name'
  | 'control-char'
  | 'mixed-currency'
  | 'currency-conflict'
  | 'unknown-currency';

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
  /** accounts.search_key from the row's names (set by the reader). */
  searchKey: string;
  /**
   * Where the row's currency was read from an amount (its sign or code, or its column's header)
   * rather than a currency column: an existing account kept in another currency refuses the row.
   */
  currencyFrom: { column: string | null; value: string | null } | null;
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

/** Where a cell's problems go: its row, the file's headers, and the column being read. */
interface Cell {
  row: TableRow;
  headers: readonly string[];
  errors: RowError[];
  col: number;
}

function fail(at: Cell, code: RowErrorCode): void {
  at.errors.push({ line: at.row.line, column: at.headers[at.col] ?? null, value: at.row.cells[at.col] ?? null, code });
}

/** The currency each header names for its amounts, read once per header. */
const headerCurrencyMemo = new Map<string, Currency | null>();
function columnCurrency(header: string): Currency | null {
  let c = headerCurrencyMemo.get(header);
  if (c === undefined) {
    c = headerCurrency(header);
    if (headerCurrencyMemo.size > 1000) headerCurrencyMemo.clear();
    headerCurrencyMemo.set(header, c);
  }
  return c;
}

const PLAIN_AMOUNT = /^-?[\d.,]+$/;

/** Amounts written with a currency (or under a header naming one): `[currency, column]` pairs. */
type Seen = [Currency, number][];

/**
 * An amount in minor units, its currency noted in `seen` (a sign or code in the cell, else its
 * header's). A currency Keyplan does not keep, or a cell in another currency than its header,
 * is the row's error.
 */
function money(at: Cell, raw: string, seen: Seen): number | undefined {
  const v = value(at, parseMoney(raw));
  if (v === undefined) return undefined;
  // A plain number names no currency: the fast path for most cells.
  const written = PLAIN_AMOUNT.test(raw) ? null : moneyCurrency(raw);
  if (written === false) {
    fail(at, 'unknown-currency');
    return undefined;
  }
  const header = columnCurrency(at.headers[at.col] ?? '');
  if (written && header && written !== header) {
    fail(at, 'mixed-currency');
    return undefined;
  }
  const c = written ?? header;
  if (c) seen.push([c, at.col]);
  return v;
}

/** A parsed value, or undefined after recording why it could not be read. */
function value<T>(at: Cell, r: Parsed<T>): T | undefined {
  if (r.ok) return r.value;
  fail(at, r.reason);
  return undefined;
}

function word<K extends keyof typeof ENUM_WORDS>(at: Cell, kind: K, raw: string): NonNullable<ReturnType<typeof enumValue<K>>> | null {
  const v = enumValue(kind, raw);
  if (v === null) fail(at, 'unknown-value');
  return v as NonNullable<ReturnType<typeof enumValue<K>>> | null;
}

/** A text cell: one line (names) unless `multi` (notes); control characters are refused (shared/api/text.ts). */
function text(at: Cell, raw: string, max: number, multi = false): string | null {
  // Our CSV export guards text against spreadsheet formulas with a leading apostrophe.
  if (raw.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(raw)) raw = raw.slice(1);
  if (raw.length > max) {
    fail(at, 'too-long');
    return null;
  }
  if (forbiddenChar(raw, multi) !== null) {
    fail(at, 'control-char');
    return null;
  }
  return raw;
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
    searchKey: '',
    currencyFrom: null,
  };
  const seen: Seen = [];
  // No closures per cell: this runs for every cell of a 10,000-row file (`npm run bench`, accounts).
  const at: Cell = { row, headers, errors, col: 0 };

  for (let col = 0; col < mapping.length; col++) {
    const target = mapping[col]!;
    const raw = (row.cells[col] ?? '').trim();
    if (target === 'ignore' || raw === '') continue;
    at.col = col;
    if (target.startsWith('revenue:') || target.startsWith('target:')) {
      const v = money(at, raw, seen);
      if (v === undefined) continue;
      const [kind, y] = target.split(':') as ['revenue' | 'target', string];
      const year = Number(y);
      const entry = draft.revenue.get(year) ?? {};
      entry[kind] = v;
      draft.revenue.set(year, entry);
      continue;
    }
    switch (target) {
      case 'name': {
        const v = text(at, raw, MAX_NAME);
        if (v) draft.name = v;
        break;
      }
      case 'nameEn':
        fields.nameEn = text(at, raw, 200);
        break;
      case 'shortName':
        fields.shortName = text(at, raw, 100);
        break;
      case 'parent':
        draft.parentName = text(at, raw, MAX_NAME);
        break;
      case 'industry':
        fields.industry = text(at, raw, 100);
        break;
      case 'region':
        fields.region = text(at, raw, 100);
        break;
      case 'owner':
        draft.ownerName = text(at, raw, 100);
        break;
      case 'team':
        draft.teamNames = raw
          .replace(/^'(?=[=+\-@\t\r])/, '') // the export's formula guard, as for text
          .split(/[,，;；、/]+/)
          .map((s) => s.trim())
          .filter((s) => s.length > 0 && s.length <= 100);
        if (draft.teamNames.some((n) => forbiddenChar(n) !== null)) {
          fail(at, 'control-char');
          draft.teamNames = [];
        }
        break;
      case 'classification': {
        const v = word(at, 'classification', raw);
        if (v !== null) fields.classification = v;
        break;
      }
      case 'strategic': {
        const v = value(at, parseBoolean(raw));
        if (v !== undefined) fields.strategic = v;
        break;
      }
      case 'brandInfluence': {
        const v = value(at, parseBoolean(raw));
        if (v !== undefined) fields.brandInfluence = v;
        break;
      }
      case 'tier': {
        const id = findTier(raw);
        if (id === null) fail(at, 'unknown-tier');
        else draft.tierId = id;
        break;
      }
      case 'lifecycle': {
        const v = word(at, 'lifecycle', raw);
        if (v !== null) fields.lifecycle = v;
        break;
      }
      case 'dealStatus': {
        const v = word(at, 'dealStatus', raw);
        if (v !== null) fields.dealStatus = v;
        break;
      }
      case 'grade': {
        const v = word(at, 'grade', raw);
        if (v !== null) fields.grade = v;
        break;
      }
      case 'urgency': {
        const v = word(at, 'urgency', raw);
        if (v !== null) fields.urgency = v;
        break;
      }
      case 'importance': {
        const v = word(at, 'importance', raw);
        if (v !== null) fields.importance = v;
        break;
      }
      case 'growthPotential': {
        const v = word(at, 'growthPotential', raw);
        if (v !== null) fields.growthPotential = v;
        break;
      }
      case 'churnStatus': {
        const v = word(at, 'churnStatus', raw);
        if (v !== null) fields.churnStatus = v;
        break;
      }
      case 'churnReason': {
        const v = word(at, 'churnReason', raw);
        if (v !== null) fields.churnReason = v;
        break;
      }
      case 'currency': {
        const c = raw.toUpperCase().replace('RMB', 'CNY').replace(/^[¥￥]$/, 'CNY').replace(/^人民币$/, 'CNY').replace(/^美元$/, 'USD').replace(/^欧元$/, 'EUR').replace(/^港币$/, 'HKD');
        const sign = moneyCurrency(raw);
        if ((CURRENCIES as readonly string[]).includes(c)) fields.currency = c as Currency;
        else if (sign) fields.currency = sign;
        else fail(at, 'unknown-value');
        break;
      }
      case 'companyRevenue': {
        const v = money(at, raw, seen);
        if (v === undefined) break;
        if (v < 0) fail(at, 'out-of-range');
        else fields.companyRevenue = v;
        break;
      }
      case 'employees': {
        const v = value(at, parseInteger(raw));
        if (v === undefined) break;
        if (v < 0 || v > 1e8) fail(at, 'out-of-range');
        else fields.employees = v;
        break;
      }
      case 'profitContribution': {
        const v = money(at, raw, seen);
        if (v !== undefined) fields.profitContribution = v;
        break;
      }
      case 'shareOfWallet': {
        const v = value(at, parsePercent(raw));
        if (v !== undefined) fields.shareOfWalletBp = v;
        break;
      }
      case 'lifetimeValue': {
        const v = money(at, raw, seen);
        if (v !== undefined) fields.lifetimeValue = v;
        break;
      }
      case 'costToServe': {
        const v = money(at, raw, seen);
        if (v === undefined) break;
        if (v < 0) fail(at, 'out-of-range');
        else fields.costToServe = v;
        break;
      }
      case 'churnNote':
        fields.churnNote = text(at, raw, 2000, true);
        break;
      case 'churnedOn': {
        const v = value(at, parseDate(raw));
        if (v !== undefined) fields.churnedOn = v;
        break;
      }
      case 'receivableOutstanding': {
        const v = money(at, raw, seen);
        if (v === undefined) break;
        if (v < 0) fail(at, 'out-of-range');
        else fields.receivableOutstanding = v;
        break;
      }
      case 'receivableDaysOverdue': {
        const v = value(at, parseInteger(raw));
        if (v === undefined) break;
        if (v < 0) fail(at, 'out-of-range');
        else fields.receivableDaysOverdue = v;
        break;
      }
      case 'paymentTerms':
        fields.paymentTerms = text(at, raw, 200);
        break;
      case 'notes':
        fields.notes = text(at, raw, 20_000, true);
        break;
    }
  }

  // One currency per row: the currency column's, else the first amount's; any other is an error.
  if (seen.length > 0) {
    const [first, firstCol] = seen[0]!;
    const currency = fields.currency ?? first;
    for (const [c, col] of seen) {
      if (c === currency) continue;
      at.col = col;
      fail(at, 'mixed-currency');
    }
    if (fields.currency === undefined) {
      fields.currency = currency;
      draft.currencyFrom = { column: headers[firstCol] ?? null, value: row.cells[firstCol] ?? null };
    }
  }

  if (!draft.name) {
    const col = mapping.indexOf('name');
    errors.push({ line: row.line, column: col >= 0 ? (headers[col] ?? null) : null, value: null, code: 'required' });
  }
  return { draft: errors.length === 0 ? draft : null, errors };
}
