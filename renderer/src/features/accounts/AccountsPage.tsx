import { useSubPath } from '../../app/routes';
import { AccountsList } from './AccountsList';
import { AccountPage } from './detail/AccountPage';
import { isAccountTab } from './href';

/** #/accounts: the table; #/accounts/<id>[/<tab>]: one account's page. */
export function AccountsPage() {
  const [id, tab] = useSubPath();
  const accountId = id && /^\d+$/.test(id) ? Number(id) : null;
  if (accountId !== null) return <AccountPage key={accountId} id={accountId} tab={isAccountTab(tab) ? tab : 'overview'} />;
  return <AccountsList />;
}
