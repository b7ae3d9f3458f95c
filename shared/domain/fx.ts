/**
 * One currency for figures across accounts. Each account keeps its own currency; a total over
 * several accounts is in the reporting currency (CNY unless chosen otherwise in Settings), at the
 * dated rates kept in Settings. An amount in a currency without a rate is never added in: its
 * account is left out of the total and named in the footnote. Never floats: amounts are integer
 * minor units, rates are integer millionths (1 USD = 7.1 CNY is 7100000), and each conversion rounds
 * once, half away from zero, to a whole minor unit of the reporting currency.
 */
import type { Currency } from './enums';

/** Rates are given with at most 6 decimals: `rateMicro` is the rate times 1,000,000. */
export const RATE_SCALE = 1_000_000;
export const MAX_RATE_MICRO = 1_000_000_000_000;

export interface FxRate {
  currency: Currency;
  /** Reporting-currency units per 1 unit of `currency`, times RATE_SCALE. */
  rateMicro: number;
  /** The day the rate is from (YYYY-MM-DD). */
  asOf: string;
}

export interface FxTable {
  reporting: Currency;
  rates: FxRate[];
}

/** `minor` (of the rate's currency) in reporting minor units: minor x rate / 10^6, rounded half away from zero. */
export function convertMinor(minor: number, rateMicro: number): number {
  if (!Number.isSafeInteger(minor) || !Number.isSafeInteger(rateMicro) || rateMicro <= 0) throw new RangeError('convertMinor takes integers and a positive rate');
  const p = BigInt(minor) * BigInt(rateMicro);
  const scale = BigInt(RATE_SCALE);
  const neg = p < 0n;
  const abs = neg ? -p : p;
  const q = (abs + scale / 2n) / scale;
  const out = Number(neg ? -q : q);
  if (!Number.isSafeInteger(out)) throw new RangeError('converted amount too large');
  return out;
}

/** The converter of a rate table: an amount in the reporting currency, or null when there is no rate. */
export function converter(fx: FxTable): (minor: number, currency: Currency) => number | null {
  const by = new Map(fx.rates.map((r) => [r.currency, r.rateMicro]));
  return (minor, currency) => {
    if (currency === fx.reporting) return minor;
    const r = by.get(currency);
    return r === undefined ? null : convertMinor(minor, r);
  };
}

/** "7.1" for 7100000: a rate as people write it (no trailing zeros, at most 6 decimals). */
export function formatRate(rateMicro: number): string {
  const int = Math.floor(rateMicro / RATE_SCALE);
  const frac = String(rateMicro % RATE_SCALE).padStart(6, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

/** "7.1" / "7,10" / " 0.1409 " -> 7100000; null for anything that is not a positive rate of at most 6 decimals. */
export function parseRate(text: string): number | null {
  const s = text.trim().replace(',', '.');
  const m = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * RATE_SCALE + Number((m[2] ?? '').padEnd(6, '0'));
  return v > 0 && v <= MAX_RATE_MICRO ? v : null;
}

/** What a cross-account figure says about its currencies: which rates it used, which accounts it left out. */
export interface FxNote {
  reporting: Currency;
  /** The rates actually used (a currency with a rate and at least one account in it), by currency. */
  used: FxRate[];
  /** Accounts left out for want of a rate, per currency, with their names (for the footnote). */
  excluded: { currency: Currency; accounts: number; names: string[] }[];
}

/**
 * Sorts accounts into those a total may include (with their converter) and those it must leave out,
 * and records which rates it used.
 */
export function fxPlan<T extends { currency: Currency; name: string }>(items: readonly T[], fx: FxTable): { note: FxNote; included: (t: { currency: Currency }) => boolean; convert: (minor: number, currency: Currency) => number | null } {
  const convert = converter(fx);
  const rateOf = new Map(fx.rates.map((r) => [r.currency, r]));
  const used = new Map<Currency, FxRate>();
  const excluded = new Map<Currency, { currency: Currency; accounts: number; names: string[] }>();
  for (const t of items) {
    if (t.currency === fx.reporting) continue;
    const r = rateOf.get(t.currency);
    if (r) used.set(t.currency, r);
    else {
      const e = excluded.get(t.currency) ?? { currency: t.currency, accounts: 0, names: [] };
      e.accounts++;
      e.names.push(t.name);
      excluded.set(t.currency, e);
    }
  }
  const order = (a: { currency: string }, b: { currency: string }) => a.currency.localeCompare(b.currency);
  return {
    note: { reporting: fx.reporting, used: [...used.values()].sort(order), excluded: [...excluded.values()].sort(order) },
    included: (t) => t.currency === fx.reporting || rateOf.has(t.currency),
    convert,
  };
}

/** The words of a footnote (the `portfolio.fx` catalogue of either language). */
export interface FxWords {
  converted: string; // "converted at the rates of {{date}}: {{rates}}"
  rate: string; // "1 {{from}} = {{rate}} {{to}}"
  excluded: string; // "{{n}} accounts in {{currency}} not counted: no rate ({{names}})"
  allIn: string; // "All amounts in {{currency}}"
  listSep: string;
  more: string; // "{{n}} more"
}

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k] ?? ''));

/** The footnote of a cross-account figure, one sentence per rate date and per currency left out. */
export function fxFootnote(note: FxNote, w: FxWords, maxNames = 3): string[] {
  const lines: string[] = [];
  if (note.used.length === 0 && note.excluded.length === 0) return [fill(w.allIn, { currency: note.reporting })];
  const byDate = new Map<string, FxRate[]>();
  for (const r of note.used) byDate.set(r.asOf, [...(byDate.get(r.asOf) ?? []), r]);
  for (const [date, rates] of [...byDate.entries()].sort(([a], [b]) => b.localeCompare(a))) {
    lines.push(fill(w.converted, { date, rates: rates.map((r) => fill(w.rate, { from: r.currency, rate: formatRate(r.rateMicro), to: note.reporting })).join(w.listSep) }));
  }
  for (const e of note.excluded) {
    const shown = e.names.slice(0, maxNames);
    const names = shown.join(w.listSep) + (e.names.length > shown.length ? w.listSep + fill(w.more, { n: e.names.length - shown.length }) : '');
    lines.push(fill(w.excluded, { n: e.accounts, currency: e.currency, names }));
  }
  return lines;
}
