import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain/localized-text';
import type { fr } from '../texts/locales/fr';
import type { en } from '../texts/locales/en';
import { frCore } from '../texts/locales/core';
import { textOptions } from '../texts/text-options';

export const LANGUAGE_STORAGE_KEY = 'care-autodiag.language';

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    ...textOptions,
    lng: language,
    resources: { fr: { translation: frCore }, en: { translation: {} } },
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

/**
 * Adds every text of both languages; used by the lazy loader and by tests. Each area replaces the one there (the
 * first screen's areas are the same texts), without i18next's copy and deep merge of 160 KiB of texts, which held
 * the main thread on the first lazy screen's load.
 */
export function registerTranslations(all: { fr: typeof fr; en: typeof en }): void {
  i18next.addResourceBundle('fr', 'translation', all.fr, false, true, { silent: false, skipCopy: true });
  i18next.addResourceBundle('en', 'translation', all.en, false, true, { silent: false, skipCopy: true });
}

/** The English texts of the first screen only, for an interface that starts in English. */
export async function loadEnglishCore(): Promise<void> {
  const { enCore } = await import('../texts/locales/core-en');
  i18next.addResourceBundle('en', 'translation', enCore, true, true);
}

const screenTexts = new Map<Language, Promise<void>>();

/**
 * Loads the texts of every screen in one language (the one shown, by default), once; lazy routes and the language
 * switch await it. One language at a time: each is a compressed file to fetch, inflate, parse and register, work
 * that holds the main thread of a phone for tens of milliseconds on the first screen that needs it (design §8).
 */
export function loadScreenTexts(language: Language = currentLanguage()): Promise<void> {
  let loading = screenTexts.get(language);
  if (!loading) {
    loading = (
      language === 'en'
        ? import('../texts/locales/en').then((m) => m.en)
        : import('../texts/locales/fr').then((m) => m.fr)
    ).then((texts) => {
      i18next.addResourceBundle(language, 'translation', texts, false, true, { silent: false, skipCopy: true });
    });
    screenTexts.set(language, loading);
  }
  return loading;
}

export async function changeLanguage(language: Language, storage?: Pick<Storage, 'setItem'>): Promise<void> {
  // The screens' texts leave out the first screen's, which French has from the start (scripts/vite-compressed-json.ts).
  await Promise.all([loadScreenTexts(language), language === 'en' ? loadEnglishCore() : undefined]);
  await i18next.changeLanguage(language);
  storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
