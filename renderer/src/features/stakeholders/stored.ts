/** Small preferences of the map screen, kept in localStorage (a missing or blocked storage just forgets). */
import { useCallback, useState } from 'react';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage unavailable: the choice holds for this visit
  }
}

export function useStoredFlag(key: string): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => read(key) === '1');
  const set = useCallback(
    (v: boolean) => {
      setValue(v);
      write(key, v ? '1' : '0');
    },
    [key],
  );
  return [value, set];
}

export function useStoredInt(key: string, fallback: number, min: number, max: number): [number, (v: number) => void] {
  const [value, setValue] = useState(() => {
    const n = Number(read(key));
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  });
  const set = useCallback(
    (v: number) => {
      setValue(v);
      write(key, String(v));
    },
    [key],
  );
  return [value, set];
}
