/**
 * Finding what the user named on the command line - accounts (--account, --accounts), opportunities
 * (--tender), tiers (--tier) and our people (--owner) - through the handlers, the one way every verb
 * and the accounts filter do it. Names first (exact, then ignoring letter case); an account or
 * opportunity may also be given by id. A refusal names things by name, never by id, and offers the
 * close names ("did you mean") or the names there are; each one is printed in the language of
 * --locale (cli/say.ts) with the name as the user typed it.
 */
import type { StakeholderMap, TenderRef } from '../../../shared/api/stakeholders';
import { AppError } from '../../../shared/api/errors';
import type { Backend } from '../backend';
import { usage } from './say';
import { cell } from './text';

/** How many close names a "did you mean" offers. */
const NEAR = 5;

/** Up to NEAR names that contain `wanted` ignoring letter case, escaped and joined with "; ". */
function near(names: readonly string[], wanted: string): string {
  const w = wanted.toLowerCase();
  return names.filter((n) => n.toLowerCase().includes(w)).slice(0, NEAR).map(cell).join('; ');
}

/**
 * The live account with exactly this name; else, for a number, the account with that id; else the
 * one whose name matches ignoring letter case. A refusal names accounts by name, never by id.
 */
export async function findAccount(backend: Backend, name: string | undefined): Promise<{ id: number; name: string }> {
  if (name === undefined || name.trim() === '') throw usage('accountRequired');
  const wanted = name.trim();
  const all = await backend.call('accounts-list', {});
  const exact = all.filter((a) => a.name === wanted);
  if (exact.length === 1) return exact[0]!;
  if (/^\d+$/.test(wanted)) {
    const byId = all.find((a) => a.id === Number(wanted));
    if (byId) return byId;
  }
  const folded = all.filter((a) => a.name.toLowerCase() === wanted.toLowerCase());
  if (folded.length === 1) return folded[0]!;
  if (folded.length > 1) {
    const names = folded.map((a) => cell(a.name)).join('; ');
    throw new AppError('account-ambiguous', `"${wanted}" matches ${folded.length} accounts (${names}); give the exact name.`, { name: wanted, names });
  }
  const close = near(all.map((a) => a.name), wanted);
  throw new AppError('account-not-found', `No account named "${wanted}".${close ? ` Did you mean: ${close}?` : ''}`, { name: wanted, near: close });
}

/** The accounts of a list of names (each one as findAccount), in order, each once. */
export async function findAccounts(backend: Backend, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const a = await findAccount(backend, name);
    if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

/** The opportunity with this name in the account's map (or this id); refuses an ambiguous name. */
export function findTender(map: StakeholderMap, name: string): TenderRef {
  const wanted = name.trim();
  const exact = map.tenders.filter((t) => t.name === wanted);
  if (exact.length === 1) return exact[0]!;
  const account = cell(map.account.name);
  if (exact.length > 1) {
    const ids = exact.map((t) => t.id).join(', ');
    throw new AppError('tender-ambiguous', `${account} has ${exact.length} opportunities named "${wanted}" (ids ${ids}); give --tender ID.`, { account, name: wanted, n: exact.length, ids });
  }
  if (/^\d+$/.test(wanted)) {
    const byId = map.tenders.find((t) => t.id === Number(wanted));
    if (byId) return byId;
  }
  const choices = map.tenders.map((t) => cell(t.name)).join('; ');
  throw new AppError('tender-not-found', `${account} has no opportunity named "${wanted}".${choices ? ` Its opportunities: ${choices}.` : ' It has no opportunities.'}`, {
    account,
    name: wanted,
    choices,
  });
}

/** The tiers named (by key, Chinese name or English name, the latter two ignoring case): their ids. An unknown one is refused with the tiers there are. */
export async function findTiers(backend: Backend, names: readonly string[]): Promise<number[]> {
  const all = await backend.call('tiers-list', {});
  return names.map((name) => {
    const n = name.toLowerCase();
    const t = all.find((x) => x.key.toLowerCase() === n || x.nameZh === name || x.nameEn.toLowerCase() === n);
    if (!t) throw usage('unknownTier', { name: cell(name), tiers: all.map((x) => cell(x.key)).join(', ') });
    return t.id;
  });
}

/** Our people named (exactly, else ignoring letter case): their ids. An unknown one is refused with the close names. */
export async function findPeople(backend: Backend, names: readonly string[]): Promise<number[]> {
  const all = await backend.call('people-list', {});
  return names.map((name) => {
    const p = all.find((x) => x.name === name) ?? all.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!p) {
      const close = near(all.map((x) => x.name), name);
      throw usage(close ? 'unknownOwnerNear' : 'unknownOwner', { name: cell(name), near: close });
    }
    return p.id;
  });
}
