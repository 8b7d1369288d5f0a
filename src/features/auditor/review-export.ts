import {
  marksToWrite,
  type ExportedReview,
  type ReviewMark,
  type ReviewOpinionDraft,
  type Reviewer,
} from '../../domain/review/review-draft';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview, serializeReview } from '../../exchange/build-review';
import { reviewFileName } from '../../exchange/review-format';
import { publicJwkOf, webCryptoSigner } from '../../exchange/signing';
import type { InstallationKeyRow } from '../../storage/care-database';
import type { ReviewModel } from './use-review';

export interface MadeReview {
  text: string;
  fileName: string;
  /** What the draft remembers of the file written (src/domain/review/review-draft.ts, ExportedReview). */
  exported: ExportedReview;
}

/**
 * The signed review file of a draft (docs/review-format.md): built by the exchange layer's builder from the file under
 * review, the opinion and the marks (marked items only, in the questionnaire's order, comments trimmed), sealed with
 * this installation's key. An opinion that is not complete never reaches here (missingForExport).
 */
export async function makeReviewFile(
  model: Pick<ReviewModel, 'file' | 'questionnaire'>,
  draft: { marks: Readonly<Record<string, ReviewMark>>; opinion: ReviewOpinionDraft; reviewer: Reviewer },
  key: InstallationKeyRow,
  now: Date = new Date(),
): Promise<MadeReview> {
  const { outcome, reliance, reason } = draft.opinion;
  if (!outcome || !reliance || !reason) throw new TypeError('the opinion is not complete');
  const items = model.file.content.answers
    ? marksToWrite(
        draft.marks,
        model.questionnaire.items.map((item) => item.id),
      )
    : [];
  const envelope = await sealReview(
    buildReviewEnvelope({
      submission: reviewSubmissionOf(model.file),
      reviewer: { name: draft.reviewer.name.trim(), organisation: draft.reviewer.organisation.trim() },
      opinion: { outcome, reliance, reason: reason.trim() },
      items,
      appVersion: __APP_VERSION__,
      reviewedAt: now.toISOString(),
    }),
    webCryptoSigner({
      privateKey: key.privateKey,
      publicKeyJwk: publicJwkOf(key.publicKeyJwk),
      fingerprint: key.fingerprint,
    }),
  );
  const answers = model.file.content.answers ?? {};
  return {
    text: serializeReview(envelope),
    fileName: reviewFileName(envelope),
    exported: {
      reviewDigest: envelope.integrity.digest,
      reviewedAt: envelope.reviewedAt,
      outcome,
      reliance,
      marks: Object.fromEntries(items.map((item) => [item.itemId, item.status])),
      answers: Object.fromEntries(
        items.flatMap((item) => (answers[item.itemId] !== undefined ? [[item.itemId, answers[item.itemId]]] : [])),
      ),
    },
  };
}
