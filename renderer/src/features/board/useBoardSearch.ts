/** Finding accounts on the board by name (as the accounts list finds them): the matches, the first brought into view. */
import { useEffect, useMemo, useState } from 'react';
import type { BoardCard } from '../../../../shared/api/board';
import { useApiQuery } from '../../api/hooks';
import { firstMatchOf, matchesOn } from './board-model';

/** A search no name contains: accounts-query then answers with its facets and no rows. */
const NO_MATCH = '\u0000';
const SEARCH_DELAY_MS = 150;
const NO_MATCHES: ReadonlySet<number> = new Set();

export function useBoardSearch(cards: readonly BoardCard[], cardsById: ReadonlyMap<number, BoardCard>) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(query.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  // Also the filters' options (industries, regions): the facets of every account.
  const found = useApiQuery('accounts-query', { search: search || NO_MATCH }, ['accounts']);

  const matches = useMemo(() => {
    if (!search || !found.value) return NO_MATCHES;
    return matchesOn(
      found.value.rows.map((r) => r.id),
      cardsById,
    );
  }, [search, found.value, cardsById]);

  // Bring the first match into view as the search narrows.
  const firstMatch = useMemo(() => firstMatchOf(cards, matches), [cards, matches]);
  useEffect(() => {
    if (firstMatch === null) return;
    document.querySelector(`[data-account-id="${firstMatch}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [firstMatch]);

  return { query, setQuery, search, matches, firstMatch, facets: found.value?.facets };
}
