import type { QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import type { Response } from './answer';

/**
 * The range of a number, a percentage or a date an answer may give: one rule for the answering screen, which refuses
 * a value out of range as it is typed, and for the import of export files, which refuses the file
 * (src/exchange/check-answers.ts, issue 14). Two copies would drift, and an establishment could then save an answer
 * that its auditor's import refuses.
 */

/** Earliest date an answer may give ("the date of the last crisis exercise"): anything before is a typing slip. */
export const EARLIEST_ANSWER_DATE = '2000-01-01';
/** Largest count or number of days an answer may give. */
export const LARGEST_COUNT = 1e9;
/** ADS levels (the only "level" items: care.d1.08, care.d2.12) run from 1 to 5; 0 is read as "none". */
export const LARGEST_LEVEL = 5;

const DAY_MS = 86_400_000;

/**
 * The latest date an answer may give: the day after `at` (an export's date, or now while answering), since a user's
 * day may run ahead of UTC.
 */
export function latestAnswerDate(at: string | number): string {
  const time = typeof at === 'number' ? at : Date.parse(at);
  return new Date(time + DAY_MS).toISOString().slice(0, 10);
}

export type AnswerRangeProblem =
  | { code: 'percent-range'; value: number; min: 0; max: 100 }
  | { code: 'number-range'; value: number; min: 0; max: number }
  | { code: 'date-range'; value: string; earliest: string; latest: string };

/** The largest number an item takes: 100 for a percentage, 5 for a level, else {@link LARGEST_COUNT}. */
export function largestAnswerNumber(item: Pick<QuestionnaireItem, 'answerType' | 'unit'>): number {
  if (item.answerType === 'percent') return 100;
  return item.unit === 'level' ? LARGEST_LEVEL : LARGEST_COUNT;
}

/** Why a number or a date is out of the item's range, or undefined when it is within it (other responses: always). */
export function answerRangeProblem(
  item: Pick<QuestionnaireItem, 'answerType' | 'unit'>,
  response: Response,
  latestDate: string,
): AnswerRangeProblem | undefined {
  if (response.kind === 'number') {
    const { value } = response;
    const max = largestAnswerNumber(item);
    if (value >= 0 && value <= max) return undefined;
    return item.answerType === 'percent'
      ? { code: 'percent-range', value, min: 0, max: 100 }
      : { code: 'number-range', value, min: 0, max };
  }
  if (response.kind === 'date') {
    const { value } = response;
    if (value >= EARLIEST_ANSWER_DATE && value <= latestDate) return undefined;
    return { code: 'date-range', value, earliest: EARLIEST_ANSWER_DATE, latest: latestDate };
  }
  return undefined;
}
