/** The map's toolbar: search, add a person, the tender's candidates, re-layout, the gaps button. */
import { useTranslation } from 'react-i18next';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { cx } from '../../lib/cx';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { MapIcon } from './MapIcons';
import type { MapSearch } from './useMapSearch';
import type { Selection } from './useMapSelection';

interface Props {
  map: StakeholderMap;
  safe: boolean;
  search: MapSearch;
  /** Goes to a match (selects them and brings them into view). */
  onMatch: (id: number) => void;
  selectedPerson: number | null;
  onSelect: (next: Selection) => void;
  onRelayout: () => void;
  coverageShown: boolean;
  onCoverage: (show: boolean) => void;
}

export function MapToolbar({ map, safe, search, onMatch, selectedPerson, onSelect, onRelayout, coverageShown, onCoverage }: Props) {
  const { t } = useTranslation();
  const { query, matches, matchAt } = search;
  const tender = map.tender;
  const empty = map.members.length === 0;
  const gaps = map.coverage.gaps.length;
  return (
    <div className="map-tools" role="toolbar" aria-label={t('mapper.toolbar')}>
      <div className="map-search">
        <Icon name="search" size={16} />
        <label htmlFor="map-search" className="visually-hidden">
          {t('mapper.search.label')}
        </label>
        <input
          id="map-search"
          className="field__input map-search__input"
          type="search"
          placeholder={t('mapper.search.placeholder')}
          value={query}
          autoComplete="off"
          aria-describedby="map-search-count"
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search.step(e.shiftKey ? -1 : 1, onMatch);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              search.clear();
            }
          }}
        />
        <span id="map-search-count" className={cx('map-search__count', query && matches.length === 0 && 'is-none')} aria-live="polite">
          {query ? (matches.length ? t('mapper.search.count', { at: matchAt >= 0 ? matchAt + 1 : 0, n: matches.length }) : t('mapper.search.none')) : ''}
        </span>
      </div>
      <Button size="sm" variant="primary" icon="plus" onClick={() => onSelect({ kind: 'new', reportsTo: selectedPerson })}>
        {t('mapper.addPerson')}
      </Button>
      {tender !== null ? (
        <Button size="sm" icon="accounts" onClick={() => onSelect({ kind: 'members' })}>
          {t('mapper.members.button', { n: map.notOnMap.length })}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onRelayout} disabled={empty}>
        <MapIcon name="layout" size={16} />
        {t('mapper.relayout')}
      </Button>
      <span className="map-tools__hint" title={safe ? t('mapper.hintSafe') : t('mapper.hint')}>
        {safe ? t('mapper.hintSafe') : t('mapper.hint')}
      </span>
      <span className="map-head__spacer" />
      {!safe && !empty ? (
        <button
          type="button"
          className={cx('map-gaps-btn', coverageShown && 'is-on', gaps > 0 && 'has-gaps')}
          aria-pressed={coverageShown}
          onClick={() => {
            if (coverageShown) onCoverage(false);
            else {
              onCoverage(true);
              onSelect(null);
            }
          }}
        >
          {t('mapper.coverage.button', { n: gaps })}
        </button>
      ) : null}
    </div>
  );
}
