import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { AccountRow } from './AccountRow';
import { AddAccountForm } from './AddAccountForm';

const SEARCH_DELAY_MS = 150;

/**
 * The account list: search, add, rename. Refetches when accounts change anywhere (another window,
 * the CLI) through the 'data-changed' event. A later issue replaces this with the full table.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(query.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const all = useApiQuery('accounts-list', {}, ['accounts']);
  const found = useApiQuery('accounts-list', search ? { search } : {}, ['accounts']);
  const total = all.value?.length;
  const reload = () => {
    all.reload();
    found.reload();
  };

  const header = (
    <PageHeader
      title={t('accounts.title')}
      lead={t('accounts.lead')}
      aside={total !== undefined && total > 0 ? <span className="count-pill tabular">{t('accounts.total', { n: total })}</span> : null}
    />
  );

  if (all.error && !all.value) {
    return (
      <>
        {header}
        <div className="inline-error" role="alert">
          <p>{errorText(t, all.error)}</p>
          <Button onClick={reload}>{t('common.retry')}</Button>
        </div>
      </>
    );
  }

  if (total === undefined) return header;

  if (total === 0) {
    return (
      <>
        {header}
        <EmptyState icon="accounts" title={t('accounts.empty.title')}>
          <p>{t('accounts.empty.body')}</p>
          <AddAccountForm layout="stacked" onAdded={reload} />
        </EmptyState>
      </>
    );
  }

  const rows = found.value ?? [];
  const searching = search.length > 0;
  return (
    <>
      {header}
      <Card className="accounts-add" title={t('accounts.add.title')}>
        <AddAccountForm onAdded={reload} />
      </Card>
      <Card className="accounts-list">
        <div className="accounts-toolbar" role="search">
          <TextField
            className="accounts-toolbar__search"
            label={t('accounts.search.label')}
            placeholder={t('accounts.search.placeholder')}
            icon="search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        {found.error ? (
          <p className="inline-error" role="alert">
            {errorText(t, found.error)}
          </p>
        ) : null}
        {searching && rows.length === 0 && !found.loading ? (
          <div className="no-results">
            <p>{t('accounts.search.noResults', { query: search })}</p>
            <Button size="sm" onClick={() => setQuery('')}>
              {t('accounts.search.clear')}
            </Button>
          </div>
        ) : (
          <table className="table accounts-table" aria-busy={found.loading || undefined}>
            <caption className="visually-hidden">{t('accounts.table.caption')}</caption>
            <colgroup>
              <col />
              <col className="col-date" />
              <col className="col-date" />
              <col className="col-actions" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('accounts.table.name')}</th>
                <th scope="col">{t('accounts.table.created')}</th>
                <th scope="col">{t('accounts.table.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('accounts.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <AccountRow key={a.id} account={a} onChanged={reload} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
