import { customPinyin, pinyin } from 'pinyin-pro';

// Words of account names that the dictionary reads wrongly (行 of a bank's branch is háng).
customPinyin({ 分行: 'fēn háng', 支行: 'zhī háng', 总行: 'zǒng háng' });

/**
 * The text an account is found by: its names in lower case, plus the pinyin of the Chinese names in
 * full and as initials, so `hnjyt` and `henan` both find 河南教育厅. Stored in accounts.search_key.
 */
const CHINESE = /[\u3400-\u9fff]/;
const PINYIN = { type: 'array', nonZh: 'consecutive' } as const;

export function searchKey(...names: (string | null | undefined)[]): string {
  const parts: string[] = [];
  const seen: string[] = [];
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    parts.push(name.toLowerCase());
    // A short name inside the full name (浙江移动 of 中国移动浙江公司 is not; 华夏银行 of 华夏银行
    // 湖北分行 is): its pinyin is already in the full name's, spelt the same way.
    let inside = false;
    for (const earlier of seen) if (earlier.includes(name)) inside = true;
    seen.push(name);
    if (!inside && CHINESE.test(name)) {
      let full = '';
      let initials = '';
      for (const syllable of pinyin(name, PINYIN)) {
        const plain = plainSyllable(syllable);
        full += plain;
        initials += plain.charAt(0);
      }
      parts.push(full, initials);
    }
  }
  return parts.join('\u0001');
}

// pinyin-pro's `toneType: 'none'` costs as much again as the reading itself; the few thousand
// syllables with tone marks are stripped once each and remembered (the same letters as 'none').
const PLAIN: Record<string, string> = {};
for (const [plain, marked] of [['a', 'āáǎà'], ['o', 'ōóǒò'], ['e', 'ēéěè'], ['i', 'īíǐì'], ['u', 'ūúǔù'], ['ü', 'ǖǘǚǜ'], ['n', 'ńňǹ'], ['m', 'ḿ']] as const) {
  for (const c of marked) PLAIN[c] = plain;
}
const MARKED = /[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜńňǹḿ]|[\u0300-\u036f]/g;
const plainCache = new Map<string, string>();

/** A syllable (or a run of other text) without tone marks, in lower case and without spaces. */
export function plainSyllable(s: string): string {
  let v = plainCache.get(s);
  if (v === undefined) {
    v = s.replace(MARKED, (c) => PLAIN[c] ?? '').toLowerCase().replace(/\s+/g, '');
    // runs of Latin text and digits are as many as the names: keep only syllables
    if (plainCache.size < 20_000) plainCache.set(s, v);
  }
  return v;
}
