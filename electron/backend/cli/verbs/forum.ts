/**
 * The customer-forum deck on the command line: `forum pdf --year YYYY [--accounts "A,B,..."]
 * [--locale zh-CN|en] [--safe] --out FILE` prints the deck as forum-export does, with a progress line
 * per step on stderr. The file is written whole or not at all (a temporary file renamed into place).
 */
import { UsageError } from '../../args';
import type { Backend } from '../../backend';
import { FORUM_MAX_ACCOUNTS } from '../../../../shared/api/forum';
import { locale, year } from './plans';
import { findAccount, writeAtomically } from './stakeholders';
import { EXIT_OK, type Verb } from './types';

const USAGE = 'usage: forum pdf --year YYYY [--accounts "A,B,..."] [--locale zh-CN|en] [--safe] --out FILE';

/** The accounts named in --accounts (comma or 、/，separated), each resolved as --account is. */
export async function resolveAccounts(backend: Backend, list: string): Promise<number[]> {
  const names = list.split(/[,，、]/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new UsageError('--accounts names at least one account ("A,B,...")');
  if (names.length > FORUM_MAX_ACCOUNTS) throw new UsageError(`--accounts names at most ${FORUM_MAX_ACCOUNTS} accounts, not ${names.length}`);
  const ids: number[] = [];
  for (const name of names) {
    const a = await findAccount(backend, name);
    if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

export const forumVerbs: Record<string, Verb> = {
  forum: {
    needsDb: true,
    async run(backend, positionals, flags, io) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw new UsageError(USAGE);
      if (!flags.out) throw new UsageError('forum pdf needs --out FILE');
      const lang = locale(flags);
      const y = year(flags, USAGE);
      const accountIds = flags.accounts !== undefined ? await resolveAccounts(backend, flags.accounts) : undefined;
      const jobId = `cli-${process.pid}`;
      const off = backend.on('export-progress', (p) => {
        if (p.jobId === jobId) io.err(`[${p.done}/${p.total}] ${p.stage}${p.account ? ` ${p.account}` : ''}\n`);
      });
      try {
        const file = await backend.call('forum-export', { year: y, locale: lang, safe: !!flags.safe, jobId, ...(accountIds ? { accountIds } : {}) });
        const bytes = Buffer.from(file.contentBase64, 'base64');
        writeAtomically(flags.out, bytes);
        io.out(`wrote ${flags.out} (${bytes.length} bytes${flags.safe ? ', customer version' : ''})\n`);
        return EXIT_OK;
      } finally {
        off();
      }
    },
  },
};
