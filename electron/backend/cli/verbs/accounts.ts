/**
 * The accounts on the command line: `list accounts`, `create account`, `import accounts`,
 * `export accounts` and `sample`.
 */
import path from 'node:path';
import { readImportFile } from '../../import/import-file';
import { checkFilter, filterQuery, FILTER_USAGE, hasFilter } from '../account-filter';
import { writeOutFile } from '../files';
import { locale, parseMapFlag, type Flags } from '../flags';
import { printRefusal, printSkipped } from '../import-report';
import { list, say, usage } from '../say';
import { cell } from '../text';
import { EXIT_FAIL, EXIT_OK, type Verb } from '../verb';

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
      io.out(`${say(locale(flags), 'created', { name: cell(account.name) })}\n`);
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
      const lang = locale(flags);
      if (printRefusal(report, flags, io, lang)) return EXIT_FAIL;
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
      checkFilter(flags);
    },
    async run(backend, _positionals, flags, io) {
      const format = exportFormat(flags);
      const query = hasFilter(flags) ? await filterQuery(backend, flags) : undefined;
      const lang = locale(flags);
      const file = await backend.call('export-accounts', { format, locale: lang, ...(query ? { query } : {}) });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      // What is in the file, said plainly: every account, or the filter's n of the total.
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
    },
    async run(backend, _positionals, flags, io) {
      const lang = locale(flags);
      const r = await backend.call('sample-load', { locale: lang, accounts: sampleSize(flags) });
      io.out(`${say(lang, 'sample', { n: r.accounts })}\n`);
      return EXIT_OK;
    },
  },
};
