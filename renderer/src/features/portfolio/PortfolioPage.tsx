import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bucket, PortfolioFigures } from '../../../../shared/api/accounts-views';
import type { Tier } from '../../../../shared/api/accounts';
import { fxFootnote } from '../../../../shared/domain/fx';
import { messages } from '../../../../shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { cx } from '../../lib/cx';
import { hrefOf } from '../../app/routes';
import { errorText } from '../../lib/errors';
import { formatCount, formatPercent, money, roughMoney } from '../../lib/figures';
import { tierName } from '../../lib/format';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Chart } from '../../ui/Chart';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { SelectField } from '../../ui/SelectField';
import { accountHref } from '../accounts/route';
import { HealthWarnings } from '../../ui/health/HealthWarnings';
import { ageingOption, bucketsOption, paretoOption, PALETTE, staffingOption } from './charts';
import { ScrollArea } from '../../ui/ScrollArea';
import { ChurnSection } from './ChurnSection';
import { ProfitPareto } from './ProfitPareto';

const TABLES = ['accounts', 'account_revenue', 'tiers', 'people', 'interactions', 'grade_cadence', 'currency_rates', 'settings'] as const;
/** Years offered: the next one (targets) and the six before this one. */
const YEARS_BACK = 6;

function useFormat(currency: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      money: (minor: number) => roughMoney(minor, currency, locale),
      fullMoney: (minor: number) => money(minor, currency, locale, true),
      pct: (ratio: number) => formatPercent(ratio, locale),
      count: (n: number) => formatCount(n, locale),
    }),
    [currency, locale],
  );
}

/** A table behind a disclosure: the chart's data for screen readers, and for anyone who wants the numbers. */
function DataTable({ caption, head, rows, testId }: { caption: string; head: ReactNode[]; rows: ReactNode[][]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <details className="data-table">
      <summary>{t('portfolio.pareto.table')}</summary>
      <ScrollArea className="data-table__scroll" label={caption}>
        <table className="table table--compact" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col" className={i === 0 ? undefined : 'num'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {c}
                    </th>
                  ) : (
                    <td key={j} className="num tabular">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </details>
  );
}

/**
 * The figures' footnote: every amount on this page is in one currency (shared/domain/fx.ts); the
 * rates used, with their date, and the accounts left out for want of a rate.
 */
function FxNote({ f }: { f: PortfolioFigures }) {
  const { t, i18n } = useTranslation();
  const words = messages[i18n.language === 'en' ? 'en' : 'zh-CN'].portfolio.fx;
  const lines = fxFootnote(f.fx, words);
  return (
    <p className={cx('fx-note', f.fx.excluded.length > 0 && 'fx-note--warn')} data-testid="fx-note">
      {lines.map((l, i) => (
        <span key={i} className="fx-note__line">
          {l}
        </span>
      ))}
      <a href={hrefOf('settings')} className="fx-note__link">
        {t('portfolio.fx.settings')}
      </a>
    </p>
  );
}

