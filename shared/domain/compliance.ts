/**
 * Service-standard compliance: the tier sets visits per quarter and calls per month; compliance is
 * what was done in the quarter against what the standard asks for by then (or for the whole quarter).
 */
import { daysBetween, quarterOf } from './dates';

export interface ServiceStandard {
  visitsPerQuarter: number;
  callsPerMonth: number;
}

export interface ComplianceFigures {
  visitsDone: number;
  visitsRequired: number;
  callsDone: number;
  callsRequired: number;
  /** done / required over visits and calls together, 0..1 (1 when nothing is required). */
  ratio: number;
}

export interface ContactCount {
  visits: number;
  calls: number;
}

/**
 * What was required in the quarter of `today`. With `proRata`, only the part of the quarter that has
 * passed counts (a standard of 2 visits is 1 visit half-way through), rounded down.
 */
export function required(standard: ServiceStandard, today: string, proRata = false): ContactCount {
  const quarter = quarterOf(today);
  const share = proRata ? (daysBetween(quarter.start, today) + 1) / (daysBetween(quarter.start, quarter.end) + 1) : 1;
  return {
    visits: Math.floor(standard.visitsPerQuarter * share + 1e-9),
    calls: Math.floor(standard.callsPerMonth * 3 * share + 1e-9),
  };
}

export function compliance(done: ContactCount, need: ContactCount): ComplianceFigures {
  const req = need.visits + need.calls;
  const got = Math.min(done.visits, need.visits) + Math.min(done.calls, need.calls);
  return {
    visitsDone: done.visits,
    visitsRequired: need.visits,
    callsDone: done.calls,
    callsRequired: need.calls,
    ratio: req === 0 ? 1 : got / req,
  };
}

/** Sums several accounts' figures (per owner). */
export function sumCompliance(items: readonly ComplianceFigures[]): ComplianceFigures {
  const done = { visits: 0, calls: 0 };
  const need = { visits: 0, calls: 0 };
  let capped = 0;
  for (const c of items) {
    done.visits += c.visitsDone;
    done.calls += c.callsDone;
    need.visits += c.visitsRequired;
    need.calls += c.callsRequired;
    capped += Math.min(c.visitsDone, c.visitsRequired) + Math.min(c.callsDone, c.callsRequired);
  }
  const req = need.visits + need.calls;
  return {
    visitsDone: done.visits,
    visitsRequired: need.visits,
    callsDone: done.calls,
    callsRequired: need.calls,
    ratio: req === 0 ? 1 : capped / req,
  };
}
