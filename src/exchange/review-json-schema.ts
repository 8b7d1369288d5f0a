import { z } from 'zod';
import { REVIEW_FORMAT_VERSION, reviewEnvelopeSchema } from './review-format';

/**
 * The JSON Schema of a review file (docs/review-format.schema.json), generated from the zod schema so that the two
 * never disagree: `npm run schema:review`. Types, required members and patterns; the rules across fields (items of
 * the questionnaire named, listed once, dates, the tie to the export by its digest) and the digest and signature are
 * checked by the import itself and written out in docs/review-format.md.
 */
export function reviewJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reviewEnvelopeSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://care-autodiag.invalid/review-format.schema.json',
    title: `Autodiag CaRE review file, format version ${REVIEW_FORMAT_VERSION}`,
    description:
      'An auditor’s review of one Autodiag CaRE export file, tied to it by its integrity digest. See ' +
      'docs/review-format.md for the digest, the signature and the checks on import.',
  };
}
