import type { Assessment } from '../assessment/assessment';
import type { Questionnaire, QuestionnaireDomain, QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import type { AssessmentScore } from '../scoring/score-assessment';

/**
 * "Questions for your IT provider or GHT": every "don't know", grouped by domain in questionnaire order. A "don't
 * know" is a finding, not a blank (peers.md §4 item 19): a director without IT staff takes this list to the
 * provider or the GHT, who can answer it.
 */
export interface ProviderQuestionGroup {
  domain: QuestionnaireDomain;
  questions: { item: QuestionnaireItem; comment: string | undefined }[];
}

export function listProviderQuestions(
  questionnaire: Questionnaire,
  answers: Assessment['answers'],
  score: AssessmentScore,
): ProviderQuestionGroup[] {
  const unknownIds = new Set(score.items.filter((s) => s.outcome === 'unknown').map((s) => s.itemId));
  return questionnaire.domains
    .map((domain) => ({
      domain,
      questions: questionnaire.items
        .filter((item) => item.domain === domain.id && unknownIds.has(item.id))
        .map((item) => ({ item, comment: answers[item.id]?.comment?.trim() || undefined })),
    }))
    .filter((group) => group.questions.length > 0);
}
