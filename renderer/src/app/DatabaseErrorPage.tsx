import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, DbState, DbStatus } from '../../../shared/api/types';
import { api } from '../api/client';
import { errorText } from '../lib/errors';
import { baseName, dirName, formatBytes, formatDateTime, separatorOf } from '../lib/format';
import { Button } from '../ui/Button';
import { Icon, type IconName } from '../ui/icons';
import { useNotice } from '../ui/Notice';
import { TextField } from '../ui/TextField';
import { Standalone } from './Standalone';

type Problem = Exclude<DbState, 'ok'>;

function suggestNewPath(current: string): string {
  const dir = dirName(current);
  return dir ? `${dir}${separatorOf(current)}keyplan-new.db` : 'keyplan-new.db';
}

function Option({ icon, title, body, children }: { icon: IconName; title: string; body: string; children: ReactNode }) {
  return (
    <li className="option">
      <div className="option__icon">
        <Icon name={icon} size={22} />
      </div>
      <div className="option__content">
        <h3 className="option__title">{title}</h3>
        <p className="option__body">{body}</p>
        {children}
      </div>
    </li>
  );
}

function PathForm({
  label,
  action,
  icon,
  initial,
  busy,
  disabled,
  onSubmit,
}: {
  label: string;
  action: string;
  icon: IconName;
  initial: string;
  busy: boolean;
  disabled: boolean;
  onSubmit: (path: string) => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const path = value.trim();
    if (!path) {
      setError(t('dbError.pathEmpty'));
      return;
    }
    setError(await onSubmit(path));
  };
  return (
    <form className="path-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={label}
        value={value}
        mono
        spellCheck={false}
        autoComplete="off"
        error={error}
        onChange={(e) => {
          setValue(e.target.value);
          if (error) setError(null);
        }}
      />
      <Button type="submit" variant="secondary" icon={icon} busy={busy} disabled={disabled}>
        {action}
      </Button>
    </form>
  );
}

/**
 * Shown instead of the workspace when the database could not be opened. Says what happened, that
 * the file was left alone, and offers three ways on: a backup, another file, a new file.
 */
export function DatabaseErrorPage({ status, onStatus }: { status: DbStatus; onStatus: (s: DbStatus) => void }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const state = status.state as Problem;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, [status.path]);

  /** Runs a db-* call; on a healthy result the workspace appears. Returns the error text, if any. */
  async function attempt(kind: string, call: () => Promise<DbStatus>, done: (s: DbStatus) => string): Promise<string | null> {
    setBusy(kind);
    try {
      const next = await call();
      if (next.state === 'ok') notice.success(done(next));
      onStatus(next);
      return null;
    } catch (e) {
      return errorText(t, e);
    } finally {
      setBusy(null);
    }
  }

  const restore = async (b: BackupInfo) => {
    setRestoreError(null);
    const date = formatDateTime(b.createdAt, i18n.language);
    const err = await attempt(`restore:${b.path}`, () => api('db-restore', { from: b.path }), () => t('dbError.restore.done', { date }));
    setRestoreError(err);
  };

  return (
    <Standalone>
      <div className="recovery">
        <section className="problem problem--danger" aria-labelledby="db-problem-title">
          <div className="problem__head">
            <span className="problem__icon">
              <Icon name="alert" size={22} />
            </span>
            <h1 id="db-problem-title" ref={headingRef} className="problem__title" tabIndex={-1}>
              {t(`dbError.title.${state}`)}
            </h1>
          </div>
          <p className="problem__body">
            {t(`dbError.body.${state}`, { found: status.schemaVersion, supported: status.supportedVersion })}
          </p>
          <p className="problem__untouched">
            <Icon name="check" size={18} />
            <span>{t('dbError.untouched')}</span>
          </p>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('dbError.file')}</dt>
              <dd>
                <code className="path" data-testid="db-path">
                  {status.path}
                </code>
              </dd>
            </div>
          </dl>
          {status.detail ? (
            <details className="details">
              <summary>{t('dbError.detail')}</summary>
              <pre className="details__text">{status.detail}</pre>
            </details>
          ) : null}
        </section>

        <h2 className="recovery__title">{t('dbError.optionsTitle')}</h2>
        <ol className="options" role="list">
          <Option icon="restore" title={t('dbError.restore.title')} body={t('dbError.restore.body')}>
            {status.backups.length === 0 ? (
              <p className="option__none">{t('dbError.restore.none')}</p>
            ) : (
              <ul className="backup-list" role="list">
                {status.backups.map((b, i) => {
                  const date = formatDateTime(b.createdAt, i18n.language);
                  const dateId = `${listId}-${i}`;
                  return (
                    <li key={b.path} className="backup-item">
                      <div className="backup-item__text">
                        <span className="backup-item__date tabular" id={dateId}>
                          {date}
                        </span>
                        <span className="backup-item__meta">
                          <span>{t(`settings.database.kinds.${b.kind}`)}</span>
                          {b.verified ? null : (
                            <span className="badge badge--warning" title={t('settings.database.unverifiedHint')}>
                              {t('settings.database.unverified')}
                            </span>
                          )}
                          <span className="tabular">{formatBytes(b.bytes, i18n.language, t)}</span>
                          <span className="mono backup-item__file" title={b.path}>
                            {baseName(b.path)}
                          </span>
                        </span>
                      </div>
                      <Button
                        size="sm"
                        variant="primary"
                        icon="restore"
                        aria-describedby={dateId}
                        busy={busy === `restore:${b.path}`}
                        disabled={busy !== null}
                        onClick={() => void restore(b)}
                      >
                        {t('dbError.restore.action')}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            )}
            {status.backups.some((b) => !b.verified) ? <p className="option__note">{t('settings.database.unverifiedHint')}</p> : null}
            {restoreError ? (
              <p className="option__error" role="alert">
                {restoreError}
              </p>
            ) : null}
          </Option>

          <Option icon="folder" title={t('dbError.open.title')} body={t('dbError.open.body')}>
            <PathForm
              label={t('dbError.open.label')}
              action={t('dbError.open.action')}
              icon="folder"
              initial=""
              busy={busy === 'open'}
              disabled={busy !== null}
              onSubmit={(path) => attempt('open', () => api('db-open', { path }), (s) => t('dbError.open.done', { path: s.path }))}
            />
          </Option>

          <Option icon="file-plus" title={t('dbError.create.title')} body={t('dbError.create.body')}>
            <PathForm
              label={t('dbError.create.label')}
              action={t('dbError.create.action')}
              icon="file-plus"
              initial={suggestNewPath(status.path)}
              busy={busy === 'create'}
              disabled={busy !== null}
              onSubmit={(path) => attempt('create', () => api('db-create', { path }), (s) => t('dbError.create.done', { path: s.path }))}
            />
          </Option>
        </ol>
      </div>
    </Standalone>
  );
}
