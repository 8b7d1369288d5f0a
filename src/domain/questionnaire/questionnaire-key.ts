import type { Questionnaire } from './questionnaire-schema';

/**
 * The key of one questionnaire version (`care@2026.1`). Apart from parse-questionnaire.ts so that the screens that
 * only read shipped questionnaires, already checked at build time, load no validation code (design §8).
 */
export function questionnaireKey(q: Pick<Questionnaire, 'id' | 'version'>): string {
  return `${q.id}@${q.version}`;
}