function Kpis({ f }: { f: PortfolioFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const receivables = f.receivables.reduce((s, r) => s + r.amount, 0);
  const overdue = f.receivables.filter((r) => r.bucket !== 'current').reduce((s, r) => s + r.amount, 0);
  const items: { label: string; value: string; hint: string; testId: string }[] = [
    { label: t('portfolio.kpi.revenue', { year: f.year }), value: fmt.money(f.totalRevenue), hint: fmt.fullMoney(f.totalRevenue), testId: 'kpi-revenue' },
    { label: t('portfolio.kpi.accounts'), value: fmt.count(f.accounts), hint: '', testId: 'kpi-accounts' },
    {
      label: t('portfolio.kpi.head'),
      value: t('portfolio.kpi.headValue', { n: f.pareto.headCount }),
      hint: t('portfolio.kpi.headHint', { share: fmt.pct(f.pareto.headShareOfCount) }),
      testId: 'kpi-head',
    },
    { label: t('portfolio.kpi.churn'), value: fmt.pct(f.churn.rate), hint: t('portfolio.kpi.churnHint', { churned: f.churn.churned, atRisk: f.churn.atRisk }), testId: 'kpi-churn' },
    { label: t('portfolio.kpi.receivables'), value: fmt.money(receivables), hint: t('portfolio.kpi.receivablesHint', { overdue: fmt.money(overdue) }), testId: 'kpi-receivables' },
  ];
  return (
    <section aria-labelledby="portfolio-kpis" className="stats-section">
      <h2 id="portfolio-kpis" className="visually-hidden">
        {t('portfolio.kpi.label')}
      </h2>
      <dl className="stats">
        {items.map((k) => (
          <div key={k.testId} className="stat" data-testid={k.testId}>
            <dt className="stat__label">{k.label}</dt>
            <dd className="stat__value tabular">{k.value}</dd>
            {k.hint ? <dd className="stat__hint">{k.hint}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

function Pareto({ f }: { f: PortfolioFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const p = f.pareto;
  const n = p.points.length;
  const tailPoints = p.points.filter((x) => !x.inHead);
  const tailShare = f.totalRevenue === 0 ? 0 : tailPoints.reduce((s, x) => s + x.revenue, 0) / f.totalRevenue;
  const zero = p.points.filter((x) => x.revenue === 0).length;
  const labels = useMemo(
    () => ({ head: t('portfolio.pareto.head'), tail: t('portfolio.pareto.tailName'), cumulative: t('portfolio.pareto.cumulative'), line80: t('portfolio.pareto.line80'), share: fmt.pct }),
    [t, fmt],
  );
  const option = useMemo(() => paretoOption(p, fmt.money, labels), [p, fmt, labels]);

  return (
    <Card className="pareto-card" title={t('portfolio.pareto.title')} lead={t('portfolio.pareto.lead', { year: f.year })}>
      {f.totalRevenue === 0 ? (
        <p className="muted">{t('portfolio.pareto.noRevenue', { year: f.year })}</p>
      ) : (
        <>
          <p className="pareto-sentence" data-testid="pareto-sentence">
            <strong>{t('portfolio.pareto.sentence', { n: p.headCount, total: n, share: fmt.pct(p.headShareOfCount) })}</strong>{' '}
            <span data-testid="pareto-tail">{t('portfolio.pareto.tail', { n: tailPoints.length, share: fmt.pct(tailShare) })}</span>
            {zero > 0 ? <> {t('portfolio.pareto.zero', { n: zero })}</> : null}
          </p>
          <Chart
            className="pareto-chart"
            option={option}
            height={340}
            ariaLabel={t('portfolio.pareto.chartLabel', { n, year: f.year, head: p.headCount })}
          />
          <DataTable
            testId="pareto-table"
            caption={t('portfolio.pareto.caption', { year: f.year })}
            head={[t('portfolio.pareto.account'), t('portfolio.pareto.rank'), t('portfolio.pareto.revenue'), t('portfolio.pareto.share'), t('portfolio.pareto.cumulativeCol'), t('portfolio.pareto.group')]}
            rows={p.points.map((x, i) => [
              <a key="a" href={accountHref(x.accountId)}>
                {x.name}
              </a>,
              i + 1,
              fmt.fullMoney(x.revenue),
              fmt.pct(f.totalRevenue ? x.revenue / f.totalRevenue : 0),
              fmt.pct(x.cumulative),
              x.inHead ? t('portfolio.pareto.head') : t('portfolio.pareto.tailName'),
            ])}
          />
        </>
      )}
    </Card>
  );
}

function Distribution({ title, buckets, f, labelOf }: { title: string; buckets: Bucket[]; f: PortfolioFigures; labelOf: (key: string) => string }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const rows = useMemo(() => buckets.map((b) => ({ ...b, label: labelOf(b.key) })), [buckets, labelOf]);
  const option = useMemo(() => bucketsOption(rows, fmt.money, (n) => t('portfolio.dist.count', { n })), [rows, fmt, t]);
  return (
    <Card className="dist-card" title={title} lead={t('portfolio.dist.lead', { year: f.year })}>
      <Chart option={option} height={Math.max(96, rows.length * 30 + 12)} ariaLabel={t('portfolio.dist.chartLabel', { title, year: f.year })} />
      <DataTable
        caption={title}
        head={[t('portfolio.dist.key'), t('portfolio.dist.accounts'), t('portfolio.dist.revenue'), t('portfolio.dist.share')]}
        rows={rows.map((b) => [b.label, fmt.count(b.accounts), fmt.fullMoney(b.revenue), fmt.pct(f.totalRevenue ? b.revenue / f.totalRevenue : 0)])}
      />
    </Card>
  );
}

function Churn({ f }: { f: PortfolioFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const rows = useMemo(
    () => f.churn.reasons.map((r) => ({ key: r.reason, accounts: r.accounts, revenue: r.revenue, label: t(`domain.churnReason.${r.reason}`) })),
    [f.churn.reasons, t],
  );
  const option = useMemo(() => bucketsOption(rows, fmt.money, (n) => t('portfolio.dist.count', { n }), { color: PALETTE.attention, labelWidth: 160 }), [rows, fmt, t]);
  const lastYear = f.year - 1;
  return (
    <Card className="churn-card" title={t('portfolio.churn.title')} lead={t('portfolio.churn.lead', { year: lastYear })}>
      <dl className="mini-stats">
        <div>
          <dt>{t('portfolio.churn.rate')}</dt>
          <dd className="tabular">{fmt.pct(f.churn.rate)}</dd>
        </div>
        <div>
          <dt>{t('portfolio.churn.churned')}</dt>
          <dd className="tabular">{fmt.count(f.churn.churned)}</dd>
        </div>
        <div>
          <dt>{t('portfolio.churn.atRisk')}</dt>
          <dd className="tabular">{fmt.count(f.churn.atRisk)}</dd>
        </div>
        <div>
          <dt>{t('portfolio.churn.revenueRate', { year: lastYear })}</dt>
          <dd className="tabular">{fmt.pct(f.churn.revenueRate)}</dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p className="muted">{t('portfolio.churn.none')}</p>
      ) : (
        <>
          <h4 className="subheading">{t('portfolio.churn.byReason')}</h4>
          <Chart option={option} height={Math.max(80, rows.length * 30 + 12)} ariaLabel={t('portfolio.churn.chartLabel', { year: lastYear })} />
          <DataTable
            caption={t('portfolio.churn.byReason')}
            head={[t('portfolio.churn.reason'), t('portfolio.churn.accounts'), t('portfolio.churn.revenue', { year: lastYear })]}
            rows={rows.map((r) => [r.label, fmt.count(r.accounts), fmt.fullMoney(r.revenue)])}
          />
        </>
      )}
    </Card>
  );
}

function Receivables({ f }: { f: PortfolioFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const items = useMemo(
    () => f.receivables.map((r) => ({ ...r, label: t(`domain.receivableBucket.${r.bucket}`), short: t(`portfolio.receivables.short.${r.bucket}`) })),
    [f.receivables, t],
  );
  const option = useMemo(() => ageingOption(items.map((r) => ({ label: r.short, amount: r.amount })), fmt.money), [items, fmt]);
  const none = items.every((r) => r.amount === 0);
  return (
    <Card className="receivables-card" title={t('portfolio.receivables.title')} lead={t('portfolio.receivables.lead')}>
      {none ? (
        <p className="muted">{t('portfolio.receivables.none')}</p>
      ) : (
        <>
          <Chart option={option} height={220} ariaLabel={t('portfolio.receivables.chartLabel')} />
          <DataTable
            caption={t('portfolio.receivables.title')}
            head={[t('portfolio.receivables.bucket'), t('portfolio.receivables.accounts'), t('portfolio.receivables.amount')]}
            rows={items.map((r) => [r.label, fmt.count(r.accounts), fmt.fullMoney(r.amount)])}
          />
        </>
      )}
    </Card>
  );
}

function Staffing({ f }: { f: PortfolioFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat(f.currency);
  const owners = useMemo(
    () => [...f.perOwner].sort((a, b) => b.accounts - a.accounts || b.revenue - a.revenue).map((o) => ({ ...o, label: o.ownerName ?? t('portfolio.staffing.noOwner') })),
    [f.perOwner, t],
  );
  const option = useMemo(() => staffingOption(owners, { onTrack: t('portfolio.staffing.onTrack'), overdue: t('portfolio.staffing.overdue') }), [owners, t]);
  return (
    <Card className="staffing-card" title={t('portfolio.staffing.title')} lead={t('portfolio.staffing.lead', { year: f.year })}>
      <Chart option={option} height={Math.max(120, owners.length * 32 + 44)} ariaLabel={t('portfolio.staffing.chartLabel')} />
      <DataTable
        caption={t('portfolio.staffing.title')}
        head={[t('portfolio.staffing.owner'), t('portfolio.staffing.accounts'), t('portfolio.staffing.overdue'), t('portfolio.staffing.revenue', { year: f.year })]}
        rows={owners.map((o) => [o.label, fmt.count(o.accounts), fmt.count(o.overdue), fmt.fullMoney(o.revenue)])}
      />
      <a href={hrefOf('capacity')} className="staffing-card__capacity" data-testid="capacity-link">{t('capacity.link')}</a>
    </Card>
  );
}

function tierLabel(tiers: readonly Tier[] | undefined, key: string, locale: string, none: string): string {
  if (!key) return none;
  return tierName(tiers?.find((x) => x.key === key), locale) ?? key;
}

/**
 * The portfolio: revenue concentration (Pareto, head and tail), accounts and revenue by tier,
 * industry and region, churn and its reasons, receivables ageing, and accounts per owner.
 */
export function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const figures = useApiQuery('portfolio-figures', { year }, TABLES);
  const tiers = useApiQuery('tiers-list', {}, ['tiers']);
  const f = figures.value;
  const locale = i18n.language;
  const tierOf = useMemo(() => (key: string) => tierLabel(tiers.value, key, locale, t('portfolio.dist.noTier')), [tiers.value, locale, t]);
  const plain = useMemo(() => (key: string) => key || t('portfolio.dist.unknown'), [t]);

  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);
  const aside = (
    <div className="page-header__tools">
      <SelectField className="year-select" label={t('portfolio.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {t('portfolio.yearOption', { year: y })}
          </option>
        ))}
      </SelectField>
      <ButtonLink href={hrefOf('import')} icon="upload">
        {t('portfolio.import')}
      </ButtonLink>
    </div>
  );
  const header = <PageHeader title={t('portfolio.title')} lead={t('portfolio.lead')} aside={f && f.accounts > 0 ? aside : null} />;

  if (figures.error && !f) {
    return (
      <>
        {header}
        <div className="inline-error" role="alert">
          <p>{errorText(t, figures.error)}</p>
          <Button onClick={figures.reload}>{t('common.retry')}</Button>
        </div>
      </>
    );
  }
  if (!f) return header;
  if (f.accounts === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon="portfolio"
          title={t('portfolio.empty.title')}
          actions={
            <>
              <ButtonLink href={hrefOf('import')} variant="primary" icon="upload">
                {t('portfolio.import')}
              </ButtonLink>
              <ButtonLink href={hrefOf('accounts')} icon="plus">
                {t('today.empty.add')}
              </ButtonLink>
            </>
          }
        >
          <p>{t('portfolio.empty.body')}</p>
        </EmptyState>
      </>
    );
  }

  return (
    <div className="portfolio" aria-busy={figures.loading || undefined}>
      {header}
      <Kpis f={f} />
      <FxNote f={f} />
      <HealthWarnings linkOf={(id) => accountHref(id)} />
      <Pareto f={f} />
      <ProfitPareto year={year} />
      <div className="dist-grid">
        <Distribution title={t('portfolio.dist.byTier')} buckets={f.byTier} f={f} labelOf={tierOf} />
        <Distribution title={t('portfolio.dist.byIndustry')} buckets={f.byIndustry} f={f} labelOf={plain} />
        <Distribution title={t('portfolio.dist.byRegion')} buckets={f.byRegion} f={f} labelOf={plain} />
      </div>
      <div className="pair-grid">
        <Churn f={f} />
        <Receivables f={f} />
      </div>
      <ChurnSection year={year} />
      <Staffing f={f} />
    </div>
  );
}
