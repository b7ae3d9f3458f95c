/**
 * Forgiving parsers for values people type into spreadsheets: money with symbols, separators and
 * Chinese units, percentages, dates in common formats, yes/no. Each returns a tagged result so the
 * importer can report the row, the column and the reason.
 */
import { isIsoDate } from './dates';
import type { Currency } from './enums';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ValueError };
export type ValueError = 'not-a-number' | 'not-a-date' | 'not-a-percent' | 'not-a-boolean' | 'out-of-range' | 'not-an-integer';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: ValueError): Parsed<T> => ({ ok: false, reason });

/** Multipliers written after a number: 万 = 10^4, 亿 = 10^8 and their friends. */
const UNITS: [RegExp, number][] = [
  [/亿元?$/, 8],
  [/千万元?$/, 7],
  [/百万元?$/, 6],
  [/万元?$/, 4],
  [/千元?$/, 3],
  [/元$/, 0],
  [/(?<=\d)\s*[kK]$/, 3],
  [/(?<=\d)\s*(?:mn|MM|M)$/, 6],
  [/(?<=\d)\s*(?:bn|B)$/, 9],
];
/** Up to 11 integer digits, so that scaling by up to 10^4 stays an exact double. */
const PLAIN = /^(-?)(\d{1,11})(?:\.(\d+))?$/;
const SYMBOLS = /^(?:CNY|RMB|USD|EUR|HKD|US\$|HK\$|[¥￥$€£])\s*/i;
const TRAILING_CODES = /\s*(?:CNY|RMB|USD|EUR|HKD|美元|欧元|港币|港元|人民币|[¥￥$€])$/i;

/**
 * Parses a decimal number written by a person: stray spaces, thousands separators (, ， ' and thin
 * spaces), full-width digits, currency symbols, a leading minus or accounting parentheses, and a
 * unit (1.2万 = 12000). Returns the value scaled to `decimals` places as an exact integer
 * (half away from zero), so money never passes through floating point.
 */
export function parseScaled(input: string | number, decimals: number): Parsed<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return bad('not-a-number');
    return parseScaled(input.toFixed(Math.min(20, decimals + 6)), decimals);
  }
  // Fast path: a plain decimal, as most cells are.
  const plain = PLAIN.exec(input);
  if (plain) {
    const frac = (plain[3] ?? '').padEnd(decimals + 1, '0');
    let v = Number(plain[2]) * 10 ** decimals + (decimals > 0 ? Number(frac.slice(0, decimals)) : 0);
    if (Number(frac[decimals]) >= 5) v += 1;
    return ok(plain[1] && v !== 0 ? -v : v);
  }
  let s = toHalfWidth(input).trim().replace(/[\s\u00a0\u2009\u202f]+/g, ' ');
  if (s === '') return bad('not-a-number');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(SYMBOLS, '').replace(TRAILING_CODES, '').trim();
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  let exponent = 0;
  for (const [re, e] of UNITS) {
    if (re.test(s)) {
      s = s.replace(re, '').trim();
      exponent = e;
      break;
    }
  }
  s = s.replace(/(?<=\d)[,，'’ ](?=\d{3}(?:\D|$))/g, '');
  const m = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(s);
  if (!m) return bad('not-a-number');
  const intPart = m[1] ?? '0';
  const fracPart = m[2] ?? m[3] ?? '';
  // value = intPart.fracPart * 10^(exponent + decimals)
  const shift = exponent + decimals;
  const digits = intPart + fracPart;
  const point = intPart.length + shift; // position of the decimal point in `digits`
  const whole = point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, Math.max(point, 0)) || '0';
  const rest = point >= digits.length ? '' : point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  let n = BigInt(whole);
  if (rest.length > 0 && Number(rest[0]) >= 5) n += 1n;
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return bad('out-of-range');
  const value = Number(n);
  return ok(negative && value !== 0 ? -value : value);
}

/** Money in minor units (fen / cents). */
export function parseMoney(input: string | number): Parsed<number> {
  return parseScaled(input, 2);
}

/** A whole number (employees, days): units allowed (3万 = 30000), fractions refused. */
export function parseInteger(input: string | number): Parsed<number> {
  const scaled = parseScaled(input, 2);
  if (!scaled.ok) return scaled;
  if (scaled.value % 100 !== 0) return bad('not-an-integer');
  return ok(scaled.value / 100);
}

/**
 * A percentage as basis points (35% = 3500). "35%" and "35" mean 35%; a bare decimal of at most 1
 * ("0.35", "1.0") is read as a fraction, the way spreadsheets store percentages.
 */
