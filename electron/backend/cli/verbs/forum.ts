/**
 * The customer-forum deck on the command line: `forum pdf --year YYYY [--accounts "A,B,..."]
 * [--locale zh-CN|en] [--safe] --out FILE` prints the deck as forum-export does, with a progress line
 * per step on stderr. The file is written whole or not at all (a temporary file renamed into place).
 */
import { FORUM_MAX_ACCOUNTS } from '../../../../shared/api/forum';
import { messages } from '../../../../shared/i18n';
import { writeOutFile } from '../files';
import { listFlag, locale, year } from '../flags';
import { findAccounts } from '../lookup';
import { say, usage } from '../say';
import { cell } from '../text';
import { EXIT_OK, type Verb } from '../verb';

/** The names in --accounts (comma or 、/，separated); at least one, at most FORUM_MAX_ACCOUNTS. */
function accountNames(value: string): string[] {
  const names = listFlag(value) ?? [];
  if (names.length === 0) throw usage('forumAccountsEmpty');
  if (names.length > FORUM_MAX_ACCOUNTS) throw usage('forumAccountsMany', { max: FORUM_MAX_ACCOUNTS, n: names.length });
  return names;
}

export const forumVerbs: Record<string, Verb> = {
  forum: {
    needsDb: true,
    writesOut: true,
    check(positionals, flags) {
      if (positionals[0] !== 'pdf' || positionals.length > 1) throw usage('forum');
      if (!flags.out) throw usage('needsOut', { verb: 'forum pdf' });
      year(flags, 'forum');
      if (flags.accounts !== undefined) accountNames(flags.accounts);
    },
    async run(backend, _positionals, flags, io) {
      const out = flags.out!;
      const lang = locale(flags);
      const y = year(flags, 'forum');
      const accountIds = flags.accounts !== undefined ? await findAccounts(backend, accountNames(flags.accounts)) : undefined;
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
