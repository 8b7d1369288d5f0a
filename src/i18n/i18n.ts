import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain/localized-text';
import { en, fr } from './locales';

export const LANGUAGE_STORAGE_KEY = 'care-autodiag.language';

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    resources: { fr: { translation: fr }, en: { translation: en } },
    // React escapes what it renders; i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

/** The language kept from the last visit, else the browser's when it is English, else French. */
export function preferredLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  browserLanguages: readonly string[],
): Language {
  const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return browserLanguages[0]?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export async function changeLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  await i18next.changeLanguage(language);
  storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
