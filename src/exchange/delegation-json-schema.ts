import { z } from 'zod';
import { DELEGATION_FORMAT_VERSION, delegationAnswerSchema, delegationRequestSchema } from './delegation-format';

/**
 * The JSON Schemas of the delegation files (docs/delegation-request.schema.json, docs/delegation-answer.schema.json),
 * generated from the zod schemas so that they never disagree: `npm run schema:delegation`. Types, required members
 * and patterns; the rules across fields (the questionnaire's own words, items listed once, dates, the tie of an
 * answer to its request) and the digest and signature are checked by the import and written in
 * docs/delegation-format.md.
 */
export function delegationJsonSchemas(): Record<'request' | 'answer', Record<string, unknown>> {
  const options = { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' } as const;
  return {
    request: {
      ...z.toJSONSchema(delegationRequestSchema, options),
      $id: 'https://care-autodiag.invalid/delegation-request.schema.json',
      title: `Autodiag CaRE delegation request, format version ${DELEGATION_FORMAT_VERSION}`,
      description: 'Questions an establishment sends to a colleague or a provider. See docs/delegation-format.md.',
    },
    answer: {
      ...z.toJSONSchema(delegationAnswerSchema, options),
      $id: 'https://care-autodiag.invalid/delegation-answer.schema.json',
      title: `Autodiag CaRE delegation answer, format version ${DELEGATION_FORMAT_VERSION}`,
      description: 'The answers to one delegation request, tied to it by its digest. See docs/delegation-format.md.',
    },
  };
}
