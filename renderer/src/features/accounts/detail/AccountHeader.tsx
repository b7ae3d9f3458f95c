import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../../shared/api/accounts';
import { useApiQuery } from '../../../api/hooks';
import { cx } from '../../../lib/cx';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/icons';
import { followUpWhy } from '../../../lib/followUp';
import { localToday, shortDate, tierName, tk } from '../../../lib/format';
import { accountHref, LIST_HREF } from '../route';
import { usePeople, useTiers } from '../reference';
import { MapLink } from './MapLink';

const CHURN_TONE: Record<string, BadgeTone> = { active: 'success', 'at-risk': 'warning', churned: 'danger' };

/** Name, badges and the facts a director reads first: owner, grade and cadence, lifecycle, follow-up. */
export function AccountHeader({ detail, onDelete }: { detail: AccountDetail; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const a = detail.account;
  const tiers = useTiers();
  const cadence = useApiQuery('cadence-get', {}, ['grade_cadence']).value;
  const tier = a.tierId !== null ? tiers.byId.get(a.tierId) : undefined;
  const f = detail.followUp;
  const lastContact = detail.interactions.reduce<string | null>((m, i) => (m === null || i.date > m ? i.date : m), null);
  const why = followUpWhy(f, { grade: a.grade, lastContact, today: localToday() }, t, locale);
  const sub = [a.nameEn, a.shortName && a.shortName !== a.name ? a.shortName : null].filter(Boolean).join(' · ');
  const people = usePeople();
  const ownerRole = a.ownerId !== null ? people.byId.get(a.ownerId)?.role : undefined;

  return (
    <header className="acct-head">
      <a className="back-link" href={LIST_HREF}>
        <Icon name="arrow-left" size={16} />
        <span>{t('accounts.detail.back')}</span>
      </a>
      <div className="acct-head__top">
        <div className="acct-head__titles">
          <div className="acct-head__title-row">
            <h1 className="acct-head__title" tabIndex={-1}>
              {a.name}
            </h1>
            <div className="acct-head__badges">
              {tier ? (
                <span className={cx('tier-tag', 'tier-tag--lg', `tier-tag--r${Math.min(tier.rank, 5)}`)} title={tier.description || undefined}>
                  {tierName(tier, locale)}
                </span>
              ) : (
                <Badge tone="outline">{t('accounts.detail.noTier')}</Badge>
              )}
              {a.strategic ? <Badge tone="accent">{t('domain.field.strategic')}</Badge> : null}
              {a.churnStatus !== 'active' ? <Badge tone={CHURN_TONE[a.churnStatus]}>{tk(t, `domain.churnStatus.${a.churnStatus}`)}</Badge> : null}
            </div>
          </div>
          {sub || a.parentId || detail.children.length ? (
            <p className="acct-head__sub">
              {sub ? <span>{sub}</span> : null}
              {a.parentId && a.parentName ? (
                <span>
                  {t('accounts.detail.subsidiaryOf')} <a href={accountHref(a.parentId)}>{a.parentName}</a>
                </span>
              ) : null}
              {detail.children.length ? (
                <span>{t('accounts.detail.childrenCount', { n: detail.children.length })}</span>
              ) : null}
            </p>
          ) : null}
        </div>
        <div className="acct-head__actions">
          <MapLink accountId={a.id} />
          <Button variant="ghost" icon="trash" className="btn--danger-ghost" onClick={onDelete}>
            {t('accounts.detail.delete')}
          </Button>
        </div>
      </div>
      <dl className="acct-facts">
        <div className="acct-fact">
          <dt>{t('accounts.detail.owner')}</dt>
          <dd className="acct-fact__value">{a.ownerName ?? <span className="muted">{t('accounts.detail.noOwner')}</span>}</dd>
          <dd className="acct-fact__note">
            {ownerRole ? tk(t, `domain.personRole.${ownerRole}`) : null}
          </dd>
        </div>
        <div className="acct-fact">
          <dt>{t('domain.field.grade')}</dt>
          <dd className="acct-fact__value">
            {a.grade ? (
              <>
                <span className={cx('grade-tag', `grade-tag--${a.grade}`)}>{a.grade}</span>
                {cadence ? <span>{t('accounts.detail.gradeCadence', { days: cadence[a.grade] })}</span> : null}
              </>
            ) : (
              <span className="muted">{t('accounts.detail.noGrade')}</span>
            )}
          </dd>
          <dd className="acct-fact__note">{a.grade ? tk(t, `domain.gradeMeaning.${a.grade}`) : null}</dd>
        </div>
        <div className="acct-fact">
          <dt>{t('domain.field.lifecycle')}</dt>
          <dd className="acct-fact__value">
            {a.lifecycle ? (
              <Badge tone={a.lifecycle === 'decline' || a.lifecycle === 'exit' ? 'warning' : 'accent'}>{tk(t, `domain.lifecycle.${a.lifecycle}`)}</Badge>
            ) : (
              <span className="muted">{t('accounts.detail.noLifecycle')}</span>
            )}
          </dd>
          <dd className="acct-fact__note">{a.lifecycle ? tk(t, `domain.lifecycleAdvice.${a.lifecycle}`) : null}</dd>
        </div>
        <div className={cx('acct-fact', f.state === 'overdue' && 'acct-fact--alert')} data-testid="follow-up">
          <dt>{t('accounts.detail.followUp')}</dt>
          <dd className="acct-fact__value">
            {f.state === 'overdue' ? (
              <Badge tone="danger" title={why}>
                {tk(t, `domain.followUpLate.${f.reason ?? 'cadence'}`, { days: f.daysOverdue })}
              </Badge>
            ) : f.state === 'due' ? (
              <Badge tone="warning" title={why}>
                {t('accounts.detail.followDue')}
              </Badge>
            ) : f.state === 'ok' ? (
              <span title={why}>{t('accounts.detail.followOk', { date: shortDate(f.dueDate, locale) })}</span>
            ) : (
              <span className="muted">{t('accounts.detail.followNone')}</span>
            )}
          </dd>
          <dd className="acct-fact__note">
            {f.state === 'overdue' ? `${t('accounts.detail.followDueOn', { date: shortDate(f.dueDate, locale) })} · ` : null}
            {f.reason === 'next-step' ? t('accounts.detail.followReasonStep') : f.reason === 'cadence' ? t('accounts.detail.followReasonCadence') : null}
          </dd>
        </div>
      </dl>
    </header>
  );
}
