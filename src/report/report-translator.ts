import type { Language } from '../domain/localized-text';
import { createTranslator, type Translate } from '../texts/translator';

/**
 * The translator of the reports: createTranslator's, with the sentences that take no values kept once read. A
 * 60-page report asks for the same few hundred labels thousands of times (a column head, « Commentaire », a weight),
 * and i18next resolves each call afresh: keeping them takes about a fifth off the time of the complete report
 * (npm run bench:report).
 */
export function createReportTranslator(language: Language): Translate {
  const translate = createTranslator(language);
  const plain = new Map<string, string>();
  return (key, values) => {
    if (values !== undefined) return translate(key, values);
    let text = plain.get(key);
    if (text === undefined) {
      text = translate(key);
      plain.set(key, text);
    }
    return text;
  };
}
