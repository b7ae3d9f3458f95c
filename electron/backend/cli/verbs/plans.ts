/**
 * The annual plan on the command line: `plan pdf --account NAME --year YYYY [--locale zh-CN|en]
 * [--safe] --out FILE` prints the plan as plan-export does. The file is written whole or not at all
 * (a temporary file renamed into place).
 */
import { say, usage, type UsageKey } from '../say';
import { writeOutFile } from '../files';
import { findAccount } from './stakeholders';
import { EXIT_OK, type Flags, type Verb } from './types';

const USAGE: UsageKey = 'plan';

export function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw usage('locale', { value: l });
  return l;
}

export function year(flags: Flags, usageKey: UsageKey = USAGE): number {
  if (flags.year === undefined) throw usage('yearRequired', { usage: usageKey === 'forum' ? 'forum pdf --year YYYY' : 'plan pdf --year YYYY' });
  const y = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year.trim()) || y < 1900 || y > 2200) throw usage('year', { value: flags.year });
  return y;
}

export const planVerbs: Record<string, Verb> = {
  plan: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw usage(USAGE);
      if (!flags.out) throw usage('needsOut', { verb: 'plan pdf' });
      locale(flags);
      year(flags);
    },
    async run(backend, _positionals, flags, io) {
      const out = flags.out!;
      const lang = locale(flags);
      const y = year(flags);
      const account = await findAccount(backend, flags.account);
      const file = await backend.call('plan-export', { accountId: account.id, year: y, format: 'pdf', locale: lang, safe: !!flags.safe });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeOutFile(out, bytes, backend.info().dbPath);
      io.out(`${say(lang, flags.safe ? 'wroteSafe' : 'wrote', { path: out, bytes: bytes.length })}\n`);
      return EXIT_OK;
    },
  },
};
