import path from 'node:path';
import type { ImportRowError, ImportSkippedColumn } from '../../../../shared/api/accounts-views';
import { rowErrorLine } from '../../../../shared/domain/import-errors';
import { cliLocale, list, say, usage, type Locale } from '../say';
import { checkFilter, filterQuery, FILTER_USAGE, hasFilter } from '../account-filter';
import { writeOutFile } from '../files';
import { cell } from '../text';
import { readImportFile } from '../../import/import-file';
import { ACCOUNT_IMPORT_FIELDS } from '../../../../shared/domain/import-fields';
import { EXIT_FAIL, EXIT_OK, type Flags, type Verb } from './types';

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

function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw usage('locale', { value: l });
  return l;
}


function exportFormat(flags: Flags): 'csv' | 'xlsx' | 'json' {
  const format = flags.format ?? (flags.out ? path.extname(flags.out).slice(1).toLowerCase() : 'csv');
  if (format !== 'csv' && format !== 'xlsx' && format !== 'json') throw usage('format', { value: format });
  if (format === 'xlsx' && !flags.out) throw usage('xlsxNeedsOut');
  return format;
}

function sampleSize(flags: Flags): number {
  const n = flags.accounts === undefined ? 40 : Number(flags.accounts);
  if (!/^\d+$/.test(flags.accounts ?? '40') || !Number.isInteger(n) || n < 1 || n > 20_000) throw usage('sampleSize', { value: flags.accounts ?? '' });
  return n;
}

/** One bad row of an import as the dialogs word it (shared/domain/import-errors.ts), its values escaped. */
export function describeRowError(e: ImportRowError, lang: Locale): string {
  return rowErrorLine(e, lang, cell);
}

/** The refusal of an import with bad rows (nothing imported). */
export function rejectedLine(lang: Locale, errors: readonly ImportRowError[]): string {
  return say(lang, 'rejected', { problems: errors.length, rows: new Set(errors.map((e) => e.line)).size });
}

