/**
 * The annual plan on the command line: `plan pdf --account NAME --year YYYY [--locale zh-CN|en]
 * [--safe] --out FILE` prints the plan as plan-export does. The file is written whole or not at all
 * (a temporary file renamed into place).
 */
import { UsageError } from '../../args';
import { writeOutFile } from '../files';
import { findAccount } from './stakeholders';
import { EXIT_OK, type Flags, type Verb } from './types';

const USAGE = 'usage: plan pdf --account NAME --year YYYY [--locale zh-CN|en] [--safe] --out FILE';

export function locale(flags: Flags): 'zh-CN' | 'en' {
  const l = flags.locale ?? 'zh-CN';
  if (l !== 'zh-CN' && l !== 'en') throw new UsageError(`--locale is zh-CN or en, not "${l}"`);
  return l;
}

export function year(flags: Flags, usage = USAGE): number {
  if (flags.year === undefined) throw new UsageError(`--year YYYY is required (${usage})`);
  const y = Number(flags.year);
  if (!/^\d{4}$/.test(flags.year.trim()) || y < 1900 || y > 2200) throw new UsageError(`--year is a year such as 2026, not "${flags.year}"`);
  return y;
}

export const planVerbs: Record<string, Verb> = {
  plan: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw new UsageError(USAGE);
      if (!flags.out) throw new UsageError('plan pdf needs --out FILE');
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
      io.out(`wrote ${out} (${bytes.length} bytes${flags.safe ? ', customer version' : ''})\n`);
      return EXIT_OK;
    },
  },
};
