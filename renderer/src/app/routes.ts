import { useSyncExternalStore } from 'react';

/**
 * The workspace's areas, in navigation order. Settings sits apart at the bottom of the nav; Import
 * is a task of the accounts list, reached from there (and from Today and Portfolio), not a nav item.
 */
export const AREAS = ['accounts', 'today', 'portfolio', 'capacity', 'board', 'stakeholders', 'plans', 'forum', 'import', 'settings'] as const;
export type Area = (typeof AREAS)[number];
export const DEFAULT_AREA: Area = 'accounts';

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}

/** `#/board` -> 'board'; anything unknown -> the default area. */
export function parseHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isArea(name) ? name : DEFAULT_AREA;
}

export function hrefOf(area: Area): string {
  return `#/${area}`;
}

/** The nav item marked current for an area: Import is a task of the accounts list. */
export function navAreaOf(area: Area): Area {
  return area === 'import' ? 'accounts' : area;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The area the URL's hash names (hash routes work the same in Electron's file:// and the preview). */
export function useArea(): Area {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
}

/** The segments after the area: `#/accounts/12/revenue` -> ['12', 'revenue']. */
export function subPath(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('?')[0]!.split('/').slice(1).filter(Boolean).map(decodeURIComponent);
}

/** The segments after the area in the current hash, re-rendering when it changes. */
export function useSubPath(): string[] {
  const path = useSyncExternalStore(subscribe, () => subPath(window.location.hash).join('/'));
  return path ? path.split('/') : [];
}
