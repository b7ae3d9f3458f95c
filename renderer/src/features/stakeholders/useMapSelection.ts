/**
 * What is selected on the map (a person, a line, a new person's form, the tender's candidates) and
 * the confirmations asked for: selecting something else never throws away unsaved changes in the
 * person's form without asking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MapMember } from '../../../../shared/api/stakeholders';

export type Selection =
  | { kind: 'person'; id: number }
  | { kind: 'line'; id: number }
  | { kind: 'new'; reportsTo: number | null }
  | { kind: 'members' }
  | null;

export type Confirm = { kind: 'delete'; member: MapMember } | { kind: 'relayout' } | { kind: 'discard'; next: Selection };

const sameSel = (a: Selection, b: Selection) => JSON.stringify(a) === JSON.stringify(b);

export interface MapSelection {
  sel: Selection;
  /** The selection as of now (for handlers that never change). */
  current: () => Selection;
  /** Selects something else; unsaved changes in the person's form are not thrown away without asking. */
  requestSelect: (next: Selection) => void;
  /** Selects without asking (after a save, a delete, a confirmed discard). */
  forceSelect: (next: Selection) => void;
  /** The person's form tells whether it holds unsaved changes. */
  onDirty: (dirty: boolean) => void;
  confirm: Confirm | null;
  setConfirm: (c: Confirm | null) => void;
}

export function useMapSelection(): MapSelection {
  const [sel, setSel] = useState<Selection>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const dirty = useRef(false);
  const selRef = useRef<Selection>(sel);
  useEffect(() => {
    selRef.current = sel;
  }, [sel]);

  const requestSelect = useCallback((next: Selection) => {
    const cur = selRef.current;
    if (sameSel(cur, next)) return;
    if (dirty.current && (cur?.kind === 'person' || cur?.kind === 'new')) {
      setConfirm({ kind: 'discard', next });
      return;
    }
    selRef.current = next;
    setSel(next);
  }, []);

  const forceSelect = useCallback((next: Selection) => {
    dirty.current = false;
    selRef.current = next;
    setSel(next);
  }, []);

  const onDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const current = useCallback(() => selRef.current, []);

  return { sel, current, requestSelect, forceSelect, onDirty, confirm, setConfirm };
}
