/**
 * Account health on the command line: `health [--account NAME] [--json] [--locale zh-CN|en]`. Every
 * live account (lowest score first) or one: the score, the trend over the last four quarters and
 * today, the top three reasons in words, and the warning waiting for a decision, if any.
 */
import type { AccountHealth } from '../../../../shared/api/health';
import { messages } from '../../../../shared/i18n';
import { reasonsText } from '../../../../shared/domain/health-words';
import { locale } from '../flags';
import { findAccount } from '../lookup';
import { fill, usage, type Locale } from '../say';
import { cell } from '../text';
import { EXIT_OK, type Verb } from '../verb';

function line(h: AccountHealth, lang: Locale): string {
  const w = messages[lang].health;
  const trend = h.trend.map((p) => p.score).join(' → ');
  const reasons = h.reasons.length ? reasonsText(h.reasons, lang) : w.noReasons;
  const warning = h.warning ? `\t${w.cli.warning}: ${w.warning.suggested}` : '';
  return `${cell(h.accountName)}\t${h.score}\t${w.cli.trend} ${trend}\t${w.cli.reasons}: ${reasons}${warning}\n`;
}

export const healthVerbs: Record<string, Verb> = {
  health: {
    needsDb: true,
    check(positionals) {
      if (positionals.length > 0) throw usage('health');
    },
    async run(backend, _positionals, flags, io) {
      const lang = locale(flags);
      let list: AccountHealth[];
      let today: string;
      if (flags.account !== undefined) {
        const account = await findAccount(backend, flags.account);
        const one = await backend.call('health-get', { accountId: account.id });
        list = [one];
        today = one.trend[one.trend.length - 1]!.date;
      } else {
        const all = await backend.call('health-list', {});
        list = all.accounts;
        today = all.today;
      }
      if (flags.json) {
        io.out(`${JSON.stringify(list.map((h) => ({ ...h, reasonsText: h.reasons.slice(0, 3).map((r) => reasonsText([r], lang)) })), null, 2)}\n`);
        return EXIT_OK;
      }
      io.out(`${fill(messages[lang].health.cli.header, { date: today })}\n`);
      if (list.length === 0) io.out(`${messages[lang].health.cli.none}\n`);
      for (const h of list) io.out(line(h, lang));
      return EXIT_OK;
    },
  },
};
