import { useTranslation } from 'react-i18next';
import type { Inversion, TierService } from '../../../../shared/domain/capacity';
import { tierName } from '../../lib/format';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/icons';
import { ScrollArea } from '../../ui/ScrollArea';
import { useNumbers } from './numbers';

/** What each tier got this quarter, and the service-inversion flag beside the figures. */
export function TierServiceCard({ tiers, flags }: { tiers: TierService[]; flags: Inversion[] }) {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  const name = new Map(tiers.map((x) => [x.key, tierName(x, i18n.language)]));
  const inverted = new Set(flags.map((f) => f.lower));
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
            {flags.map((f) => {
              const v = { higher: name.get(f.higher) ?? f.higher, lower: name.get(f.lower) ?? f.lower };
              return (
                <li key={`${f.higher}-${f.lower}-${f.measure}`}>
                  {f.measure === 'compliance'
                    ? t('capacity.inversion.compliance', { ...v, higherValue: n.pct(f.higherValue), lowerValue: n.pct(f.lowerValue) })
                    : t('capacity.inversion.followUps', { ...v, higherValue: f.higherValue.toLocaleString(i18n.language), lowerValue: f.lowerValue.toLocaleString(i18n.language) })}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Card>
  );
}
