import { useTranslation } from 'react-i18next';
import type { TableName } from '../../../../shared/api/tables';
import { useApiQuery } from '../../api/hooks';
import { Card } from '../Card';
import { HealthBadge, HealthReasons, HealthTrend } from './HealthParts';

/** What a health score is computed from: a change to any of these scores again. */
export const HEALTH_TABLES: readonly TableName[] = [
  'accounts',
  'account_revenue',
  'satisfaction',
  'interactions',
  'stakeholders',
  'health_warnings',
  'settings',
  'grade_cadence',
];

/** The account page's health: the score, the trend over the last four quarters and the top three reasons. */
export function AccountHealthCard({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const health = useApiQuery('health-get', { accountId }, HEALTH_TABLES);
  const h = health.value;
  return (
    <Card className="health-card" title={t('health.title')} lead={t('health.lead')}>
      {h ? (
        <div className="health-card__body" data-testid="account-health">
          <div className="health-card__score">
            <HealthBadge score={h.score} size="lg" />
            {h.warning ? <span className="badge badge--warning">{t('health.warning.suggested')}</span> : null}
          </div>
          <div className="health-card__trend">
            <p className="health-card__label">{t('health.trend')}</p>
            <HealthTrend trend={h.trend} />
          </div>
          <div className="health-card__reasons">
            <p className="health-card__label">{t('health.reasons')}</p>
            <HealthReasons reasons={h.reasons} />
          </div>
        </div>
      ) : null}
    </Card>
  );
}
