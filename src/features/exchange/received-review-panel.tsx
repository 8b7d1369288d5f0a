import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from '../../components/signing-key-card';
import type { ExportReviewChanges } from '../../exchange/export-format';
import { reviewItemStatuses, type ReviewEnvelope } from '../../exchange/review-format';
import { currentLanguage } from '../../i18n/i18n';
import { ReviewExchangeRepository } from '../../storage/review-exchange-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { describeError, describeReviewRejection } from '../../texts/describe-error';
import { formatDateTime } from '../../texts/format';
import { importReviewFile } from './import-review-file';

type ImportStatus =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * The auditor's review on the export screen (issue 18): where the establishment imports the review file it received
 * in answer to an export, and reads it — who reviewed, when, the opinion, the key that signed it, the marks — and,
 * before exporting again, which reviewed items changed since (the file will say so to the auditor).
 */
export function ReceivedReviewPanel({
  assessmentId,
  reviewChanges,
}: {
  assessmentId: string;
  reviewChanges: ExportReviewChanges | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });
  const latest = useLiveQuery(() => new ReviewExchangeRepository(db).latestReview(assessmentId), [db, assessmentId]);
  const review = latest?.document as ReviewEnvelope | undefined;

  const start = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'working' });
    try {
      const result = await importReviewFile(db, new Uint8Array(await file.arrayBuffer()), file.name);
      if (!result.validation.ok) {
        setStatus({ kind: 'error', text: describeReviewRejection(t, result.validation) });
      } else if (result.assessmentId !== assessmentId) {
        setStatus({ kind: 'done', text: t('review.import.otherAssessment', { file: file.name }) });
      } else {
        const key = result.stored === 'identical' ? 'review.import.identical' : 'review.import.done';
        setStatus({ kind: 'done', text: t(key, { file: file.name }) });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: describeError(t, error) });
    }
  };

  const counts = review
    ? reviewItemStatuses.map(
        (status) => [status, review.items.filter((item) => item.status === status).length] as const,
      )
    : [];

  return (
    <section className="received-review" aria-labelledby="received-review-title">
      <h2 id="received-review-title">{t('review.panel.title')}</h2>
      <p className="field__hint">{t('review.panel.intro')}</p>
      {review && latest ? (
        <div className="received-review__card" data-testid="received-review">
          <p>
            <strong>{t(`review.outcome.${review.opinion.outcome}`)}</strong>
            {' — '}
            {t(`review.reliance.${review.opinion.reliance}`)}
          </p>
          <p>
            {t('review.panel.by', {
              name: review.reviewer.name,
              organisation: review.reviewer.organisation,
              date: formatDateTime(Date.parse(review.reviewedAt), language),
            })}
          </p>
          <blockquote className="received-review__reason">{review.opinion.reason}</blockquote>
          <ul className="received-review__counts">
            {counts.map(([status, count]) => (
              <li key={status}>{t(`review.panel.count.${status}`, { count })}</li>
            ))}
          </ul>
          {latest.keyFingerprint ? (
            <p>
              {t('review.panel.key')} <Fingerprint fingerprint={latest.keyFingerprint} />
            </p>
          ) : (
            <p className="notice notice--warning">{t('review.panel.unsigned')}</p>
          )}
        </div>
      ) : (
        <p>{t('review.panel.none')}</p>
      )}
      {reviewChanges ? (
        <p className="notice" data-testid="review-changes">
          {reviewChanges.changedItemIds.length === 0
            ? t('review.panel.noChange')
            : t('review.panel.changed', {
                count: reviewChanges.changedItemIds.length,
                items: reviewChanges.changedItemIds.join(', '),
              })}
        </p>
      ) : null}
      <div className="button-row">
        <label className={`button${status.kind === 'working' ? ' button--disabled' : ''}`}>
          {t('review.import.choose')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            disabled={status.kind === 'working'}
            onChange={(event) => {
              void start(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <div role="status">{status.kind === 'done' ? <p className="notice notice--success">{status.text}</p> : null}</div>
      {status.kind === 'error' ? (
        <p className="notice notice--error" role="alert">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
