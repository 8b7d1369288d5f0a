import { useTranslation } from 'react-i18next';
import type { ReceivedMark } from '../domain/review/received-review';
import './review-mark.css';

/**
 * The auditor's mark on one item (issue 18), from the review the establishment imported: « Avis de l'auditeur :
 * à compléter », with the auditor's comment. Shown on the answering screen's item and in the gaps. The comment comes
 * from a file and is shown as text.
 */
export function ReviewMarkNote({ mark }: { mark: ReceivedMark | undefined }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return (
    <p className={`review-mark review-mark--${mark.status}`} data-review-mark={mark.status}>
      <strong>{t('review.mark.label', { status: t(`review.status.${mark.status}`) })}</strong>
      {mark.comment ? <span className="review-mark__comment">{mark.comment}</span> : null}
    </p>
  );
}
