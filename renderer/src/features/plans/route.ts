/**
 * The plans' places in the URL:
 * - `#/plans`: the list of plans;
 * - `#/plans/<accountId>/<year>`: one plan, the editor (optionally `#…/<year>/<section>`).
 */

export interface PlanRoute {
  accountId: number;
  year: number;
}

const ID = /^[1-9]\d{0,15}$/;
const YEAR = /^\d{4}$/;

/** The plan a hash's segments after the area name name; null: the list of plans. */
export function parsePlanPath(segments: readonly string[]): PlanRoute | null {
  const [account, year] = segments;
  if (!account || !ID.test(account) || !year || !YEAR.test(year)) return null;
  return { accountId: Number(account), year: Number(year) };
}

export const PLANS_HREF = '#/plans';

export function planHref(accountId: number, year: number): string {
  return `#/plans/${accountId}/${year}`;
}
