/** The board's tools (search, filters, "as of" and "changes since") and the banners of the dates shown. */
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { cx } from '../../lib/cx';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Icon } from '../../ui/icons';
import type { BoardRoute } from './route';
import { activeFilters, FilterFields, NO_FILTERS, type FilterOptions, type Filters } from './Toolbar';
import { focusCard } from './useCardActions';

interface ToolsProps {
  search: { query: string; setQuery: (q: string) => void; search: string; matches: ReadonlySet<number>; firstMatch: number | null };
  filters: Filters;
  onFilters: (f: Filters) => void;
  options: FilterOptions;
  route: BoardRoute;
  onDate: (field: 'asOf' | 'since', value: string) => void;
}

export function BoardTools({ search, filters, onFilters, options, route, onDate }: ToolsProps) {
  const { t } = useTranslation();
  const filtered = activeFilters(filters) > 0;
  const setDate = onDate;
  return (
    <div className="board-tools" role="group" aria-label={t('board.tools')}>
      <div className="tool tool--search" role="search">
        <label htmlFor="board-search" className="tool__label">
          {t('board.search.label')}
        </label>
        <span className="tool__search">
          <Icon name="search" size={16} />
          <input
            id="board-search"
            type="search"
            className="field__input tool__input"
            placeholder={t('board.search.placeholder')}
            value={search.query}
            aria-describedby="board-search-count"
            onChange={(e) => search.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && search.query) {
                e.preventDefault();
                search.setQuery('');
              } else if (e.key === 'Enter' && search.firstMatch !== null) {
                e.preventDefault();
                focusCard(search.firstMatch);
              }
            }}
          />
        </span>
        <span id="board-search-count" className={cx('tool__count', search.search && search.matches.size === 0 && 'tool__count--none')} aria-live="polite">
          {search.search ? (search.matches.size ? t('board.search.matches', { n: search.matches.size }) : t('board.search.none')) : ''}
        </span>
      </div>
      <FilterFields
        value={filters}
        options={options}
        onChange={onFilters}
      />
      {filtered ? (
        <Button size="sm" variant="ghost" className="tool__clear" onClick={() => onFilters(NO_FILTERS)}>
          {t('board.filters.clear')}
        </Button>
      ) : null}
      <div className="board-tools__spacer" />
      <div className={cx('tool', route.asOf && 'tool--on')}>
        <label htmlFor="board-asof" className="tool__label">
          {t('board.asOf.label')}
        </label>
        <DateField bare id="board-asof" inputClassName="tool__input tool__date" label={t('board.asOf.label')} value={route.asOf ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && setDate('asOf', v)} />
      </div>
      <div className={cx('tool', route.since && 'tool--on')}>
        <label htmlFor="board-since" className="tool__label">
          {t('board.since.label')}
        </label>
        <DateField bare id="board-since" inputClassName="tool__input tool__date" label={t('board.since.label')} value={route.since ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && setDate('since', v)} />
      </div>
    </div>
  );
}

/** "As of" and "changes since" in words, each with the way back. */
export function DateBanners({ route, changes, lang, onDate }: { route: BoardRoute; changes: readonly unknown[] | null; lang: string; onDate: (field: 'asOf' | 'since', value: string) => void }) {
  const { t } = useTranslation();
  const setDate = onDate;
  if (!route.asOf && !route.since) return null;
  return (
    <div className="board-banners">
      {route.asOf ? (
        <p className="board-banner board-banner--asof" role="status">
          <span>{t('board.asOf.banner', { date: formatDate(`${route.asOf}T12:00:00`, lang) })}</span>
          <Button size="sm" variant="ghost" onClick={() => setDate('asOf', '')}>
            {t('board.asOf.back')}
          </Button>
        </p>
      ) : null}
      {route.since && changes !== null ? (
        <p className="board-banner board-banner--since" role="status">
          <span>{t('board.since.banner', { date: formatDate(`${route.since}T12:00:00`, lang), n: changes.length })}</span>
          <Button size="sm" variant="ghost" onClick={() => setDate('since', '')}>
            {t('board.since.clear')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
