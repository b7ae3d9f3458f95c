/**
 * #/plans: every plan (account, year, status, version, owner, its actions open / due / overdue,
 * last change), filtered by year and status, and "New plan". Before there are plans: what a plan
 * holds, and the next step (accounts first, or a first plan).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/api/plans';
import { PLAN_STATUSES, type PlanStatus } from '../../../../shared/domain/plan';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { AreaIntro, PointList } from '../../app/AreaIntro';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormDialog } from '../../ui/FormDialog';
import { PageHeader } from '../../ui/PageHeader';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { localToday, shortDate } from '../../lib/format';
import { planHref } from './route';
import { StatusBadge } from './StatusBadge';
import { ScrollArea } from '../../ui/ScrollArea';

const LIST_TABLES = ['plans', 'plan_items', 'plan_versions', 'accounts', 'people'] as const;

/** What a plan holds: the landing's help, and the whole page before there are plans. */
function PlanHelp() {
  const { t } = useTranslation();
  return (
    <>
      <PointList title={t('plans.pointsTitle')} points={[t('plans.points.sections'), t('plans.points.targets'), t('plans.points.workflow')]} />
      <Card title={t('plans.outline.title')} className="outline-card">
        <ol className="outline">
          {(['overview', 'review', 'competitors', 'analysis', 'objectives', 'strategy', 'dmu', 'team', 'actions', 'resources', 'risks', 'measures'] as const).map((s) => (
            <li key={s} className="outline__item">
              {t(`plans.outline.${s}`)}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

/** "New plan": an account and a year; a second plan for the same year is refused (plan-exists). */
export function NewPlanDialog({ open, onClose, accountId }: { open: boolean; onClose: () => void; accountId?: number }) {
  const { t } = useTranslation();
  const accounts = useApiQuery('accounts-list', {}, ['accounts']);
  const [account, setAccount] = useState(accountId ? String(accountId) : '');
  const [year, setYear] = useState(String(Number(localToday().slice(0, 4))));
  const [errors, setErrors] = useState<{ account?: string; year?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const sorted = useMemo(() => [...(accounts.value ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [accounts.value]);

  const submit = async () => {
    const y = Number(year.trim());
    const found: typeof errors = {};
    if (!account) found.account = t('planEditor.create.accountRequired');
    if (!/^\d{4}$/.test(year.trim()) || y < 1900 || y > 2200) found.year = t('planEditor.create.yearInvalid');
    setErrors(found);
    if (found.account || found.year) return;
    setBusy(true);
    try {
      const view = await api('plan-create', { accountId: Number(account), year: y });
      onClose();
      window.location.hash = planHref(view.plan.accountId, view.plan.year);
    } catch (e) {
      setErrors({ form: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title={t('planEditor.create.title')} submitLabel={t('planEditor.create.submit')} busy={busy} error={errors.form ?? null} onSubmit={() => void submit()} onCancel={onClose}>
      <SelectField label={t('planEditor.create.account')} value={account} error={errors.account ?? null} onChange={(e) => setAccount(e.target.value)}>
        <option value="">{t('planEditor.create.pickAccount')}</option>
        {sorted.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('planEditor.create.year')} value={year} inputMode="numeric" error={errors.year ?? null} onChange={(e) => setYear(e.target.value)} />
    </FormDialog>
  );
}

function ActionCounts({ p }: { p: PlanSummary }) {
  const { t } = useTranslation();
  return (
    <span className="plan-counts">
      <span>{t('planEditor.landing.open', { n: p.actionsOpen })}</span>
      <span className={cx(p.actionsDue > 0 && 'plan-counts--due')}>{t('planEditor.landing.due', { n: p.actionsDue })}</span>
      <span className={cx(p.actionsOverdue > 0 && 'plan-counts--overdue')}>{t('planEditor.landing.overdue', { n: p.actionsOverdue })}</span>
    </span>
  );
}

export function PlansLanding() {
  const { t, i18n } = useTranslation();
  const plans = useApiQuery('plans-list', {}, LIST_TABLES);
  const accounts = useApiQuery('accounts-list', {}, ['accounts']);
  const [year, setYear] = useState('');
  const [status, setStatus] = useState<PlanStatus | ''>('');
  const [creating, setCreating] = useState(false);

  const list = plans.value;
  const years = useMemo(() => [...new Set((list ?? []).map((p) => p.year))].sort((a, b) => b - a), [list]);
  const rows = useMemo(() => (list ?? []).filter((p) => (!year || p.year === Number(year)) && (!status || p.status === status)), [list, year, status]);

  const header = (aside?: ReactNode) => <PageHeader title={t('plans.title')} lead={t('plans.lead')} aside={aside} />;
  const dialog = creating ? <NewPlanDialog open onClose={() => setCreating(false)} /> : null;
  const newButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      {t('planEditor.landing.newPlan')}
    </Button>
  );

  if (plans.error && !list) {
    return (
      <>
        {header()}
        <div className="inline-error" role="alert">
          <p>{errorText(t, plans.error)}</p>
          <Button size="sm" onClick={plans.reload}>
            {t('common.retry')}
          </Button>
        </div>
      </>
    );
  }
  if (!list || !accounts.value) {
    return (
      <>
        {header()}
        <p className="plan-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('planEditor.loading')}
        </p>
      </>
    );
  }
  if (list.length === 0) {
    return (
      <AreaIntro title={t('plans.title')} lead={t('plans.lead')}>
        {accounts.value.length > 0 ? (
          <Card title={t('planEditor.landing.emptyTitle')} lead={t('planEditor.landing.emptyBody')} aside={newButton} />
        ) : null}
        <PlanHelp />
        {dialog}
      </AreaIntro>
    );
  }

  const count = (s: PlanStatus) => list.filter((p) => p.status === s).length;
  return (
    <div className="plans-landing">
      {header(newButton)}
      <Card
        title={t('planEditor.landing.caption')}
        lead={t('planEditor.landing.summary', { n: list.length, draft: count('draft'), review: count('review'), approved: count('approved') })}
      >
        <div className="plans-tools">
          <SelectField label={t('planEditor.landing.year')} value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('planEditor.landing.allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('planEditor.landing.statusFilter')} value={status} onChange={(e) => setStatus(e.target.value as PlanStatus | '')}>
            <option value="">{t('planEditor.landing.allStatuses')}</option>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`planEditor.status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {rows.length === 0 ? (
          <p className="no-results" role="status">
            {t('planEditor.landing.noMatch')}
          </p>
        ) : (
          <ScrollArea className="plans-table__scroll" label={t('planEditor.landing.caption')}>
            <table className="table plans-table" data-testid="plans-table">
              <caption className="visually-hidden">{t('planEditor.landing.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('planEditor.landing.account')}</th>
                  <th scope="col" className="num">
                    {t('planEditor.landing.year')}
                  </th>
                  <th scope="col">{t('planEditor.landing.statusFilter')}</th>
                  <th scope="col">{t('planEditor.landing.version')}</th>
                  <th scope="col">{t('planEditor.landing.owner')}</th>
                  <th scope="col">
                    <span title={t('planEditor.landing.actions')}>{t('planEditor.landing.actionsShort')}</span>
                  </th>
                  <th scope="col">{t('planEditor.landing.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={planHref(p.accountId, p.year)} className="plans-table__name">
                        {p.accountName}
                      </a>
                    </th>
                    <td className="num tabular">{p.year}</td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td className="tabular">{t('planEditor.landing.versionN', { n: p.version })}</td>
                    <td>{p.ownerName ?? <span className="muted">{t('planEditor.landing.noOwner')}</span>}</td>
                    <td>
                      <ActionCounts p={p} />
                    </td>
                    <td className="tabular">{shortDate(p.updatedAt.slice(0, 10), i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </Card>
      {dialog}
    </div>
  );
}
