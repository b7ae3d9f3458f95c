import { useTranslation } from 'react-i18next';
import { AreaIntro, PointList } from '../../app/AreaIntro';
import { Card } from '../../ui/Card';

const SECTIONS = [
  'overview',
  'review',
  'competitors',
  'analysis',
  'objectives',
  'strategy',
  'dmu',
  'team',
  'actions',
  'resources',
  'risks',
  'measures',
] as const;

/** Annual plans' empty state: what a plan holds, and its outline. */
export function PlansPage() {
  const { t } = useTranslation();
  return (
    <AreaIntro title={t('plans.title')} lead={t('plans.lead')}>
      <PointList
        title={t('plans.pointsTitle')}
        points={[t('plans.points.sections'), t('plans.points.targets'), t('plans.points.workflow')]}
      />
      <Card title={t('plans.outline.title')} className="outline-card">
        <ol className="outline">
          {SECTIONS.map((s) => (
            <li key={s} className="outline__item">
              {t(`plans.outline.${s}`)}
            </li>
          ))}
        </ol>
      </Card>
    </AreaIntro>
  );
}
