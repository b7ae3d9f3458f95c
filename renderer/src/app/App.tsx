import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DbStatus } from '../../../shared/api/types';
import { api, ApiFailure, onEvent } from '../api/client';
import { errorText } from '../lib/errors';
import { Button } from '../ui/Button';
import { Icon } from '../ui/icons';
import { DatabaseErrorPage } from './DatabaseErrorPage';
import { DbStatusContext } from './DbStatusContext';
import { ForbiddenPage } from './ForbiddenPage';
import { Shell } from './Shell';
import { Standalone } from './Standalone';

type Boot =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; status: DbStatus };

function StartupFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Standalone>
      <section className="problem">
        <div className="problem__head">
          <span className="problem__icon">
            <Icon name="alert" size={22} />
          </span>
          <h1 className="problem__title" tabIndex={-1}>
            {t('startup.title')}
          </h1>
        </div>
        <p className="problem__body">{t('startup.body')}</p>
        <p className="problem__body">{errorText(t, error)}</p>
        <div className="problem__actions">
          <Button variant="primary" icon="restore" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      </section>
    </Standalone>
  );
}

/**
 * Start-up: ask the backend for the database's state, then show the workspace, the database
 * problem page, or the page for a preview opened without its token.
 */
export function App() {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api('db-status', {}).then(
      (status) => {
        if (live) setBoot({ kind: 'ready', status });
      },
      (e: unknown) => {
        if (!live) return;
        setBoot(e instanceof ApiFailure && e.code === 'forbidden' ? { kind: 'forbidden' } : { kind: 'failed', error: e });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const ready = boot.kind === 'ready';
  useEffect(() => {
    if (!ready) return;
    return onEvent('db-changed', (status) => setBoot({ kind: 'ready', status }));
  }, [ready]);

  const status = boot.kind === 'ready' ? boot.status : null;
  const ctx = useMemo(() => (status ? { status, setStatus: (s: DbStatus) => setBoot({ kind: 'ready', status: s }) } : null), [status]);

  switch (boot.kind) {
    case 'loading':
      return (
        <div className="boot" role="status">
          <span className="boot__text">{t('app.loading')}</span>
        </div>
      );
    case 'forbidden':
      return <ForbiddenPage />;
    case 'failed':
      return (
        <StartupFailure
          error={boot.error}
          onRetry={() => {
            setBoot({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      );
    case 'ready':
      if (boot.status.state !== 'ok' || !ctx) {
        return <DatabaseErrorPage status={boot.status} onStatus={(s) => setBoot({ kind: 'ready', status: s })} />;
      }
      return (
        <DbStatusContext value={ctx}>
          <Shell />
        </DbStatusContext>
      );
  }
}
