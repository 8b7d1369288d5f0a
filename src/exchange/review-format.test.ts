// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview } from './build-review';
import { reviewFileName, unsealedReviewEnvelopeSchema } from './review-format';
import { reviewJsonSchema } from './review-json-schema';
import { aReviewedExport, aReviewInput } from '../testing/exchange/review-test-data';

describe('docs/review-format.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema:review` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(process.cwd(), 'docs/review-format.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(reviewJsonSchema())));
  });

  it('describes the envelope, the statuses and the signature', () => {
    const text = JSON.stringify(reviewJsonSchema());
    for (const word of ['care-autodiag/review', 'to-complete', 'refused', 'moderate', 'ECDSA-P256-SHA256', 'RFC8785'])
      expect(text).toContain(`"${word}"`);
  });
});

describe('buildReviewEnvelope', () => {
  it('copies the tie to the export: its digest, FINESS, questionnaire, campaign, date and snapshot', async () => {
    const submission = await aReviewedExport();
    const tie = reviewSubmissionOf(submission);
    expect(tie).toEqual({
      digest: submission.integrity.digest,
      finess: '450000278',
      questionnaireId: 'care',
      questionnaireVersion: submission.content.questionnaire.version,
      campaignYear: 2026,
      exportedAt: '2026-11-23T10:00:00.000Z',
    });
    const snapshot = { id: 's-1', frozenAt: '2026-11-20T10:00:00.000Z', digest: 'a'.repeat(64) };
    expect(reviewSubmissionOf({ ...submission, content: { ...submission.content, snapshot } }).snapshot).toEqual(
      snapshot,
    );
  });

  it('is deterministic, leaves out blank comments, and names the file by FINESS, questionnaire and year', async () => {
    const submission = await aReviewedExport();
    const input = aReviewInput(submission, {
      items: [{ itemId: 'care.gov.01', status: 'accepted', comment: '   ' }],
    });
    const envelope = buildReviewEnvelope(input);
    expect(buildReviewEnvelope(input)).toEqual(envelope);
    expect(envelope.items).toEqual([{ itemId: 'care.gov.01', status: 'accepted' }]);
    expect(unsealedReviewEnvelopeSchema.safeParse(envelope).success).toBe(true);
    expect(reviewFileName(envelope)).toBe('autodiag-care-avis_450000278_care_2026.json');
  });

  it('is never sealed when the app could not read it back', async () => {
    const submission = await aReviewedExport();
    const envelope = buildReviewEnvelope(aReviewInput(submission, { reviewer: { name: '', organisation: 'ARS' } }));
    await expect(sealReview(envelope)).rejects.toThrow(/reviewer\.name/);
  });
});
