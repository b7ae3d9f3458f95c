/**
 * The board's place in the URL: `#/board/<matrix>?asOf=YYYY-MM-DD&since=YYYY-MM-DD`. The matrix is
 * remembered in the URL (and the last one used in localStorage, for a plain `#/board`); the dates
 * too, so a reload or a shared link shows the same board.
 */
import { useSyncExternalStore } from 'react';

export const DEFAULT_MATRIX = 'value-potential';
const LAST_MATRIX_KEY = 'keyplan.board.matrix';

export interface BoardRoute {
  matrix: string;
  asOf: string | null;
  since: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function lastMatrix(): string | null {
  try {
    return localStorage.getItem(LAST_MATRIX_KEY);
  } catch {
    return null;
  }
}

export function rememberMatrix(key: string): void {
  try {
    localStorage.setItem(LAST_MATRIX_KEY, key);
  } catch {
    // storage unavailable: the URL still carries the matrix
  }
}

/** `#/board/importance-urgency?asOf=2026-06-30` -> its parts. */
export function parseBoardHash(hash: string, fallback: string | null = null): BoardRoute {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?');
  const segment = path.split('/')[1] ?? '';
  const params = new URLSearchParams(query);
  const date = (name: string) => {
    const v = params.get(name);
    return v && DATE.test(v) ? v : null;
  };
  return { matrix: /^[a-z0-9][a-z0-9-]{0,39}$/.test(segment) ? segment : (fallback ?? DEFAULT_MATRIX), asOf: date('asOf'), since: date('since') };
}

export function boardHash(route: BoardRoute): string {
  const params = new URLSearchParams();
  if (route.asOf) params.set('asOf', route.asOf);
  if (route.since) params.set('since', route.since);
  const query = params.toString();
  return `#/board/${route.matrix}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useBoardRoute(): BoardRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsing is cheap; the string is the stable snapshot.
  return parseBoardHash(hash, lastMatrix());
}

/**
 * Goes to another board. A new matrix is a new history entry (Back returns to the previous one);
 * date changes replace the entry.
 */
export function navigateBoard(route: BoardRoute, { replace = false }: { replace?: boolean } = {}): void {
  const next = boardHash(route);
  if (window.location.hash === next) return;
  if (replace) {
    window.history.replaceState(window.history.state, '', next);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = next;
  }
}
