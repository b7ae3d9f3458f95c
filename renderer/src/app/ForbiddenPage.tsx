import { Trans, useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { Standalone } from './Standalone';

/** The preview was opened without its token (or with a stale one). */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Standalone>
      <section className="problem problem--neutral" aria-labelledby="forbidden-title">
        <div className="problem__head">
          <span className="problem__icon">
            <Icon name="lock" size={22} />
          </span>
          <h1 id="forbidden-title" className="problem__title" tabIndex={-1}>
            {t('forbidden.title')}
          </h1>
        </div>
        <p className="problem__body">
          <Trans i18nKey="forbidden.body" components={{ cmd: <code className="inline-code" /> }} />
        </p>
        <p className="problem__body">{t('forbidden.example')}</p>
        <pre className="terminal">
          <code>{t('forbidden.sample')}</code>
        </pre>
        <p className="problem__note">{t('forbidden.why')}</p>
      </section>
    </Standalone>
  );
}
