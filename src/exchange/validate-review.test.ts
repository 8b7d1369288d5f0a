// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewSubmissionOf, sealReview, serializeReview } from './build-review';
import { computeExportDigest } from './canonical-digest';
import type { ExportEnvelope } from './export-format';
import type { ReviewErrorCode } from './review-error';
import type { ReviewEnvelope } from './review-format';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { aReviewedExport, aReviewEnvelope, validateTestReview } from '../testing/exchange/review-test-data';

let signer: ExportSigner;
let submission: ExportEnvelope;
let review: ReviewEnvelope;

beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
  submission = await aReviewedExport(signer);
  review = await sealReview(aReviewEnvelope(submission), signer);
});

type Raw = Record<string, unknown> & { submission: Record<string, unknown>; items: Record<string, unknown>[] };
const copy = (value: ReviewEnvelope) => JSON.parse(JSON.stringify(value)) as Raw;

/** The review changed by `change`, sealed and signed again: only the check under test can refuse it. */
async function resealed(change: (raw: Raw) => void): Promise<string> {
  const raw = copy(review);
  change(raw);
  return JSON.stringify(await sealRaw(raw, signer));
}

async function expectRefused(text: string, code: ReviewErrorCode, path?: string) {
  const result = await validateTestReview(text, 'avis.json', { submissions: [reviewSubmissionOf(submission)] });
  expect(result).toMatchObject({ ok: false, fileName: 'avis.json', code, ...(path ? { path } : {}) });
}

