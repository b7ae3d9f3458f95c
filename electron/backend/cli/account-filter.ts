/**
 * The accounts filter of `list accounts` and `export accounts`: the accounts list's filter
 * (accounts-query) from flags. Values are comma-separated lists; tiers by key or name, owners by name
 * (cli/lookup.ts). Every refusal is a keyed usage error, printed in the language of --locale with
 * the value as the user typed it.
 */
import type { AccountQuery } from '../../../shared/api/accounts';
import { GRADES, type Grade } from '../../../shared/domain/enums';
import type { Backend } from '../backend';
import { listFlag, type Flags } from './flags';
import { findPeople, findTiers } from './lookup';
import { usage } from './say';
import { cell } from './text';

export const FILTER_USAGE = '[--search TEXT] [--tier T1,T2] [--owner NAME,...] [--industry I,...] [--region R,...] [--grade A,B] [--overdue]';

/** The longest --search (as the accounts list's search box). */
const SEARCH_MAX = 200;

/** True when any filter flag is given. */
export function hasFilter(flags: Flags): boolean {
  return [flags.search, flags.tier, flags.owner, flags.industry, flags.region, flags.grade].some((v) => v !== undefined) || !!flags.overdue;
}

/** Checks what can be checked before the database opens (grades, the search's length). */
export function checkFilter(flags: Flags): void {
  for (const g of listFlag(flags.grade) ?? []) {
    if (!(GRADES as readonly string[]).includes(g.toUpperCase())) throw usage('grade', { value: cell(g) });
  }
  if (flags.search !== undefined && flags.search.length > SEARCH_MAX) throw usage('searchLong', { max: SEARCH_MAX });
}

/** The accounts-query filter of the flags; an unknown tier or owner is refused with the names there are. */
export async function filterQuery(backend: Backend, flags: Flags): Promise<AccountQuery> {
  const q: AccountQuery = {};
  if (flags.search?.trim()) q.search = flags.search.trim();
  const tiers = listFlag(flags.tier);
  if (tiers) q.tierIds = await findTiers(backend, tiers);
  const owners = listFlag(flags.owner);
  if (owners) q.ownerIds = await findPeople(backend, owners);
  const industries = listFlag(flags.industry);
  if (industries) q.industries = industries;
  const regions = listFlag(flags.region);
  if (regions) q.regions = regions;
  const grades = listFlag(flags.grade);
  if (grades) q.grades = grades.map((g) => g.toUpperCase() as Grade);
  if (flags.overdue) q.overdueOnly = true;
  return q;
}
