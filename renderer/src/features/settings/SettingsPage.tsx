import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/api/types';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useDbStatus } from '../../app/DbStatusContext';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { errorText } from '../../lib/errors';
import { baseName, formatBytes, formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { CadenceCard } from './CadenceCard';
import { FxRatesCard } from './FxRatesCard';
import { HealthSettingsCard } from './HealthSettingsCard';
import { MeCard } from './MeCard';
import { PeopleCard } from './PeopleCard';
import { PlanTemplateCard } from './PlanTemplateCard';
import { TiersCard } from './TiersCard';

function BackupsTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore: (b: BackupInfo) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table backups-table">
      <caption className="visually-hidden">{t('settings.database.backupsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.database.backupDate')}</th>
          <th scope="col">{t('settings.database.backupKind')}</th>
          <th scope="col" className="num">
            {t('settings.database.backupSize')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('accounts.table.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.path}>
            <th scope="row" className="tabular">
              {formatDateTime(b.createdAt, i18n.language)}
            </th>
            <td>
              <span className="backups-table__kind">
                {t(`settings.database.kinds.${b.kind}`)}
                {b.verified ? null : (
                  <span className="badge badge--warning backups-table__unverified" title={t('settings.database.unverifiedHint')}>
                    {t('settings.database.unverified')}
                  </span>
                )}
              </span>
              <span className="backups-table__file mono" title={b.path}>
                {baseName(b.path)}
              </span>
            </td>
            <td className="num tabular">{formatBytes(b.bytes, i18n.language, t)}</td>
            <td className="backups-table__actions">
              <Button size="sm" icon="restore" onClick={() => onRestore(b)}>
                {t('settings.database.restore')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Language; tiers, follow-up cadence and our team; the database file and its backups; the app's version. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const { status, setStatus } = useDbStatus();
  const info = useApiQuery('app-info', {});
  const backups = useApiQuery('db-backups-list', {});
  const [backingUp, setBackingUp] = useState(false);
  const [pending, setPending] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  const backupNow = async () => {
    setBackingUp(true);
    try {
      // The desktop app asks where (a save dialog); the preview writes a new file into backups/.
      // Either way an existing file is never replaced (file-exists).
      const { written } = await api('db-backup-save-as', { title: t('settings.database.saveTitle') });
      if (!written) return;
      notice.success(t('settings.database.backedUp', { file: baseName(written.path) }));
      backups.reload();
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setBackingUp(false);
    }
  };

  const restore = async () => {
    if (!pending) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      const next = await api('db-restore', { from: pending.path });
      notice.success(t('settings.database.restored', { date: formatDateTime(pending.createdAt, i18n.language) }));
      setPending(null);
      setStatus(next);
      backups.reload();
    } catch (e) {
      setRestoreError(errorText(t, e));
    } finally {
      setRestoring(false);
    }
  };

  const list = backups.value ?? [];
  return (
    <>
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <div className="settings">
        <Card title={t('settings.language.title')}>
          <LanguageSwitch />
        </Card>

        <MeCard />

        <TiersCard />
        <CadenceCard />
        <HealthSettingsCard />
        <FxRatesCard />
        <PeopleCard />
        <PlanTemplateCard />

        <Card title={t('settings.database.title')} lead={t('settings.database.lead')}>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('settings.database.path')}</dt>
              <dd>
                <code className="path" data-testid="db-path">
                  {status.path}
                </code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('settings.database.schema')}</dt>
              <dd className="tabular">
                {t('settings.database.schemaValue', { version: status.schemaVersion, supported: status.supportedVersion })}
              </dd>
            </div>
          </dl>
          <div className="subsection">
            <div className="subsection__header">
              <h3 className="subsection__title">{t('settings.database.backupsTitle')}</h3>
              <Button variant="primary" icon="database" busy={backingUp} onClick={() => void backupNow()}>
                {t('settings.database.backupNow')}
              </Button>
            </div>
            {backups.error ? (
              <p className="inline-error" role="alert">
                {errorText(t, backups.error)}
              </p>
            ) : null}
            {backups.value === undefined ? null : list.length === 0 ? (
              <p className="muted">{t('settings.database.backupsEmpty')}</p>
            ) : (
              <BackupsTable
                backups={list}
                onRestore={(b) => {
                  setRestoreError(null);
                  setPending(b);
                }}
              />
            )}
            {list.some((b) => !b.verified) ? <p className="muted backups-note">{t('settings.database.unverifiedHint')}</p> : null}
          </div>
        </Card>

        <Card title={t('settings.about.title')}>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('settings.about.version')}</dt>
              <dd className="tabular" data-testid="app-version">
                {info.value?.version}
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('settings.about.transport')}</dt>
              <dd>{info.value ? t(`settings.about.transports.${info.value.transport}`) : null}</dd>
            </div>
          </dl>
        </Card>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={t('settings.database.restoreTitle')}
        confirmLabel={t('settings.database.restoreConfirm')}
        busy={restoring}
        error={restoreError}
        onConfirm={() => void restore()}
        onCancel={() => setPending(null)}
      >
        <p>{t('settings.database.restoreBody', { date: pending ? formatDateTime(pending.createdAt, i18n.language) : '' })}</p>
        {pending ? <p className="mono dialog__file">{baseName(pending.path)}</p> : null}
      </ConfirmDialog>
    </>
  );
}
