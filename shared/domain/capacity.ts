/**
 * Service capacity (鸡头凤尾, domain.md "Reading the portfolio's health"): the visits and calls each
 * owner's accounts require in a quarter by their tier's standard (compliance.ts), against the days
 * that owner has for customer work; the what-if of moving accounts between owners; and the
 * service-inversion flag (a lower tier served better than a higher one).
 *
 * The model, kept simple on purpose: a person has `quarterDays` days of customer work in a quarter
 * and does `visitsPerDay` visits or `callsPerDay` calls in one such day. A visit therefore costs
 * 1/visitsPerDay of a day and a call 1/callsPerDay. The days an owner needs are the whole quarter's
 * standard of all their accounts, costed that way; the load is needed / available days, and the
 * forecast compliance is what fits: min(1, available / needed). Pure: runs on the client for the
 * what-if and in the backend for the CLI.
 */
import { compliance, required, sumCompliance, type ComplianceFigures, type ContactCount, type ServiceStandard } from './compliance';
import { quarterOf, type Quarter } from './dates';

/** Defaults of a person's capacity (migration 0014): 40 days of customer work a quarter, 2 visits or 12 calls a day. */
export const DEFAULT_CAPACITY = { quarterDays: 40, visitsPerDay: 2, callsPerDay: 12 } as const;
/** Bounds of the capacity fields (Settings → people; the database checks them too). */
export const CAPACITY_LIMITS = { quarterDays: [0, 92], visitsPerDay: [1, 20], callsPerDay: [1, 200] } as const;

export interface PersonCapacity {
  /** Days in a quarter for customer work (visits and calls), 0-92. */
  quarterDays: number;
  /** Visits in one such day, 1-20. */
  visitsPerDay: number;
  /** Calls in one such day, 1-200. */
  callsPerDay: number;
}

export interface CapacityOwner extends PersonCapacity {
  id: number;
  name: string;
}

export interface CapacityTier extends ServiceStandard {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  /** 1 is the top tier. */
  rank: number;
}

export interface CapacityAccount {
  id: number;
  name: string;
  ownerId: number | null;
  tierId: number | null;
  /** Visits and calls delivered in the quarter up to `asOf`. */
  done: ContactCount;
}

/** What the capacity screen and the CLI compute from (capacity-view). */
export interface CapacityInput {
  quarter: Quarter;
  /** The day delivered follow-ups are counted to: today within the quarter, its end for a past one, its start for a future one. */
  asOf: string;
  owners: CapacityOwner[];
  tiers: CapacityTier[];
  /** Live accounts (not in the bin, not churned). */
  accounts: CapacityAccount[];
}

export interface OwnerLoad {
  /** null: the accounts without an owner (no days at all). */
  ownerId: number | null;
  name: string | null;
  accounts: number;
  /** The whole quarter's standard of their accounts. */
  need: ContactCount;
  /** Days that standard takes (2 decimals). */
  needDays: number;
  /** Days available (0 without an owner). */
  days: number;
  /** needDays / days; null when no days are available (with something needed: cannot be met). */
  load: number | null;
  /** Forecast compliance: min(1, days / needDays), 1 when nothing is needed. */
  forecast: number;
  /** Cannot meet the standard: needs more days than available. */
  overloaded: boolean;
  /** Delivered so far against the standard pro rata to `asOf` (for the accounts they hold now). */
  actual: ComplianceFigures;
}

export interface TierService {
  tierId: number;
  key: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  accounts: number;
  /** Delivered against the standard pro rata to `asOf`. */
  actual: ComplianceFigures;
  /** Visits and calls delivered per account this quarter. */
  followUpsPerAccount: number;
}

export interface Inversion {
  /** The better tier (lower rank) served worse... */
  higher: string;
  /** ...than this lower one. */
  lower: string;
  measure: 'compliance' | 'follow-ups';
  higherValue: number;
  lowerValue: number;
}

/** A what-if: account id → its new owner (null: no owner). */
export type Moves = ReadonlyMap<number, number | null>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The days a standard takes a person with this capacity. */
export function daysNeeded(need: ContactCount, cap: Pick<PersonCapacity, 'visitsPerDay' | 'callsPerDay'>): number {
  return need.visits / cap.visitsPerDay + need.calls / cap.callsPerDay;
}

/** The quarter named `YYYY-Qn` (null when it is not one). */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  return quarterOf(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
}

export const quarterLabel = (q: Pick<Quarter, 'year' | 'q'>): string => `${q.year}-Q${q.q}`;

/** The day follow-ups are counted to for `quarter` seen on `today`. */
export function asOfDate(quarter: Quarter, today: string): string {
  return today < quarter.start ? quarter.start : today > quarter.end ? quarter.end : today;
}

/**
 * Each owner's load for the quarter, with `moves` applied (the what-if). Owners come in the order
 * given, then the accounts without an owner (when there are any). One pass over the accounts.
 */
