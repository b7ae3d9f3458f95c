import { useCallback, useEffect, useState } from 'react';
import type { Args, EventName, Method, Result, TableName } from '../../../shared/api/contract';
import { ALL_TABLES, api, ApiFailure, onEvent, type ClientEvents } from './client';

/** Subscribes to a backend event for the component's lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: ClientEvents[E]) => void): void {
  useEffect(() => onEvent(event, listener), [event, listener]);
}

export interface Query<T> {
  /** The latest value; kept while a refetch (new arguments, changed data) is under way. */
  value: T | undefined;
  error: ApiFailure | null;
  /** True until the value for the current arguments has arrived. */
  loading: boolean;
  reload: () => void;
}

function toFailure(e: unknown): ApiFailure {
  if (e instanceof ApiFailure) return e;
  console.error(e);
  return new ApiFailure({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
}

/**
 * Calls a read method and keeps its result. Refetches when the arguments change, when
 * 'data-changed' names one of `tables` (the tables the methods that change what it shows declare
 * they `writes`, shared/api/tables.ts), and when the database itself changes ('db-changed').
 */
export function useApiQuery<M extends Method>(method: M, args: Args<M>, tables: readonly TableName[] = []): Query<Result<M>> {
  const argsJson = JSON.stringify(args ?? {});
  const tablesKey = tables.join(',');
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; value?: Result<M>; error: ApiFailure | null }>({
    key: '',
    error: null,
  });
  const key = `${method}|${argsJson}|${tick}`;

  useEffect(() => {
    let live = true;
    api(method, JSON.parse(argsJson) as Args<M>).then(
      (value) => {
        if (live) setState({ key, value, error: null });
      },
      (e: unknown) => {
        if (live) setState((s) => ({ key, value: s.value, error: toFailure(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [method, argsJson, key]);

  useEffect(() => {
    const watched = new Set(tablesKey ? tablesKey.split(',') : []);
    const offData = onEvent('data-changed', ({ tables: changed }) => {
      if (changed.some((t) => t === ALL_TABLES || watched.has(t))) setTick((n) => n + 1);
    });
    const offDb = onEvent('db-changed', () => setTick((n) => n + 1));
    return () => {
      offData();
      offDb();
    };
  }, [tablesKey]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value: state.value, error: state.error, loading: state.key !== key, reload };
}
