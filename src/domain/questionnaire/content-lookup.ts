import type { Language } from '../localized-text';
import type { Questionnaire } from './questionnaire-schema';

/**
 * Titles of questionnaires and domains, and the questions of items, from the questionnaire versions at hand: what
 * the auditor dashboard, the regional PDF and the command line print beside the ids of a consolidation.
 */
export interface ContentLookup {
  /** The questionnaire's title, or its id when no version of it is at hand. */
  questionnaireTitle: (id: string) => string;
  domainTitle: (questionnaireId: string, domainId: string) => string;
  /** The domain's short label (a word or two, for table headers), or its title when it has none. */
  domainShortTitle: (questionnaireId: string, domainId: string) => string;
  /** Preferred domain order of a questionnaire (its latest version's). */
  domainOrder: (questionnaireId: string) => readonly string[];
  question: (itemId: string) => string | undefined;
}

/** `questionnaires` oldest version first: a later version's wording replaces an earlier one's, the current one wins. */
export function contentLookup(questionnaires: Iterable<Questionnaire>, language: Language): ContentLookup {
  const titles = new Map<string, string>();
  const domains = new Map<string, string>();
  const shortDomains = new Map<string, string>();
  const orders = new Map<string, string[]>();
  const questions = new Map<string, string>();
  for (const q of questionnaires) {
    titles.set(q.id, q.title[language]);
    orders.set(
      q.id,
      q.domains.map((d) => d.id),
    );
    for (const d of q.domains) {
      domains.set(`${q.id}|${d.id}`, d.title[language]);
      shortDomains.set(`${q.id}|${d.id}`, (d.shortTitle ?? d.title)[language]);
    }
    for (const item of q.items) questions.set(item.id, item.question[language]);
  }
  return {
    questionnaireTitle: (id) => titles.get(id) ?? id,
    domainTitle: (questionnaireId, domainId) => domains.get(`${questionnaireId}|${domainId}`) ?? domainId,
    domainShortTitle: (questionnaireId, domainId) => shortDomains.get(`${questionnaireId}|${domainId}`) ?? domainId,
    domainOrder: (id) => orders.get(id) ?? [],
    question: (itemId) => questions.get(itemId),
  };
}