/** A header as a --map source (inside the double quotes of the flag). */
function mapSource(column: string): string {
  return cell(column).replace(/"/g, '\\"');
}

/**
 * One line per column an import leaves out, with how to map it, in the language of --locale:
 * `not imported: Revenue (suggest --map "Revenue=revenue:2026")`.
 */
export function describeSkipped(c: ImportSkippedColumn, lang: Locale): string {
  if (c.column === '') return say(lang, 'skipNoHeader', { n: c.index + 1 });
  const name = cell(c.column);
  const src = mapSource(c.column);
  if (c.reason === 'ignored') return say(lang, 'skipIgnored', { name });
  if (c.suggestion) return say(lang, 'skipSuggest', { name, src, field: c.suggestion });
  if (c.reason === 'taken') return say(lang, 'skipTaken', { name, src });
  return say(lang, 'skipUnknown', { name, src });
}

/** The columns left out, then (when there are any) the fields a --map can name. */
export function printSkipped(skipped: readonly ImportSkippedColumn[], out: (s: string) => void, lang: Locale, fields = ACCOUNT_FIELDS_HINT): void {
  if (skipped.length === 0) return;
  for (const c of skipped) out(`${describeSkipped(c, lang)}\n`);
  if (skipped.some((c) => c.column !== '' && c.reason !== 'ignored')) out(`${say(lang, 'skipFields', { fields })}\n`);
}

const ACCOUNT_FIELDS_HINT = `${ACCOUNT_IMPORT_FIELDS.join(', ')}, revenue:YYYY, target:YYYY, ignore`;

export const accountVerbs: Record<string, Verb> = {
  list: {
    needsDb: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts') throw usage('listWhat');
      checkFilter(flags);
    },
    async run(backend, _positionals, flags, io) {
      let accounts = await backend.call('accounts-list', {});
      if (hasFilter(flags)) {
        // The accounts list's filter, in its order (by name unless sorted).
        const byId = new Map(accounts.map((a) => [a.id, a]));
        accounts = (await backend.call('accounts-query', await filterQuery(backend, flags))).rows.flatMap((r) => byId.get(r.id) ?? []);
      }
      if (flags.json) {
        // Each account's place on every matrix: matrix key -> quadrant key with its labels.
        const placed = new Map<number, Record<string, { quadrant: string; labelZh: string; labelEn: string }>>();
        for (const p of await backend.call('placements-list', {})) {
          const m = placed.get(p.accountId) ?? {};
          m[p.matrix] = { quadrant: p.quadrant, labelZh: p.nameZh, labelEn: p.nameEn };
          placed.set(p.accountId, m);
        }
        const out = accounts.map((a) => ({ ...a, placements: placed.get(a.id) ?? {} }));
        io.out(`${JSON.stringify(out, null, 2)}\n`);
      }
      // One account per line, its values escaped (cell): a name cannot add a line or a column.
      else for (const a of accounts) io.out(`${a.id}\t${cell(a.name)}${a.parentName ? `\t(${cell(a.parentName)})` : ''}\n`);
      return EXIT_OK;
    },
  },
  create: {
    needsDb: true,
    check(positionals) {
      if (positionals[0] !== 'account' || positionals.length < 2) throw usage('createAccount');
    },
    async run(backend, positionals, flags, io) {
      const account = await backend.call('accounts-create', { name: positionals.slice(1).join(' ') });
      io.out(`${say(cliLocale(flags), 'created', { name: cell(account.name) })}\n`);
      return EXIT_OK;
    },
  },
  import: {
    needsDb: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts' || !positionals[1]) throw usage('importAccounts');
      if (flags['infer-levels']) throw usage('inferLevels');
      parseMapFlag(flags.map);
    },
    async run(backend, positionals, flags, io) {
      const file = positionals[1]!;
      // A regular file only, and not over the limit: refused before anything is read. Its bytes
      // are handed to the handler as they are (`content`: no base64 in this process).
      const content = readImportFile(file);
      const map = parseMapFlag(flags.map);
      const report = await backend.call('import-run', {
        fileName: path.basename(file),
        content,
        ...(map ? { map } : {}),
        skipInvalid: !!flags['skip-invalid'],
        dryRun: !!flags['dry-run'],
      });
      const lang = cliLocale(flags);
      if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      for (const e of report.errors) io.err(`  ${describeRowError(e, lang)}\n`);
      if (report.rejected) {
        io.err(`keyplan: ${rejectedLine(lang, report.errors)}\n`);
        if (!flags.json) for (const c of report.notImported) io.err(`${describeSkipped(c, lang)}\n`);
        return EXIT_FAIL;
      }
      if (!flags.json) {
        const counts = { done: report.created + report.updated, rows: report.rows, created: report.created, updated: report.updated };
        io.out(`${say(lang, report.dryRun ? 'accountsDry' : 'accountsDone', counts)}${report.skipped ? say(lang, 'skipped', { n: report.skipped }) : ''}\n`);
        if (report.peopleCreated.length) io.out(`${say(lang, report.dryRun ? 'peopleWould' : 'peopleAdded', { names: list(lang, report.peopleCreated) })}\n`);
        printSkipped(report.notImported, io.out, lang);
      }
      return EXIT_OK;
    },
  },
  export: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts') throw usage('exportAccounts', { filters: FILTER_USAGE });
      exportFormat(flags);
      locale(flags);
      checkFilter(flags);
    },
    async run(backend, _positionals, flags, io) {
      const format = exportFormat(flags);
      const query = hasFilter(flags) ? await filterQuery(backend, flags) : undefined;
      const file = await backend.call('export-accounts', { format, locale: locale(flags), ...(query ? { query } : {}) });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      // What is in the file, said plainly: every account, or the filter's n of the total.
      const lang = locale(flags);
      const what = file.filtered ? say(lang, 'exportFiltered', { n: file.accounts, total: file.total }) : say(lang, 'exportAll', { n: file.accounts });
      if (flags.out) {
        writeOutFile(flags.out, bytes, backend.info().dbPath);
        io.out(`${say(lang, 'exported', { what, path: flags.out, bytes: bytes.length })}\n`);
      } else {
        io.out(bytes.toString('utf8'));
        io.err(`${say(lang, 'exportedWhat', { what })}\n`);
      }
      return EXIT_OK;
    },
  },
  sample: {
    needsDb: true,
    check(_positionals, flags) {
      sampleSize(flags);
      locale(flags);
    },
    async run(backend, _positionals, flags, io) {
      const r = await backend.call('sample-load', { locale: locale(flags), accounts: sampleSize(flags) });
      io.out(`${say(locale(flags), 'sample', { n: r.accounts })}\n`);
      return EXIT_OK;
    },
  },
};
