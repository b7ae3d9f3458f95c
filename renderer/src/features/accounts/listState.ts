/**
 * What the accounts table shows: search, filters and sort. Kept in sessionStorage, so that coming
 * back from an account page (or reloading) finds the list as it was left.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccountQuery, AccountSortField } from '../../../../shared/api/accounts';
import { ACCOUNT_SORT_FIELDS } from '../../../../shared/api/accounts';
import { GRADES, LIFECYCLE_STAGES, type Grade, type LifecycleStage } from '../../../../shared/domain/enums';

export interface ListState {
  search: string;
  tierIds: number[];
  industries: string[];
  regions: string[];
  ownerIds: number[];
  lifecycles: LifecycleStage[];
  grades: Grade[];
  overdueOnly: boolean;
  sort: AccountSortField;
  desc: boolean;
  /** The saved view the state came from, until something is changed. */
  viewId: number | null;
}

export const INITIAL_LIST_STATE: ListState = {
  search: '',
  tierIds: [],
  industries: [],
  regions: [],
  ownerIds: [],
  lifecycles: [],
  grades: [],
  overdueOnly: false,
  sort: 'name',
  desc: false,
  viewId: null,
};

const KEY = 'keyplan.accounts.list';

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x) && x > 0) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T[] => strings(v).filter((x): x is T => (allowed as readonly string[]).includes(x));

/** A state from a saved view's query (or anything stored), keeping only what is valid. */
export function fromQuery(q: Partial<Record<keyof AccountQuery, unknown>>, viewId: number | null = null): ListState {
  const sort = typeof q.sort === 'string' && (ACCOUNT_SORT_FIELDS as readonly string[]).includes(q.sort) ? (q.sort as AccountSortField) : 'name';
  return {
    search: typeof q.search === 'string' ? q.search : '',
    tierIds: ids(q.tierIds),
    industries: strings(q.industries),
    regions: strings(q.regions),
    ownerIds: ids(q.ownerIds),
    lifecycles: oneOf(q.lifecycles, LIFECYCLE_STAGES),
    grades: oneOf(q.grades, GRADES),
    overdueOnly: q.overdueOnly === true,
    sort,
    desc: q.desc === true,
    viewId,
  };
}

/** The API query for a state (empty filters left out). */
export function toQuery(s: ListState, search = s.search): AccountQuery {
  const q: AccountQuery = { sort: s.sort, desc: s.desc };
  if (search.trim()) q.search = search.trim();
  if (s.tierIds.length) q.tierIds = s.tierIds;
  if (s.industries.length) q.industries = s.industries;
  if (s.regions.length) q.regions = s.regions;
  if (s.ownerIds.length) q.ownerIds = s.ownerIds;
  if (s.lifecycles.length) q.lifecycles = s.lifecycles;
  if (s.grades.length) q.grades = s.grades;
  if (s.overdueOnly) q.overdueOnly = true;
  return q;
}

export function filterCount(s: ListState): number {
  return s.tierIds.length + s.industries.length + s.regions.length + s.ownerIds.length + s.lifecycles.length + s.grades.length + (s.overdueOnly ? 1 : 0);
}

function load(): ListState {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return INITIAL_LIST_STATE;
    const parsed = JSON.parse(raw) as Partial<Record<keyof AccountQuery, unknown>> & { viewId?: unknown };
    return fromQuery(parsed, typeof parsed.viewId === 'number' ? parsed.viewId : null);
  } catch {
    return INITIAL_LIST_STATE;
  }
}

export function useListState(): [ListState, (patch: Partial<ListState>) => void, (s: ListState) => void] {
  const [state, setState] = useState<ListState>(load);
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // storage unavailable: the list still works, it just is not remembered
    }
  }, [state]);
  /** A change by the user: the state no longer is the saved view it came from. */
  const update = useCallback((patch: Partial<ListState>) => setState((s) => ({ ...s, viewId: null, ...patch })), []);
  return [state, update, setState];
}

/** Where the list was scrolled, for coming back from an account page. */
export const scrollMemory = { top: 0 };
