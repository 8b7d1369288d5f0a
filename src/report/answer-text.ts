import type { Language } from '../domain/localized-text';
import type { QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import type { ReportResponse } from './report-input';
import { formatNumber, formatShortDate } from './report-format';
import { reportTexts } from './report-texts';

/** Small readings of the input shared by several sections of the report model. */

export const nonBlank = (text: string | undefined): string | undefined =>
  text !== undefined && /\S/.test(text) ? text : undefined;

/** The official objective an item answers to, when it has one. */
export function referenceOf(item: QuestionnaireItem): string | undefined {
  return item.basis.kind === 'official' ? item.basis.reference : undefined;
}

/** The answer as words: « Oui », « 85 % », « 12 jours », the option chosen, « Non applicable »… */
export function answerText(
  item: QuestionnaireItem | undefined,
  response: ReportResponse | undefined,
  language: Language,
): string {
  const t = reportTexts[language].answers;
  if (!response) return t.unanswered;
  switch (response.kind) {
    case 'status':
      return t[response.value];
    case 'not-applicable':
      return t.notApplicable;
    case 'unknown':
      return t.unknown;
    case 'date':
      return formatShortDate(response.value, language);
    case 'choice': {
      const option = item?.choices?.find((c) => c.id === response.value);
      return option ? option.label[language] : response.value;
    }
    case 'number': {
      const n = formatNumber(response.value, language);
      if (item?.answerType === 'percent' || item?.unit === 'percent')
        return language === 'fr' ? `${n}\u202f%` : `${n}%`;
      if (item?.unit === 'days') return t.days(n);
      return t.count(n);
    }
  }
}
