import type { TFunction } from 'i18next';
import type { Answer } from '../../domain/assessment/answer';
import type { Language } from '../../domain/localized-text';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { answerText } from '../../report/answer-text';
import { formatNumber, formatScore } from '../../texts/format';
import type { Translate } from '../../texts/translator';

/** An answer in words, as the report prints it (« Oui », « 85 % », « Non applicable »), or « Pas de réponse ». */
export function answerWords(
  t: TFunction,
  item: QuestionnaireItem | undefined,
  answer: Answer | undefined,
  language: Language,
): string {
  if (!answer?.response) return t('snapshots.compare.none');
  const translate: Translate = (key, values) => t(key, values);
  return answerText(item, answer.response, translate, language);
}

/** A 0–100 score as on the results screen, a dash when there is none. */
export function scoreWords(score: number | undefined, language: Language): string {
  return score === undefined ? '—' : formatScore(score, language);
}

/** A change in points, signed: « +12 », « −3 », « ±0 », a dash when one side has no score. */
export function deltaWords(delta: number | undefined, language: Language): string {
  if (delta === undefined) return '—';
  const rounded = Math.round(delta);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(rounded), language)}`;
}