describe('validateReviewFile', () => {
  it('accepts the review it wrote, signed, against the export it answers', async () => {
    const result = await validateTestReview(serializeReview(review), 'avis.json', {
      submissions: [reviewSubmissionOf(submission)],
      requireSignature: true,
    });
    expect(result).toMatchObject({ ok: true, digest: review.integrity.digest, keyFingerprint: signer.keyFingerprint });
    if (result.ok) expect(result.envelope).toEqual(review);
  });

  it('accepts a reformatted copy with a byte-order mark, and an unsigned one when no signature is required', async () => {
    const text = `\ufeff${JSON.stringify(review)}`;
    expect((await validateTestReview(new TextEncoder().encode(text), 'a.json')).ok).toBe(true);
    const unsigned = await sealReview(aReviewEnvelope(submission));
    expect((await validateTestReview(serializeReview(unsigned), 'a.json')).ok).toBe(true);
    await expect(
      validateTestReview(serializeReview(unsigned), 'a.json', { requireSignature: true }),
    ).resolves.toMatchObject({
      code: 'unsigned',
      path: 'signature',
    });
  });

  it('refuses bytes that are not a review, naming the file', async () => {
    await expectRefused('x'.repeat(50), 'not-json');
    expect(await validateTestReview(new Uint8Array([0xff, 0xfe, 0x7b]), 'bad.json')).toMatchObject({
      code: 'not-json',
      fileName: 'bad.json',
    });
    expect(await validateTestReview('{}', 'big.json', { maxBytes: 1 })).toMatchObject({ code: 'too-large' });
    await expectRefused('{"format":"care-autodiag/review","formatVersion":1,"a":1,"a":2}', 'invalid', 'a');
    await expectRefused('{"format":"care-autodiag/review","__proto__":{}}', 'invalid');
    await expectRefused('{"format":"care-autodiag/review","x":"\\ud800"}', 'lone-surrogate', 'x');
    await expectRefused('[1]', 'not-a-review', 'format');
    await expectRefused(JSON.stringify(submission), 'export-not-review', 'format');
    await expectRefused('{"format":"care-autodiag/review","formatVersion":2}', 'newer-format', 'formatVersion');
    await expectRefused('{"format":"care-autodiag/review","formatVersion":0}', 'invalid', 'formatVersion');
  });

  it('refuses a member the format does not know, a bad value or an item twice, with its path', async () => {
    await expectRefused(await resealed((raw) => (raw.extra = 1)), 'invalid', 'extra');
    await expectRefused(await resealed((raw) => (raw.submission.ip = '10.0.0.1')), 'invalid', 'submission.ip');
    await expectRefused(
      await resealed((raw) => ((raw.opinion as Record<string, unknown>).reliance = 'total')),
      'invalid',
      'opinion.reliance',
    );
    await expectRefused(
      await resealed((raw) => ((raw.opinion as Record<string, unknown>).reason = '  ')),
      'invalid',
      'opinion.reason',
    );
    await expectRefused(await resealed((raw) => (raw.items[1]!.status = 'maybe')), 'invalid', 'items[1].status');
    await expectRefused(await resealed((raw) => (raw.items[2]!.comment = '')), 'invalid', 'items[2].comment');
    await expectRefused(
      await resealed((raw) => raw.items.push({ itemId: 'care.gov.01', status: 'refused' })),
      'invalid',
      'items[3].itemId',
    );
    await expectRefused(await resealed((raw) => (raw.submission.finess = '450000279')), 'invalid', 'submission.finess');
  });

  it('refuses a file changed after it was sealed, or signed with another key than it says', async () => {
    const raw = copy(review);
    raw.items[0]!.status = 'refused';
    await expectRefused(JSON.stringify(raw), 'digest-mismatch', 'integrity.digest');
    const other = webCryptoSigner(await generateSigningKeyPair());
    const forged = copy(review);
    (forged.signature as Record<string, unknown>).publicKeyJwk = other.publicKeyJwk;
    await expectRefused(JSON.stringify(forged), 'bad-signature', 'signature.keyFingerprint');
    (forged.signature as Record<string, unknown>).keyFingerprint = other.keyFingerprint;
    await expectRefused(JSON.stringify(forged), 'bad-signature', 'signature.value');
  });

  it('reads the marked items against the questionnaire version named', async () => {
    await expectRefused(
      await resealed((raw) => (raw.items[1]!.itemId = 'care.gov.99')),
      'unknown-item',
      'items[1].itemId',
    );
    await expectRefused(
      await resealed((raw) => (raw.submission.questionnaireId = 'unknown')),
      'unknown-questionnaire',
      'submission.questionnaireId',
    );
    await expectRefused(
      await resealed((raw) => (raw.submission.questionnaireVersion = '2025.9')),
      'unknown-questionnaire',
      'submission.questionnaireVersion',
    );
    await expectRefused(
      await resealed((raw) => (raw.submission.questionnaireVersion = '2099.1')),
      'newer-questionnaire',
      'submission.questionnaireVersion',
    );
  });

  it('refuses a review dated in the future or before the export it answers', async () => {
    await expectRefused(
      await resealed((raw) => (raw.reviewedAt = '2099-01-01T00:00:00Z')),
      'future-date',
      'reviewedAt',
    );
    await expectRefused(
      await resealed((raw) => (raw.reviewedAt = '2026-11-01T00:00:00Z')),
      'dates-disagree',
      'reviewedAt',
    );
  });

  it('must answer one of the exports given, by digest, and describe it as it is', async () => {
    const answered = reviewSubmissionOf(submission);
    const text = serializeReview(review);
    expect(await validateTestReview(text, 'avis.json', { submissions: [] })).toMatchObject({
      code: 'unknown-submission',
      path: 'submission.digest',
    });
    expect(
      await validateTestReview(text, 'avis.json', { submissions: [{ ...answered, campaignYear: 2025 }] }),
    ).toMatchObject({ code: 'submission-mismatch', path: 'submission.campaignYear' });
    const snapshot = { id: 's-1', frozenAt: '2026-11-20T10:00:00.000Z', digest: 'a'.repeat(64) };
    expect(await validateTestReview(text, 'avis.json', { submissions: [{ ...answered, snapshot }] })).toMatchObject({
      code: 'submission-mismatch',
      path: 'submission.snapshot',
    });
  });

  it('digests the file as written, as exports are digested', async () => {
    expect(await computeExportDigest(copy(review))).toBe(review.integrity.digest);
  });
});
