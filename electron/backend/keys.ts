/**
 * Keys for things people name (tiers, matrices, quadrants): generated from the names, so a Chinese
 * user never has to type English. The English name when there is one, otherwise the pinyin of the
 * Chinese name (河南重点 -> henan-zhongdian), otherwise a fallback; lower-case letters, digits and
 * dashes, at most 40 characters, and unique among `taken` (-2, -3, ... appended).
 */
import { pinyin } from 'pinyin-pro';

const MAX = 40;

/** `Strategic accounts` -> `strategic-accounts`; '' when nothing usable is left. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
}

/** The pinyin of a Chinese text as a slug: 重点客户 -> zhongdiankehu, 银牌A级 -> yinpai-a-ji. */
export function pinyinSlug(text: string): string {
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  let out = '';
  let prevZh = false;
  for (const p of parts) {
    const isZh = /^[a-z]+$/.test(p) && p === p.toLowerCase();
    out += isZh && prevZh ? p : ` ${p}`;
    prevZh = isZh;
  }
  return slug(out);
}

/** A key not in `taken`, from the English name, else the Chinese one, else `fallback`. */
export function generateKey(names: { en?: string | undefined; zh?: string | undefined }, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base = slug(names.en ?? '') || pinyinSlug(names.zh ?? '') || slug(fallback) || 'item';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
