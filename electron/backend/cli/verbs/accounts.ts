import path from 'node:path';
import type { ImportRowError, ImportSkippedColumn } from '../../../../shared/api/accounts-views';
import { messages } from '../../../../shared/i18n';
import { UsageError } from '../../args';
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
    if (eq <= 0) throw new UsageError(`--map entries look like "Source column=field", not "${part.trim()}"`);
    map[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return map;
}

function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw new UsageError(`--locale is zh-CN or en, not "${l}"`);
  return l;
}


function exportFormat(flags: Flags): 'csv' | 'xlsx' | 'json' {
  const format = flags.format ?? (flags.out ? path.extname(flags.out).slice(1).toLowerCase() : 'csv');
  if (format !== 'csv' && format !== 'xlsx' && format !== 'json') throw new UsageError(`--format is csv, xlsx or json, not "${format}"`);
  if (format === 'xlsx' && !flags.out) throw new UsageError('an XLSX export needs --out FILE');
  return format;
}

function sampleSize(flags: Flags): number {
  const n = flags.accounts === undefined ? 40 : Number(flags.accounts);
  if (!/^\d+$/.test(flags.accounts ?? '40') || !Number.isInteger(n) || n < 1 || n > 20_000) throw new UsageError(`--accounts is a whole number from 1 to 20000, not "${flags.accounts}"`);
  return n;
}

export function describeRowError(e: ImportRowError): string {
  const where = e.column ? `, column "${cell(e.column)}"` : '';
  const value = e.value ? ` ("${cell(e.value.length > 60 ? `${e.value.slice(0, 57)}...` : e.value)}")` : '';
  return `line ${e.line}${where}${value}: ${(messages.en.domain.importError as Record<string, string>)[e.code] ?? e.code}`;
}

/** A header as a --map source (inside the double quotes of the flag). */
function mapSource(column: string): string {
  return cell(column).replace(/"/g, '\\"');
}

/**
 * One line per column an import leaves out, with how to map it:
 * `not imported: Revenue (suggest --map "Revenue=revenue:2026")`.
 */
export function describeSkipped(c: ImportSkippedColumn): string {
  const name = c.column === '' ? `column ${c.index + 1} (no header)` : cell(c.column);
  if (c.column === '') return `not imported: ${name} (give it a header to import it)`;
  const src = mapSource(c.column);
  if (c.reason === 'ignored') return `not imported: ${name} (--map says ignore)`;
  if (c.suggestion) return `not imported: ${name} (suggest --map "${src}=${c.suggestion}")`;
  if (c.reason === 'taken') return `not imported: ${name} (another column already fills its field; map it with --map "${src}=FIELD")`;
  return `not imported: ${name} (no field recognised; map it with --map "${src}=FIELD")`;
}

/** The columns left out, then (when there are any) the fields a --map can name. */
export function printSkipped(skipped: readonly ImportSkippedColumn[], out: (s: string) => void, fields = ACCOUNT_FIELDS_HINT): void {
  if (skipped.length === 0) return;
  for (const c of skipped) out(`${describeSkipped(c)}\n`);
  if (skipped.some((c) => c.column !== '' && c.reason !== 'ignored')) out(`  fields: ${fields}\n`);
}

const ACCOUNT_FIELDS_HINT = `${ACCOUNT_IMPORT_FIELDS.join(', ')}, revenue:YYYY, target:YYYY, ignore`;

export const accountVerbs: Record<string, Verb> = {
  list: {
    needsDb: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts') throw new UsageError('list what? try: list accounts');
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
      if (positionals[0] !== 'account' || positionals.length < 2) throw new UsageError('usage: create account NAME');
    },
    async run(backend, positionals, _flags, io) {
      const account = await backend.call('accounts-create', { name: positionals.slice(1).join(' ') });
      io.out(`created account ${account.id}: ${cell(account.name)}\n`);
      return EXIT_OK;
    },
  },
  import: {
    needsDb: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts' || !positionals[1]) throw new UsageError('usage: import accounts FILE [--map "..."] [--skip-invalid] [--dry-run]');
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
      if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      for (const e of report.errors) io.err(`  ${describeRowError(e)}\n`);
      if (report.rejected) {
        io.err(`keyplan: ${report.errors.length} problem(s) in ${new Set(report.errors.map((e) => e.line)).size} row(s); nothing was imported. Fix them, or use --skip-invalid to import the valid rows.\n`);
        if (!flags.json) for (const c of report.notImported) io.err(`${describeSkipped(c)}\n`);
        return EXIT_FAIL;
      }
      if (!flags.json) {
        const verb = report.dryRun ? 'would import' : 'imported';
        io.out(`${verb} ${report.created + report.updated} of ${report.rows} rows: ${report.created} new, ${report.updated} updated${report.skipped ? `, ${report.skipped} skipped` : ''}\n`);
        if (report.peopleCreated.length) io.out(`${report.dryRun ? 'would add' : 'added'} people: ${report.peopleCreated.map(cell).join(', ')}\n`);
        printSkipped(report.notImported, io.out);
      }
      return EXIT_OK;
    },
  },
  export: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts') throw new UsageError(`usage: export accounts --format csv|xlsx|json [--out FILE] ${FILTER_USAGE}`);
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
      const what = file.filtered ? `${file.accounts} of ${file.total} accounts (filtered)` : `all ${file.accounts} accounts`;
      if (flags.out) {
        writeOutFile(flags.out, bytes, backend.info().dbPath);
        io.out(`exported ${what} to ${flags.out} (${bytes.length} bytes)\n`);
      } else {
        io.out(bytes.toString('utf8'));
        io.err(`exported ${what}\n`);
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
      io.out(`sample workspace loaded: ${r.accounts} accounts\n`);
      return EXIT_OK;
    },
  },
};
