import { useTranslation } from 'react-i18next';
import { AreaIntro } from '../../app/AreaIntro';
import { Card } from '../../ui/Card';

const QUADRANTS = [
  // Laid out with current value growing to the right and future potential growing upwards.
  { key: 'wildcat', cls: 'quad--wildcat' },
  { key: 'star', cls: 'quad--star' },
  { key: 'dog', cls: 'quad--dog' },
  { key: 'cashCow', cls: 'quad--cow' },
] as const;

/** The quadrant board's empty state: the four quadrants and what each calls for. */
export function BoardPage() {
  const { t } = useTranslation();
  return (
    <AreaIntro title={t('board.title')} lead={t('board.lead')}>
      <Card title={t('board.illustration')}>
        <figure className="quadrants">
          <div className="quadrants__y">{t('board.axisPotential')}</div>
          <div className="quadrants__grid">
            {QUADRANTS.map((q) => (
              <div key={q.key} className={`quad ${q.cls}`}>
                <span className="quad__name">{t(`board.quadrants.${q.key}.name`)}</span>
                <span className="quad__hint">{t(`board.quadrants.${q.key}.hint`)}</span>
              </div>
            ))}
          </div>
          <figcaption className="quadrants__x">{t('board.axisValue')}</figcaption>
        </figure>
      </Card>
    </AreaIntro>
  );
}
