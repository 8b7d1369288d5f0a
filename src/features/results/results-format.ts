import type { TFunction } from 'i18next';
import type { Response } from '../../domain/assessment/answer';
import type { Language } from '../../domain/localized-text';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { formatDate, formatNumber, formatPercent } from '../../texts/format';

/** A score of 0–100 as a whole percentage ("57 %"), or a dash when there is none yet. */
export function formatScore(score: number | undefined, language: Language): string {
  return score === undefined ? '—' : formatPercent(score / 100, language, 0);
}

/** A change in percentage points, signed ("+12 pts", "−3 pts"). */
export function formatDelta(t: TFunction, delta: number | undefined, language: Language): string {
  if (delta === undefined) return '—';
  const rounded = Math.round(delta);
  const number = formatNumber(Math.abs(rounded), language);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return t('results.delta', { count: Math.abs(rounded), value: `${sign}${number}` });
}

/** The answer given to an item, in words: "No", "Partly", "Don't know", "40 % (target 100 %)", an option, a date. */
export function describeResponse(
  t: TFunction,
  item: QuestionnaireItem,
  response: Response | undefined,
  language: Language,
): string {
  if (!response) return t('results.answer.none');
  switch (response.kind) {
    case 'status':
      return t(`assessment.status.${response.value}`);
    case 'unknown':
      return t('assessment.unknown');
    case 'not-applicable':
      return t('assessment.notApplicable');
    case 'choice':
      return item.choices?.find((c) => c.id === response.value)?.label[language] ?? response.value;
    case 'date':
      return formatDate(response.value, language);
    case 'number':
      return item.answerType === 'percent'
        ? formatPercent(response.value / 100, language, 1)
        : formatNumber(response.value, language);
  }
}
