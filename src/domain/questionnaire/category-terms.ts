import type { EstablishmentCategory } from '../establishment/establishment';
import type { LocalizedText } from '../localized-text';
import type { Questionnaire } from './questionnaire-schema';

/**
 * The words each kind of medico-social establishment uses for the people it serves (issue 15): an EHPAD speaks of
 * « résidents », a SSIAD of « personnes aidées », an IME or an ESAT of « personnes accompagnées ». The ESMS
 * questionnaire is written with the generic term, always in the plural (« les personnes accompagnées », « des
 * personnes accompagnées »), so that it reads correctly wherever it is printed as it is; the answering screen
 * replaces it by the category's own word. Articles do not change (les, des, aux are the same for both genders in
 * the plural), and no adjective in the texts agrees with the term.
 *
 * The substitution is for display only: the content hash is computed on the file as shipped.
 */
export const genericPeopleTerm: LocalizedText = { fr: 'personnes accompagnées', en: 'people supported' };

const termByCategory: Partial<Record<EstablishmentCategory, LocalizedText>> = {
  ehpad: { fr: 'résidents', en: 'residents' },
  ssiad: { fr: 'personnes aidées', en: 'people cared for' },
};

/** The word for the people a category of establishment serves; the generic term where it has none of its own. */
export function peopleTermFor(category: EstablishmentCategory): LocalizedText {
  return termByCategory[category] ?? genericPeopleTerm;
}

function substitute<T>(value: T, term: LocalizedText): T {
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.map((v) => substitute(v, term)) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, v]: [string, unknown]) => {
    if ((key === 'fr' || key === 'en') && typeof v === 'string') {
      return [key, v.split(genericPeopleTerm[key]).join(term[key])];
    }
    return [key, substitute(v, term)];
  });
  return Object.fromEntries(entries) as T;
}

/** Each questionnaire as each category reads it, made once: screens ask for it at every render. */
const readAs = new WeakMap<Questionnaire, Map<EstablishmentCategory, Questionnaire>>();

/**
 * The questionnaire as an establishment of this category reads it: the generic term replaced by the category's
 * own in every text of both languages. The same object when the category keeps the generic term, and the same
 * object for the same questionnaire and category each time.
 */
export function withCategoryTerms(questionnaire: Questionnaire, category: EstablishmentCategory): Questionnaire {
  const term = peopleTermFor(category);
  if (term === genericPeopleTerm) return questionnaire;
  let byCategory = readAs.get(questionnaire);
  if (!byCategory) readAs.set(questionnaire, (byCategory = new Map<EstablishmentCategory, Questionnaire>()));
  let read = byCategory.get(category);
  if (!read) byCategory.set(category, (read = substitute(questionnaire, term)));
  return read;
}
