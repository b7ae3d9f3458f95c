/** The account page's way to its stakeholder map, with how many of the buyer's people it holds. */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';
import { ButtonLink } from '../../../ui/Button';
import { mapHref } from '../../stakeholders/route';

export function MapLink({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const people = useApiQuery('stakeholders-list', { accountId }, ['stakeholders']);
  const n = people.value?.length;
  return (
    <ButtonLink href={mapHref(accountId)} size="sm" variant="secondary" icon="stakeholders" data-testid="account-map-link">
      {n ? t('mapper.accountLink.people', { n }) : t('mapper.accountLink.none')}
    </ButtonLink>
  );
}
