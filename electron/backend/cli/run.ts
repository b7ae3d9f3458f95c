import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/api/errors';
import { UsageError } from '../args';
import { Backend } from '../backend';
import { resolveDbPath } from '../paths';
import { APP_VERSION } from '../version';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_DB = 2;

const HELP = `Keyplan ${APP_VERSION} - key-account planning workbench (大客户规划工作台)

Usage: npm run -s cli -- <verb> [options]

Verbs:
  doctor                       open, migrate and check the database; prints the schema version and "ok"
  backup --out FILE            write a consistent copy of the database to FILE
  restore --from FILE          replace the database with a backup (checked first; the current file is kept)
  list accounts [--json]       list the accounts
  create account NAME          add an account
  help                         this text

Options:
  --db PATH                    the database file (default: $KEYPLAN_DB, else keyplan.db in the app's data folder)
`;

interface Verb {
  /** Whether the verb needs a healthy database before it runs. */
  needsDb: boolean;
  run(backend: Backend, positionals: string[], flags: Flags, io: CliIo): Promise<number>;
}

interface Flags {
  out?: string;
  from?: string;
  json?: boolean;
}

const VERBS: Record<string, Verb> = {
  doctor: {
    needsDb: true,
    async run(backend, _p, flags, io) {
      const report = await backend.call('db-doctor', {});
      if (flags.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        io.out(`database: ${report.path}\n`);
        io.out(`schema version: ${report.schemaVersion}\n`);
        io.out(`journal mode: ${report.journalMode}; foreign keys: ${report.foreignKeys ? 'on' : 'off'}\n`);
        for (const [table, n] of Object.entries(report.counts)) io.out(`  ${table}: ${n}\n`);
        io.out(report.ok ? 'ok\n' : `problems: ${report.quickCheck}\n`);
      }
      return report.ok ? EXIT_OK : EXIT_DB;
    },
  },
  backup: {
    needsDb: true,
    async run(backend, _p, flags, io) {
      if (!flags.out) throw new UsageError('backup needs --out FILE');
      const info = await backend.call('db-backup', { out: flags.out });
      io.out(`backup written: ${info.path} (${info.bytes} bytes)\n`);
      return EXIT_OK;
    },
  },
  restore: {
    needsDb: false,
    async run(backend, _p, flags, io) {
      if (!flags.from) throw new UsageError('restore needs --from FILE');
      const status = await backend.call('db-restore', { from: flags.from });
      if (status.state !== 'ok') {
        io.err(`keyplan: restored, but the database did not open: ${status.detail ?? status.state}\n`);
        return EXIT_DB;
      }
      io.out(`restored ${status.path} from ${flags.from}; the previous database was kept in ${status.path.replace(/[^/\\]+$/, '')}backups\n`);
      return EXIT_OK;
    },
  },
  list: {
    needsDb: true,
    async run(backend, positionals, flags, io) {
      const what = positionals[0];
      if (what !== 'accounts') throw new UsageError('list what? try: list accounts');
      const accounts = await backend.call('accounts-list', {});
      if (flags.json) io.out(`${JSON.stringify(accounts, null, 2)}\n`);
      else for (const a of accounts) io.out(`${a.id}\t${a.name}\n`);
      return EXIT_OK;
    },
  },
  create: {
    needsDb: true,
    async run(backend, positionals, _flags, io) {
      const [what, ...rest] = positionals;
      if (what !== 'account' || rest.length === 0) throw new UsageError('usage: create account NAME');
      const account = await backend.call('accounts-create', { name: rest.join(' ') });
      io.out(`created account ${account.id}: ${account.name}\n`);
      return EXIT_OK;
    },
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`keyplan: ${(e as Error).message}\n\n${HELP}`);
    return EXIT_FAIL;
  }
  const [verbName, ...positionals] = parsed.positionals;
  if (!verbName || verbName === 'help' || parsed.values.help) {
    io.out(HELP);
    return verbName || parsed.values.help ? EXIT_OK : EXIT_FAIL;
  }
  const verb = VERBS[verbName];
  if (!verb) {
    io.err(`keyplan: unknown verb "${verbName}"\n\n${HELP}`);
    return EXIT_FAIL;
  }
  const backend = new Backend({
    dbPath: resolveDbPath(parsed.values.db, io.env),
    transport: 'cli',
    version: APP_VERSION,
    // The CLI explains a failed open itself; the backend's log is for debugging.
    log: io.env.KEYPLAN_DEBUG ? (m) => io.err(`${m}\n`) : () => {},
  });
  try {
    const status = backend.status();
    if (verb.needsDb && status.state !== 'ok') {
      io.err(
        `keyplan: cannot use the database ${status.path}: ${describeState(status.state)}` +
          `${status.detail ? ` (${status.detail})` : ''}.\nThe file was not changed. ` +
          `Restore a backup with "restore --from FILE"${status.backups[0] ? `, e.g. ${status.backups[0].path}` : ''}.\n`,
      );
      return EXIT_DB;
    }
    return await verb.run(backend, positionals, parsed.values, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`keyplan: ${e.message}\n`);
      return EXIT_FAIL;
    }
    if (e instanceof AppError) {
      io.err(`keyplan: ${e.message} [${e.code}]\n`);
      return e.code === 'db-corrupt' || e.code === 'db-unavailable' ? EXIT_DB : EXIT_FAIL;
    }
    throw e;
  } finally {
    await backend.close();
  }
}

function describeState(state: string): string {
  switch (state) {
    case 'corrupt':
      return 'the file is damaged';
    case 'newer':
      return 'it was written by a newer version of Keyplan';
    default:
      return 'the file cannot be read';
  }
}
