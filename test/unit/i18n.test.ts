import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors';
import { LOCALES, messages, normalizeLocale, pickLocale } from '../../shared/i18n';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** <cmd>…</cmd> style markup, rendered by react-i18next's Trans. */
const tags = (s: string) => [...s.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]);

describe('i18n catalogue', () => {
  const zh = new Map(leaves(messages['zh-CN'] as unknown as Tree));
  const en = new Map(leaves(messages.en as unknown as Tree));

  it('has the same keys in every locale', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(100);
  });

  it('has only non-empty strings', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of leaves(messages[locale] as unknown as Tree)) {
        expect(typeof value, `${locale}: ${key}`).toBe('string');
        expect((value as string).trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same interpolation placeholders in every locale', () => {
    for (const [key, value] of zh) {
      expect(placeholders(en.get(key) as string), key).toEqual(placeholders(value as string));
      expect(tags(en.get(key) as string), key).toEqual(tags(value as string));
    }
  });

  it('translates every error code in every locale', () => {
    for (const locale of LOCALES) {
      const errors = messages[locale].errors as Record<string, string>;
      for (const code of ERROR_CODES) {
        expect(errors[code], `${locale}: errors.${code}`).toBeTypeOf('string');
        expect(errors[code]!.trim(), `${locale}: errors.${code}`).not.toBe('');
      }
      // and nothing for codes that do not exist
      expect(Object.keys(errors).sort()).toEqual([...ERROR_CODES].sort());
    }
  });

  it('uses full-width punctuation inside Chinese sentences', () => {
    for (const [key, value] of zh) {
      const s = value as string;
      expect(/[\u4e00-\u9fff][,;:?!()]|[,;:?!(][\u4e00-\u9fff]/.test(s), `zh-CN: ${key}: ${s}`).toBe(false);
    }
  });

  it('speaks Chinese in zh-CN and not in en', () => {
    expect(messages['zh-CN'].nav.board).toBe('象限看板');
    const cjk = /[\u4e00-\u9fff]/;
    for (const [key, value] of en) {
      // language names are autonyms and stay in their own script
      if (key.startsWith('language.')) continue;
      expect(cjk.test(value as string), `en: ${key}`).toBe(false);
    }
  });
});

describe('pickLocale', () => {
  it('lets ?lang= win over the stored choice and the navigator', () => {
    expect(pickLocale('zh-CN', 'zh-CN', 'en')).toBe('en');
    expect(pickLocale('en-US', 'en', 'zh-CN')).toBe('zh-CN');
  });

  it('uses the stored choice when the URL names none (or names nothing valid)', () => {
    expect(pickLocale('zh-CN', 'en', null)).toBe('en');
    expect(pickLocale('en-US', 'zh-CN', undefined)).toBe('zh-CN');
    expect(pickLocale('en-US', 'zh-CN', 'fr')).toBe('zh-CN');
    expect(pickLocale('en-US', 'zh-CN', '')).toBe('zh-CN');
  });

  it('falls back to the navigator language: zh* gives zh-CN, anything else en', () => {
    expect(pickLocale('zh-CN', null, null)).toBe('zh-CN');
    expect(pickLocale('zh-TW', null, null)).toBe('zh-CN');
    expect(pickLocale('zh', undefined, undefined)).toBe('zh-CN');
    expect(pickLocale('ZH-hans-CN', null, null)).toBe('zh-CN');
    expect(pickLocale('en-US', null, null)).toBe('en');
    expect(pickLocale('de-DE', null, null)).toBe('en');
    expect(pickLocale('ja', 'garbage', 'xx')).toBe('en');
    expect(pickLocale(undefined, null, null)).toBe('en');
  });

  it('accepts locale tags in any case and by language alone', () => {
    expect(normalizeLocale('zh-cn')).toBe('zh-CN');
    expect(normalizeLocale('ZH')).toBe('zh-CN');
    expect(normalizeLocale('EN')).toBe('en');
    expect(normalizeLocale('en-GB')).toBe('en');
    expect(normalizeLocale('english')).toBeNull();
    expect(normalizeLocale(null)).toBeNull();
  });
});
