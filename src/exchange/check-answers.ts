import { responseFitsItem } from '../domain/assessment/answer';
import type { Audience, QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import type { ContentRefusal } from './content-refusal';
import type { ExportContent, ExportResponse } from './export-format';
import type { QuestionnaireIndex } from './shipped-questionnaires';

/**
 * The answers of a file read against the questionnaire it names (docs/export-format.md, "Checks of the content"):
 * each answer's item exists and applies to the establishment's profile, its response is of a kind the item takes, a
 * choice is one of the item's options, and a value is within its range. The first answer at fault refuses the file.
 */

/** Earliest date an answer may give ("the date of the last crisis exercise"): anything before is a typing slip. */
export const EARLIEST_ANSWER_DATE = '2000-01-01';
/** Largest count or number of days an answer may give. */
export const LARGEST_COUNT = 1e9;
/** ADS levels (the only "level" items: care.d1.08, care.d2.12) run from 1 to 5; 0 is read as "none". */
export const LARGEST_LEVEL = 5;

const DAY_MS = 86_400_000;

/** The day after the export's date: the latest date an answer may give (a user's day may run ahead of UTC). */
export function latestAnswerDate(exportedAt: string): string {
  return new Date(Date.parse(exportedAt) + DAY_MS).toISOString().slice(0, 10);
}

/** The response kinds each answer type takes; "not applicable" and "don't know" fit every item. */
const kindsOf: Record<QuestionnaireItem['answerType'], readonly ExportResponse['kind'][]> = {
  status: ['status'],
  number: ['number'],
  percent: ['number'],
  date: ['date'],
  choice: ['choice'],
};

function rangeProblem(item: QuestionnaireItem, response: ExportResponse, latestDate: string): string | undefined {
  if (response.kind === 'number') {
    const { value } = response;
    if (item.answerType === 'percent') return value >= 0 && value <= 100 ? undefined : `${value} not within 0–100 %`;
    const largest = item.unit === 'level' ? LARGEST_LEVEL : LARGEST_COUNT;
    return value >= 0 && value <= largest ? undefined : `${value} not within 0–${largest}`;
  }
  if (response.kind === 'date') {
    const { value } = response;
    return value >= EARLIEST_ANSWER_DATE && value <= latestDate
      ? undefined
      : `${value} not within ${EARLIEST_ANSWER_DATE}–${latestDate} (the export's date)`;
  }
  return undefined;
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
    const outOfRange = rangeProblem(item, response, latestDate);
    if (outOfRange) return { code: 'out-of-range', path: [...at, 'response', 'value'], detail: outOfRange };
    // The scoring's own rule has the last word: an answer it would not count must not be imported as counted.
    if (!responseFitsItem(response, item))
      return { code: 'answer-type', path: [...at, 'response'], detail: `does not fit ${item.answerType}` };
  }
  return undefined;
}
