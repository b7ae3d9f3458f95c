/** The empty workspace: what the board is for, and the next step (add accounts). */
import { useTranslation } from 'react-i18next';
import { NextStep } from '../../app/NextStep';
import { Card } from '../../ui/Card';

const QUADRANT_INTRO = [
  { key: 'risingStar', cls: 'quad--rising' },
  { key: 'star', cls: 'quad--star' },
  { key: 'dog', cls: 'quad--dog' },
  { key: 'cashCow', cls: 'quad--cow' },
] as const;


/** The empty workspace: what the board is for, and the next step (add accounts). */
export function BoardIntro() {
  const { t } = useTranslation();
  return (
    <div className="area-intro">
      <div className="area-intro__main">
        <Card title={t('board.illustration')}>
          <figure className="quadrants">
            <div className="quadrants__y">{t('board.axisPotential')}</div>
            <div className="quadrants__grid">
              {QUADRANT_INTRO.map((q) => (
                <div key={q.key} className={`quad ${q.cls}`}>
                  <span className="quad__name">{t(`board.quadrants.${q.key}.name`)}</span>
                  <span className="quad__hint">{t(`board.quadrants.${q.key}.hint`)}</span>
                </div>
              ))}
            </div>
            <figcaption className="quadrants__x">{t('board.axisValue')}</figcaption>
          </figure>
          <p className="quadrants__note">{t('board.wildcatNote')}</p>
        </Card>
      </div>
      <div className="area-intro__side">
        <NextStep />
      </div>
    </div>
  );
}
