import { responseFitsItem } from '../domain/assessment/answer';
import { answerRangeProblem, latestAnswerDate, type AnswerRangeProblem } from '../domain/assessment/answer-range';
import type { Audience, QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import type { ContentRefusal } from './content-refusal';
import type { ExportContent, ExportResponse } from './export-format';
import type { QuestionnaireIndex } from './shipped-questionnaires';

/**
 * The answers of a file read against the questionnaire it names (docs/export-format.md, "Checks of the content"):
 * each answer's item exists and applies to the establishment's profile, its response is of a kind the item takes, a
 * choice is one of the item's options, and a value is within its range (the answering screen's own rule,
 * src/domain/assessment/answer-range.ts). The first answer at fault refuses the file.
 */

/** The response kinds each answer type takes; "not applicable" and "don't know" fit every item. */
const kindsOf: Record<QuestionnaireItem['answerType'], readonly ExportResponse['kind'][]> = {
  status: ['status'],
  number: ['number'],
  percent: ['number'],
  date: ['date'],
  choice: ['choice'],
};

/** The range refusal's detail, for the command line and support (the rule itself: answer-range.ts). */
function rangeDetail(problem: AnswerRangeProblem): string {
  switch (problem.code) {
    case 'percent-range':
      return `${problem.value} not within 0–100 %`;
    case 'number-range':
      return `${problem.value} not within 0–${problem.max}`;
    case 'date-range':
      return `${problem.value} not within ${problem.earliest}–${problem.latest} (the export's date)`;
  }
}

export function checkAnswers(
  answers: NonNullable<ExportContent['answers']>,
  index: QuestionnaireIndex,
  audiences: readonly Audience[],
  exportedAt: string,
): ContentRefusal | undefined {
  const applicable = index.applicableIds(audiences);
  const latestDate = latestAnswerDate(exportedAt);
  for (const [itemId, answer] of Object.entries(answers)) {
    const at = ['content', 'answers', itemId];
    const item = index.items.get(itemId);
    if (!item) return { code: 'unknown-item', path: at, detail: `no item ${itemId} in ${index.questionnaire.id}` };
    if (!applicable.has(itemId))
      return {
        code: 'item-not-applicable',
        path: at,
        detail: `${itemId} applies to ${item.appliesTo.join(', ')}, the establishment is ${audiences.join(', ')}`,
      };
    const response = answer.response;
    if (response === undefined || response.kind === 'not-applicable' || response.kind === 'unknown') continue;
    if (!kindsOf[item.answerType].includes(response.kind))
      return {
        code: 'answer-type',
        path: [...at, 'response', 'kind'],
        detail: `${response.kind} given, ${item.answerType} expected`,
      };
    if (response.kind === 'choice' && !(item.choices ?? []).some((choice) => choice.id === response.value))
      return {
        code: 'unknown-choice',
        path: [...at, 'response', 'value'],
        detail: `options: ${(item.choices ?? []).map((c) => c.id).join(', ')}`,
      };
    const outOfRange = answerRangeProblem(item, response, latestDate);
    if (outOfRange)
      return { code: 'out-of-range', path: [...at, 'response', 'value'], detail: rangeDetail(outOfRange) };
    // The scoring's own rule has the last word: an answer it would not count must not be imported as counted.
    if (!responseFitsItem(response, item))
      return { code: 'answer-type', path: [...at, 'response'], detail: `does not fit ${item.answerType}` };
  }
  return undefined;
}
