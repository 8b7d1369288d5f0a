import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain/localized-text';
import type { en, fr } from '../texts/locales';
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
