import { createContext, use } from 'react';
import type { DbStatus } from '../../../shared/api/types';

export interface DbStatusValue {
  status: DbStatus;
  /** Called with the status a db-* method returned (restore, open, create). */
  setStatus: (status: DbStatus) => void;
}

export const DbStatusContext = createContext<DbStatusValue | null>(null);

export function useDbStatus(): DbStatusValue {
  const ctx = use(DbStatusContext);
  if (!ctx) throw new Error('useDbStatus outside the workspace');
  return ctx;
}
