import { useTranslation } from 'react-i18next';
import { AreaIntro, PointList } from '../../app/AreaIntro';
import { Card } from '../../ui/Card';

const ROLES = ['decider', 'economic', 'technical', 'user', 'influencer', 'coach', 'gatekeeper', 'veto'] as const;

/** The stakeholder map's empty state: what the map answers, and the roles it tracks. */
export function StakeholdersPage() {
  const { t } = useTranslation();
  return (
    <AreaIntro title={t('stakeholders.title')} lead={t('stakeholders.lead')}>
      <PointList
        title={t('stakeholders.pointsTitle')}
        points={[t('stakeholders.points.levels'), t('stakeholders.points.lines'), t('stakeholders.points.gaps')]}
      />
      <Card title={t('stakeholders.roles.title')} lead={t('stakeholders.roles.lead')}>
        <ul className="roles" role="list">
          {ROLES.map((r) => (
            <li key={r} className="roles__item">
              <span className="roles__name">{t(`stakeholders.roles.${r}.name`)}</span>
              <span className="roles__hint">{t(`stakeholders.roles.${r}.hint`)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </AreaIntro>
  );
}
