import type { Language } from '../domain/localized-text';
import type { QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import type { ReportResponse } from './report-input';
import { formatNumber, formatShortDate } from '../texts/format';
import type { Translate } from '../texts/translator';

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
  t: Translate,
  language: Language,
): string {
  if (!response) return t('report.answers.unanswered');
  switch (response.kind) {
    case 'status':
      return t(`report.answers.${response.value}`);
    case 'not-applicable':
      return t('report.answers.notApplicable');
    case 'unknown':
      return t('report.answers.unknown');
    case 'date':
      return formatShortDate(response.value, language);
    case 'choice': {
      const option = item?.choices?.find((c) => c.id === response.value);
      return option ? option.label[language] : response.value;
    }
    case 'number': {
      const n = formatNumber(response.value, language, 2);
      if (item?.answerType === 'percent' || item?.unit === 'percent')
        return language === 'fr' ? `${n}\u202f%` : `${n}%`;
      if (item?.unit === 'days') return t('report.answers.days', { n });
      return n;
    }
  }
}
