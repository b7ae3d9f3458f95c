/**
 * `churn [--year YYYY] [--json]`: the churn figures as the seed's study presents them - the rate by
 * quarter, half-year and year, by reason, by industry and by reason x industry, with the revenue each
 * cost (README, "Churn and profit"). Internal figures: nothing here is for a customer.
 */
import type { ChurnFigures, ChurnPeriodFigure } from '../../../../shared/api/churn';
import type { Currency } from '../../../../shared/domain/enums';
import { formatMoney } from '../../../../shared/domain/money';
import { messages } from '../../../../shared/i18n';
import { locale, optionalYear } from '../flags';
import { list, say, type Locale } from '../say';
import { cell } from '../text';
import { EXIT_OK, type CliIo, type Verb } from '../verb';

/** 0.0306 -> "3.06%": two decimals, as the study writes its rates. */
function pct(r: number | null, lang: Locale): string {
  if (r === null) return say(lang, 'churnNoValue');
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r);
}

function printChurn(q: ChurnFigures, h: ChurnFigures, lang: Locale, io: CliIo): void {
  const m = messages[lang];
  const money = (minor: number) => formatMoney(minor, q.currency as Currency, lang);
  const industry = (i: string) => (i ? cell(i) : say(lang, 'churnNoIndustry'));
  const reason = (r: string) => (m.domain.churnReason as Record<string, string>)[r] ?? r;
  const line = (p: ChurnPeriodFigure) => {
    const period = m.churn.periodName[p.key];
    return p.started
      ? say(lang, 'churnPeriodLine', { period, atStart: p.atStart, churned: p.churned, rate: pct(p.rate, lang), lost: money(p.revenueLost) })
      : say(lang, 'churnNotStarted', { period });
  };
  const out: string[] = [say(lang, 'churnHead', { year: q.year, currency: q.currency, today: q.today })];
  const t = q.total;
  out.push(say(lang, 'churnTotal', { rate: pct(t.rate, lang), atStart: t.atStart, churned: t.churned, lost: money(t.revenueLost), share: pct(t.revenueRate, lang) }));
  out.push(say(lang, 'churnQuarters'), ...q.periods.map(line));
  out.push(say(lang, 'churnHalves'), ...h.periods.map(line));
  if (q.accounts.length === 0) out.push(say(lang, 'churnNone', { year: q.year }));
  else {
    out.push(say(lang, 'churnByReason'));
    for (const r of q.byReason) out.push(say(lang, 'churnReasonLine', { reason: reason(r.reason), churned: r.churned, share: pct(r.share, lang), lost: money(r.revenueLost) }));
    out.push(say(lang, 'churnByIndustry'));
    for (const r of q.byIndustry) {
      out.push(say(lang, 'churnIndustryLine', { industry: industry(r.industry), churned: r.churned, rate: pct(r.rate, lang), atStart: r.atStart, share: pct(r.share, lang), lost: money(r.revenueLost) }));
    }
    out.push(say(lang, 'churnCross'));
    for (const c of q.byReasonIndustry) out.push(say(lang, 'churnCrossLine', { reason: reason(c.reason), industry: industry(c.industry), churned: c.churned, lost: money(c.revenueLost) }));
  }
  if (q.undated.length) out.push(say(lang, 'churnUndated', { n: q.undated.length, names: list(lang, q.undated.map((u) => u.name)) }));
  io.out(`${out.join('\n')}\n`);
}

export const churnVerbs: Record<string, Verb> = {
  churn: {
    needsDb: true,
    check(_positionals, flags) {
      optionalYear(flags);
    },
    async run(backend, _positionals, flags, io) {
      const year = optionalYear(flags);
      const lang = locale(flags);
      const q = await backend.call('churn-figures', { ...(year !== undefined ? { year } : {}), period: 'quarter' });
      const h = await backend.call('churn-figures', { year: q.year, period: 'half', today: q.today });
      if (flags.json) {
        const json = { year: q.year, today: q.today, currency: q.currency, fx: q.fx, total: q.total, quarters: q.periods, halves: h.periods, byReason: q.byReason, byIndustry: q.byIndustry, byReasonIndustry: q.byReasonIndustry, accounts: q.accounts, undated: q.undated };
        io.out(`${JSON.stringify(json, null, 2)}\n`);
      } else printChurn(q, h, lang, io);
      return EXIT_OK;
    },
  },
};
