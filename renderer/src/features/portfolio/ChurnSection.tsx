/**
 * Churn analysis as the seed's study presents it (issue 16, item 3): the rate by quarter, half-year
 * or year, by reason, by industry and by reason x industry, with the revenue each cost. Every figure
 * is a button that lists its accounts (linking to their pages). Internal only.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnCell, ChurnFigures, ChurnPeriod, ChurnPeriodKey } from '../../../../shared/api/churn';
import type { ChurnReason } from '../../../../shared/domain/enums';
import { CHURN_PERIODS } from '../../../../shared/api/churn';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { formatCount, formatDay, formatPercent, money, roughMoney } from '../../lib/figures';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Chart } from '../../ui/Chart';
import { Dialog } from '../../ui/Dialog';
import { ScrollArea } from '../../ui/ScrollArea';
import { SelectField } from '../../ui/SelectField';
import { accountHref } from '../accounts/route';
import { churnRateOption } from './churn-charts';
import './churn.css';

const TABLES = ['accounts', 'account_revenue', 'currency_rates', 'settings'] as const;

interface Shown {
  figure: string;
  ids: readonly number[];
}

function useFmt(currency: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      money: (minor: number) => roughMoney(minor, currency, locale),
      full: (minor: number) => money(minor, currency, locale, true),
      pct: (r: number) => formatPercent(r, locale),
      count: (n: number) => formatCount(n, locale),
      day: (d: string) => formatDay(d, locale),
    }),
    [currency, locale],
  );
}

/** A figure that opens its accounts: the number, as a button; a plain zero when there are none. */
function FigureButton({ cell, figure, show, children, testId }: { cell: ChurnCell; figure: string; show: (s: Shown) => void; children: React.ReactNode; testId?: string }) {
  const { t } = useTranslation();
  if (cell.churned === 0) return <span className="muted">{children}</span>;
  return (
    <button type="button" className="figure-link tabular" data-testid={testId} onClick={() => show({ figure, ids: cell.accountIds })}>
      {children}
      <span className="visually-hidden"> {t('churn.show', { n: cell.churned, figure })}</span>
    </button>
  );
}

