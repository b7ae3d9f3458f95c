/** The database itself on the command line: `doctor`, `backup` and `restore`. */
import { locale } from '../flags';
import { say, usage } from '../say';
import { EXIT_DB, EXIT_OK, type Verb } from '../verb';

export const systemVerbs: Record<string, Verb> = {

  doctor: {
    needsDb: true,
    async run(backend, _p, flags, io) {
      const report = await backend.call('db-doctor', {});
      const lang = locale(flags);
      if (flags.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        io.out(`${say(lang, 'doctorDb', { path: report.path })}\n`);
        io.out(`${say(lang, 'doctorSchema', { version: report.schemaVersion })}\n`);
        io.out(`${say(lang, 'doctorJournal', { mode: report.journalMode, keys: say(lang, report.foreignKeys ? 'on' : 'off') })}\n`);
        for (const [table, n] of Object.entries(report.counts)) io.out(`  ${table}: ${n}\n`);
        io.out(report.ok ? `${say(lang, 'ok')}\n` : `${say(lang, 'problems', { detail: report.quickCheck })}\n`);
      }
      return report.ok ? EXIT_OK : EXIT_DB;
    },
  },
  backup: {
    needsDb: true,
    check(_p, flags) {
      if (!flags.out) throw usage('needsOut', { verb: 'backup' });
    },
    async run(backend, _p, flags, io) {
      if (!flags.out) throw usage('needsOut', { verb: 'backup' });
      const info = await backend.call('db-backup', { out: flags.out });
      io.out(`${say(locale(flags), 'backup', { path: info.path, bytes: info.bytes })}\n`);
      return EXIT_OK;
    },
  },
  restore: {
    needsDb: false,
    check(_p, flags) {
      if (!flags.from) throw usage('needsFrom');
    },
    async run(backend, _p, flags, io) {
      if (!flags.from) throw usage('needsFrom');
      const status = await backend.call('db-restore', { from: flags.from });
      if (status.state !== 'ok') {
        io.err(`keyplan: ${say(locale(flags), 'restoredNotOpen', { detail: status.detail ?? status.state })}\n`);
        return EXIT_DB;
      }
      io.out(`${say(locale(flags), 'restored', { path: status.path, from: flags.from, folder: `${status.path.replace(/[^/\\]+$/, '')}backups` })}\n`);
      return EXIT_OK;
    },
  },
};
