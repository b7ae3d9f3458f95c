import { useSyncExternalStore } from 'react';

/** The workspace's areas, in navigation order. Settings sits apart at the bottom of the nav. */
export const AREAS = ['accounts', 'board', 'stakeholders', 'plans', 'forum', 'settings'] as const;
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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The area the URL's hash names (hash routes work the same in Electron's file:// and the preview). */
export function useArea(): Area {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
}
