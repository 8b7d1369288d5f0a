import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain/localized-text';
import type { en, fr } from '../texts/locales';
import { textOptions } from '../texts/text-options';

export const LANGUAGE_STORAGE_KEY = 'care-autodiag.language';

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    ...textOptions,
    lng: language,
    resources: { fr: { translation: {} }, en: { translation: {} } },
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

/** Adds every text of both languages (merged into what is there); used by the lazy loader and by tests. */
export function registerTranslations(all: { fr: typeof fr; en: typeof en }): void {
  i18next.addResourceBundle('fr', 'translation', all.fr, true, true);
  i18next.addResourceBundle('en', 'translation', all.en, true, true);
}

/**
 * The texts of the first screen in the interface's language only, fetched while the database opens: each language
 * is its own small chunk, so neither language's first screen carries the other's (../texts/locales/core.ts).
 */
export async function loadCoreTexts(language: Language): Promise<void> {
  const core =
    language === 'fr'
      ? (await import('../texts/locales/core')).frCore
      : (await import('../texts/locales/core-en')).enCore;
  i18next.addResourceBundle(language, 'translation', core, true, true);
}

let allTranslations: Promise<void> | undefined;

/** Loads the texts of every screen in both languages, once; lazy routes and the language switch await it. */
export function loadAllTranslations(): Promise<void> {
  allTranslations ??= import('../texts/locales').then(registerTranslations);
  return allTranslations;
}

export async function changeLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  await loadAllTranslations();
  await i18next.changeLanguage(language);
  storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
