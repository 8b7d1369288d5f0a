import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import {
  reviewItemStatuses,
  REVIEW_TEXT_MAX,
  type ReviewMark,
  type ReviewMarkStatus,
} from '../../domain/review/review-draft';
import type { ExportAnswer, ExportEvidence } from '../../exchange/export-format';
import { currentLanguage } from '../../i18n/i18n';
import { answerText } from '../../report/answer-text';
import { formatBytes, formatShortDate } from '../../texts/format';
import type { Translate } from '../../texts/translator';
import type { ChangedItem } from './use-review';

/**
 * One item under review: the question, the establishment's answer (and, at the full level, its comment and proofs),
 * then the auditor's mark as a radio group (arrow keys move between accepted, to complete and refused; WAI-ARIA
 * radio group pattern) and an optional comment. Memoised: marking one item re-renders that item only.
 */
export const ReviewItem = memo(function ReviewItem({
  item,
  answer,
  evidence,
  withAnswers,
  mark,
  change,
  onMark,
  onComment,
  onCommentDone,
}: {
  item: QuestionnaireItem;
  answer: ExportAnswer | undefined;
  /** The proofs the file lists for this item; undefined when its level carries no manifest. */
  evidence: readonly ExportEvidence[] | undefined;
  withAnswers: boolean;
  mark: ReviewMark | undefined;
  change?: ChangedItem | undefined;
  onMark: (itemId: string, status: ReviewMarkStatus | undefined) => void;
  onComment: (itemId: string, comment: string) => void;
  onCommentDone: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [comment, setComment] = useState(mark?.comment ?? '');
  const translate: Translate = (key, values) => t(key, values);
  const words = (response: ExportAnswer['response']) => answerText(item, response, translate, language);
  const commentId = `review-comment-${item.id}`;
  const critical = item.weight === 'critical';
  const status = mark?.status;
  return (
    <article
      className={`review-item${status ? ` review-item--${status}` : ''}`}
      aria-labelledby={`review-question-${item.id}`}
      data-item-id={item.id}
    >
      <h4 id={`review-question-${item.id}`} className="review-item__question">
        <span className="item__id">{item.id}</span> {item.question[language]}
      </h4>
      <p className="review-item__badges">
        {critical ? <span className="badge badge--critical">{t('auditor-review.items.critical')}</span> : null}
        {change ? <span className="badge badge--unconfirmed">{t('auditor-review.changes.badge')}</span> : null}
      </p>
      {change ? (
        <div className="review-item__change">
          {change.previousMark ? (
            <p>
              {t('auditor-review.changes.previousMark', {
                status: t(`auditor-review.items.statuses.${change.previousMark}`),
              })}
            </p>
          ) : null}
          <p>
            {t('auditor-review.changes.answerChange', {
              before:
                change.previousAnswer === undefined
                  ? t('auditor-review.changes.oldAnswerUnknown')
                  : words((change.previousAnswer as ExportAnswer).response),
              after: words(answer?.response),
            })}
          </p>
        </div>
      ) : null}
      {withAnswers ? (
        <div className="review-item__answer">
          <p>
            <strong>{t('auditor-review.items.answer', { answer: words(answer?.response) })}</strong>
            {answer?.toReview ? <> {t('auditor-review.items.toReview')}</> : null}
          </p>
          {answer?.comment ? (
            <p className="review-item__comment">{t('auditor-review.items.comment', { comment: answer.comment })}</p>
          ) : null}
          {evidence ? (
            evidence.length === 0 ? (
              <p className="review-item__proofs-none">{t('auditor-review.items.noProof')}</p>
            ) : (
              <div>
                <p className="review-item__proofs-title">{t('auditor-review.items.proofs')}</p>
                <ul className="review-item__proofs">
                  {evidence.map((proof) => (
                    <li key={proof.sha256 + proof.name}>
                      {proof.documentDate
                        ? t('auditor-review.items.proofDated', {
                            name: proof.name,
                            size: formatBytes(proof.size, language),
                            date: formatShortDate(proof.documentDate, language),
                          })
                        : t('auditor-review.items.proofUndated', {
                            name: proof.name,
                            size: formatBytes(proof.size, language),
                          })}
                    </li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
        </div>
      ) : null}
      <fieldset className="review-item__mark">
        <legend className="visually-hidden">{t('auditor-review.items.markLegend', { id: item.id })}</legend>
        <div className="choices">
          {reviewItemStatuses.map((value) => (
            <label key={value} className={`choice review-choice review-choice--${value}`}>
              <input
                type="radio"
                name={`review-mark-${item.id}`}
                value={value}
                checked={status === value}
                onChange={() => onMark(item.id, value)}
              />
              {t(`auditor-review.items.statuses.${value}`)}
            </label>
          ))}
          <label className="choice review-choice review-choice--none">
            <input
              type="radio"
              name={`review-mark-${item.id}`}
              value=""
              checked={status === undefined}
              onChange={() => onMark(item.id, undefined)}
            />
            {t('auditor-review.items.unmarked')}
          </label>
        </div>
      </fieldset>
      <div className="field review-item__review-comment">
        <label htmlFor={commentId}>{t('auditor-review.items.reviewComment')}</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={REVIEW_TEXT_MAX}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            onComment(item.id, event.target.value);
          }}
          onBlur={onCommentDone}
        />
      </div>
    </article>
  );
});
