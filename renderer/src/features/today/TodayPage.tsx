import { HealthWarnings } from '../../ui/health/HealthWarnings';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem, OwnerDay, TodayView } from '../../../../shared/api/accounts-views';
import type { Tier } from '../../../../shared/api/accounts';
import { DEFAULT_CADENCE_DAYS, type CadenceDays } from '../../../../shared/domain/cadence';
import { useApiQuery } from '../../api/hooks';
import { followUpWhy } from '../../lib/followUp';
import { tierName, tk } from '../../lib/format';
import { hrefOf } from '../../app/routes';
import { errorText } from '../../lib/errors';
import { formatCount, formatDay, formatPercent, formatShortDay } from '../../lib/figures';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { SelectField } from '../../ui/SelectField';
import { ComplianceBar, DoneOf, complianceTone } from './ComplianceBar';
import { LogDialog, type LogTarget } from './LogDialog';
import { accountHref } from '../accounts/route';

/** "Due soon" looks this many days ahead. */
export const SOON_DAYS = 7;
/** Accounts shown in the compliance list before "show all". */
const WORST_FIRST = 10;
const TABLES = ['accounts', 'interactions', 'tiers', 'grade_cadence', 'people', 'account_team'] as const;


/** The name of the tier a key names; the key itself when no tier has it, null for no key. */
function tierOfKey(tiers: readonly Tier[] | undefined, key: string | null, locale: string): string | null {
  if (!key) return null;
  return tierName(tiers?.find((x) => x.key === key), locale) ?? key;
}

function Stat({ label, value, hint, tone }: { label: string; value: string; hint: string; tone?: 'alert' | 'good' | 'fair' | 'poor' }) {
  return (
    <div className={`stat${tone ? ` stat--${tone}` : ''}`}>
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value tabular">{value}</dd>
      <dd className="stat__hint">{hint}</dd>
    </div>
  );
}

function Totals({ view }: { view: TodayView }) {
  const { t, i18n } = useTranslation();
  const c = view.totals.compliance;
  return (
    <section aria-labelledby="today-totals" className="stats-section">
      <h2 id="today-totals" className="visually-hidden">
        {t('today.totals.label')}
      </h2>
      <dl className="stats">
        <Stat label={t('today.totals.overdue')} value={formatCount(view.totals.overdue, i18n.language)} hint={t('today.totals.overdueHint')} tone={view.totals.overdue > 0 ? 'alert' : undefined} />
        <Stat label={t('today.totals.due', { days: SOON_DAYS })} value={formatCount(view.totals.due, i18n.language)} hint={t('today.totals.dueHint', { days: SOON_DAYS })} />
        <Stat label={t('today.totals.visits')} value={t('today.totals.doneOf', { done: c.visitsDone, required: c.visitsRequired })} hint={t('today.totals.doneOfHint')} />
        <Stat label={t('today.totals.calls')} value={t('today.totals.doneOf', { done: c.callsDone, required: c.callsRequired })} hint={t('today.totals.doneOfHint')} />
        <Stat
          label={t('today.totals.compliance')}
          value={formatPercent(c.ratio, i18n.language)}
          hint={t('today.totals.complianceHint')}
          tone={complianceTone(c.ratio)}
        />
      </dl>
    </section>
  );
}

function GradeBadge({ grade }: { grade: FollowUpItem['grade'] }) {
  const { t } = useTranslation();
  if (!grade) return <span className="muted">—</span>;
  return (
    <span className={`grade grade--${grade}`} title={t(`domain.gradeMeaning.${grade}`)}>
      {grade}
    </span>
  );
}

function WhatIsDue({ item, cadence }: { item: FollowUpItem; cadence: CadenceDays }) {
  const { t, i18n } = useTranslation();
  if (item.followUp.reason === 'next-step') {
    return (
      <span className="what-due">
        <span className="what-due__kind what-due__kind--promise">
          {item.nextStep ? t('today.list.promised', { step: item.nextStep }) : t('today.list.promisedNoText', { date: formatDay(item.followUp.dueDate ?? '', i18n.language) })}
        </span>
      </span>
    );
  }
  if (!item.grade) return null;
  return (
    <span className="what-due muted">
      {t('today.list.cadence', { grade: t(`domain.grade.${item.grade}`), days: cadence[item.grade] })}
    </span>
  );
}

