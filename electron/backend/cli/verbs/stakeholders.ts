/**
 * The stakeholder map on the command line: `import stakeholders`, `coverage` and `map svg|pdf|png`.
 * Accounts are named exactly (or by id); a tender by its opportunity's name within that account (or
 * its id). Files are written whole or not at all (a temporary file renamed into place).
 */
import path from 'node:path';
import type { StakeholderMap, TenderRef } from '../../../../shared/api/stakeholders';
import { AppError } from '../../../../shared/api/errors';
import { UsageError } from '../../args';
import { readImportFile } from '../../import/import-file';
import type { Backend } from '../../backend';
import { describeRowError, describeSkipped, parseMapFlag, printSkipped } from './accounts';
import { STAKEHOLDER_IMPORT_FIELDS } from '../../../../shared/domain/import-fields';
import { formatCoverage } from './coverage-text';
import { writeOutFile } from '../files';
import { cell, cells } from '../text';
import { EXIT_FAIL, EXIT_OK, type Flags, type Verb } from './types';

function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw new UsageError(`--locale is zh-CN or en, not "${l}"`);
  return l;
}

/** The live account with exactly this name; else, for a number, the account with that id. */
export async function findAccount(backend: Backend, name: string | undefined): Promise<{ id: number; name: string }> {
  if (name === undefined || name.trim() === '') throw new UsageError('--account NAME is required (the account\'s exact name, or its id)');
  const wanted = name.trim();
  const all = await backend.call('accounts-list', {});
  const exact = all.filter((a) => a.name === wanted);
  if (exact.length === 1) return exact[0]!;
  if (/^\d+$/.test(wanted)) {
    const byId = all.find((a) => a.id === Number(wanted));
    if (byId) return byId;
  }
  const folded = all.filter((a) => a.name.toLowerCase() === wanted.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  if (folded.length > 1) {
    throw new AppError('not-found', `"${wanted}" matches ${folded.length} accounts (${folded.map((a) => `${a.id} ${cell(a.name)}`).join('; ')}); give the exact name or the id.`, {
      name: wanted,
    });
  }
  const near = all.filter((a) => a.name.toLowerCase().includes(wanted.toLowerCase())).slice(0, 5);
  throw new AppError('not-found', `No account named "${wanted}".${near.length ? ` Did you mean: ${near.map((a) => cell(a.name)).join(', ')}?` : ''}`, { name: wanted });
}

/** The opportunity with this name in the account's map (or this id); refuses an ambiguous name. */
export function findTender(map: StakeholderMap, name: string): TenderRef {
  const wanted = name.trim();
  const exact = map.tenders.filter((t) => t.name === wanted);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    throw new AppError('not-found', `${map.account.name} has ${exact.length} opportunities named "${wanted}" (ids ${exact.map((t) => t.id).join(', ')}); give --tender ID.`, {
      name: wanted,
    });
  }
  if (/^\d+$/.test(wanted)) {
    const byId = map.tenders.find((t) => t.id === Number(wanted));
    if (byId) return byId;
  }
  const list = map.tenders.map((t) => cell(t.name)).join(', ');
  throw new AppError('not-found', `${map.account.name} has no opportunity named "${wanted}".${list ? ` Its opportunities: ${list}.` : ' It has no opportunities.'}`, {
    name: wanted,
  });
}

function days(flags: Flags): number | undefined {
  if (flags.days === undefined) return undefined;
  const n = Number(flags.days);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new UsageError(`--days is a whole number of days from 1 to 3650, not "${flags.days}"`);
  return n;
}

