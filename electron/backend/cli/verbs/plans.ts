/**
 * The annual plan on the command line: `plan pdf --account NAME --year YYYY [--locale zh-CN|en]
 * [--safe] --out FILE` prints the plan as plan-export does. The file is written whole or not at all
 * (a temporary file renamed into place).
 */
import { writeOutFile } from '../files';
import { locale, year } from '../flags';
import { findAccount } from '../lookup';
import { say, usage } from '../say';
import { EXIT_OK, type Verb } from '../verb';

export const planVerbs: Record<string, Verb> = {
  plan: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw usage('plan');
      if (!flags.out) throw usage('needsOut', { verb: 'plan pdf' });
      year(flags, 'plan');
    },
    async run(backend, _positionals, flags, io) {
      const out = flags.out!;
      const lang = locale(flags);
      const y = year(flags, 'plan');
      const account = await findAccount(backend, flags.account);
      const file = await backend.call('plan-export', { accountId: account.id, year: y, format: 'pdf', locale: lang, safe: !!flags.safe });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeOutFile(out, bytes, backend.info().dbPath);
      io.out(`${say(lang, flags.safe ? 'wroteSafe' : 'wrote', { path: out, bytes: bytes.length })}\n`);
      return EXIT_OK;
    },
  },
};
