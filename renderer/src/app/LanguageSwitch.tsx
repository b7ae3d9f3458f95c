import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/i18n';
import { currentLocale, setLocale } from '../i18n';
import { cx } from '../lib/cx';

/**
 * The language choice as a radio group. `compact` is the small segmented version for pages
 * outside the workspace (database problems, forbidden), with its legend for screen readers only.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  const hintId = useId();
  const locale = currentLocale();
  return (
    <fieldset className={cx('lang-switch', compact && 'lang-switch--compact')} aria-describedby={compact ? undefined : hintId}>
      <legend className={cx('lang-switch__legend', compact && 'visually-hidden')}>{t('language.legend')}</legend>
      <div className="lang-switch__options">
        {LOCALES.map((l: Locale) => (
          <label key={l} className={cx('lang-switch__option', l === locale && 'is-selected')} lang={l}>
            <input type="radio" name={name} value={l} checked={l === locale} onChange={() => void setLocale(l)} />
            <span>{t(`language.${l}`)}</span>
          </label>
        ))}
      </div>
      {compact ? null : (
        <p id={hintId} className="lang-switch__hint">
          {t('language.hint')}
        </p>
      )}
    </fieldset>
  );
}