function AccountsDialog({ f, shown, onClose }: { f: ChurnFigures; shown: Shown | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFmt(f.currency);
  const ids = new Set(shown?.ids ?? []);
  const rows = f.accounts.filter((a) => ids.has(a.accountId));
  return (
    <Dialog open={shown !== null} size="lg" title={t('churn.drawer.title', { figure: shown?.figure ?? '' })} onClose={onClose}>
      <ScrollArea className="churn-accounts__scroll" label={shown?.figure ?? ''}>
        <table className="table table--compact" data-testid="churn-accounts">
          <thead>
            <tr>
              <th scope="col">{t('churn.drawer.account')}</th>
              <th scope="col">{t('churn.drawer.industry')}</th>
              <th scope="col">{t('churn.drawer.reason')}</th>
              <th scope="col">{t('churn.drawer.churnedOn')}</th>
              <th scope="col" className="num">
                {t('churn.drawer.revenueLost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.accountId}>
                <th scope="row">
                  <a href={accountHref(a.accountId)}>{a.name}</a>
                  {a.note ? <span className="churn-accounts__note">{a.note}</span> : null}
                </th>
                <td>{a.industry || t('churn.noIndustry')}</td>
                <td>{t(`domain.churnReason.${a.reason}`)}</td>
                <td className="tabular">{fmt.day(a.churnedOn)}</td>
                <td className="num tabular">{a.revenueLost === null ? t('churn.drawer.noRevenue') : `${fmt.full(a.revenueLost)} (${a.revenueYear})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <div className="dialog__actions">
        <Button onClick={onClose}>{t('churn.drawer.close')}</Button>
      </div>
    </Dialog>
  );
}

function ChurnBody({ f, show }: { f: ChurnFigures; show: (s: Shown) => void }) {
  const { t } = useTranslation();
  const fmt = useFmt(f.currency);
  const periodName = (key: ChurnPeriodKey) => t(`churn.periodName.${key}`);
  const reasonName = (r: ChurnReason | 'unknown') => t(`domain.churnReason.${r}`);
  const industryName = (i: string) => i || t('churn.noIndustry');
  const bars = useMemo(() => f.periods.map((p) => ({ label: t(`churn.periodName.${p.key}`), rate: p.rate })), [f.periods, t]);
  const option = useMemo(() => churnRateOption(bars, fmt.pct), [bars, fmt]);
  const cross = new Map(f.byReasonIndustry.map((c) => [`${c.reason}\u0000${c.industry}`, c]));
  const cellText = (c: ChurnCell) => `${fmt.count(c.churned)} / ${fmt.money(c.revenueLost)}`;
  const total = f.total;

  return (
    <>
      <dl className="mini-stats churn-stats">
        <div data-testid="churn-year-rate">
          <dt>{t('churn.yearRate', { year: f.year })}</dt>
          <dd className="tabular">{total.rate === null ? t('churn.notStarted') : fmt.pct(total.rate)}</dd>
          <dd className="stat__hint">
            <FigureButton cell={total} figure={t('churn.figure.total', { year: f.year })} show={show} testId="churn-total">
              {t('churn.yearRateHint', { churned: fmt.count(total.churned), atStart: fmt.count(total.atStart) })}
            </FigureButton>
          </dd>
        </div>
        <div data-testid="churn-revenue-lost">
          <dt>{t('churn.revenueLost')}</dt>
          <dd className="tabular">{fmt.money(total.revenueLost)}</dd>
          {total.revenueRate !== null ? <dd className="stat__hint">{t('churn.revenueLostHint', { share: fmt.pct(total.revenueRate) })}</dd> : null}
        </div>
      </dl>
      <h3 className="subheading">{t('churn.byPeriod')}</h3>
      <div className="churn-periods">
        <Chart option={option} height={200} ariaLabel={t('churn.chartLabel', { year: f.year })} />
        <div className="churn-table-wrap">
        <table className="table table--compact" data-testid="churn-periods">
          <thead>
            <tr>
              <th scope="col">{t('churn.col.period')}</th>
              <th scope="col" className="num">{t('churn.col.atStart')}</th>
              <th scope="col" className="num">{t('churn.col.churned')}</th>
              <th scope="col" className="num">{t('churn.col.rate')}</th>
              <th scope="col" className="num">{t('churn.col.revenueLost')}</th>
            </tr>
          </thead>
          <tbody>
            {f.periods.map((p) => (
              <tr key={p.key} data-period={p.key}>
                <th scope="row">
                  {periodName(p.key)}
                  {p.partial ? <span className="muted"> ({t('churn.toDate', { date: fmt.day(f.today) })})</span> : null}
                </th>
                <td className="num tabular">{p.started ? fmt.count(p.atStart) : t('churn.notStarted')}</td>
                <td className="num">
                  <FigureButton cell={p} figure={periodName(p.key)} show={show}>
                    {fmt.count(p.churned)}
                  </FigureButton>
                </td>
                <td className="num tabular">{p.rate === null ? '' : fmt.pct(p.rate)}</td>
                <td className="num tabular">{fmt.money(p.revenueLost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
      {f.accounts.length === 0 ? (
        <p className="muted" data-testid="churn-none">
          {t('churn.none', { year: f.year })}
        </p>
      ) : (
        <>
          <div className="churn-pair">
            <div className="churn-table-wrap">
              <h3 className="subheading">{t('churn.byReason')}</h3>
              <table className="table table--compact" data-testid="churn-by-reason">
                <thead>
                  <tr>
                    <th scope="col">{t('churn.col.reason')}</th>
                    <th scope="col" className="num">{t('churn.col.churned')}</th>
                    <th scope="col" className="num">{t('churn.col.share')}</th>
                    <th scope="col" className="num">{t('churn.col.revenueLost')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byReason.map((r) => (
                    <tr key={r.reason}>
                      <th scope="row">{reasonName(r.reason)}</th>
                      <td className="num">
                        <FigureButton cell={r} figure={t('churn.figure.reason', { reason: reasonName(r.reason) })} show={show}>
                          {fmt.count(r.churned)}
                        </FigureButton>
                      </td>
                      <td className="num tabular">{fmt.pct(r.share)}</td>
                      <td className="num tabular">{fmt.money(r.revenueLost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="churn-table-wrap">
              <h3 className="subheading">{t('churn.byIndustry')}</h3>
              <table className="table table--compact" data-testid="churn-by-industry">
                <thead>
                  <tr>
                    <th scope="col">{t('churn.col.industry')}</th>
                    <th scope="col" className="num">{t('churn.col.churned')}</th>
                    <th scope="col" className="num">{t('churn.col.rate')}</th>
                    <th scope="col" className="num">{t('churn.col.share')}</th>
                    <th scope="col" className="num">{t('churn.col.revenueLost')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byIndustry.map((r) => (
                    <tr key={r.industry}>
                      <th scope="row">{industryName(r.industry)}</th>
                      <td className="num">
                        <FigureButton cell={r} figure={t('churn.figure.industry', { industry: industryName(r.industry) })} show={show}>
                          {fmt.count(r.churned)}
                        </FigureButton>
                      </td>
                      <td className="num tabular">{r.rate === null ? '' : fmt.pct(r.rate)}</td>
                      <td className="num tabular">{fmt.pct(r.share)}</td>
                      <td className="num tabular">{fmt.money(r.revenueLost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <h3 className="subheading">{t('churn.cross')}</h3>
          <p className="muted churn-cross__lead">{t('churn.crossLead')}</p>
          <ScrollArea className="churn-cross" label={t('churn.cross')}>
            <table className="table table--compact" data-testid="churn-cross">
              <thead>
                <tr>
                  <th scope="col">{t('churn.col.reason')}</th>
                  {f.byIndustry.map((i) => (
                    <th key={i.industry} scope="col" className="num">
                      {industryName(i.industry)}
                    </th>
                  ))}
                  <th scope="col" className="num">{t('churn.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {f.byReason.map((r) => (
                  <tr key={r.reason}>
                    <th scope="row">{reasonName(r.reason)}</th>
                    {f.byIndustry.map((i) => {
                      const c = cross.get(`${r.reason}\u0000${i.industry}`) ?? { churned: 0, revenueLost: 0, accountIds: [] };
                      return (
                        <td key={i.industry} className="num">
                          <FigureButton cell={c} figure={t('churn.figure.cross', { reason: reasonName(r.reason), industry: industryName(i.industry) })} show={show}>
                            {c.churned ? cellText(c) : '·'}
                          </FigureButton>
                        </td>
                      );
                    })}
                    <td className="num">
                      <FigureButton cell={r} figure={t('churn.figure.reason', { reason: reasonName(r.reason) })} show={show}>
                        <strong>{cellText(r)}</strong>
                      </FigureButton>
                    </td>
                  </tr>
                ))}
                <tr className="churn-cross__total">
                  <th scope="row">{t('churn.col.total')}</th>
                  {f.byIndustry.map((i) => (
                    <td key={i.industry} className="num">
                      <FigureButton cell={i} figure={t('churn.figure.industry', { industry: industryName(i.industry) })} show={show}>
                        <strong>{cellText(i)}</strong>
                      </FigureButton>
                    </td>
                  ))}
                  <td className="num">
                    <FigureButton cell={total} figure={t('churn.figure.total', { year: f.year })} show={show}>
                      <strong>{cellText(total)}</strong>
                    </FigureButton>
                  </td>
                </tr>
              </tbody>
            </table>
          </ScrollArea>
        </>
      )}
      {f.undated.length > 0 ? (
        <p className="muted" data-testid="churn-undated">
          {t('churn.undated', { n: f.undated.length, names: f.undated.map((u) => u.name).join(t('churn.listSep')) })}
        </p>
      ) : null}
    </>
  );
}

/** The churn section of the portfolio for `year`, with its own period choice. */
export function ChurnSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<ChurnPeriod>('half');
  const [shown, setShown] = useState<Shown | null>(null);
  const q = useApiQuery('churn-figures', { year, period }, TABLES);
  const f = q.value;
  const aside = (
    <SelectField className="churn-period" label={t('churn.period')} value={period} onChange={(e) => setPeriod(e.target.value as ChurnPeriod)} data-testid="churn-period">
      {CHURN_PERIODS.map((p) => (
        <option key={p} value={p}>
          {t(`churn.periodOption.${p}`)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <Card className="churn-analysis" title={t('churn.title')} lead={t('churn.lead', { year })} aside={aside}>
      <p className="churn-internal">{t('churn.internal')}</p>
      {q.error && !f ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, q.error)}</p>
          <Button onClick={q.reload}>{t('common.retry')}</Button>
        </div>
      ) : f ? (
        <div data-testid="churn-section" aria-busy={q.loading || undefined}>
          <ChurnBody f={f} show={setShown} />
          <AccountsDialog f={f} shown={shown} onClose={() => setShown(null)} />
        </div>
      ) : null}
    </Card>
  );
}