export function ownerLoads(input: CapacityInput, moves: Moves = new Map()): OwnerLoad[] {
  const tierOf = new Map(input.tiers.map((t) => [t.id, t]));
  const full = new Map(input.tiers.map((t) => [t.id, required(t, input.quarter.start)]));
  const proRata = new Map(input.tiers.map((t) => [t.id, required(t, input.asOf, true)]));
  interface Acc { accounts: number; visits: number; calls: number; actual: ComplianceFigures[] }
  const acc = new Map<number | null, Acc>();
  const slot = (id: number | null): Acc => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { accounts: 0, visits: 0, calls: 0, actual: [] }));
    return a;
  };
  for (const o of input.owners) slot(o.id);
  for (const a of input.accounts) {
    const ownerId = moves.has(a.id) ? moves.get(a.id)! : a.ownerId;
    const s = slot(acc.has(ownerId) ? ownerId : null);
    s.accounts++;
    const t = a.tierId === null ? undefined : tierOf.get(a.tierId);
    if (!t) continue;
    const need = full.get(t.id)!;
    s.visits += need.visits;
    s.calls += need.calls;
    s.actual.push(compliance(a.done, proRata.get(t.id)!));
  }
  const result: OwnerLoad[] = [];
  const make = (ownerId: number | null, name: string | null, cap: PersonCapacity | null): OwnerLoad => {
    const a = acc.get(ownerId)!;
    const need = { visits: a.visits, calls: a.calls };
    const nd = cap ? daysNeeded(need, cap) : need.visits + need.calls > 0 ? Infinity : 0;
    const days = cap?.quarterDays ?? 0;
    const load = days > 0 ? nd / days : null;
    const forecast = nd === 0 ? 1 : Number.isFinite(nd) ? Math.min(1, days / nd) : 0;
    return {
      ownerId,
      name,
      accounts: a.accounts,
      need,
      needDays: Number.isFinite(nd) ? round2(nd) : need.visits + need.calls,
      days,
      load,
      forecast,
      overloaded: nd > days + 1e-9,
      actual: sumCompliance(a.actual),
    };
  };
  for (const o of input.owners) result.push(make(o.id, o.name, o));
  if (acc.get(null)?.accounts) result.push(make(null, null, null));
  return result;
}

/** Per tier (top first): delivered follow-ups this quarter against the standard, and per account. */
export function tierService(input: CapacityInput): TierService[] {
  const by = new Map<number, { accounts: number; done: number; c: ComplianceFigures[] }>();
  for (const t of input.tiers) by.set(t.id, { accounts: 0, done: 0, c: [] });
  const proRata = new Map(input.tiers.map((t) => [t.id, required(t, input.asOf, true)]));
  for (const a of input.accounts) {
    const s = a.tierId === null ? undefined : by.get(a.tierId);
    if (!s) continue;
    s.accounts++;
    s.done += a.done.visits + a.done.calls;
    s.c.push(compliance(a.done, proRata.get(a.tierId!)!));
  }
  return [...input.tiers]
    .sort((a, b) => a.rank - b.rank || a.id - b.id)
    .map((t) => {
      const s = by.get(t.id)!;
      return {
        tierId: t.id,
        key: t.key,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        rank: t.rank,
        accounts: s.accounts,
        actual: sumCompliance(s.c),
        followUpsPerAccount: s.accounts === 0 ? 0 : round2(s.done / s.accounts),
      };
    });
}

/**
 * Service inversion: every pair of tiers (both with accounts) where the lower one is served better
 * than the higher one this quarter - a higher compliance ratio (by more than a percentage point),
 * or more follow-ups per account (a higher tier's standard asks for at least as many).
 */
export function inversions(tiers: readonly TierService[]): Inversion[] {
  const live = tiers.filter((t) => t.accounts > 0).sort((a, b) => a.rank - b.rank);
  const out: Inversion[] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const hi = live[i]!;
      const lo = live[j]!;
      if (lo.rank === hi.rank) continue;
      if (lo.actual.ratio > hi.actual.ratio + 0.01) out.push({ higher: hi.key, lower: lo.key, measure: 'compliance', higherValue: hi.actual.ratio, lowerValue: lo.actual.ratio });
      if (lo.followUpsPerAccount > hi.followUpsPerAccount) out.push({ higher: hi.key, lower: lo.key, measure: 'follow-ups', higherValue: hi.followUpsPerAccount, lowerValue: lo.followUpsPerAccount });
    }
  }
  return out;
}

/** The moves that change something (an account moved to the owner it already has is no move). */
export function effectiveMoves(input: CapacityInput, moves: Moves): { accountId: number; from: number | null; to: number | null }[] {
  const owner = new Map(input.accounts.map((a) => [a.id, a.ownerId]));
  const out: { accountId: number; from: number | null; to: number | null }[] = [];
  for (const [accountId, to] of moves) {
    if (!owner.has(accountId)) continue;
    const from = owner.get(accountId)!;
    if (from !== to) out.push({ accountId, from, to });
  }
  return out;
}