export function parsePercent(input: string | number): Parsed<number> {
  const s = typeof input === 'number' ? String(input) : toHalfWidth(input).trim();
  const hasSign = /%$/.test(s);
  const n = parseScaled(hasSign ? s.slice(0, -1) : s, 4);
  if (!n.ok) return bad('not-a-percent');
  // n is value * 10^4
  const fraction = !hasSign && /[.]/.test(s) && Math.abs(n.value) <= 10_000;
  const bp = fraction ? n.value : Math.round(n.value / 100);
  if (bp < 0 || bp > 10_000) return bad('out-of-range');
  return ok(bp);
}

const TRUE = new Set(['是', '有', '对', 'y', 'yes', 'true', '1', '✓', '✔', 'x', '√']);
const FALSE = new Set(['否', '无', '不是', 'n', 'no', 'false', '0', '']);

export function parseBoolean(input: string | number | boolean): Parsed<boolean> {
  if (typeof input === 'boolean') return ok(input);
  const s = toHalfWidth(String(input)).trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad('not-a-boolean');
}

/**
 * A calendar date as `YYYY-MM-DD`: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105,
 * 5/1/2026 (day first when the first number is over 12, else month first, as US spreadsheets
 * write it), Excel serial numbers (45000) and Date objects.
 */
export function parseDate(input: string | number | Date): Parsed<string> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return bad('not-a-date');
    return ok(input.toISOString().slice(0, 10));
  }
  if (typeof input === 'number') return excelSerial(input);
  const s = toHalfWidth(input).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    return a > 12 ? ymd(m[3]!, m[2]!, m[1]!) : ymd(m[3]!, m[1]!, m[2]!);
  }
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return excelSerial(Number(s));
  return bad('not-a-date');
}

function ymd(y: string, m: string, d: string): Parsed<string> {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : bad('not-a-date');
}

function excelSerial(n: number): Parsed<string> {
  // 1 = 1900-01-01. Excel counts a 1900-02-29 that never was (serial 60): from 61 on a serial is
  // the days since 1899-12-30, below 60 the days since 1899-12-31.
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465) return bad('not-a-date');
  const days = Math.floor(n) < 60 ? Math.floor(n) + 1 : Math.floor(n);
  const epoch = Date.UTC(1899, 11, 30);
  return ok(new Date(epoch + days * 86_400_000).toISOString().slice(0, 10));
}

/** Full-width ASCII (０-９, ．, ，, ％, －) to half-width, as Chinese input methods type them. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The currency a sign or code written with an amount names: "$1,100.04" and "US$" and "USD 5" are
 * dollars, "€" and "EUR" euros, "HK$" and "HKD" Hong Kong dollars, "¥", "￥", "RMB", "CNY", "元" and
 * "1.2万元" yuan. null when the value names none (a plain number); false when it names one Keyplan
 * does not keep (£, GBP, JPY...), which an importer must not read as yuan.
 */
export function moneyCurrency(input: string): Currency | null | false {
  const s = toHalfWidth(input).trim().replace(/^[(\-−]+|\)$/g, '').trim();
  for (const [re, c] of VALUE_CURRENCIES) if (re.test(s)) return c;
  return /^(?:£|GBP|JPY|CHF|AUD|CAD|SGD|A\$|C\$|S\$)|(?:£|GBP|JPY|英镑|日元)$/i.test(s) ? false : null;
}

const VALUE_CURRENCIES: [RegExp, Currency][] = [
  [/^(?:HK\$|HKD)|(?:HK\$|HKD|港币|港元)$/i, 'HKD'],
  [/^(?:US\$|USD|\$)|(?:USD|美元|\$)$/i, 'USD'],
  [/^(?:€|EUR)|(?:EUR|欧元|€)$/i, 'EUR'],
  [/^(?:[¥￥]|RMB|CNY)|(?:RMB|CNY|人民币|元|[¥￥])$/i, 'CNY'],
];

/**
 * The currency a column header names for its amounts: "Revenue (USD)", "收入（美元）", "金额 US$",
 * "应收（元）". null when it names none.
 */
export function headerCurrency(header: string): Currency | null {
  const h = header.normalize('NFKC');
  for (const [re, c] of HEADER_CURRENCIES) if (re.test(h)) return c;
  return null;
}

const HEADER_CURRENCIES: [RegExp, Currency][] = [
  [/HK\$|(?<![a-z])HKD(?![a-z])|港币|港元/i, 'HKD'],
  [/US\$|(?<![a-z])USD(?![a-z])|美元/i, 'USD'],
  [/€|(?<![a-z])EUR(?![a-z])|欧元/i, 'EUR'],
  [/[¥￥]|(?<![a-z])(?:RMB|CNY)(?![a-z])|人民币|元/i, 'CNY'],
  [/\$/, 'USD'],
];
