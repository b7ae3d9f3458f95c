import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../../shared/api/accounts';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { errorCode, errorText } from '../../../lib/errors';
import { Button, ButtonLink } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useNotice } from '../../../ui/Notice';
import { TabPanel, Tabs, type TabItem } from '../../../ui/Tabs';
import { accountHref, type AccountTab, LIST_HREF } from '../route';
import { AccountHeader } from './AccountHeader';
import { CompetitorsTab } from './CompetitorsTab';
import { InteractionsTab } from './InteractionsTab';
import { OpportunitiesTab } from './OpportunitiesTab';
import { PlacementHistory } from '../../board/PlacementHistory';
import { OverviewTab } from './OverviewTab';
import { AccountHealthCard } from '../../../ui/health/AccountHealthCard';
import { ReceivablesTab } from './ReceivablesTab';
import { RevenueTab } from './RevenueTab';

/** Every table the account page shows something from. */
const DETAIL_TABLES = [
  'accounts',
  'account_team',
  'account_revenue',
  'satisfaction',
  'competitors',
  'interactions',
  'opportunities',
  'people',
  'tiers',
  'grade_cadence',
] as const;

const ID_BASE = 'account';

/** Switches the tab in the URL without a new history entry (the Back button leaves the account). */
function showTab(id: number, tab: AccountTab): void {
  window.history.replaceState(window.history.state, '', accountHref(id, tab));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** One account: its header (who, how it is classified, whether a follow-up is due) and its record in tabs. */
export function AccountPage({ id, tab }: { id: number; tab: AccountTab }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const detail = useApiQuery('accounts-get', { id }, DETAIL_TABLES);
  const root = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const d = detail.value;

  // Arriving from the list (same area, so the shell does not do it): focus the heading.
  const focused = useRef(false);
  useEffect(() => {
    if (!d || focused.current) return;
    focused.current = true;
    root.current?.querySelector<HTMLElement>('h1')?.focus();
    root.current?.closest('main')?.scrollTo?.({ top: 0 });
  }, [d]);

  useEffect(() => {
    if (d) document.title = t('app.pageTitle', { page: d.account.name });
  }, [d, t]);

  if (detail.error && (!d || errorCode(detail.error) === 'not-found')) {
    return (
      <div className="acct-page" ref={root}>
        <a className="back-link" href={LIST_HREF}>
          {t('accounts.detail.back')}
        </a>
        <div className="inline-error" role="alert">
          <p>{errorCode(detail.error) === 'not-found' ? t('accounts.detail.notFound') : errorText(t, detail.error)}</p>
          {errorCode(detail.error) === 'not-found' ? (
            <ButtonLink href={LIST_HREF} size="sm">
              {t('accounts.detail.back')}
            </ButtonLink>
          ) : (
            <Button size="sm" onClick={detail.reload}>
              {t('common.retry')}
            </Button>
          )}
        </div>
      </div>
    );
  }

  if (!d) {
    return (
      <div className="acct-page" ref={root}>
        <a className="back-link" href={LIST_HREF}>
          {t('accounts.detail.back')}
        </a>
        <p className="acct-loading" role="status">
          {t('accounts.detail.loading')}
        </p>
      </div>
    );
  }

  const name = d.account.name;
  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api('accounts-delete', { id });
      setConfirming(false);
      window.location.hash = LIST_HREF;
      notice.success(t('accounts.detail.deleted', { name }), {
        duration: 10_000,
        action: {
          label: t('accounts.detail.undo'),
          onClick: () => {
            api('accounts-undelete', { id }).then(
              (a) => notice.success(t('accounts.detail.restored', { name: a.name })),
              (e: unknown) => notice.error(errorText(t, e)),
            );
          },
        },
      });
    } catch (e) {
      setDeleteError(errorText(t, e));
    } finally {
      setDeleting(false);
    }
  };

  const tabs = tabList(d, t);
  return (
    <div className="acct-page" ref={root}>
      <AccountHeader detail={d} onDelete={() => setConfirming(true)} />
      <Tabs label={t('accounts.detail.tabsLabel')} tabs={tabs} value={tab} onChange={(k) => showTab(id, k)} idBase={ID_BASE} />
      <TabPanel idBase={ID_BASE} id={tab}>
        {tab === 'overview' ? (
          <>
            <AccountHealthCard accountId={d.account.id} />
            <OverviewTab key={d.account.updatedAt} detail={d} />
            {/* Where the account sits on the quadrant boards, and why it moved. */}
            <section className="card acct-placements">
              <PlacementHistory accountId={d.account.id} accountName={d.account.name} />
            </section>
          </>
        ) : null}
        {tab === 'revenue' ? <RevenueTab detail={d} /> : null}
        {tab === 'interactions' ? <InteractionsTab detail={d} /> : null}
        {tab === 'opportunities' ? <OpportunitiesTab detail={d} /> : null}
        {tab === 'competitors' ? <CompetitorsTab detail={d} /> : null}
        {tab === 'receivables' ? <ReceivablesTab detail={d} onEdit={() => showTab(id, 'overview')} /> : null}
      </TabPanel>
      <ConfirmDialog
        open={confirming}
        title={t('accounts.detail.deleteTitle', { name })}
        confirmLabel={t('accounts.detail.deleteConfirm')}
        tone="danger"
        busy={deleting}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('accounts.detail.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function tabList(d: AccountDetail, t: TFunction): TabItem<AccountTab>[] {
  return [
    { id: 'overview', label: t('accounts.tabs.overview') },
    { id: 'revenue', label: t('accounts.tabs.revenue'), count: d.revenue.length },
    { id: 'interactions', label: t('accounts.tabs.interactions'), count: d.interactions.length },
    { id: 'opportunities', label: t('accounts.tabs.opportunities'), count: d.opportunities.length },
    { id: 'competitors', label: t('accounts.tabs.competitors'), count: d.competitors.length },
    { id: 'receivables', label: t('accounts.tabs.receivables'), count: d.satisfaction.length },
  ];
}
