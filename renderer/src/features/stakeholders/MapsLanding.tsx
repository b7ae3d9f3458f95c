/**
 * #/stakeholders: every account's map at a glance (people mapped, coverage gaps, deciders not yet
 * for us, tender maps), searchable, each a link to its map. Before there are accounts: what the
 * map is for, and the next step.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSummary } from '../../../../shared/api/stakeholders';
import { BUYING_ROLES } from '../../../../shared/domain/stakeholders';
import { useApiQuery } from '../../api/hooks';
import { AreaIntro, PointList } from '../../app/AreaIntro';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { shortDate } from '../../lib/format';
import { mapHref } from './route';
import { ScrollArea } from '../../ui/ScrollArea';

const LIST_TABLES = ['stakeholders', 'stakeholder_lines', 'tender_members', 'accounts', 'opportunities', 'interactions', 'people'] as const;

/** What the map answers: the landing's help, and the whole page before there are accounts. */
function MapHelp() {
  const { t } = useTranslation();
  return (
    <>
      <PointList
        title={t('stakeholders.pointsTitle')}
        points={[t('stakeholders.points.levels'), t('stakeholders.points.lines'), t('stakeholders.points.gaps')]}
      />
      <Card title={t('stakeholders.rolesTitle')} lead={t('stakeholders.rolesLead')}>
        <ul className="roles" role="list">
          {BUYING_ROLES.map((r) => (
            <li key={r} className="roles__item">
              <span className="roles__name">{t(`dmu.roles.${r}`)}</span>
              <span className="roles__hint">{t(`dmu.roleHints.${r}`)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

/** Maps that need attention first: deciders not for us, then gaps; accounts without people last. */
function byAttention(a: MapSummary, b: MapSummary): number {
  const mapped = Number(b.people > 0) - Number(a.people > 0);
  return mapped || b.deciderGaps - a.deciderGaps || b.gaps - a.gaps || b.people - a.people || a.accountName.localeCompare(b.accountName, 'zh-CN');
}

export function MapsLanding() {
  const { t, i18n } = useTranslation();
  const maps = useApiQuery('maps-list', {}, LIST_TABLES);
  const [query, setQuery] = useState('');
  const [onlyMapped, setOnlyMapped] = useState<boolean | null>(null);
  const search = useDeferredValue(query.trim().toLowerCase());

  const list = maps.value;
  const anyMapped = (list ?? []).some((m) => m.people > 0);
  const mappedOnly = onlyMapped ?? anyMapped;
  const rows = useMemo(() => {
    const all = list ?? [];
    return all
      .filter((m) => (!mappedOnly || m.people > 0) && (!search || m.accountName.toLowerCase().includes(search) || (m.ownerName ?? '').toLowerCase().includes(search)))
      .sort(byAttention);
  }, [list, mappedOnly, search]);

  if (maps.error && !list) {
    return (
      <>
        <PageHeader title={t('stakeholders.title')} lead={t('stakeholders.lead')} />
        <div className="inline-error" role="alert">
          <p>{errorText(t, maps.error)}</p>
          <Button size="sm" onClick={maps.reload}>
            {t('common.retry')}
          </Button>
        </div>
      </>
    );
  }
  if (!list) {
    return (
      <>
        <PageHeader title={t('stakeholders.title')} lead={t('stakeholders.lead')} />
        <p className="map-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('mapper.landing.loading')}
        </p>
      </>
    );
  }
  if (list.length === 0) {
    return (
      <AreaIntro title={t('stakeholders.title')} lead={t('stakeholders.lead')}>
        <MapHelp />
      </AreaIntro>
    );
  }

  const totals = list.reduce((s, m) => ({ maps: s.maps + Number(m.people > 0), people: s.people + m.people, deciders: s.deciders + m.deciderGaps }), {
    maps: 0,
    people: 0,
    deciders: 0,
  });

  return (
    <div className="maps-landing">
      <PageHeader title={t('stakeholders.title')} lead={t('stakeholders.lead')} />
      <div className="area-intro">
        <div className="area-intro__main">
          <Card
            title={t('mapper.landing.title')}
            lead={t('mapper.landing.summary', { maps: totals.maps, accounts: list.length, people: totals.people, deciders: totals.deciders })}
          >
            <div className="maps-tools">
              <TextField
                label={t('mapper.landing.search')}
                hideLabel
                icon="search"
                type="search"
                placeholder={t('mapper.landing.searchPlaceholder')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                autoComplete="off"
                className="maps-tools__search"
              />
              <label className="check maps-tools__only">
                <input type="checkbox" checked={mappedOnly} onChange={(e) => setOnlyMapped(e.target.checked)} />
                <span>{t('mapper.landing.onlyMapped')}</span>
              </label>
            </div>
            {!anyMapped ? <p className="inline-note">{t('mapper.landing.noneMapped')}</p> : null}
            {rows.length === 0 ? (
              <p className="no-results" role="status">
                {t('mapper.landing.noMatch')}
              </p>
            ) : (
              <ScrollArea className="maps-table__scroll" label={t('mapper.landing.caption')}>
                <table className="table maps-table" data-testid="maps-table">
                  <caption className="visually-hidden">{t('mapper.landing.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mapper.landing.account')}</th>
                      <th scope="col">{t('mapper.landing.owner')}</th>
                      <th scope="col" className="num">
                        {t('mapper.landing.people')}
                      </th>
                      <th scope="col" className="num">
                        {t('mapper.landing.gaps')}
                      </th>
                      <th scope="col" className="num">
                        {t('mapper.landing.deciderGaps')}
                      </th>
                      <th scope="col" className="num">
                        {t('mapper.landing.tenders')}
                      </th>
                      <th scope="col">{t('mapper.landing.updated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((m) => (
                      <tr key={m.accountId} className={cx(m.people === 0 && 'is-empty')}>
                        <th scope="row">
                          <a href={mapHref(m.accountId)} className="maps-table__name">
                            {m.accountName}
                          </a>
                          {m.people === 0 ? <span className="tag maps-table__tag">{t('mapper.landing.notMapped')}</span> : null}
                        </th>
                        <td>{m.ownerName ?? <span className="muted">{t('mapper.landing.noOwner')}</span>}</td>
                        <td className="num tabular">{m.people > 0 ? m.people : <span className="muted">0</span>}</td>
                        <td className="num tabular">{m.people > 0 ? <span className={cx('gap-count', m.gaps > 0 && 'gap-count--some')}>{m.gaps}</span> : '—'}</td>
                        <td className="num tabular">
                          {m.people > 0 ? <span className={cx('gap-count', m.deciderGaps > 0 && 'gap-count--severe')}>{m.deciderGaps}</span> : '—'}
                        </td>
                        <td className="num tabular">{m.tenders}</td>
                        <td className="tabular">{m.updatedAt ? shortDate(m.updatedAt.slice(0, 10), i18n.language) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            )}
          </Card>
        </div>
        <div className="area-intro__side">
          <MapHelp />
        </div>
      </div>
    </div>
  );
}
