import { buildExportEnvelope, sealExport } from '../../exchange/build-export';
import { buildReviewEnvelope, reviewSubmissionOf, type ReviewInput } from '../../exchange/build-review';
import type { ExportEnvelope } from '../../exchange/export-format';
import type { ExportSigner } from '../../exchange/signing';
import { validateReviewFile, type ReviewValidation, type ValidateReviewOptions } from '../../exchange/validate-review';
import { anExportInput } from './export-test-data';
import { shippedQuestionnaires } from './shipped-questionnaires';

/** The sealed auditor-level export of the fixed test input: what the reviews of these tests answer. */
export async function aReviewedExport(signer?: ExportSigner): Promise<ExportEnvelope> {
  return sealExport(buildExportEnvelope(anExportInput(), 'auditor'), signer);
}

/** A review of `submission` with every kind of mark, a comment and an opinion to complete. */
export function aReviewInput(submission: ExportEnvelope, overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    submission: reviewSubmissionOf(submission),
    reviewer: { name: 'Claire Martin', organisation: 'ARS Centre-Val de Loire' },
    opinion: { outcome: 'to-complete', reliance: 'moderate', reason: 'La PSSI n’est pas signée.' },
    items: [
      { itemId: 'care.gov.01', status: 'accepted' },
      { itemId: 'care.gov.02', status: 'to-complete', comment: 'Joindre la PSSI signée.' },
      { itemId: 'care.gov.05', status: 'refused', comment: '« Ne sait pas » ne suffit pas.' },
    ],
    appVersion: '0.1.0',
    reviewedAt: '2026-11-25T14:00:00.000Z',
    ...overrides,
  };
}

export const aReviewEnvelope = (submission: ExportEnvelope, overrides: Partial<ReviewInput> = {}) =>
  buildReviewEnvelope(aReviewInput(submission, overrides));

/** validateReviewFile against the questionnaires of this build, on 1 December 2026. */
export function validateTestReview(
  data: Uint8Array | string,
  fileName: string,
  options: Partial<ValidateReviewOptions> = {},
): Promise<ReviewValidation> {
  return validateReviewFile(data, fileName, {
    questionnaires: shippedQuestionnaires,
    now: Date.parse('2026-12-01T00:00:00Z'),
    ...options,
  });
}
