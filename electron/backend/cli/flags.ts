/**
 * The CLI's flags: what parseArgs accepts (FLAG_OPTIONS, the one list), their values as `Flags`,
 * and the readers every verb shares - the language (--locale), comma lists, --map, --year, --days.
 * A reader refuses a bad value with a keyed usage error (printed in the language of --locale), so
 * a verb's check() can call it before the database is opened and its run() again for the value.
 */
import { usage, type Locale, type UsageKey } from './say';

/** The options of parseArgs (run.ts); every one of them is a field of Flags. */
export const FLAG_OPTIONS = {
  db: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  json: { type: 'boolean' },
  map: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  locale: { type: 'string' },
  accounts: { type: 'string' },
  account: { type: 'string' },
  tender: { type: 'string' },
  days: { type: 'string' },
  safe: { type: 'boolean' },
  year: { type: 'string' },
  quarter: { type: 'string' },
  'infer-levels': { type: 'boolean' },
  search: { type: 'string' },
  tier: { type: 'string' },
  owner: { type: 'string' },
  industry: { type: 'string' },
  region: { type: 'string' },
  grade: { type: 'string' },
  overdue: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagValue<T> = T extends { type: 'boolean' } ? boolean : string;

/** The flags as parsed (each one optional). */
export type Flags = { -readonly [K in keyof typeof FLAG_OPTIONS]?: FlagValue<(typeof FLAG_OPTIONS)[K]> };

/**
 * The language of everything the command says: `en` for --locale en, else zh-CN (the product's
 * first language). run.ts refuses any other --locale (checkLocale) before a verb is checked, so in
 * a verb this is always the language the user chose.
 */
export function locale(flags: { locale?: string | undefined }): Locale {
  return flags.locale === 'en' ? 'en' : 'zh-CN';
}

/** Refuses a --locale that is not zh-CN or en. */
export function checkLocale(flags: { locale?: string | undefined }): void {
  if (flags.locale !== undefined && flags.locale !== 'zh-CN' && flags.locale !== 'en') throw usage('locale', { value: flags.locale });
}

/** A comma-separated value (`,`, `，` or `、`) as its trimmed, non-empty parts; undefined when there are none. */
export function listFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts : undefined;
}

/** `--map "客户=name, Rev 2024=revenue:2024"` -> { 客户: 'name', 'Rev 2024': 'revenue:2024' }. */
export function parseMapFlag(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const part of value.split(/[,，;；]/)) {
    if (!part.trim()) continue;
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw usage('mapEntry', { entry: part.trim() });
    map[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return map;
}

/** --year YYYY (required): `verb` is the usage its refusal names (plan or forum). */
export function year(flags: Flags, verb: Extract<UsageKey, 'plan' | 'forum'>): number {
  if (flags.year === undefined) throw usage('yearRequired', { usage: `${verb} pdf --year YYYY` });
  const y = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year.trim()) || y < 1900 || y > 2200) throw usage('year', { value: flags.year });
  return y;
}

/** --days N (optional), 1 to 3650. */
export function days(flags: Flags): number | undefined {
  if (flags.days === undefined) return undefined;
  const n = Number(flags.days);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw usage('days', { value: flags.days });
  return n;
}

/** --year YYYY when given (1900 to 2200); undefined without it. */
export function optionalYear(flags: Flags): number | undefined {
  if (flags.year === undefined) return undefined;
  const y = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year.trim()) || y < 1900 || y > 2200) throw usage('year', { value: flags.year });
  return y;
}