async function importStakeholders(backend: Backend, file: string | undefined, flags: Flags, io: Parameters<Verb['run']>[3]): Promise<number> {
  if (!file) throw new UsageError('usage: import stakeholders FILE --account NAME [--map "Header=field,..."] [--skip-invalid] [--dry-run]');
  const account = await findAccount(backend, flags.account);
  // A regular file only, and not over the limit: refused before anything is read. Its bytes are
  // handed to the handler as they are (`content`: no base64 in this process).
  const content = readImportFile(file);
  const map = parseMapFlag(flags.map);
  const report = await backend.call('stakeholders-import', {
    accountId: account.id,
    fileName: path.basename(file),
    content,
    ...(map ? { map } : {}),
    skipInvalid: !!flags['skip-invalid'],
    dryRun: !!flags['dry-run'],
  });
  if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  for (const e of report.errors) io.err(`  ${describeRowError(e)}\n`);
  if (report.rejected) {
    io.err(
      `keyplan: ${report.errors.length} problem(s) in ${new Set(report.errors.map((e) => e.line)).size} row(s); nothing was imported. Fix them, or use --skip-invalid to import the valid rows.\n`,
    );
    if (!flags.json) for (const c of report.notImported) io.err(`${describeSkipped(c)}\n`);
    return EXIT_FAIL;
  }
  if (!flags.json) {
    const verb = report.dryRun ? 'would import' : 'imported';
    io.out(
      `${verb} ${report.created + report.updated} of ${report.rows} people into ${cell(account.name)}: ${report.created} new, ${report.updated} updated, ` +
        `${report.linesCreated} reporting line(s)${report.skipped ? `, ${report.skipped} row(s) skipped` : ''}\n`,
    );
    if (report.peopleCreated.length) io.out(`${report.dryRun ? 'would add' : 'added'} to our team: ${report.peopleCreated.map(cell).join(', ')}\n`);
    printSkipped(report.notImported, io.out, `${STAKEHOLDER_IMPORT_FIELDS.join(', ')}, ignore`);
  }
  return EXIT_OK;
}

/** The account's map, or the tender's when --tender is given. */
async function mapOf(backend: Backend, flags: Flags, extra: { staleDays?: number } = {}): Promise<StakeholderMap> {
  const account = await findAccount(backend, flags.account);
  const whole = await backend.call('map-get', { accountId: account.id, ...extra });
  if (flags.tender === undefined) return whole;
  const tender = findTender(whole, flags.tender);
  return backend.call('map-get', { accountId: account.id, tenderId: tender.id, ...extra });
}

export const stakeholderVerbs: Record<string, Verb> = {
  coverage: {
    needsDb: true,
    check(_positionals, flags) {
      days(flags);
      locale(flags);
    },
    async run(backend, _positionals, flags, io) {
      const staleDays = days(flags);
      const lang = locale(flags);
      const map = await mapOf(backend, flags, staleDays !== undefined ? { staleDays } : {});
      if (flags.json) {
        io.out(`${JSON.stringify({ account: map.account, tender: map.tender, ...map.coverage }, null, 2)}\n`);
      } else {
        // Every name and label of the map as one escaped value (cell): a name cannot add a line.
        io.out(formatCoverage(cells(map), lang));
      }
      return EXIT_OK;
    },
  },
  map: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      const format = positionals[0];
      if (format !== 'svg' && format !== 'pdf' && format !== 'png') {
        throw new UsageError('usage: map svg|pdf|png --account NAME [--tender NAME] [--safe] [--locale zh-CN|en] --out FILE');
      }
      if (!flags.out) throw new UsageError(`map ${format} needs --out FILE`);
      locale(flags);
    },
    async run(backend, positionals, flags, io) {
      const format = positionals[0] as 'svg' | 'pdf' | 'png';
      const out = flags.out!;
      const lang = locale(flags);
      const account = await findAccount(backend, flags.account);
      let tenderId: number | undefined;
      if (flags.tender !== undefined) tenderId = findTender(await backend.call('map-get', { accountId: account.id }), flags.tender).id;
      const file = await backend.call('map-export', {
        accountId: account.id,
        ...(tenderId !== undefined ? { tenderId } : {}),
        format,
        locale: lang,
        safe: !!flags.safe,
      });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeOutFile(out, bytes, backend.info().dbPath);
      io.out(`wrote ${out} (${bytes.length} bytes${flags.safe ? ', customer-safe' : ''})\n`);
      return EXIT_OK;
    },
  },
};

/** `import stakeholders ...` here, every other `import` to the account importer. */
export function importVerb(accounts: Verb): Verb {
  return {
    needsDb: true,
    check(positionals, flags) {
      if (positionals[0] === 'stakeholders') {
        if (!positionals[1]) throw new UsageError('usage: import stakeholders FILE --account NAME [--map "Header=field,..."] [--skip-invalid] [--dry-run]');
        if (flags.account === undefined || flags.account.trim() === '') throw new UsageError('--account NAME is required (the account\'s exact name, or its id)');
        parseMapFlag(flags.map);
      } else {
        accounts.check?.(positionals, flags);
      }
    },
    run(backend, positionals, flags, io) {
      if (positionals[0] === 'stakeholders') return importStakeholders(backend, positionals[1], flags, io);
      return accounts.run(backend, positionals, flags, io);
    },
  };
}
