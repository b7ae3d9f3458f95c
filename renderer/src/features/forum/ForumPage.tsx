import { useTranslation } from 'react-i18next';
import { AreaIntro, PointList } from '../../app/AreaIntro';
import { Card } from '../../ui/Card';

const SLIDES = ['cover', 'review', 'portfolio', 'plan'] as const;

/** The customer forum's empty state: what the deck covers, and its running order. */
export function ForumPage() {
  const { t } = useTranslation();
  return (
    <AreaIntro title={t('forum.title')} lead={t('forum.lead')}>
      <PointList
        title={t('forum.pointsTitle')}
        points={[t('forum.points.review'), t('forum.points.portfolio'), t('forum.points.plan')]}
      />
      <Card title={t('forum.deck.title')}>
        <ol className="deck">
          {SLIDES.map((s) => (
            <li key={s} className="deck__slide">
              <span className="deck__title">{t(`forum.deck.${s}`)}</span>
              <span className="deck__lines" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </AreaIntro>
  );
}
