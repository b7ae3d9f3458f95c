/**
 * Wires the shared catalogue into i18next. The locale comes from `?lang=`, then the choice stored
 * in Settings (localStorage 'keyplan.lang'), then the system language (see shared/i18n pickLocale).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, messages, normalizeLocale, pickLocale, type Locale, type Messages } from '../../shared/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}

export const LANG_STORAGE_KEY = 'keyplan.lang';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function startLocale(): Locale {
  return pickLocale(navigator.language, storedLocale(), new URLSearchParams(window.location.search).get('lang'));
}

function applyToDocument(lng: string): void {
  const locale = normalizeLocale(lng) ?? DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  document.title = i18n.t('app.fullName');
}

export function initI18n(): void {
  void i18n.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: messages[l] }])),
    lng: startLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyToDocument(i18n.language);
  i18n.on('languageChanged', applyToDocument);
}

/** The locale on screen now. */
export function currentLocale(): Locale {
  return normalizeLocale(i18n.language) ?? DEFAULT_LOCALE;
}

/**
 * Switches the language and remembers the choice. A `?lang=` on the URL is dropped, so that the
 * choice (not the link) decides after a reload.
 */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, locale);
  } catch {
    // storage unavailable (private mode): the switch still applies to this window
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url);
  }
  await i18n.changeLanguage(locale);
}
