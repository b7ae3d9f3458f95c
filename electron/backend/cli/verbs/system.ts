import { UsageError } from '../../args';
import { EXIT_DB, EXIT_OK, type Verb } from './types';

export const systemVerbs: Record<string, Verb> = {

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
    check(_p, flags) {
      if (!flags.out) throw new UsageError('backup needs --out FILE');
    },
    async run(backend, _p, flags, io) {
      if (!flags.out) throw new UsageError('backup needs --out FILE');
      const info = await backend.call('db-backup', { out: flags.out });
      io.out(`backup written: ${info.path} (${info.bytes} bytes)\n`);
      return EXIT_OK;
    },
  },
  restore: {
    needsDb: false,
    check(_p, flags) {
      if (!flags.from) throw new UsageError('restore needs --from FILE');
    },
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
};
