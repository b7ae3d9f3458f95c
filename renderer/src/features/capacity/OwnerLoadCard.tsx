import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityView } from '../../../../shared/api/capacity';
import type { OwnerLoad } from '../../../../shared/domain/capacity';
import { cx } from '../../lib/cx';
import { formatAsOf, useNumbers } from './numbers';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ScrollArea } from '../../ui/ScrollArea';

/** A value, or "before → after" when the what-if changed it. */
function Change({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  if (before === after) return <>{after}</>;
  return (
    <span className="capacity-change" data-testid="capacity-change">
      {t('capacity.owners.change', { before, after })}
    </span>
  );
}

/** A bar for a ratio 0..1 (forecast compliance); the percentage is the text. */
function Bar({ ratio, text }: { ratio: number; text: string }) {
  const tone = ratio >= 0.999 ? 'good' : ratio >= 0.8 ? 'fair' : 'poor';
  return (
    <span className="capacity-bar">
      <span className="capacity-bar__track" aria-hidden="true">
        <span className={cx('capacity-bar__fill', `capacity-bar__fill--${tone}`)} style={{ width: `${Math.round(ratio * 100)}%` }} />
      </span>
      <span className="capacity-bar__value tabular">{text}</span>
    </span>
  );
}

/** Each owner's load against their days; with moves pending, the forecast after them beside the figures now. */
export function OwnerLoadCard({ view, base, after, moved }: { view: CapacityView; base: OwnerLoad[]; after: OwnerLoad[]; moved: boolean }) {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  // Rows keep the order of the figures before any move (the busiest first), so a move does not reorder them.
  const rows = useMemo(() => {
    const next = new Map(after.map((o) => [o.ownerId, o]));
    const rank = (o: OwnerLoad) => (o.load === null ? (o.accounts > 0 ? Infinity : -1) : o.load);
    return [...base].sort((a, b) => rank(b) - rank(a)).map((o) => ({ before: o, after: next.get(o.ownerId)! }));
  }, [base, after]);
  const over = after.filter((o) => o.overloaded).length;
  const load = (o: OwnerLoad) => (o.load === null ? t('capacity.owners.noDays') : n.pct(o.load));
  const status = (o: OwnerLoad) =>
    o.overloaded ? (
      <Badge tone="danger">{t('capacity.owners.overloaded')}</Badge>
    ) : (
      <Badge tone="success">{t('capacity.owners.ok')}</Badge>
    );
  return (
    <Card title={t('capacity.owners.title')} lead={formatAsOf(t, view, i18n.language)} className="capacity-owners">
      <p className={cx('capacity-summary', over > 0 && 'capacity-summary--over')} data-testid="capacity-summary">
        {over > 0 ? t('capacity.owners.summary', { n: over }) : t('capacity.owners.summaryNone')}
      </p>
      <ScrollArea className="capacity-scroll" label={t('capacity.owners.caption')}>
        <table className="table table--compact capacity-table" data-testid="capacity-owners">
          <caption className="visually-hidden">{t('capacity.owners.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.owners.owner')}</th>
              <th scope="col" className="num">{t('capacity.owners.accounts')}</th>
              <th scope="col">{t('capacity.owners.need')}</th>
              <th scope="col" className="num">{t('capacity.owners.needDays')}</th>
              <th scope="col" className="num">{t('capacity.owners.days')}</th>
              <th scope="col" className="num">{t('capacity.owners.load')}</th>
              <th scope="col">{t('capacity.owners.forecast')}</th>
              <th scope="col" className="num">{t('capacity.owners.actual')}</th>
              <th scope="col">{t('capacity.owners.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ before, after: a }) => (
              <tr key={a.ownerId ?? 'none'} data-owner={a.name ?? ''} className={cx(a.overloaded && 'is-overloaded')}>
                <th scope="row">{a.name ?? <span className="muted">{t('capacity.owners.noOwner')}</span>}</th>
                <td className="num tabular">
                  <Change before={n.count(before.accounts)} after={n.count(a.accounts)} />
                </td>
                <td className="tabular capacity-need">
                  <span>{t('capacity.owners.needVisits', { visits: n.count(a.need.visits) })}</span>
                  <span>{t('capacity.owners.needCalls', { calls: n.count(a.need.calls) })}</span>
                </td>
                <td className="num tabular">
                  <Change before={n.days(before.needDays)} after={n.days(a.needDays)} />
                </td>
                <td className="num tabular">{n.count(a.days)}</td>
                <td className="num tabular" data-testid="capacity-load">
                  <Change before={load(before)} after={load(a)} />
                </td>
                <td data-testid="capacity-forecast">
                  {moved && before.forecast !== a.forecast ? <Change before={n.pct(before.forecast)} after={n.pct(a.forecast)} /> : <Bar ratio={a.forecast} text={n.pct(a.forecast)} />}
                </td>
                <td className="num tabular">{n.pct(a.actual.ratio)}</td>
                <td>
                  {moved && before.overloaded !== a.overloaded ? (
                    <span className="capacity-change">
                      {status(before)} → {status(a)}
                    </span>
                  ) : (
                    status(a)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Card>
  );
}
