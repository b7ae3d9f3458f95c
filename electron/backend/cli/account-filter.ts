/**
 * The accounts filter of `list accounts` and `export accounts`: the accounts list's filter
 * (accounts-query) from flags. Values are comma-separated lists; tiers by key or name, owners by name.
 */
import type { AccountQuery } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { GRADES, type Grade } from '../../../shared/domain/enums';
import { UsageError } from '../args';
import type { Backend } from '../backend';
import type { Flags } from './verbs/types';

export const FILTER_USAGE = '[--search TEXT] [--tier T1,T2] [--owner NAME,...] [--industry I,...] [--region R,...] [--grade A,B] [--overdue]';

const list = (v: string | undefined): string[] | undefined => {
  if (v === undefined) return undefined;
  const parts = v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts : undefined;
};

/** True when any filter flag is given. */
export function hasFilter(flags: Flags): boolean {
  return [flags.search, flags.tier, flags.owner, flags.industry, flags.region, flags.grade].some((v) => v !== undefined) || !!flags.overdue;
}

/** Checks what can be checked before the database opens (grades). */
export function checkFilter(flags: Flags): void {
  for (const g of list(flags.grade) ?? []) {
    if (!(GRADES as readonly string[]).includes(g.toUpperCase())) throw new UsageError(`--grade takes A, B, C, D or E, not "${g}"`);
  }
  if (flags.search !== undefined && flags.search.length > 200) throw new UsageError('--search is at most 200 characters');
}

/** The accounts-query filter of the flags; an unknown tier or owner is refused with the names there are. */
export async function filterQuery(backend: Backend, flags: Flags): Promise<AccountQuery> {
  const q: AccountQuery = {};
  if (flags.search?.trim()) q.search = flags.search.trim();
  const tiers = list(flags.tier);
  if (tiers) {
    const all = await backend.call('tiers-list', {});
    q.tierIds = tiers.map((name) => {
      const n = name.toLowerCase();
      const t = all.find((x) => x.key.toLowerCase() === n || x.nameZh === name || x.nameEn.toLowerCase() === n);
      if (!t) throw new AppError('not-found', `No tier "${name}". Tiers: ${all.map((x) => x.key).join(', ')}.`, { name });
      return t.id;
    });
  }
  const owners = list(flags.owner);
  if (owners) {
    const all = await backend.call('people-list', {});
    q.ownerIds = owners.map((name) => {
      const p = all.find((x) => x.name === name) ?? all.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!p) throw new AppError('not-found', `No person "${name}" among our people.`, { name });
      return p.id;
    });
  }
  const industries = list(flags.industry);
  if (industries) q.industries = industries;
  const regions = list(flags.region);
  if (regions) q.regions = regions;
  const grades = list(flags.grade);
  if (grades) q.grades = grades.map((g) => g.toUpperCase() as Grade);
  if (flags.overdue) q.overdueOnly = true;
  return q;
}
