import type { InitOptions } from 'i18next';

/**
 * How every i18next instance reads the texts of src/texts/locales: the app's (src/i18n/i18n.ts) and the one behind
 * createTranslator (the PDF reports and the command line), so that the same key gives the same sentence everywhere.
 * Kept apart from the locales so that the first screen imports these options without every text.
 */
export const textOptions = {
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  // Nothing the texts are put into reads HTML: React escapes what it renders, a PDF or a terminal shows text as it
  // is. i18next must not escape values a second time (« l&#39;établissement »).
  interpolation: { escapeValue: false },
  // Resources are given in full, so i18next can initialise synchronously (no backend to wait for).
  initAsync: false,
  returnNull: false,
} satisfies InitOptions;
