import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';
import { ButtonLink } from '../ui/Button';
import { Card } from '../ui/Card';
import { hrefOf } from './routes';

/** Points from an area that builds on the account list to that list: add accounts, or review them. */
export function NextStep() {
  const { t } = useTranslation();
  const accounts = useApiQuery('accounts-list', {}, ['accounts']);
  const n = accounts.value?.length;
  return (
    <Card title={t('nextStep.title')} className="next-step">
      {n === undefined ? null : n === 0 ? (
        <>
          <p className="next-step__text">{t('nextStep.noAccounts')}</p>
          <ButtonLink href={hrefOf('accounts')} variant="primary" icon="plus">
            {t('nextStep.addAccounts')}
          </ButtonLink>
        </>
      ) : (
        <>
          <p className="next-step__text">{t('nextStep.haveAccounts', { n })}</p>
          <ButtonLink href={hrefOf('accounts')} variant="secondary" icon="arrow-right">
            {t('nextStep.reviewAccounts')}
          </ButtonLink>
        </>
      )}
    </Card>
  );
}
