import { createAccount, listAccounts, renameAccount } from '../db/repos/accounts';
import type { HandlerGroup } from './types';

export const accountHandlers: HandlerGroup<'accounts-list' | 'accounts-create' | 'accounts-rename'> = {
  'accounts-list': ({ backend }, { search }) => listAccounts(backend.connection(), search),
  'accounts-create': ({ backend, emit }, { name }) => {
    const account = createAccount(backend.connection(), name, backend.now());
    emit('data-changed', { tables: ['accounts'] });
    return account;
  },
  'accounts-rename': ({ backend, emit }, { id, name }) => {
    const account = renameAccount(backend.connection(), id, name, backend.now());
    emit('data-changed', { tables: ['accounts'] });
    return account;
  },
};
