import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { IMPORT_HREF } from './route';

/** An empty database: what the list is for, and three ways to fill it. */
export function EmptyAccounts({ onLoadSample, onAdd }: { onLoadSample: () => Promise<void>; onAdd: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <EmptyState icon="accounts" title={t('accounts.empty.title')}>
      <p>{t('accounts.empty.body')}</p>
      <div className="empty__actions">
        <Button
          variant="primary"
          icon="database"
          busy={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            onLoadSample().catch((e: unknown) => {
              setError(errorText(t, e));
              setBusy(false);
            });
          }}
        >
          {t('accounts.empty.loadSample')}
        </Button>
        <Button icon="plus" onClick={onAdd} disabled={busy}>
          {t('accounts.add.button')}
        </Button>
      </div>
      <p className="empty__sample">{t('accounts.empty.sampleHint')}</p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="empty__import">
        {t('accounts.empty.importHint')} <a href={IMPORT_HREF}>{t('accounts.empty.importLink')}</a>
      </p>
    </EmptyState>
  );
}
