// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview, serializeReview } from './build-review';
import type { ExportEnvelope } from './export-format';
import { reviewItemStatuses, reviewOutcomes, reviewReliances, type ReviewItem } from './review-format';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import { careQuestionnaire } from '../testing/exchange/export-test-data';
import { aReviewedExport, validateTestReview } from '../testing/exchange/review-test-data';

/**
 * The review round trip (issue 18): any review the app builds, sealed and signed, validates back to the very same
 * review; and any change of one byte of what the digest covers is refused.
 */
let signer: ExportSigner;
let submission: ExportEnvelope;

beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
  submission = await aReviewedExport(signer);
});

const nonBlank = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((text) => /\S/.test(text));
const itemIds = careQuestionnaire.items.map((item) => item.id);

const itemsArbitrary: fc.Arbitrary<ReviewItem[]> = fc
  .uniqueArray(fc.constantFrom(...itemIds), { maxLength: 30 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((itemId) =>
        fc.record(
          { itemId: fc.constant(itemId), status: fc.constantFrom(...reviewItemStatuses), comment: nonBlank(300) },
          { requiredKeys: ['itemId', 'status'] },
        ),
      ),
    ),
  );

const reviewArbitrary = fc.record({
  reviewer: fc.record({ name: nonBlank(200), organisation: nonBlank(200) }),
  opinion: fc.record({
    outcome: fc.constantFrom(...reviewOutcomes),
    reliance: fc.constantFrom(...reviewReliances),
    reason: nonBlank(2000),
  }),
  items: itemsArbitrary,
  reviewedAt: fc
    .integer({ min: Date.parse('2026-11-23T10:00:00Z'), max: Date.parse('2026-12-01T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString()),
});

describe('the review round trip', () => {
  it('gives back the same review, and refuses any changed byte of its content', async () => {
    await fc.assert(
      fc.asyncProperty(reviewArbitrary, fc.nat(), fc.integer({ min: 1, max: 255 }), async (input, at, flip) => {
        const tie = reviewSubmissionOf(submission);
        const review = await sealReview(
          buildReviewEnvelope({ ...input, submission: tie, appVersion: '0.1.0' }),
          signer,
        );
        const text = serializeReview(review);
        const back = await validateTestReview(text, 'avis.json', { submissions: [tie], requireSignature: true });
        expect(back.ok && back.envelope).toEqual(review);

        // One byte of the canonical content changed (never the digest or the signature, which are checked after).
        const { integrity, signature, ...content } = review;
        const bytes = new TextEncoder().encode(JSON.stringify(content));
        const index = at % bytes.length;
        const changed = bytes.slice();
        changed[index] = (changed[index]! ^ flip) & 0xff;
        const tail = new TextEncoder().encode(
          `,"integrity":${JSON.stringify(integrity)},"signature":${JSON.stringify(signature)}}`,
        );
        const file = new Uint8Array(changed.length - 1 + tail.length);
        file.set(changed.subarray(0, changed.length - 1));
        file.set(tail, changed.length - 1);
        const refused = await validateTestReview(file, 'avis.json', { submissions: [tie] });
        expect(refused.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
    // 150 signatures and 300 verifications: seconds on a loaded machine, not the default 5.
  }, 60_000);
});
