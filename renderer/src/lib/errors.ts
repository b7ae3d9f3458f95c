import type { TFunction } from 'i18next';
import { ApiFailure } from '../api/client';
import { errorParams } from './error-params';

/**
 * The translated message for a failed call: `errors.<code>` with the reply's params. Anything that
 * is not an ApiFailure (a bug, a network hiccup) shows as errors.internal and is logged.
 */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiFailure) return t(`errors.${e.code}`, { path: '', name: '', ...errorParams(t, e.code, e.params) });
  console.error(e);
  return t('errors.internal');
}

export function errorCode(e: unknown): string {
  return e instanceof ApiFailure ? e.code : 'internal';
}

