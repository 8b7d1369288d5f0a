import type { Sector } from './establishment';

/**
 * The questionnaire an establishment's profile starts with: the light ESMS path for a medico-social establishment,
 * CaRE for a health establishment (design §4, « the profile decides which questions apply »). HospiConnect and any
 * other questionnaire come after, offered as « autres questionnaires »: a director of an EHPAD with no IT staff
 * must not be sent into the hospital identity questionnaire by the first button on the page.
 */
const recommendedBySector: Record<Sector, string> = {
  health: 'care',
  'medico-social': 'esms',
};

export function recommendedQuestionnaireId(sector: Sector): string {
  return recommendedBySector[sector];
}

/**
 * Questionnaires in the order an establishment is offered them: the recommended one first (when available), the
 * others after it in their given order.
 */
export function orderForProfile<T extends { id: string }>(questionnaires: readonly T[], sector: Sector): T[] {
  const recommended = recommendedQuestionnaireId(sector);
  return [...questionnaires.filter((q) => q.id === recommended), ...questionnaires.filter((q) => q.id !== recommended)];
}
