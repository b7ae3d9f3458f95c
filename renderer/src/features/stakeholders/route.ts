/**
 * The stakeholder map's places in the URL:
 * - `#/stakeholders`: the list of the accounts' maps;
 * - `#/stakeholders/<accountId>`: an account's map (everyone);
 * - `#/stakeholders/<accountId>/tender/<opportunityId>`: the tender map of one of its opportunities.
 */

export interface MapRoute {
  accountId: number;
  /** null: the account map. */
  tenderId: number | null;
}

const ID = /^[1-9]\d{0,15}$/;

/** The map a hash's segments after the area name (see routes.ts subPath); null: the list of maps. */
export function parseMapPath(segments: readonly string[]): MapRoute | null {
  const [account, kind, tender] = segments;
  if (!account || !ID.test(account)) return null;
  const accountId = Number(account);
  if (kind === 'tender' && tender && ID.test(tender)) return { accountId, tenderId: Number(tender) };
  return { accountId, tenderId: null };
}

export const MAPS_HREF = '#/stakeholders';

export function mapHref(accountId: number, tenderId: number | null = null): string {
  return tenderId === null ? `#/stakeholders/${accountId}` : `#/stakeholders/${accountId}/tender/${tenderId}`;
}
