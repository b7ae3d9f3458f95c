import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountQueryResult, AccountSortField } from '../../../../shared/api/accounts';
import { GRADES, LIFECYCLE_STAGES } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { currentLocale } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Button, ButtonLink } from '../../ui/Button';
import { MenuButton } from '../../ui/Menu';
import { MultiSelect, type MultiOption } from '../../ui/MultiSelect';
import { useNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { Icon } from '../../ui/icons';
import { AccountsTable, COLUMNS } from './AccountsTable';
import { BulkEditDialog } from './BulkEditDialog';
import { FIXED_COLUMN, useColumnLayout } from './columnLayout';
import { Popover } from '../../ui/Popover';
import { AddAccountDialog } from './AddAccountDialog';
import { downloadBase64 } from '../../lib/download';
import { EmptyAccounts } from './EmptyAccounts';
import { localToday, tierName, tk } from '../../lib/format';
import { accountHref, BIN_HREF, IMPORT_HREF } from './route';
import { filterCount, toQuery, useListState, type ListState } from './listState';
import { usePeople, useTiers } from './reference';
import { ViewsMenu } from './ViewsMenu';

const SEARCH_DELAY_MS = 200;
/**
 * The last answer, shown at once when the screen opens again (coming back from an account page)
 * while the fresh one loads; and whether the workspace had accounts last time, so that the toolbar
 * is there (and the search box usable) before the first answer arrives.
 */
const lastResult: { value: AccountQueryResult | undefined } = { value: undefined };
const HAD_ACCOUNTS_KEY = 'keyplan.accounts.hadAccounts';
function hadAccounts(): boolean {
  try {
    return localStorage.getItem(HAD_ACCOUNTS_KEY) === '1';
  } catch {
    return false;
  }
}

/** Tables whose changes can change what the list shows. */
export const LIST_TABLES = ['accounts', 'account_revenue', 'people', 'tiers', 'interactions', 'grade_cadence'] as const;

/** The Accounts screen: search, filters, saved views, export, and the table. */
export function AccountsList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const notice = useNotice();
  const [state, update, replace] = useListState();
  const [searchText, setSearchText] = useState(state.search);
  const [adding, setAdding] = useState(false);
  const [picked, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [bulkEditing, setBulkEditing] = useState(false);
  const columnLayout = useColumnLayout();
  const bin = useApiQuery('accounts-bin-list', {}, ['accounts']);
  const binCount = bin.value?.length ?? 0;

  // The search box answers at once; the query waits until typing pauses.
  useEffect(() => {
    if (searchText === state.search) return;
    const timer = window.setTimeout(() => update({ search: searchText }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText, state.search, update]);

  const query = useMemo(() => toQuery(state), [state]);
  const result = useApiQuery('accounts-query', query, LIST_TABLES);
  const tiers = useTiers();
  const people = usePeople();
  const data = result.value ?? lastResult.value;
  useEffect(() => {
    if (!result.value) return;
    lastResult.value = result.value;
    try {
      localStorage.setItem(HAD_ACCOUNTS_KEY, result.value.total > 0 ? '1' : '0');
    } catch {
      // storage unavailable: the first paint just waits for the answer
    }
  }, [result.value]);

  // The selection is what is picked among the accounts the list shows (a filter or a deletion
  // elsewhere leaves the others out: a bulk edit never touches an account out of sight).
  const selected = useMemo<ReadonlySet<number>>(() => {
    const rows = result.value?.rows;
    return rows ? new Set(rows.filter((r) => picked.has(r.id)).map((r) => r.id)) : picked;
  }, [picked, result.value]);
  const onSelect = useCallback((ids: number[], on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const applyState = useCallback(
    (s: ListState) => {
      replace(s);
      setSearchText(s.search);
    },
    [replace],
  );

  const open = useCallback((id: number) => {
    window.location.hash = accountHref(id);
  }, []);

  // Export takes the list's filter (and order) when one is set, and says so; otherwise every account.
  const exportFiltered = query.search !== undefined || filterCount(state) > 0;
  const shownCount = data?.rows.length ?? 0;
  const exportAs = async (format: 'csv' | 'xlsx' | 'json', scope: 'filtered' | 'all') => {
    try {
      const file = await api('export-accounts', { format, locale: currentLocale(), ...(scope === 'filtered' ? { query, today: localToday() } : {}) });
      downloadBase64(file);
      notice.success(
        file.filtered
          ? t('accounts.export.doneFiltered', { n: file.accounts, total: file.total, file: file.fileName })
          : t('accounts.export.done', { n: file.accounts, file: file.fileName }),
      );
    } catch (e) {
      notice.error(errorText(t, e));
    }
  };
  const formats = ['csv', 'xlsx', 'json'] as const;
  const exportItems = exportFiltered
    ? [
        ...formats.map((f) => ({ id: `filtered-${f}`, label: t('accounts.export.filteredItem', { n: shownCount, format: t(`accounts.export.${f}`) }), onSelect: () => void exportAs(f, 'filtered') })),
        ...formats.map((f) => ({ id: `all-${f}`, label: t('accounts.export.allItem', { total: data?.total ?? 0, format: t(`accounts.export.${f}`) }), onSelect: () => void exportAs(f, 'all') })),
      ]
    : formats.map((f) => ({ id: f, label: t(`accounts.export.${f}`), onSelect: () => void exportAs(f, 'all') }));
  const exportMenuLabel = exportFiltered ? t('accounts.export.menuFiltered', { n: shownCount, total: data?.total ?? 0 }) : t('accounts.export.menuLabel', { total: data?.total ?? 0 });

  const loadSample = async () => {
    const r = await api('sample-load', { locale: currentLocale(), today: localToday() });
    notice.success(t('accounts.empty.sampleLoaded', { n: r.accounts }));
  };

  const binLink =
    binCount > 0 ? (
      <ButtonLink href={BIN_HREF} variant="ghost" icon="trash">
        {t('accountsBin.bin.linkCount', { n: binCount })}
      </ButtonLink>
    ) : (
      <ButtonLink href={BIN_HREF} variant="ghost" icon="trash">
        {t('accountsBin.bin.link')}
      </ButtonLink>
    );

  const header = (
    <PageHeader
      title={t('accounts.title')}
      lead={(data ? data.total > 0 : hadAccounts()) ? undefined : t('accounts.lead')}
      aside={
        (data ? data.total > 0 : hadAccounts()) ? (
          <div className="page-actions">
            {binLink}
            <ButtonLink href={IMPORT_HREF} variant="ghost" icon="upload">
              {t('accounts.import.link')}
            </ButtonLink>
            <MenuButton
              buttonClassName="btn btn--secondary"
              buttonTitle={exportMenuLabel}
              label={
                <>
                  <Icon name="download" size={18} />
                  <span className="btn__label">{exportFiltered ? t('accounts.export.buttonFiltered', { n: shownCount }) : t('accounts.export.button')}</span>
                  <Icon name="chevron-down" size={16} />
                </>
              }
              menuLabel={exportMenuLabel}
              items={exportItems}
            />
            <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
              {t('accounts.add.button')}
            </Button>
          </div>
        ) : binCount > 0 ? (
          <div className="page-actions">{binLink}</div>
        ) : null
      }
    />
  );

  const dialog = adding ? <AddAccountDialog open onClose={() => setAdding(false)} facets={data?.facets} /> : null;

  if (result.error && !data) {
    return (
      <div className="acct-screen">
        {header}
        <div className="inline-error" role="alert">
          <p>{errorText(t, result.error)}</p>
          <Button onClick={result.reload}>{t('common.retry')}</Button>
        </div>
      </div>
    );
  }

  if (!data && !hadAccounts()) {
    return (
      <div className="acct-screen">
        {header}
        <p className="acct-loading" role="status">
          {t('accounts.loading')}
        </p>
      </div>
    );
  }

  if (data && data.total === 0) {
    return (
      <div className="acct-screen acct-screen--empty">
        {header}
        <EmptyAccounts onLoadSample={loadSample} onAdd={() => setAdding(true)} />
        {dialog}
      </div>
    );
  }

  const year = Number(localToday().slice(0, 4));
  const nFilters = filterCount(state);
  const filterTexts = { search: t('accounts.filters.search'), clear: t('accounts.filters.clear'), none: t('accounts.filters.none') };
  const selectedText = (n: number) => t('accounts.filters.selected', { n });
  const ownerOptions: MultiOption[] = people.list.map((p) => ({ value: String(p.id), label: p.name, hint: tk(t, `domain.personRole.${p.role}`) }));

  const filtered = nFilters > 0 || state.search.trim() !== '';
  const onSort = (sort: AccountSortField, desc: boolean) => update({ sort, desc });

  return (
    <div className="acct-screen">
      {header}
      <div className="acct-toolbar">
        <div className="acct-toolbar__row">
          <div className="field acct-search" role="search">
            <label htmlFor="acct-search" className="visually-hidden">
              {t('accounts.search.label')}
            </label>
            <div className="field__control field__control--icon">
              <Icon name="search" size={18} />
              <input
                id="acct-search"
                className="field__input"
                type="search"
                value={searchText}
                placeholder={t('accounts.search.placeholder')}
                aria-describedby="acct-search-hint"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setSearchText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && searchText) {
                    e.preventDefault();
                    setSearchText('');
                    update({ search: '' });
                  }
                }}
              />
            </div>
            <p id="acct-search-hint" className="field__hint acct-search__hint">
              {t('accounts.search.hint')}
            </p>
          </div>
          <div className="acct-toolbar__end">
            <p className="acct-count tabular" aria-live="polite">
              {!data ? t('accounts.loading') : filtered ? t('accounts.count', { n: data.rows.length, total: data.total }) : t('accounts.countAll', { total: data.total })}
            </p>
            <Popover
              trigger={
                <>
                  <Icon name="columns" size={16} />
                  <span>{t('accountsBin.layout.button')}</span>
                  <Icon name="chevron-down" size={16} />
                </>
              }
              triggerClassName="btn btn--secondary btn--sm acct-columns__button"
              panelLabel={t('accountsBin.layout.menuLabel')}
              panelClassName="acct-columns"
              align="end"
            >
              {() => (
                <>
                  <fieldset className="acct-columns__list">
                    <legend>{t('accountsBin.layout.legend')}</legend>
                    {COLUMNS.filter((c) => c.key !== FIXED_COLUMN).map((c) => (
                      <label key={c.key} className="acct-columns__item">
                        <input
                          type="checkbox"
                          data-column={c.key}
                          checked={!columnLayout.layout.hidden.includes(c.key)}
                          onChange={(e) => columnLayout.setShown(c.key, e.target.checked)}
                        />
                        <span>{c.key === 'revenueThisYear' ? t('accounts.columns.revenueThisYear', { year }) : tk(t, `accounts.columns.${c.key}`)}</span>
                      </label>
                    ))}
                  </fieldset>
                  <p className="field__hint">{t('accountsBin.layout.hint')}</p>
                  <Button size="sm" variant="ghost" onClick={columnLayout.reset}>
                    {t('accountsBin.layout.reset')}
                  </Button>
                </>
              )}
            </Popover>
            <ViewsMenu state={state} onApply={applyState} />
          </div>
        </div>
        <div className="acct-filters" role="group" aria-label={t('accounts.filters.label')}>
          <Icon name="filter" size={16} />
          <MultiSelect
            label={t('accounts.filters.tier')}
            options={tiers.list.map((x) => ({ value: String(x.id), label: tierName(x, locale) ?? x.key }))}
            selected={state.tierIds.map(String)}
            onChange={(v) => update({ tierIds: v.map(Number) })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <MultiSelect
            label={t('accounts.filters.grade')}
            options={GRADES.map((g) => ({ value: g, label: tk(t, `domain.grade.${g}`), hint: tk(t, `domain.gradeMeaning.${g}`) }))}
            selected={state.grades}
            onChange={(v) => update({ grades: v as ListState['grades'] })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <MultiSelect
            label={t('accounts.filters.lifecycle')}
            options={LIFECYCLE_STAGES.map((l) => ({ value: l, label: tk(t, `domain.lifecycle.${l}`) }))}
            selected={state.lifecycles}
            onChange={(v) => update({ lifecycles: v as ListState['lifecycles'] })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <MultiSelect
            label={t('accounts.filters.industry')}
            options={(data?.facets.industries ?? []).map((x) => ({ value: x, label: x }))}
            selected={state.industries}
            onChange={(v) => update({ industries: v })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <MultiSelect
            label={t('accounts.filters.region')}
            options={(data?.facets.regions ?? []).map((x) => ({ value: x, label: x }))}
            selected={state.regions}
            onChange={(v) => update({ regions: v })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <MultiSelect
            label={t('accounts.filters.owner')}
            options={ownerOptions}
            selected={state.ownerIds.map(String)}
            onChange={(v) => update({ ownerIds: v.map(Number) })}
            selectedText={selectedText}
            texts={filterTexts}
          />
          <label className={`chip-toggle${state.overdueOnly ? ' is-active' : ''}`}>
            <input type="checkbox" checked={state.overdueOnly} onChange={(e) => update({ overdueOnly: e.target.checked })} />
            <span>{t('accounts.filters.overdueOnly')}</span>
          </label>
          {nFilters > 0 ? (
            <button
              type="button"
              className="link-btn acct-filters__clear"
              onClick={() => update({ tierIds: [], industries: [], regions: [], ownerIds: [], lifecycles: [], grades: [], overdueOnly: false })}
            >
              {t('accounts.filters.clearAll')}
            </button>
          ) : null}
        </div>
      </div>
      {selected.size > 0 ? (
        <div className="acct-bulkbar" role="region" aria-label={t('accountsBin.bulk.selected', { n: selected.size })}>
          <p className="acct-bulkbar__count" aria-live="polite">
            {t('accountsBin.bulk.selected', { n: selected.size })}
          </p>
          <Button size="sm" variant="primary" icon="edit" onClick={() => setBulkEditing(true)}>
            {t('accountsBin.bulk.edit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            {t('accountsBin.bulk.clear')}
          </Button>
        </div>
      ) : null}
      {bulkEditing ? (
        <BulkEditDialog ids={[...selected]} facets={data?.facets} onClose={() => setBulkEditing(false)} onDone={() => setBulkEditing(false)} />
      ) : null}
      <div className="acct-table-card">
        {result.error ? (
          <p className="inline-error" role="alert">
            {errorText(t, result.error)}
          </p>
        ) : null}
        {!data ? (
          <p className="acct-loading acct-loading--table" role="status">
            {t('accounts.loading')}
          </p>
        ) : data.rows.length === 0 ? (
          <div className="acct-no-results">
            <span className="acct-no-results__icon">
              <Icon name="search" size={24} />
            </span>
            <p>{state.search.trim() ? t('accounts.search.noResultsFor', { query: state.search.trim() }) : t('accounts.search.noResults')}</p>
            <div className="acct-no-results__actions">
              {state.search.trim() ? (
                <Button
                  size="sm"
                  onClick={() => {
                    setSearchText('');
                    update({ search: '' });
                  }}
                >
                  {t('accounts.search.clear')}
                </Button>
              ) : null}
              {nFilters > 0 ? (
                <Button size="sm" onClick={() => update({ tierIds: [], industries: [], regions: [], ownerIds: [], lifecycles: [], grades: [], overdueOnly: false })}>
                  {t('accounts.filters.clearAll')}
                </Button>
              ) : null}
            </div>
          </div>
        ) : (
          <AccountsTable rows={data.rows} tiers={tiers.byId} sort={state.sort} desc={state.desc} onSort={onSort} busy={result.loading} year={year} onOpen={open} resetKey={JSON.stringify(query)} layout={columnLayout.layout} onResize={columnLayout.setWidth} onResizeBy={columnLayout.resizeBy} selected={selected} onSelect={onSelect} />
        )}
      </div>
      {dialog}
    </div>
  );
}
