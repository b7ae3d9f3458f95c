/**
 * The stakeholder map on the command line: `import stakeholders`, `coverage` and `map svg|pdf|png`.
 * Accounts are named exactly (or by id); a tender by its opportunity's name within that account (or
 * its id). Files are written whole or not at all (a temporary file renamed into place).
 */
import path from 'node:path';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { levelText } from '../../../../shared/domain/gap-reason';
import { rowText } from '../../../../shared/domain/import-errors';
import { STAKEHOLDER_IMPORT_FIELDS } from '../../../../shared/domain/import-fields';
import type { Backend } from '../../backend';
import { readImportFile } from '../../import/import-file';
import { formatCoverage } from '../coverage-text';
import { writeOutFile } from '../files';
import { days, locale, parseMapFlag, type Flags } from '../flags';
import { printRefusal, printSkipped } from '../import-report';
import { findAccount, findTender } from '../lookup';
import { list, say, usage } from '../say';
import { cell, cells } from '../text';
import { EXIT_FAIL, EXIT_OK, type CliIo, type Verb } from '../verb';

/** How many suggested levels a report line lists before "... and N more". */
const LEVEL_LINES = 20;

async function importStakeholders(backend: Backend, file: string | undefined, flags: Flags, io: CliIo): Promise<number> {
  if (!file) throw usage('importStakeholders');
  const lang = locale(flags);
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
  if (printRefusal(report, flags, io, lang)) return EXIT_FAIL;
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
