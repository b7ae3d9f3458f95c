/**
 * The stakeholder map on the command line: `import stakeholders`, `coverage` and `map svg|pdf|png`.
 * Accounts are named exactly (or by id); a tender by its opportunity's name within that account (or
 * its id). Files are written whole or not at all (a temporary file renamed into place).
 */
import path from 'node:path';
import type { StakeholderMap, TenderRef } from '../../../../shared/api/stakeholders';
import { AppError } from '../../../../shared/api/errors';
import { levelText } from '../../../../shared/domain/gap-reason';
import { rowText } from '../../../../shared/domain/import-errors';
import { readImportFile } from '../../import/import-file';
import type { Backend } from '../../backend';
import { describeRowError, describeSkipped, parseMapFlag, printSkipped, rejectedLine } from './accounts';
import { STAKEHOLDER_IMPORT_FIELDS } from '../../../../shared/domain/import-fields';
import { cliLocale, list, say, usage } from '../say';
import { formatCoverage } from './coverage-text';
import { writeOutFile } from '../files';
import { cell, cells } from '../text';
import { EXIT_FAIL, EXIT_OK, type Flags, type Verb } from './types';

function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw usage('locale', { value: l });
  return l;
}

/**
 * The live account with exactly this name; else, for a number, the account with that id; else the
 * one whose name matches ignoring letter case. A refusal names accounts by name, never by id.
 */
export async function findAccount(backend: Backend, name: string | undefined): Promise<{ id: number; name: string }> {
  if (name === undefined || name.trim() === '') throw usage('accountRequired');
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
    const names = folded.map((a) => cell(a.name)).join('; ');
    throw new AppError('account-ambiguous', `"${wanted}" matches ${folded.length} accounts (${names}); give the exact name.`, { name: wanted, names });
  }
  const near = all.filter((a) => a.name.toLowerCase().includes(wanted.toLowerCase())).slice(0, 5).map((a) => cell(a.name)).join('; ');
  throw new AppError('account-not-found', `No account named "${wanted}".${near ? ` Did you mean: ${near}?` : ''}`, { name: wanted, near });
}

/** The opportunity with this name in the account's map (or this id); refuses an ambiguous name. */
export function findTender(map: StakeholderMap, name: string): TenderRef {
  const wanted = name.trim();
  const exact = map.tenders.filter((t) => t.name === wanted);
  if (exact.length === 1) return exact[0]!;
  const account = cell(map.account.name);
  if (exact.length > 1) {
    const ids = exact.map((t) => t.id).join(', ');
    throw new AppError('tender-ambiguous', `${account} has ${exact.length} opportunities named "${wanted}" (ids ${ids}); give --tender ID.`, { account, name: wanted, n: exact.length, ids });
  }
  if (/^\d+$/.test(wanted)) {
    const byId = map.tenders.find((t) => t.id === Number(wanted));
    if (byId) return byId;
  }
  const choices = map.tenders.map((t) => cell(t.name)).join('; ');
  throw new AppError('tender-not-found', `${account} has no opportunity named "${wanted}".${choices ? ` Its opportunities: ${choices}.` : ' It has no opportunities.'}`, {
    account,
    name: wanted,
    choices,
  });
}

function days(flags: Flags): number | undefined {
  if (flags.days === undefined) return undefined;
  const n = Number(flags.days);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw usage('days', { value: flags.days });
  return n;
}

/** How many suggested levels a report line lists before "... and N more". */
const LEVEL_LINES = 20;

async function importStakeholders(backend: Backend, file: string | undefined, flags: Flags, io: Parameters<Verb['run']>[3]): Promise<number> {
  if (!file) throw usage('importStakeholders');
  const lang = cliLocale(flags);
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
    ...(flags['infer-levels'] ? { inferLevels: true } : {}),
  });
  if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  for (const e of report.errors) io.err(`  ${describeRowError(e, lang)}\n`);
  if (report.rejected) {
    io.err(`keyplan: ${rejectedLine(lang, report.errors)}\n`);
    if (!flags.json) for (const c of report.notImported) io.err(`${describeSkipped(c, lang)}\n`);
    return EXIT_FAIL;
  }
  if (!flags.json) {
    const counts = { done: report.created + report.updated, rows: report.rows, account: cell(account.name), created: report.created, updated: report.updated, lines: report.linesCreated };
    io.out(`${say(lang, report.dryRun ? 'stakeholdersDry' : 'stakeholdersDone', counts)}${report.skipped ? say(lang, 'rowsSkipped', { n: report.skipped }) : ''}\n`);
    if (report.peopleCreated.length) io.out(`${say(lang, report.dryRun ? 'teamWould' : 'teamAdded', { names: list(lang, report.peopleCreated) })}\n`);
    printSkipped(report.notImported, io.out, lang, `${STAKEHOLDER_IMPORT_FIELDS.join(', ')}, ignore`);
    const levels = report.levelSuggestions;
    if (levels.length > 0) {
      const head = report.levelsInferred ? (report.dryRun ? 'levelsWould' : 'levelsSet') : 'levelsSuggested';
      io.out(`${say(lang, head, { n: levels.length })}\n`);
      for (const s of levels.slice(0, LEVEL_LINES)) {
        io.out(`${say(lang, 'levelLine', { where: rowText(s.line, lang), name: cell(s.name), title: cell(s.title), level: levelText(s.level, lang) })}\n`);
      }
      if (levels.length > LEVEL_LINES) io.out(`${say(lang, 'levelsMore', { n: levels.length - LEVEL_LINES })}\n`);
    }
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
        throw usage('map');
      }
      if (!flags.out) throw usage('needsOut', { verb: `map ${format}` });
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
      io.out(`${say(lang, flags.safe ? 'wroteSafe' : 'wrote', { path: out, bytes: bytes.length })}\n`);
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
        if (!positionals[1]) throw usage('importStakeholders');
        if (flags.account === undefined || flags.account.trim() === '') throw usage('accountRequired');
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
