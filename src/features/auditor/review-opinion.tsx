import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  missingForExport,
  REVIEW_TEXT_MAX,
  REVIEWER_FIELD_MAX,
  reviewOutcomes,
  reviewReliances,
  type ReviewDraft,
  type ReviewMark,
  type ReviewOpinionDraft,
  type Reviewer,
} from '../../domain/review/review-draft';
import { useDebouncedWrites } from '../../components/use-debounced-writes';
import { downloadFile } from '../../components/download-file';
import { useSigningKey } from '../../storage/use-signing-key';
import { useRepositories } from '../../storage/use-repositories';
import { describeError } from '../../texts/describe-error';
import { makeReviewFile } from './review-export';
import { useDraftWriter, type ReviewModel } from './use-review';

const TYPING_PAUSE_MS = 400;

/**
 * The overall opinion (outcome, how far the self-assessment can be relied on, and why), who gives it, and « Exporter
 * l'avis signé ». The export is refused with a message naming what is missing, before anything is written.
 */
export function ReviewOpinion({
  model,
  marks,
  beforeExport,
}: {
  model: ReviewModel;
  marks: Readonly<Record<string, ReviewMark>>;
  /** Writes what is still waiting to be written (a comment being typed) before the file is made. */
  beforeExport: () => void;
}) {
  const { t } = useTranslation();
  const write = useDraftWriter(model.subject);
  const typing = useDebouncedWrites(TYPING_PAUSE_MS);
  const signingKey = useSigningKey();
  const { reviewDrafts } = useRepositories();
  const [opinion, setOpinion] = useState<ReviewOpinionDraft>(() => model.draft?.opinion ?? {});
  const [reviewer, setReviewer] = useState<Reviewer>(
    () => model.draft?.reviewer ?? model.previous?.reviewer ?? { name: '', organisation: '' },
  );
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  const changeOpinion = (patch: Partial<ReviewOpinionDraft>, delayed: boolean) => {
    const next = { ...opinion, ...patch };
    setOpinion(next);
    typing.schedule(
      () =>
        void write('opinion', (d: ReviewDraft) => ({ ...d, opinion: { ...d.opinion, ...patch } })).catch(
          () => undefined,
        ),
      delayed,
    );
  };
  const changeReviewer = (patch: Partial<Reviewer>) => {
    const next = { ...reviewer, ...patch };
    setReviewer(next);
    typing.schedule(
      () =>
        void write('reviewer', (d: ReviewDraft) => ({
          ...d,
          reviewer: { ...(d.reviewer ?? { name: '', organisation: '' }), ...patch },
        })).catch(() => undefined),
      true,
    );
  };

  const exportReview = async () => {
    typing.flush();
    beforeExport();
    const missing = missingForExport({ opinion, reviewer });
    if (missing.length > 0) {
      setMessage({
        kind: 'error',
        text: t('auditor-review.export.missing', {
          list: missing.map((part) => t(`auditor-review.export.missingParts.${part}`)).join(', '),
        }),
      });
      messageRef.current?.focus();
      return;
    }
    if (signingKey.status !== 'ready') {
      setMessage({ kind: 'error', text: t('auditor-review.export.noKey') });
      return;
    }
    setBusy(true);
    try {
      const made = await makeReviewFile(model, { marks, opinion, reviewer }, signingKey.key);
      // The file is saved first, then the draft remembers it: the dashboard's state follows the file written.
      downloadFile(made.text, made.fileName, 'application/json');
      await reviewDrafts.markExported(model.subject, made.exported);
      setMessage({ kind: 'success', text: t('auditor-review.export.done', { fileName: made.fileName }) });
    } catch (error) {
      setMessage({ kind: 'error', text: t('auditor-review.export.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  return (
    <section className="section review-opinion" aria-labelledby="review-opinion">
      <h2 id="review-opinion">{t('auditor-review.opinion.title')}</h2>
      <fieldset className="review-opinion__reviewer">
        <legend>{t('auditor-review.opinion.reviewer')}</legend>
        <div className="field">
          <label htmlFor="review-reviewer-name">{t('auditor-review.opinion.reviewerName')}</label>
          <input
            id="review-reviewer-name"
            type="text"
            autoComplete="name"
            maxLength={REVIEWER_FIELD_MAX}
            value={reviewer.name}
            onChange={(e) => changeReviewer({ name: e.target.value })}
            onBlur={typing.flush}
          />
        </div>
        <div className="field">
          <label htmlFor="review-reviewer-organisation">{t('auditor-review.opinion.organisation')}</label>
          <input
            id="review-reviewer-organisation"
            type="text"
            autoComplete="organization"
            maxLength={REVIEWER_FIELD_MAX}
            value={reviewer.organisation}
            onChange={(e) => changeReviewer({ organisation: e.target.value })}
            onBlur={typing.flush}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('auditor-review.opinion.outcome')}</legend>
        <div className="choices">
          {reviewOutcomes.map((value) => (
            <label key={value} className={`choice review-choice review-choice--${value}`}>
              <input
                type="radio"
                name="review-outcome"
                value={value}
                checked={opinion.outcome === value}
                onChange={() => changeOpinion({ outcome: value }, false)}
              />
              {t(`auditor-review.opinion.outcomes.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('auditor-review.opinion.reliance')}</legend>
        <div className="choices">
          {reviewReliances.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="review-reliance"
                value={value}
                checked={opinion.reliance === value}
                onChange={() => changeOpinion({ reliance: value }, false)}
              />
              {t(`auditor-review.opinion.reliances.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="review-reason">{t('auditor-review.opinion.reason')}</label>
        <textarea
          id="review-reason"
          rows={4}
          maxLength={REVIEW_TEXT_MAX}
          aria-describedby="review-reason-hint"
          value={opinion.reason ?? ''}
          onChange={(e) => changeOpinion({ reason: e.target.value }, true)}
          onBlur={typing.flush}
        />
        <p id="review-reason-hint" className="field__hint">
          {t('auditor-review.opinion.reasonHint')}
        </p>
      </div>
      <p id="review-export-hint" className="field__hint">
        {t('auditor-review.export.hint')}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          aria-describedby="review-export-hint"
          disabled={busy}
          onClick={() => void exportReview()}
        >
          {t('auditor-review.export.button')}
        </button>
      </div>
      <div ref={messageRef} tabIndex={-1} className="review-opinion__message">
        {message ? (
          <p
            className={`notice ${message.kind === 'error' ? 'notice--error' : 'notice--success'}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
