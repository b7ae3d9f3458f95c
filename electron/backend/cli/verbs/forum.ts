/**
 * The customer-forum deck on the command line: `forum pdf --year YYYY [--accounts "A,B,..."]
 * [--locale zh-CN|en] [--safe] --out FILE` prints the deck as forum-export does, with a progress line
 * per step on stderr. The file is written whole or not at all (a temporary file renamed into place).
 */
import { say, usage, type UsageKey } from '../say';
import type { Backend } from '../../backend';
import { FORUM_MAX_ACCOUNTS } from '../../../../shared/api/forum';
import { messages } from '../../../../shared/i18n';
import { locale, year } from './plans';
import { writeOutFile } from '../files';
import { cell } from '../text';
import { findAccount } from './stakeholders';
import { EXIT_OK, type Verb } from './types';

const USAGE: UsageKey = 'forum';

/** The names in --accounts (comma or 、/，separated); at least one, at most FORUM_MAX_ACCOUNTS. */
function accountNames(list: string): string[] {
  const names = list.split(/[,，、]/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw usage('forumAccountsEmpty');
  if (names.length > FORUM_MAX_ACCOUNTS) throw usage('forumAccountsMany', { max: FORUM_MAX_ACCOUNTS, n: names.length });
  return names;
}

/** The accounts named in --accounts, each resolved as --account is. */
export async function resolveAccounts(backend: Backend, list: string): Promise<number[]> {
  const names = accountNames(list);
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
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw usage(USAGE);
      if (!flags.out) throw usage('needsOut', { verb: 'forum pdf' });
      locale(flags);
      year(flags, USAGE);
      if (flags.accounts !== undefined) accountNames(flags.accounts);
    },
    async run(backend, _positionals, flags, io) {
      const out = flags.out!;
      const lang = locale(flags);
      const y = year(flags, USAGE);
      const accountIds = flags.accounts !== undefined ? await resolveAccounts(backend, flags.accounts) : undefined;
      const jobId = `cli-${process.pid}`;
      const off = backend.on('export-progress', (p) => {
        if (p.jobId === jobId) io.err(`${say(lang, 'progress', { done: p.done, total: p.total, stage: messages[lang].cli.report.stages[p.stage] })}${p.account ? ` ${cell(p.account)}` : ''}\n`);
      });
      try {
        const file = await backend.call('forum-export', { year: y, locale: lang, safe: !!flags.safe, jobId, ...(accountIds ? { accountIds } : {}) });
        const bytes = Buffer.from(file.contentBase64, 'base64');
        writeOutFile(out, bytes, backend.info().dbPath);
        io.out(`${say(lang, flags.safe ? 'wroteSafe' : 'wrote', { path: out, bytes: bytes.length })}\n`);
        return EXIT_OK;
      } finally {
        off();
      }
    },
  },
};
