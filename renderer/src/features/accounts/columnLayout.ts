/**
 * Which columns of the accounts table show, and how wide they are (issue 11, "Accounts").
 *
 * Kept in localStorage, not in the database's settings: the layout fits one person's screen, and a
 * database is shared (a team's file on a share, the CLI, another window on another monitor), so
 * one person hiding a column or widening another must not change anyone else's table. The app's
 * storage is per OS user and per profile, which is "per user" on this computer; it costs no write
 * transaction (no lock, no data-changed in other windows) for every drag of a column edge.
 */
import { useCallback, useState } from 'react';

export const COLUMN_KEYS = ['name', 'tier', 'grade', 'lifecycle', 'industry', 'region', 'owner', 'revenueThisYear', 'lastContact', 'followUp', 'receivables'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The column that always shows (a row needs its account). */
export const FIXED_COLUMN: ColumnKey = 'name';

/** Default widths in px; the name column takes what is left unless it was given a width. */
export const DEFAULT_WIDTHS: Partial<Record<ColumnKey, number>> = {
  tier: 76,
  grade: 48,
  lifecycle: 72,
  industry: 84,
  region: 64,
  owner: 72,
  revenueThisYear: 96,
  lastContact: 88,
  followUp: 108,
  receivables: 92,
};
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 640;
export const NAME_MIN_WIDTH = 160;

export interface ColumnLayout {
  hidden: ColumnKey[];
  widths: Partial<Record<ColumnKey, number>>;
}

export const STORAGE_KEY = 'keyplan.accounts.columns.v1';
const DEFAULT_LAYOUT: ColumnLayout = { hidden: [], widths: {} };

const isKey = (k: unknown): k is ColumnKey => typeof k === 'string' && (COLUMN_KEYS as readonly string[]).includes(k);
export const clampWidth = (key: ColumnKey, w: number) => Math.round(Math.min(MAX_WIDTH, Math.max(key === FIXED_COLUMN ? NAME_MIN_WIDTH : MIN_WIDTH, w)));

/** The stored layout, checked: anything unknown or out of range is dropped (a hand-edited or older value). */
export function readLayout(): ColumnLayout {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (!raw || typeof raw !== 'object') return DEFAULT_LAYOUT;
    const r = raw as { hidden?: unknown; widths?: unknown };
    const hidden = Array.isArray(r.hidden) ? r.hidden.filter((k): k is ColumnKey => isKey(k) && k !== FIXED_COLUMN) : [];
    const widths: ColumnLayout['widths'] = {};
    if (r.widths && typeof r.widths === 'object') {
      for (const [k, v] of Object.entries(r.widths as Record<string, unknown>)) {
        if (isKey(k) && typeof v === 'number' && Number.isFinite(v)) widths[k] = clampWidth(k, v);
      }
    }
    return { hidden: [...new Set(hidden)], widths };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

function writeLayout(l: ColumnLayout): void {
  try {
    if (l.hidden.length === 0 && Object.keys(l.widths).length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(l));
  } catch {
    // storage unavailable: the layout lasts until the window closes
  }
}

export function useColumnLayout() {
  const [layout, setLayout] = useState<ColumnLayout>(readLayout);
  const change = useCallback((f: (l: ColumnLayout) => ColumnLayout) => {
    setLayout((l) => {
      const next = f(l);
      writeLayout(next);
      return next;
    });
  }, []);
  const setShown = useCallback(
    (key: ColumnKey, shown: boolean) =>
      change((l) => ({ ...l, hidden: shown ? l.hidden.filter((k) => k !== key) : key === FIXED_COLUMN ? l.hidden : [...new Set([...l.hidden, key])] })),
    [change],
  );
  const setWidth = useCallback((key: ColumnKey, w: number) => change((l) => ({ ...l, widths: { ...l.widths, [key]: clampWidth(key, w) } })), [change]);
  /** Changes a width by `delta` from the stored one (or `current`, the width as laid out, when none is stored). */
  const resizeBy = useCallback(
    (key: ColumnKey, delta: number, current: number) => change((l) => ({ ...l, widths: { ...l.widths, [key]: clampWidth(key, (l.widths[key] ?? current) + delta) } })),
    [change],
  );
  const reset = useCallback(() => change(() => DEFAULT_LAYOUT), [change]);
  return { layout, setShown, setWidth, resizeBy, reset };
}
