import path from 'node:path';
import type { ImportRowError } from '../../../../shared/api/accounts-views';
import { rowErrorLine } from '../../../../shared/domain/import-errors';
import { cliLocale, list, say, usage, type Locale } from '../say';
import { writeOutFile } from '../files';
import { cell } from '../text';
import { readImportFile } from '../../import/import-file';
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

export const accountVerbs: Record<string, Verb> = {
  list: {
    needsDb: true,
    check(positionals) {
      if (positionals[0] !== 'accounts') throw usage('listWhat');
    },
    async run(backend, _positionals, flags, io) {
      const accounts = await backend.call('accounts-list', {});
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
      // A regular file only, and not over the limit: refused before anything is read. Only its
      // base64 is kept (the bytes are not held beside it while the import runs).
      const contentBase64 = readImportFile(file).toString('base64');
      const map = parseMapFlag(flags.map);
      const report = await backend.call('import-run', {
        fileName: path.basename(file),
        contentBase64,
        ...(map ? { map } : {}),
        skipInvalid: !!flags['skip-invalid'],
        dryRun: !!flags['dry-run'],
      });
      const lang = cliLocale(flags);
      if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      for (const e of report.errors) io.err(`  ${describeRowError(e, lang)}\n`);
      if (report.rejected) {
        io.err(`keyplan: ${rejectedLine(lang, report.errors)}\n`);
        return EXIT_FAIL;
      }
      if (!flags.json) {
        const counts = { done: report.created + report.updated, rows: report.rows, created: report.created, updated: report.updated };
        io.out(`${say(lang, report.dryRun ? 'accountsDry' : 'accountsDone', counts)}${report.skipped ? say(lang, 'skipped', { n: report.skipped }) : ''}\n`);
        if (report.peopleCreated.length) io.out(`${say(lang, report.dryRun ? 'peopleWould' : 'peopleAdded', { names: list(lang, report.peopleCreated) })}\n`);
      }
      return EXIT_OK;
    },
  },
  export: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'accounts') throw usage('exportAccounts');
      exportFormat(flags);
      locale(flags);
    },
    async run(backend, _positionals, flags, io) {
      const format = exportFormat(flags);
      const file = await backend.call('export-accounts', { format, locale: locale(flags) });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      if (flags.out) {
        writeOutFile(flags.out, bytes, backend.info().dbPath);
        io.out(`${say(locale(flags), 'exported', { path: flags.out, bytes: bytes.length })}\n`);
      } else {
        io.out(bytes.toString('utf8'));
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
