/**
 * Finding a person on the map: part of the name, title or department, or the name's pinyin (full or
 * initials: 王建国 is found by "wang", "wangjianguo" and "wjg"). The pinyin dictionary is loaded on
 * the first search typed in Latin letters.
 */
import { useEffect, useState } from 'react';
import type { MapMember } from '../../../../shared/api/stakeholders';

type PinyinFn = (text: string) => string[];
let pinyinFn: PinyinFn | null = null;
let loading: Promise<PinyinFn> | null = null;

function loadPinyin(): Promise<PinyinFn> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    pinyinFn = (text: string) => {
      const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase());
      return [full.join(''), full.map((s) => s[0] ?? '').join('')];
    };
    return pinyinFn;
  });
  return loading;
}

const HAN = /[\u3400-\u9fff]/;
const keys = new Map<string, string[]>();

function pinyinKeys(name: string): string[] {
  let k = keys.get(name);
  if (!k) {
    k = pinyinFn && HAN.test(name) ? pinyinFn(name) : [];
    keys.set(name, k);
  }
  return k;
}

/** True once pinyin can be used for `query` (loads the dictionary when the query needs it). */
export function usePinyinReady(query: string): boolean {
  const needs = /[a-z]/i.test(query);
  const [ready, setReady] = useState(pinyinFn !== null);
  useEffect(() => {
    if (!needs || ready) return;
    let live = true;
    void loadPinyin().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [needs, ready]);
  return ready;
}

export function normalise(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, '');
}

/** The ids of the people `query` finds, in the map's order. */
export function findPeople(members: readonly MapMember[], query: string): number[] {
  const q = normalise(query);
  if (!q) return [];
  const latin = /^[a-z]+$/.test(q);
  const out: number[] = [];
  for (const m of members) {
    const text = `${m.name}\n${m.title}\n${m.department}`.toLowerCase().replace(/[ \t]+/g, '');
    if (text.includes(q) || (latin && pinyinKeys(m.name).some((k) => k.includes(q)))) out.push(m.id);
  }
  return out;
}
