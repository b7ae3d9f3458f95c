/**
 * Account health on screen (README, "Health and early warning"): the score as a badge, its trend
 * over the last four quarters as a small line, and its top reasons in words. Shared by the account
 * page, the accounts list, Today and the portfolio.
 */
import { useTranslation } from 'react-i18next';
import type { HealthPoint } from '../../../../shared/api/health';
import type { HealthReason } from '../../../../shared/domain/health';
import { reasonText } from '../../../../shared/domain/health-words';
import { currentLocale } from '../../i18n';
import { shortDate } from '../../lib/format';

/** The tone of a score: good from 75, watch from 50, bad below. */
export function healthTone(score: number): 'good' | 'watch' | 'bad' {
  return score >= 75 ? 'good' : score >= 50 ? 'watch' : 'bad';
}

export function HealthBadge({ score, size = 'sm' }: { score: number; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <span className={`health-badge health-badge--${healthTone(score)} health-badge--${size}`} title={t('health.scoreOf', { score })} data-testid="health-score">
      {score}
    </span>
  );
}

/** The trend as a small line with its points named for screen readers. */
export function HealthTrend({ trend }: { trend: readonly HealthPoint[] }) {
  const { t, i18n } = useTranslation();
  const w = 160;
  const h = 44;
  const x = (i: number) => 6 + (i * (w - 12)) / Math.max(1, trend.length - 1);
  const y = (s: number) => 4 + ((100 - s) * (h - 8)) / 100;
  const label = trend.map((p) => t('health.trendPoint', { date: shortDate(p.date, i18n.language), score: p.score })).join('; ');
  return (
    <figure className="health-trend" data-testid="health-trend">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`${t('health.trendChart')}: ${label}`}>
        <line x1={0} x2={w} y1={y(60)} y2={y(60)} className="health-trend__grid" />
        <polyline points={trend.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')} className="health-trend__line" />
        {trend.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.score)} r={3} className={`health-trend__dot health-trend__dot--${healthTone(p.score)}`} />
        ))}
      </svg>
      <figcaption className="health-trend__caption tabular">{trend.map((p) => p.score).join(' → ')}</figcaption>
    </figure>
  );
}

/** The top reasons in words, each with the points it cost. */
export function HealthReasons({ reasons, n = 3 }: { reasons: readonly HealthReason[]; n?: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (reasons.length === 0) return <p className="muted">{t('health.noReasons')}</p>;
  return (
    <ul className="health-reasons" data-testid="health-reasons">
      {reasons.slice(0, n).map((r) => (
        <li key={r.input}>
          <span className="health-reasons__text">{reasonText(r, locale)}</span>
          <span className="health-reasons__points tabular">{t('health.lostPoints', { points: r.points })}</span>
        </li>
      ))}
    </ul>
  );
}
