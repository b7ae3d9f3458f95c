import { pinyin } from 'pinyin-pro';

/**
 * The text an account is found by: its names in lower case, plus the pinyin of the Chinese names in
 * full and as initials, so `hnjyt` and `henan` both find 河南教育厅. Stored in accounts.search_key.
 */
export function searchKey(...names: (string | null | undefined)[]): string {
  const parts: string[] = [];
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    parts.push(name.toLowerCase());
    if (/[\u3400-\u9fff]/.test(name)) {
      const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase().replace(/\s+/g, ''));
      parts.push(syllables.join(''), syllables.map((s) => s[0] ?? '').join(''));
    }
  }
  return parts.join('\u0001');
}
