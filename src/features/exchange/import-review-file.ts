import type { ReviewSubmission } from '../../exchange/review-format';
import { validateReviewFile, type ReviewValidation } from '../../exchange/validate-review';
import { catalogQuestionnaires } from '../../storage/catalog-questionnaires';
import type { CareDatabase, SentExportRow } from '../../storage/care-database';
import { ReviewExchangeRepository, type ReceivedReviewOutcome } from '../../storage/review-exchange-repository';

/** What a review copies of an export, as this installation recorded the export when it made it. */
export function submissionOfSentExport(row: SentExportRow): ReviewSubmission {
  return {
    digest: row.id,
    finess: row.finess,
    questionnaireId: row.questionnaireId,
    questionnaireVersion: row.questionnaireVersion,
    campaignYear: row.campaignYear,
    exportedAt: row.exportedAt,
    ...(row.snapshot ? { snapshot: row.snapshot } : {}),
  };
}

/**
 * Validates a review file received from the auditor (src/exchange/validate-review.ts) against the exports made on
 * this installation, and stores it only when it is valid and answers one of them by digest (design principle 6: a
 * refused file changes nothing). The review is filed under the assessment of the export it answers.
 */
export async function importReviewFile(
  db: CareDatabase,
  data: Uint8Array | string,
  fileName: string,
  now: number = Date.now(),
): Promise<{ validation: ReviewValidation; stored?: ReceivedReviewOutcome; assessmentId?: string }> {
  const repository = new ReviewExchangeRepository(db);
  const sent = await repository.listSentExports();
  const validation = await validateReviewFile(data, fileName, {
    questionnaires: catalogQuestionnaires,
    submissions: sent.map(submissionOfSentExport),
    now,
  });
  if (!validation.ok) return { validation };
  const answered = sent.find((row) => row.id === validation.envelope.submission.digest);
  if (!answered) throw new Error('a validated review answers a known export');
  const stored = await repository.storeReceivedReview({
    id: validation.digest,
    exportDigest: answered.id,
    assessmentId: answered.assessmentId,
    establishmentId: answered.establishmentId,
    reviewedAt: validation.envelope.reviewedAt,
    importedAt: now,
    fileName,
    ...(validation.keyFingerprint ? { keyFingerprint: validation.keyFingerprint } : {}),
    document: validation.envelope,
  });
  return { validation, stored, assessmentId: answered.assessmentId };
}
