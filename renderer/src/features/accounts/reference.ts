/** The lists every accounts view needs: tiers and people (owners, team members). */
import { useMemo } from 'react';
import type { Person, Tier } from '../../../../shared/api/accounts';
import { useApiQuery } from '../../api/hooks';

export function useTiers(): { list: Tier[]; byId: Map<number, Tier> } {
  const q = useApiQuery('tiers-list', {}, ['tiers']);
  return useMemo(() => {
    const list = q.value ?? [];
    return { list, byId: new Map(list.map((x) => [x.id, x])) };
  }, [q.value]);
}

export function usePeople(): { list: Person[]; byId: Map<number, Person> } {
  const q = useApiQuery('people-list', {}, ['people']);
  return useMemo(() => {
    const list = q.value ?? [];
    return { list, byId: new Map(list.map((x) => [x.id, x])) };
  }, [q.value]);
}
