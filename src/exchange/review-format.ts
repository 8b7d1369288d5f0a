import { z } from 'zod';
import {
  EXPORT_APP_NAME,
  exportIntegritySchema,
  exportSignatureSchema,
  exportSnapshotSchema,
  finessNumber,
  hex64,
  itemId,
  nonBlank,
} from './export-format';

/**
 * The review file (issue 18): the regional auditor's answer to one export file, sent back to the establishment. It
 * names the export it answers by its integrity digest (the tie), gives an overall opinion and marks items accepted,
 * to complete or refused, with a comment. docs/review-format.md describes every member; docs/review-format.schema.json
 * is generated from this schema (`npm run schema:review`).
 *
 * The envelope is built like the export's (export-format.ts), with the same pieces: every object strict (a member
 * this version does not know is refused), `integrity.digest` the SHA-256 of the RFC 8785 canonical JSON of the
 * envelope without `integrity` and `signature`, `signature.value` an ECDSA P-256 / SHA-256 signature of that digest.
 */
export const REVIEW_FORMAT = 'care-autodiag/review';
export const REVIEW_FORMAT_VERSION = 1;
export { EXPORT_APP_NAME as REVIEW_APP_NAME };

export const reviewItemStatuses = ['accepted', 'to-complete', 'refused'] as const;
export type ReviewItemStatus = (typeof reviewItemStatuses)[number];

export const reviewOutcomes = ['accepted', 'to-complete'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** How far the self-assessment can be relied on, in the auditor's opinion. */
export const reviewReliances = ['high', 'moderate', 'low'] as const;
export type ReviewReliance = (typeof reviewReliances)[number];

/** Codes carried as zod messages, for the error mapper and the command line. */
export const reviewIssueMessages = {
  duplicateItem: 'item-listed-twice',
  tooMany: 'too-many-entries',
} as const;

/** The export file a review answers: its digest, and what it says of itself, copied so the review reads alone. */
export const reviewSubmissionSchema = z
  .object({
    /** The export's integrity.digest: the tie between the review and the file it answers. */
    digest: hex64,
    /** The FINESS the submission is filed under (EG, else EJ: submissionFiness). */
    finess: finessNumber,
    questionnaireId: z.string().regex(/^[a-z][a-z0-9-]*$/),
    questionnaireVersion: z.string().min(1).max(40),
    campaignYear: z.number().int().min(2020).max(2100),
    exportedAt: z.iso.datetime({ offset: true }),
    /** Copied from the export's content.snapshot when it was made from a snapshot. */
    snapshot: exportSnapshotSchema.optional(),
  })
  .strict();
export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

export const reviewOpinionSchema = z
  .object({
    outcome: z.enum(reviewOutcomes),
    reliance: z.enum(reviewReliances),
    reason: nonBlank(2000),
  })
  .strict();
export type ReviewOpinion = z.infer<typeof reviewOpinionSchema>;

export const reviewItemSchema = z
  .object({
    itemId,
    status: z.enum(reviewItemStatuses),
    comment: nonBlank(2000).optional(),
  })
  .strict();
export type ReviewItem = z.infer<typeof reviewItemSchema>;

const reviewItemsSchema = z
  .array(reviewItemSchema)
  .max(5000, reviewIssueMessages.tooMany)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.itemId))
        ctx.addIssue({ code: 'custom', path: [index, 'itemId'], message: reviewIssueMessages.duplicateItem });
      seen.add(item.itemId);
    });
  });

const reviewShape = {
  format: z.literal(REVIEW_FORMAT).meta({ description: 'Marks an Autodiag CaRE review file.' }),
  formatVersion: z.literal(REVIEW_FORMAT_VERSION).meta({
    description: 'Version of this format; older versions are migrated on import, newer ones refused.',
  }),
  app: z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }).strict(),
  reviewedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the review file was written.' }),
  reviewer: z.object({ name: nonBlank(200), organisation: nonBlank(200) }).strict(),
  submission: reviewSubmissionSchema.meta({
    description: 'The export file this review answers, named by its integrity digest.',
  }),
  opinion: reviewOpinionSchema.meta({
    description: 'The overall opinion: outcome, how far the self-assessment can be relied on, and why.',
  }),
  items: reviewItemsSchema.meta({
    description: 'The items marked, each an item of submission.questionnaireId at submission.questionnaireVersion.',
  }),
};

/** The review before it is sealed: what {@link buildReviewEnvelope} returns and what the digest covers. */
export const unsealedReviewEnvelopeSchema = z.object(reviewShape).strict();
export type UnsealedReviewEnvelope = z.infer<typeof unsealedReviewEnvelopeSchema>;

/** A complete review file of the current format version. */
export const reviewEnvelopeSchema = z
  .object({
    ...reviewShape,
    integrity: exportIntegritySchema.meta({
      description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the review without integrity and signature.',
    }),
    signature: exportSignatureSchema.optional().meta({
      description: 'ECDSA P-256 / SHA-256 signature of the 32 bytes of integrity.digest, P1363 form, base64url.',
    }),
  })
  .strict();
export type ReviewEnvelope = z.infer<typeof reviewEnvelopeSchema>;

/** autodiag-care-avis_<FINESS>_<questionnaire>_<year>.json: beside the export it answers in a sorted folder. */
export function reviewFileName(review: Pick<UnsealedReviewEnvelope, 'submission'>): string {
  const { finess, questionnaireId, campaignYear } = review.submission;
  return `autodiag-care-avis_${finess}_${questionnaireId}_${campaignYear}.json`;
}
