import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/api/errors';
import { UsageError } from '../args';
import { Backend } from '../backend';
import { chromiumPrinter } from '../documents/chromium-printer';
import { prepareDbPath, resolveDbPath } from '../paths';
import { APP_VERSION } from '../version';
import { messages } from '../../../shared/i18n';
import { checkOutPath } from './files';
import { checkLocale, FLAG_OPTIONS, locale } from './flags';
import { refusalText, say, usage, type Locale } from './say';
import { shown } from './text';
import { EXIT_DB, EXIT_FAIL, EXIT_OK, type CliIo } from './verb';
import { VERBS } from './verbs';

export { EXIT_DB, EXIT_FAIL, EXIT_OK, type CliIo } from './verb';

const HELP = `Keyplan ${APP_VERSION} - key-account planning workbench (大客户规划工作台)

Usage: npm run -s cli -- <verb> [options]

Verbs:
  doctor                       open, migrate and check the database; prints the schema version and "ok"
  backup --out FILE            write a consistent copy of the database to FILE (a new file: never replaces one)
  restore --from FILE          replace the database with a Keyplan backup (checked first; the current file is kept)
  list accounts [--json] [FILTER]
                               list the accounts with every field (parent, owner, tier by name)
  create account NAME          add an account
  import accounts FILE [--map "Source column=field,..."] [--skip-invalid] [--dry-run]
                               import CSV (UTF-8, GBK/GB18030) or XLSX; all rows or none unless --skip-invalid
  export accounts --format csv|xlsx|json [--out FILE] [--locale zh-CN|en] [FILTER]
                               export every account, or those of FILTER (it says which); categories
                               in the words of --locale; a CSV export imports back to the same data
                               FILTER: [--search TEXT] [--tier T1,T2] [--owner NAME,...] [--industry I,...]
                                       [--region R,...] [--grade A,B] [--overdue]  (as the accounts list)
  sample [--locale zh-CN|en] [--accounts N]
                               fill an empty database with a realistic sample workspace (default 40 accounts)
  import stakeholders FILE --account NAME [--map "Header=field,..."] [--skip-invalid] [--dry-run] [--infer-levels]
                               import the buyer's people (姓名/Name, 上级/Reports to, 角色/Roles ...) into an account's map;
                               --infer-levels: without a level column, set levels from titles (a dry run lists them)
  coverage --account NAME [--tender NAME] [--days N] [--json] [--locale zh-CN|en]
                               the coverage gaps of an account's (or a tender's) map, with reasons, and the per-level summary
  map svg|pdf|png --account NAME [--tender NAME] [--safe] [--locale zh-CN|en] --out FILE
                               the stakeholder map as a file; --safe: customer-safe (no attitudes, notes or "opponent" labels)
  plan pdf --account NAME --year YYYY [--locale zh-CN|en] [--safe] --out FILE
                               the annual account plan as a print-quality PDF; --safe: the customer version (no internal assessments)
  forum pdf --year YYYY [--accounts "A,B,..."] [--locale zh-CN|en] [--safe] --out FILE
                               the customer-forum deck as a 16:9 PDF (default accounts: those with a plan that year)
  churn [--year YYYY] [--json] [--locale zh-CN|en]
                               churn by quarter, half-year and year, by reason, industry and reason x industry,
                               with the revenue each cost (default: this year; internal figures)
  health [--account NAME] [--json] [--locale zh-CN|en]
                               account health 0-100 (lowest first): the trend over the last four quarters
                               and today, the top three reasons, and a churn-risk warning awaiting a decision
  capacity [--quarter YYYY-Qn] [--json] [--locale zh-CN|en]
                               service capacity: each owner's visits and calls required by their accounts' tiers
                               against their days, who cannot meet the standard, service by tier, service inversion
  help                         this text

Options:
  --db PATH                    the database file (default: $KEYPLAN_DB, else keyplan.db in the app's data folder);
                               its folder must exist (only the default location is created)
  --out FILE                   an existing file is replaced whole (never a folder, a device or the database)
  --locale zh-CN|en            the language of what the command prints and makes (default zh-CN; --json is not translated)

Exit codes: 0 done, 1 bad input or a refused operation, 2 the database cannot be used.
`;

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed is escaped: data (names, values of a file) cannot drive the terminal.
  const io: CliIo = { out: (t) => rawIo.out(shown(t)), err: (t) => rawIo.err(shown(t)), env: rawIo.env };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: FLAG_OPTIONS,
    });
  } catch (e) {
    io.err(`keyplan: ${(e as Error).message}\n\n${HELP}`);
    return EXIT_FAIL;
  }
  const [verbName, ...positionals] = parsed.positionals;
  const lang = locale(parsed.values);
  if (!verbName || verbName === 'help' || parsed.values.help) {
    io.out(HELP);
    return verbName || parsed.values.help ? EXIT_OK : EXIT_FAIL;
  }
  const verb = VERBS[verbName];
  if (!verb) {
    io.err(`keyplan: ${refusalText(usage('unknownVerb', { verb: shown(verbName) }), lang)}\n\n${HELP}`);
    return EXIT_FAIL;
  }
  // Every argument is checked before the database is opened (or created), so a usage error or a
  // bad --out path leaves no file behind; then the path: only the default location is created.
  let dbPath: string;
  try {
    checkLocale(parsed.values);
    verb.check?.(positionals, parsed.values);
    if (verb.writesOut && parsed.values.out !== undefined) checkOutPath(parsed.values.out, resolveDbPath(parsed.values.db, io.env));
    dbPath = prepareDbPath(parsed.values.db, io.env);
  } catch (e) {
    return failed(e, io, lang);
  }
  const backend = new Backend({
    dbPath,
    transport: 'cli',
    kind: 'cli',
    printer: chromiumPrinter(),
    version: APP_VERSION,
    // The CLI explains a failed open itself; the backend's log is for debugging.
    log: io.env.KEYPLAN_DEBUG ? (m) => io.err(`${m}\n`) : () => {},
  });
  try {
    const status = backend.status();
    if (verb.needsDb && status.state !== 'ok') {
      const states = ['corrupt', 'newer', 'not-keyplan'] as const;
      const state = (states as readonly string[]).includes(status.state) ? (status.state as (typeof states)[number]) : 'unreadable';
      io.err(
        `keyplan: ${say(lang, 'cannotUse', {
          path: status.path,
          why: messages[lang].cli.report.states[state],
          detail: status.detail ? ` (${status.detail})` : '',
          example: status.backups[0] ? say(lang, 'example', { path: status.backups[0].path }) : '',
        })}\n`,
      );
      return EXIT_DB;
    }
    return await verb.run(backend, positionals, parsed.values, io);
  } catch (e) {
    return failed(e, io, lang);
  } finally {
    await backend.close();
  }
}

/** A refusal as one line on stderr (in the language of --locale) and its exit code; anything else is a bug and is thrown on. */
function failed(e: unknown, io: CliIo, lang: Locale): number {
  if (e instanceof UsageError) {
    io.err(`keyplan: ${refusalText(e, lang)}\n`);
    return EXIT_FAIL;
  }
  if (e instanceof AppError) {
    io.err(`keyplan: ${refusalText(e, lang)} [${e.code}]\n`);
    return e.code === 'db-corrupt' || e.code === 'db-unavailable' || e.code === 'db-folder-missing' ? EXIT_DB : EXIT_FAIL;
  }
  throw e;
}
