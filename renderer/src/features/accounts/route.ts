export const ACCOUNT_TABS = ['overview', 'revenue', 'interactions', 'opportunities', 'competitors', 'receivables'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

export function isAccountTab(v: string | undefined): v is AccountTab {
  return !!v && (ACCOUNT_TABS as readonly string[]).includes(v);
}

/** `#/accounts/12` or `#/accounts/12/revenue`. */
export function accountHref(id: number, tab?: AccountTab): string {
  return tab && tab !== 'overview' ? `#/accounts/${id}/${tab}` : `#/accounts/${id}`;
}

export const LIST_HREF = '#/accounts';
export const IMPORT_HREF = '#/import';

/** The bin: `#/accounts/bin`. */
export const BIN_HREF = '#/accounts/bin';
