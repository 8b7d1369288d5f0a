import i18next from 'i18next';
import type { Language } from '../domain/localized-text';
import { en, fr } from './locales';
import { textOptions } from './text-options';

/** i18next's plural forms (Intl.PluralRules categories): `count_one` and `count_other` are both read as `count`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<Key extends string> = Key extends `${infer Base}_${PluralSuffix}` ? Base : Key;
type KeysOf<Texts, Prefix extends string> = {
  [Key in keyof Texts & string]: Texts[Key] extends string
    ? `${Prefix}${WithoutPlural<Key>}`
    : KeysOf<Texts[Key], `${Prefix}${Key}.`>;
}[keyof Texts & string];

/** Every text's dotted key (« errors.storage.locked »), typed from the French locale, the reference shape. */
export type TextKey = KeysOf<typeof fr, ''>;

/** Values put into a text's {{placeholders}}; `count` also picks the plural form. */
export type TextValues = Record<string, string | number>;

/** The sentence of a key in one language, with its values put in. */
export type Translate = (key: TextKey, values?: TextValues) => string;

const translators = new Map<Language, Translate>();

/**
 * A translator for code that runs without the app's i18next (the PDF reports, in the browser and in Node, and the
 * command line): synchronous, reading the same texts with the same options and plural rules as the app.
 */
export function createTranslator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const instance = i18next.createInstance();
    void instance.init({
      ...textOptions,
      lng: language,
      resources: { fr: { translation: fr }, en: { translation: en } },
    });
    const t = instance.getFixedT(language) as unknown as (key: string, values?: TextValues) => string;
    translate = (key, values) => t(key, values);
    translators.set(language, translate);
  }
  return translate;
}
