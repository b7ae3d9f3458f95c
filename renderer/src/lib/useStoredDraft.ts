import { useState } from 'react';

/**
 * An editable copy of a stored setting that follows the stored one - another window may change it -
 * as long as the person has not edited it; once edited, their draft stays until saved or reset.
 * `accept` takes what a save returned as both the stored and the draft value.
 */
export function useStoredDraft<S, D>(stored: S | undefined, toDraft: (s: S) => D, unchanged: (draft: D, stored: S) => boolean) {
  const [draft, setDraft] = useState<D | null>(null);
  const [loadedFrom, setLoadedFrom] = useState<S | undefined>(undefined);
  if (stored !== undefined && stored !== loadedFrom) {
    const untouched = draft === null || loadedFrom === undefined || unchanged(draft, loadedFrom);
    setLoadedFrom(stored);
    if (untouched) setDraft(toDraft(stored));
  }
  const accept = (saved: S) => {
    setLoadedFrom(saved);
    setDraft(toDraft(saved));
  };
  return { draft, setDraft, accept };
}
