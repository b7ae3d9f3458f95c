/**
 * The i18n catalogue: pure data and one pure function, usable by the renderer, the backend (PDFs,
 * CLI) and tests alike. The renderer wires it into i18next (renderer/src/i18n.ts).
 */
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-CN';

export type { Messages } from './messages';
export type { DeepStringRecord } from './types';

import { LOCALES, type Locale } from './locales';

export { LOCALES, type Locale } from './locales';

/** zh-CN first: it is the reference catalogue and the product's first language. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const messages: Record<Locale, Messages> = {
  'zh-CN': zhCN,
  en,
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * A locale from a tag someone chose (the URL, a stored setting): exact names in any letter case,
 * and the language alone ('zh', 'zh-Hans', 'en-GB'). Anything else is not a choice: null.
 */
export function normalizeLocale(value: string | null | undefined): Locale | null {
  const v = value?.trim().toLowerCase();
  if (!v) return null;
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return null;
}

/**
 * Which locale to show. `?lang=` on the URL wins, then the choice stored in Settings, then the
 * system/browser language: any Chinese (zh*) gives zh-CN, everything else English.
 */
export function pickLocale(
  navigatorLanguage: string | null | undefined,
  stored: string | null | undefined,
  urlParam: string | null | undefined,
): Locale {
  return (
    normalizeLocale(urlParam) ??
    normalizeLocale(stored) ??
    (navigatorLanguage?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en')
  );
}
