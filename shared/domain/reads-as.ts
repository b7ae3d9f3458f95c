/**
 * What a cell will be read as, for the mapping screen: "1.2万" as revenue reads ¥12,000, "$1,100.04"
 * reads US$1,100.04. The same parsers as the importer (shared/domain/values.ts); enum words and
 * text are shown as written (the check reports any the importer does not know).
 */
import type { Currency } from './enums';
import { formatMoney } from './money';
import { headerCurrency, moneyCurrency, parseBoolean, parseDate, parseInteger, parseMoney, parsePercent } from './values';

const MONEY = new Set(['companyRevenue', 'profitContribution', 'lifetimeValue', 'costToServe', 'receivableOutstanding']);
const INTEGER = new Set(['employees', 'receivableDaysOverdue']);
const BOOLEAN = new Set(['strategic', 'brandInfluence']);

export type ReadsAs =
  | { kind: 'value'; text: string }
  | { kind: 'bool'; value: boolean }
  /** Translated as domain.importError.<code>. */
  | { kind: 'error'; code: 'not-a-number' | 'not-an-integer' | 'not-a-date' | 'not-a-percent' | 'not-a-boolean' | 'out-of-range' | 'mixed-currency' | 'unknown-currency' }
  | { kind: 'none' };

const isMoney = (target: string) => MONEY.has(target) || /^(?:revenue|target):\d{4}$/.test(target);

/**
 * The currency a row's amounts are in, as the importer decides it: the currency column's, else the
 * first amount written with a currency (or under a header naming one); null when none says.
 */
export function rowCurrency(cells: readonly string[], headers: readonly string[], mapping: readonly string[]): Currency | null {
  const col = mapping.indexOf('currency');
  if (col >= 0) {
    const c = moneyCurrency(cells[col] ?? '') || codeOf(cells[col] ?? '');
    if (c) return c;
  }
  for (let i = 0; i < mapping.length; i++) {
    const raw = (cells[i] ?? '').trim();
    if (raw === '' || !isMoney(mapping[i] ?? '')) continue;
    const c = moneyCurrency(raw) || headerCurrency(headers[i] ?? '');
    if (c) return c;
  }
  return null;
}

function codeOf(raw: string): Currency | null {
  const c = raw.trim().toUpperCase();
  return c === 'CNY' || c === 'USD' || c === 'EUR' || c === 'HKD' ? c : null;
}

/** `rowCurrency`: the currency of the cell's row, which a plain amount is kept in. */
export function readsAs(target: string, raw: string, header: string, locale: string, inRow: Currency | null = null): ReadsAs {
  const s = raw.trim();
  if (target === 'ignore' || s === '') return { kind: 'none' };
  if (isMoney(target)) {
    const v = parseMoney(s);
    if (!v.ok) return { kind: 'error', code: v.reason };
    const written = moneyCurrency(s);
    if (written === false) return { kind: 'error', code: 'unknown-currency' };
    const column = headerCurrency(header);
    if (written && column && written !== column) return { kind: 'error', code: 'mixed-currency' };
    const currency: Currency = written ?? column ?? inRow ?? 'CNY';
    return { kind: 'value', text: formatMoney(v.value, currency, locale) };
  }
  if (INTEGER.has(target)) {
    const v = parseInteger(s);
    return v.ok ? { kind: 'value', text: v.value.toLocaleString(locale) } : { kind: 'error', code: v.reason };
  }
  if (target === 'shareOfWallet') {
    const v = parsePercent(s);
    return v.ok ? { kind: 'value', text: `${v.value / 100}%` } : { kind: 'error', code: v.reason };
  }
  if (target === 'churnedOn') {
    const v = parseDate(s);
    return v.ok ? { kind: 'value', text: v.value } : { kind: 'error', code: v.reason };
  }
  if (BOOLEAN.has(target)) {
    const v = parseBoolean(s);
    return v.ok ? { kind: 'bool', value: v.value } : { kind: 'error', code: v.reason };
  }
  return { kind: 'value', text: s };
}
