/**
 * The profit Pareto beside the revenue Pareto (issue 16, item 4): accounts by profit contribution,
 * highest first, the accounts that bring 80% of the profit, and the loss-making tail - "the wrong
 * 20% that bring 80% of the losses" - with lifetime value and return on spend where the data
 * exists (never invented: an empty cell says there is none). Internal only.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfitPoint } from '../../../../shared/api/churn';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { formatCount, formatPercent, money, roughMoney } from '../../lib/figures';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Chart } from '../../ui/Chart';
import { ScrollArea } from '../../ui/ScrollArea';
import { accountHref } from '../accounts/route';
import { profitParetoOption } from './churn-charts';
import './churn.css';

const TABLES = ['accounts', 'account_revenue', 'currency_rates', 'settings'] as const;

function ProfitTable({ points, currency, testId, caption }: { points: readonly ProfitPoint[]; currency: string; testId: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const full = (m: number | null) => (m === null ? t('profit.noValue') : money(m, currency, locale, true));
  return (
    <ScrollArea className="data-table__scroll" label={caption}>
      <table className="table table--compact" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profit.col.account')}</th>
            <th scope="col" className="num">{t('profit.col.profit')}</th>
            <th scope="col">{t('profit.col.source')}</th>
            <th scope="col" className="num">{t('profit.col.costToServe')}</th>
            <th scope="col" className="num">{t('profit.col.returnOnSpend')}</th>
            <th scope="col" className="num">{t('profit.col.lifetimeValue')}</th>
            <th scope="col">{t('profit.col.group')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.accountId} className={p.profit < 0 ? 'profit-row--loss' : undefined}>
              <th scope="row">
                <a href={accountHref(p.accountId)}>{p.name}</a>
              </th>
              <td className="num tabular">{full(p.profit)}</td>
              <td>{t(`profit.source.${p.source}`)}</td>
              <td className="num tabular">{full(p.costToServe)}</td>
              <td className="num tabular">{p.returnOnSpend === null ? t('profit.noValue') : formatPercent(p.returnOnSpend, locale)}</td>
              <td className="num tabular">
                {full(p.lifetimeValue)}
                {p.lifetimeSource ? <span className="muted"> ({t(`profit.lifetime.${p.lifetimeSource}`)})</span> : null}
              </td>
              <td>{p.inHead ? t('profit.group.head') : p.inLossHead ? t('profit.group.lossHead') : t('profit.group.other')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** The profit Pareto of `year`. */
export function ProfitPareto({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const q = useApiQuery('profit-figures', { year }, TABLES);
  const f = q.value;
  const currency = f?.currency ?? 'CNY';
  const fmt = useMemo(() => ({ money: (m: number) => roughMoney(m, currency, locale), pct: (r: number) => formatPercent(r, locale), count: (n: number) => formatCount(n, locale) }), [currency, locale]);
  const labels = useMemo(() => ({ profit: t('profit.profit'), cumulative: t('profit.cumulative'), pct: fmt.pct }), [t, fmt]);
  const option = useMemo(() => (f ? profitParetoOption(f, fmt.money, labels) : null), [f, fmt, labels]);
  const losers = useMemo(() => (f ? f.points.filter((p) => p.profit < 0).reverse() : []), [f]);

  return (
    <Card className="profit-card" title={t('profit.title')} lead={t('profit.lead', { year })}>
      {q.error && !f ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, q.error)}</p>
          <Button onClick={q.reload}>{t('common.retry')}</Button>
        </div>
      ) : !f ? null : f.points.length === 0 ? (
        <p className="muted" data-testid="profit-none">
          {t('profit.none', { year })}
        </p>
      ) : (
        <div data-testid="profit-section">
          <p className="pareto-sentence" data-testid="profit-sentence">
            <strong>{t('profit.sentence', { n: fmt.count(f.headCount), share: fmt.pct(f.headShareOfCount) })}</strong> <span>{t('profit.net', { net: fmt.money(f.netProfit) })}</span>
          </p>
          <p className="profit-loss-sentence" data-testid="profit-loss-sentence">
            {f.lossCount === 0
              ? t('profit.noLoss')
              : t('profit.lossSentence', { n: fmt.count(f.lossCount), losses: fmt.money(f.losses), head: fmt.count(f.lossHeadCount), share: fmt.pct(f.lossHeadShareOfCount) })}
          </p>
          {option ? <Chart className="profit-chart" option={option} height={320} ariaLabel={t('profit.chartLabel', { year, n: f.points.length, loss: f.lossCount })} /> : null}
          <p className="muted profit-sources">
            {t('profit.sources', { recorded: f.bySource.recorded, contribution: f.bySource.contribution, revenueCost: f.bySource['revenue-cost'] })}
            {f.noData > 0 ? <> {t('profit.noData', { n: f.noData })}</> : null}
          </p>
          {losers.length > 0 ? (
            <>
              <h3 className="subheading">{t('profit.lossTail')}</h3>
              <p className="muted">{t('profit.lossLead')}</p>
              <ProfitTable points={losers} currency={currency} testId="profit-loss-table" caption={t('profit.lossTail')} />
            </>
          ) : null}
          <details className="data-table">
            <summary>{t('profit.table')}</summary>
            <ProfitTable points={f.points} currency={currency} testId="profit-table" caption={t('profit.table')} />
          </details>
        </div>
      )}
    </Card>
  );
}
