import { submissionFiness, type ExportEnvelope } from './export-format';
import {
  REVIEW_APP_NAME,
  REVIEW_FORMAT,
  REVIEW_FORMAT_VERSION,
  reviewEnvelopeSchema,
  unsealedReviewEnvelopeSchema,
  type ReviewEnvelope,
  type ReviewItem,
  type ReviewOpinion,
  type ReviewSubmission,
  type UnsealedReviewEnvelope,
} from './review-format';
import { sealEnvelope } from './sealed-envelope';
import type { ExportSigner } from './signing';

/** Everything a review is made from: the export it answers, who reviews, the opinion and the marks. */
export interface ReviewInput {
  /** The export reviewed (see {@link reviewSubmissionOf}). */
  submission: ReviewSubmission;
  reviewer: { name: string; organisation: string };
  opinion: ReviewOpinion;
  /** The items marked, in the order they are to be read (the questionnaire's order, as the screens and CLI give them). */
  items: readonly ReviewItem[];
  appVersion: string;
  /** When the review is written (ISO 8601, UTC). */
  reviewedAt: string;
}

/** What a review copies of the export it answers: its digest (the tie), its FINESS, questionnaire, campaign, date. */
export function reviewSubmissionOf(
  envelope: Pick<ExportEnvelope, 'establishment' | 'content' | 'exportedAt' | 'integrity'>,
): ReviewSubmission {
  const { questionnaire, campaignYear, snapshot } = envelope.content;
  return {
    digest: envelope.integrity.digest,
    finess: submissionFiness(envelope.establishment),
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    campaignYear,
    exportedAt: envelope.exportedAt,
    ...(snapshot ? { snapshot: { ...snapshot } } : {}),
  };
}

/**
 * The review envelope, without integrity or signature: pure and deterministic, so that it is tested directly and
 * sealed by {@link sealReview}. A comment of blanks only is left out rather than refused (a spreadsheet cell of
 * spaces says nothing).
 */
export function buildReviewEnvelope(input: ReviewInput): UnsealedReviewEnvelope {
  return {
    format: REVIEW_FORMAT,
    formatVersion: REVIEW_FORMAT_VERSION,
    app: { name: REVIEW_APP_NAME, version: input.appVersion },
    reviewedAt: input.reviewedAt,
    reviewer: { name: input.reviewer.name, organisation: input.reviewer.organisation },
    submission: {
      ...input.submission,
      ...(input.submission.snapshot ? { snapshot: { ...input.submission.snapshot } } : {}),
    },
    opinion: { outcome: input.opinion.outcome, reliance: input.opinion.reliance, reason: input.opinion.reason },
    items: input.items.map((item) => ({
      itemId: item.itemId,
      status: item.status,
      ...(item.comment !== undefined && /\S/.test(item.comment) ? { comment: item.comment } : {}),
    })),
  };
}

/**
 * Adds the integrity digest and, with a signer, the signature, exactly as an export is sealed (docs/export-format.md,
 * "Digest and signature"). Checks the envelope against the schema first: a review the app cannot import is never
 * written; the error names the first bad member.
 */
export function sealReview(envelope: UnsealedReviewEnvelope, signer?: ExportSigner): Promise<ReviewEnvelope> {
  return sealEnvelope(envelope, unsealedReviewEnvelopeSchema, reviewEnvelopeSchema, signer);
}

/** The bytes of a review file: indented for a human reader; the digest covers the canonical form. */
export function serializeReview(envelope: ReviewEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
