import { useTranslation } from 'react-i18next';
import type { Inversion, TierService } from '../../../../shared/domain/capacity';
import { tierName } from '../../lib/format';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/icons';
import { ScrollArea } from '../../ui/ScrollArea';
import { useNumbers } from './numbers';

/** The flags grouped by the tier served worse, then by the tier served better (in the flags' order). */
function byHigher(flags: readonly Inversion[]): [string, [string, Inversion[]][]][] {
  const out = new Map<string, Map<string, Inversion[]>>();
  for (const f of flags) {
    const lowers = out.get(f.higher) ?? new Map<string, Inversion[]>();
    lowers.set(f.lower, [...(lowers.get(f.lower) ?? []), f]);
    out.set(f.higher, lowers);
  }
  return [...out.entries()].map(([h, l]) => [h, [...l.entries()]]);
}

/** What each tier got this quarter, and the service-inversion flag beside the figures. */
export function TierServiceCard({ tiers, flags }: { tiers: TierService[]; flags: Inversion[] }) {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  const name = new Map(tiers.map((x) => [x.key, tierName(x, i18n.language)]));
  const byKey = new Map(tiers.map((x) => [x.key, x]));
  const inverted = new Set(flags.map((f) => f.higher));
  return (
    <Card title={t('capacity.tiers.title')} className="capacity-tiers">
      <ScrollArea className="capacity-scroll" label={t('capacity.tiers.caption')}>
        <table className="table table--compact capacity-table" data-testid="capacity-tiers">
          <caption className="visually-hidden">{t('capacity.tiers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.tiers.tier')}</th>
              <th scope="col" className="num">{t('capacity.tiers.accounts')}</th>
              <th scope="col" className="num">{t('capacity.tiers.actual')}</th>
              <th scope="col" className="num">{t('capacity.tiers.perAccount')}</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((x) => (
              <tr key={x.key} className={inverted.has(x.key) ? 'is-inverted' : undefined}>
                <th scope="row">{name.get(x.key)}</th>
                <td className="num tabular">{n.count(x.accounts)}</td>
                <td className="num tabular">{x.accounts ? n.pct(x.actual.ratio) : '—'}</td>
                <td className="num tabular">{x.accounts ? x.followUpsPerAccount.toLocaleString(i18n.language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <section className={flags.length ? 'capacity-inversion capacity-inversion--on' : 'capacity-inversion'} data-testid="capacity-inversion" aria-labelledby="capacity-inversion-title">
        <h3 id="capacity-inversion-title" className="capacity-inversion__title">
          {flags.length ? <Icon name="alert" size={16} /> : null}
          {t('capacity.inversion.title')}
        </h3>
        {flags.length === 0 ? (
          <p className="muted">{t('capacity.inversion.none')}</p>
        ) : (
          <ul className="capacity-inversion__list">
            {byHigher(flags).map(([higher, lowers]) => {
              const h = byKey.get(higher)!;
              const text = lowers
                .map(([lower, items]) => {
                  const what = items
                    .map((f) => (f.measure === 'compliance' ? t('capacity.inversion.lowerCompliance', { value: n.pct(f.lowerValue) }) : t('capacity.inversion.lowerFollowUps', { value: f.lowerValue.toLocaleString(i18n.language) })))
                    .join(t('capacity.inversion.whatSep'));
                  return t('capacity.inversion.lower', { tier: name.get(lower) ?? lower, what });
                })
                .join(t('capacity.inversion.sep'));
              return (
                <li key={higher}>
                  {t('capacity.inversion.line', { higher: name.get(higher) ?? higher, ratio: n.pct(h.actual.ratio), per: h.followUpsPerAccount.toLocaleString(i18n.language), lowers: text })}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Card>
  );
}
