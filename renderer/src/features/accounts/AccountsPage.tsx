import { useSubPath } from '../../app/routes';
import { AccountsBin } from './AccountsBin';
import { AccountsList } from './AccountsList';
import { AccountPage } from './detail/AccountPage';
import { isAccountTab } from './route';

/** #/accounts: the table; #/accounts/bin: the recycle bin; #/accounts/<id>[/<tab>]: one account's page. */
export function AccountsPage() {
  const [id, tab] = useSubPath();
  if (id === 'bin') return <AccountsBin />;
  const accountId = id && /^\d+$/.test(id) ? Number(id) : null;
  if (accountId !== null) return <AccountPage key={accountId} id={accountId} tab={isAccountTab(tab) ? tab : 'overview'} />;
  return <AccountsList />;
}
