import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BinAccount, BinAttached } from '../../../../shared/api/accounts-bin';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { Icon } from '../../ui/icons';
import { isZh } from '../../lib/format';
import { LIST_HREF } from './route';

/** Tables whose changes can change what the bin shows. */
export const BIN_TABLES = ['accounts', 'plans', 'stakeholders', 'placements', 'interactions', 'opportunities', 'account_revenue'] as const;
const ATTACHED: (keyof BinAttached)[] = ['plans', 'stakeholders', 'mapSnapshots', 'placements', 'interactions', 'opportunities', 'revenueYears'];

/** `2026-05-15 17:05` in the computer's time zone. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

type Confirming = { kind: 'one'; account: BinAccount } | { kind: 'all'; accounts: BinAccount[] } | null;

/** #/accounts/bin: deleted accounts, restored one by one or deleted for good (one or all, confirmed). */
export function AccountsBin() {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const q = useApiQuery('accounts-bin-list', {}, BIN_TABLES);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sep = isZh(i18n.language) ? '、' : ', ';
  const list = q.value ?? [];

  const attachedText = (a: BinAttached) =>
    ATTACHED.filter((k) => a[k] > 0)
      .map((k) => t(`accountsBin.bin.attached.${k}`, { n: a[k] }))
      .join(sep);
  const sum = (accounts: BinAccount[]): BinAttached =>
    Object.fromEntries(ATTACHED.map((k) => [k, accounts.reduce((s, x) => s + x.attached[k], 0)])) as unknown as BinAttached;

  const restore = async (a: BinAccount) => {
    setBusy(a.id);
    try {
      await api('accounts-bin-restore', { ids: [a.id] });
      notice.success(t('accountsBin.bin.restored', { name: a.name }));
    } catch (e) {
      notice.error(errorText(t, e));
      q.reload();
    } finally {
      setBusy(null);
    }
  };

  const purge = async () => {
    if (!confirming) return;
    const accounts = confirming.kind === 'one' ? [confirming.account] : confirming.accounts;
    setBusy(confirming.kind === 'one' ? confirming.account.id : 'all');
    setError(null);
    try {
      const r = await api('accounts-bin-purge', { ids: accounts.map((a) => a.id) });
      setConfirming(null);
      notice.success(r.purged === 1 ? t('accountsBin.bin.purged', { name: r.names[0] ?? '' }) : t('accountsBin.bin.emptied', { n: r.purged }));
    } catch (e) {
      setError(errorText(t, e));
      q.reload();
    } finally {
      setBusy(null);
    }
  };

  const confirmAccounts = confirming ? (confirming.kind === 'one' ? [confirming.account] : confirming.accounts) : [];
  const goes = attachedText(sum(confirmAccounts));
  const orphans = confirmAccounts.reduce((s, a) => s + a.liveChildren, 0);

  return (
    <div className="acct-screen acct-bin">
      <a className="back-link" href={LIST_HREF}>
        <Icon name="arrow-left" size={16} />
        {t('accountsBin.bin.back')}
      </a>
      <PageHeader
        title={t('accountsBin.bin.title')}
        lead={t('accountsBin.bin.lead')}
        aside={
          list.length > 0 ? (
            <div className="page-actions">
              <Button variant="danger" icon="trash" onClick={() => setConfirming({ kind: 'all', accounts: list })}>
                {t('accountsBin.bin.emptyButton')}
              </Button>
            </div>
          ) : null
        }
      />
      {q.error && !q.value ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, q.error)}</p>
          <Button onClick={q.reload}>{t('common.retry')}</Button>
        </div>
      ) : !q.value ? (
        <p className="acct-loading" role="status">
          {t('accounts.loading')}
        </p>
      ) : list.length === 0 ? (
        <div className="acct-table-card acct-bin__empty">
          <span className="acct-no-results__icon">
            <Icon name="trash" size={24} />
          </span>
          <p>{t('accountsBin.bin.empty')}</p>
        </div>
      ) : (
        <div className="acct-table-card">
          <div className="acct-grid">
            <table className="acct-table acct-bin__table">
              <caption className="visually-hidden">{t('accountsBin.bin.caption', { n: list.length })}</caption>
              <colgroup>
                <col />
                <col style={{ width: 150 }} />
                <col />
                <col style={{ width: 260 }} />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('accountsBin.bin.colName')}</th>
                  <th scope="col">{t('accountsBin.bin.colDeleted')}</th>
                  <th scope="col">{t('accountsBin.bin.colAttached')}</th>
                  <th scope="col">{t('accountsBin.bin.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => {
                  const att = attachedText(a.attached);
                  return (
                    <tr key={a.id} data-bin-id={a.id}>
                      <th scope="row" className="acct-name">
                        <span className="acct-name__link">{a.name}</span>
                        {a.parentName ? <span className="acct-name__sub">{t('accountsBin.bin.parent', { name: a.parentName })}</span> : null}
                        {a.nameTaken ? <span className="acct-bin__warn">{t('accountsBin.bin.nameTaken')}</span> : null}
                      </th>
                      <td className="tabular">{localTime(a.deletedAt)}</td>
                      <td className="acct-bin__attached">
                        {att || <span className="muted">{t('accountsBin.bin.nothingAttached')}</span>}
                        {a.liveChildren > 0 ? <span className="acct-name__sub">{t('accountsBin.bin.liveChildren', { n: a.liveChildren })}</span> : null}
                      </td>
                      <td>
                        <div className="acct-bin__actions">
                          <Button size="sm" icon="restore" busy={busy === a.id} disabled={busy !== null || a.nameTaken} onClick={() => void restore(a)} aria-label={t('accountsBin.bin.restoreFor', { name: a.name })}>
                            {t('accountsBin.bin.restore')}
                          </Button>
                          <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setConfirming({ kind: 'one', account: a })} aria-label={t('accountsBin.bin.purgeFor', { name: a.name })}>
                            {t('accountsBin.bin.purge')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'one' ? t('accountsBin.bin.purgeTitle', { name: confirming.account.name }) : t('accountsBin.bin.emptyTitle', { n: confirmAccounts.length })
        }
        confirmLabel={confirming?.kind === 'one' ? t('accountsBin.bin.purge') : t('accountsBin.bin.emptyButton')}
        tone="danger"
        busy={busy !== null}
        error={error}
        onConfirm={() => void purge()}
        onCancel={() => {
          setConfirming(null);
          setError(null);
        }}
      >
        <p>{confirming?.kind === 'one' ? t('accountsBin.bin.purgeBody') : t('accountsBin.bin.emptyBody')}</p>
        {goes ? <p>{t('accountsBin.bin.goesWith', { list: goes })}</p> : null}
        {orphans > 0 ? <p>{t('accountsBin.bin.orphans', { n: orphans })}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
