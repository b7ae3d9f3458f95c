import { useTranslation } from 'react-i18next';
import type { ComplianceFigures } from '../../../../shared/domain/compliance';
import { cx } from '../../lib/cx';
import { formatPercent } from '../../lib/figures';

/** How well a ratio meets the standard: calm green from 80%, amber from 50%, red below. */
export function complianceTone(ratio: number): 'good' | 'fair' | 'poor' {
  return ratio >= 0.8 ? 'good' : ratio >= 0.5 ? 'fair' : 'poor';
}

/** A bar and the percentage of the standard met; the percentage is the accessible text. */
export function ComplianceBar({ figures }: { figures: ComplianceFigures }) {
  const { t, i18n } = useTranslation();
  const pct = formatPercent(figures.ratio, i18n.language);
  return (
    <div className="compliance-bar" title={t('today.compliance.ratioOf', { pct })}>
      <span className="compliance-bar__track" aria-hidden="true">
        <span className={cx('compliance-bar__fill', `compliance-bar__fill--${complianceTone(figures.ratio)}`)} style={{ width: `${Math.round(figures.ratio * 100)}%` }} />
      </span>
      <span className="compliance-bar__value tabular">{pct}</span>
    </div>
  );
}

/** "5 / 4": done against required, colour only as a second cue (the numbers say it). */
export function DoneOf({ done, required }: { done: number; required: number }) {
  const { t } = useTranslation();
  return (
    <span className={cx('tabular', done < required && 'done-of--short')}>
      {t('today.totals.doneOf', { done, required })}
    </span>
  );
}