function FollowUpTable({
  owner,
  items,
  list,
  cadence,
  today,
  onLog,
}: {
  owner: string;
  items: FollowUpItem[];
  list: 'overdue' | 'due';
  cadence: CadenceDays;
  today: string;
  onLog: (item: FollowUpItem) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className={`table followups followups--${list}`} data-testid={`followups-${list}`}>
      <caption className="visually-hidden">{t('today.list.caption', { owner, list: t(`today.list.${list}`) })}</caption>
      <colgroup>
        <col />
        <col className="followups__col-grade" />
        <col className="followups__col-date" />
        <col className="followups__col-late" />
        <col className="followups__col-what" />
        <col className="followups__col-action" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('today.list.account')}</th>
          <th scope="col">{t('today.list.grade')}</th>
          <th scope="col">{t('today.list.lastContact')}</th>
          <th scope="col" className="num">
            {list === 'overdue' ? t('today.list.late') : t('today.list.dueDate')}
          </th>
          <th scope="col">{t('today.list.what')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('today.list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.accountId} data-account-id={item.accountId}>
            <th scope="row" className="followups__account">
              <a href={accountHref(item.accountId)}>{item.accountName}</a>
            </th>
            <td>
              <GradeBadge grade={item.grade} />
            </td>
            <td className="tabular">{item.lastContact ? formatShortDay(item.lastContact, i18n.language) : <span className="muted">{t('today.list.never')}</span>}</td>
            <td className="num tabular" title={followUpWhy(item.followUp, { grade: item.grade, lastContact: item.lastContact, today }, t, i18n.language)} data-testid="follow-up-late">
              {list === 'overdue' ? (
                <span className="late">{tk(t, `domain.followUpLate.${item.followUp.reason ?? 'cadence'}`, { days: item.followUp.daysOverdue })}</span>
              ) : item.followUp.dueDate === today ? (
                t('today.list.today')
              ) : (
                formatShortDay(item.followUp.dueDate ?? '', i18n.language)
              )}
            </td>
            <td>
              <WhatIsDue item={item} cadence={cadence} />
            </td>
            <td className="followups__action">
              <Button size="sm" icon="call" onClick={() => onLog(item)} aria-label={t('today.list.logFor', { name: item.accountName })}>
                {t('today.list.log')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OwnerCard({ day, cadence, today, onLog }: { day: OwnerDay; cadence: CadenceDays; today: string; onLog: (t: LogTarget) => void }) {
  const { t } = useTranslation();
  const name = day.ownerName ?? t('today.owner.none');
  const log = (item: FollowUpItem) => onLog({ item, ownerId: day.ownerId, ownerName: day.ownerName });
  return (
    <Card
      level={3}
      className="owner-card"
      title={name}
      aside={
        <span className="owner-card__stats tabular">
          {t('today.list.ownerStats', { overdue: day.overdue.length, due: day.due.length, accounts: day.accounts })}
        </span>
      }
    >
      {day.overdue.length > 0 ? (
        <div className="owner-card__list">
          <h4 className="owner-card__list-title owner-card__list-title--overdue">{t('today.list.overdue')}</h4>
          <FollowUpTable owner={name} items={day.overdue} list="overdue" cadence={cadence} today={today} onLog={log} />
        </div>
      ) : null}
      {day.due.length > 0 ? (
        <div className="owner-card__list">
          <h4 className="owner-card__list-title">{t('today.list.due')}</h4>
          <FollowUpTable owner={name} items={day.due} list="due" cadence={cadence} today={today} onLog={log} />
        </div>
      ) : (
        <p className="muted owner-card__none">{t('today.noDueSoon', { days: SOON_DAYS })}</p>
      )}
    </Card>
  );
}

function Compliance({ view, tiers }: { view: TodayView; tiers: Tier[] | undefined }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const q = view.quarter;
  const owners = view.owners.filter((o) => o.compliance.visitsRequired + o.compliance.callsRequired + o.compliance.visitsDone + o.compliance.callsDone > 0);
  const accounts = all ? view.accounts : view.accounts.slice(0, WORST_FIRST);
  return (
    <Card
      className="compliance-card"
      title={t('today.compliance.title')}
      lead={t('today.compliance.lead', {
        quarter: t('today.quarter', { year: q.year, q: q.q }),
        start: formatDay(q.start, i18n.language),
        end: formatDay(q.end, i18n.language),
      })}
    >
      {view.accounts.length === 0 ? (
        <p className="muted">{t('today.compliance.noTiers')}</p>
      ) : (
        <>
          <h3 className="subheading">{t('today.compliance.byOwner')}</h3>
          <table className="table compliance-table" data-testid="compliance-owners">
            <caption className="visually-hidden">{t('today.compliance.byOwner')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('today.compliance.owner')}</th>
                <th scope="col" className="num">
                  {t('today.compliance.visits')}
                </th>
                <th scope="col" className="num">
                  {t('today.compliance.calls')}
                </th>
                <th scope="col" className="compliance-table__bar">
                  {t('today.compliance.ratio')}
                </th>
              </tr>
            </thead>
            <tbody>
              {owners.map((o) => (
                <tr key={o.ownerId ?? 'none'}>
                  <th scope="row">{o.ownerName ?? t('today.owner.none')}</th>
                  <td className="num">
                    <DoneOf done={o.compliance.visitsDone} required={o.compliance.visitsRequired} />
                  </td>
                  <td className="num">
                    <DoneOf done={o.compliance.callsDone} required={o.compliance.callsRequired} />
                  </td>
                  <td>
                    <ComplianceBar figures={o.compliance} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3 className="subheading">{t('today.compliance.byAccount')}</h3>
          <table className="table compliance-table compliance-table--accounts" data-testid="compliance-accounts">
            <caption className="visually-hidden">{t('today.compliance.byAccount')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('today.compliance.account')}</th>
                <th scope="col">{t('today.compliance.owner')}</th>
                <th scope="col">{t('today.compliance.tier')}</th>
                <th scope="col" className="num">
                  {t('today.compliance.visits')}
                </th>
                <th scope="col" className="num">
                  {t('today.compliance.calls')}
                </th>
                <th scope="col" className="compliance-table__bar">
                  {t('today.compliance.ratio')}
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.accountId}>
                  <th scope="row" className="followups__account">
                    <a href={accountHref(a.accountId)}>{a.accountName}</a>
                  </th>
                  <td>{a.ownerName ?? <span className="muted">{t('today.owner.none')}</span>}</td>
                  <td>{tierOfKey(tiers, a.tierKey, i18n.language) ?? t('today.compliance.noTier')}</td>
                  <td className="num">
                    <DoneOf done={a.compliance.visitsDone} required={a.compliance.visitsRequired} />
                  </td>
                  <td className="num">
                    <DoneOf done={a.compliance.callsDone} required={a.compliance.callsRequired} />
                  </td>
                  <td>
                    <ComplianceBar figures={a.compliance} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.accounts.length > WORST_FIRST ? (
            <div className="table-more">
              <Button size="sm" variant="ghost" aria-expanded={all} onClick={() => setAll((x) => !x)}>
                {all ? t('today.compliance.showFewer', { n: WORST_FIRST }) : t('today.compliance.showAll', { n: view.accounts.length })}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}

/**
 * Today: per owner, the follow-ups that are overdue (by the grade's cadence or a promised next step)
 * and those due in the next days, each with "log a call/visit"; then this quarter's visit compliance.
 */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const [logging, setLogging] = useState<LogTarget | null>(null);
  const view = useApiQuery('today', { soonDays: SOON_DAYS, ...(ownerId ? { ownerId } : {}) }, TABLES);
  const people = useApiQuery('people-list', {}, ['people']);
  const tiers = useApiQuery('tiers-list', {}, ['tiers']);
  const cadence = useApiQuery('cadence-get', {}, ['grade_cadence']);
  const v = view.value;

  const owners = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return (people.value ?? []).filter((p) => p.active || p.id === ownerId).sort((a, b) => collator.compare(a.name, b.name));
  }, [people.value, ownerId, i18n.language]);

  const filter = (
    <SelectField
      className="today-filter"
      label={t('today.owner.label')}
      value={ownerId ?? ''}
      onChange={(e) => setOwnerId(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">{t('today.owner.all')}</option>
      {owners.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </SelectField>
  );

  const header = (
    <PageHeader
      title={t('today.title')}
      lead={
        <>
          {t('today.lead')}
          {v ? (
            <span className="page-header__date">
              {' '}
              {t('today.asOf', { date: formatDay(v.today, i18n.language) })}
            </span>
          ) : null}
        </>
      }
      aside={v && (v.owners.length > 0 || ownerId) ? filter : null}
    />
  );

  if (view.error && !v) {
    return (
      <>
        {header}
        <div className="inline-error" role="alert">
          <p>{errorText(t, view.error)}</p>
          <Button onClick={view.reload}>{t('common.retry')}</Button>
        </div>
      </>
    );
  }
  if (!v) return header;

  if (v.owners.length === 0 && !ownerId) {
    return (
      <>
        {header}
        <EmptyState
          icon="today"
          title={t('today.empty.title')}
          actions={
            <>
              <ButtonLink href={hrefOf('import')} variant="primary" icon="upload">
                {t('today.empty.import')}
              </ButtonLink>
              <ButtonLink href={hrefOf('accounts')} icon="plus">
                {t('today.empty.add')}
              </ButtonLink>
            </>
          }
        >
          <p>{t('today.empty.body')}</p>
        </EmptyState>
      </>
    );
  }

  const days = { ...DEFAULT_CADENCE_DAYS, ...cadence.value };
  const busy = v.owners.filter((o) => o.overdue.length > 0 || o.due.length > 0);
  const quiet = v.owners.filter((o) => o.overdue.length === 0 && o.due.length === 0);
  const ownerName = ownerId ? (people.value?.find((p) => p.id === ownerId)?.name ?? '') : '';

  return (
    <div className="today" aria-busy={view.loading || undefined}>
      {header}
      <Totals view={v} />
      <HealthWarnings ownerId={ownerId} linkOf={(id) => accountHref(id)} />

      <section aria-labelledby="today-list" className="today__section">
        <h2 id="today-list" className="section-title">
          {t('today.list.title')}
        </h2>
        {busy.length === 0 ? (
          <div className="caught-up" role="status" data-testid="caught-up">
            <span className="caught-up__icon">
              <Icon name="check" size={26} />
            </span>
            <div>
              <p className="caught-up__title">{t('today.caughtUp.title')}</p>
              <p className="caught-up__body">
                {ownerId ? t('today.caughtUp.bodyOwner', { owner: ownerName, days: SOON_DAYS }) : t('today.caughtUp.body', { days: SOON_DAYS })}
              </p>
            </div>
          </div>
        ) : (
          <div className="owner-cards">
            {busy.map((o) => (
              <OwnerCard key={o.ownerId ?? 'none'} day={o} cadence={days} today={v.today} onLog={setLogging} />
            ))}
          </div>
        )}
        {busy.length > 0 && quiet.length > 0 ? (
          <p className="muted quiet-owners">
            {t('today.list.quietOwners', { names: quiet.map((o) => o.ownerName ?? t('today.owner.none')).join(i18n.language.startsWith('zh') ? '、' : ', ') })}
          </p>
        ) : null}
      </section>

      <Compliance view={v} tiers={tiers.value} />

      <LogDialog target={logging} today={v.today} onClose={() => setLogging(null)} onLogged={view.reload} />
    </div>
  );
}
