/** Finding people on the map by name, title or pinyin: the matches, and stepping through them. */
import { useMemo, useState } from 'react';
import type { MapMember } from '../../../../shared/api/stakeholders';
import { findPeople, usePinyinReady } from './search';

export interface MapSearch {
  query: string;
  /** A new query (the step through the matches starts again). */
  setQuery: (q: string) => void;
  clear: () => void;
  /** The match last gone to (-1: none yet). */
  matchAt: number;
  matches: number[];
  matchSet: ReadonlySet<number>;
  /** Goes to the next (1) or previous (-1) match; `show` brings them into view. */
  step: (dir: 1 | -1, show: (id: number) => void) => void;
}

export function useMapSearch(members: readonly MapMember[]): MapSearch {
  const [query, setQueryState] = useState('');
  const [matchAt, setMatchAt] = useState(-1);
  const pinyinReady = usePinyinReady(query);
  // pinyin keys become available once the dictionary has loaded: search again then
  const matches = useMemo(() => (pinyinReady ? findPeople(members, query) : findPeople(members, query)), [members, query, pinyinReady]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  return {
    query,
    setQuery: (q) => {
      setQueryState(q);
      setMatchAt(-1);
    },
    clear: () => setQueryState(''),
    matchAt,
    matches,
    matchSet,
    step: (dir, show) => {
      if (matches.length === 0) return;
      const i = (matchAt + dir + matches.length) % matches.length;
      setMatchAt(i);
      show(matches[i]!);
    },
  };
}
