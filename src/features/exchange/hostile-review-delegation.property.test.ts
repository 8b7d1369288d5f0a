// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../texts/translator';
import { describeDelegationRejection, describeReviewRejection } from '../../texts/describe-error';
import { shippedQuestionnaires } from '../../testing/exchange/shipped-questionnaires';
import {
  applyBytes,
  applyStructural,
  byteMutation,
  hostileJsonText,
  renderMutated,
  sameJsonData,
  sealRaw,
  structuralMutation,
  utf8,
  type Json,
} from '../../testing/exchange/hostile-test-data';
import { delegationErrorCodes } from '../../exchange/delegation-error';
import { reviewErrorCodes } from '../../exchange/review-error';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from '../../exchange/signing';
import {
  validateDelegationAnswer,
  validateDelegationRequest,
  type SentRequest,
} from '../../exchange/validate-delegation';
import { validateReviewFile } from '../../exchange/validate-review';

/**
 * Issue 9's hostile files, extended to the review file (issue 18) and the delegation files (issue 19): golden files
 * mutated byte by byte or member by member (pollution names, duplicate names, values of another type, huge strings
 * and arrays, non-finite numbers, syntax errors), resealed or not, and JSON text of any shape. Each goes through the
 * validation the app and the command line run: it never throws, a refusal carries a code of its list and a sentence
 * naming the file, no prototype gains a property, and a file whose data changed without a new seal is refused.
 */
const NOW = Date.parse('2026-12-02T12:00:00Z');
const t = createTranslator('fr');
const golden = (path: string): Json => JSON.parse(readFileSync(join(process.cwd(), path), 'utf8')) as Json;
const files = {
  review: golden('tests/fixtures/review/v1/to-complete-from-snapshot.json'),
  request: golden('tests/fixtures/delegation/v1/request.json'),
  answer: golden('tests/fixtures/delegation/v1/answer.json'),
};
let signer: ExportSigner;
let sent: SentRequest;

beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
  const request = files.request as { requestId: string; createdAt: string; integrity: { digest: string } };
  sent = {
    requestId: request.requestId,
    digest: request.integrity.digest,
    finess: '010780914',
    createdAt: request.createdAt,
    questionnaire: { id: 'care', version: '2026.2' },
    itemIds: ['care.gov.01', 'care.gov.02'],
  };
});

type Kind = keyof typeof files;

async function validate(kind: Kind, bytes: Uint8Array) {
  const fileName = `hostile-${kind}.json`;
  if (kind === 'review') {
    const result = await validateReviewFile(bytes, fileName, { questionnaires: shippedQuestionnaires, now: NOW });
    return { result, sentence: result.ok ? '' : describeReviewRejection(t, result), codes: reviewErrorCodes };
  }
  const result =
    kind === 'request'
      ? await validateDelegationRequest(bytes, fileName, { questionnaires: shippedQuestionnaires, now: NOW })
      : await validateDelegationAnswer(bytes, fileName, {
          questionnaires: shippedQuestionnaires,
          requests: [sent],
          now: NOW,
        });
  return { result, sentence: result.ok ? '' : describeDelegationRejection(t, result), codes: delegationErrorCodes };
}

function prototypesClean(): boolean {
  return [Object.prototype, Array.prototype, Function.prototype].every(
    (proto) => !Object.getOwnPropertyNames(proto).some((name) => ['polluted', 'isAdmin', 'x'].includes(name)),
  );
}

async function expectHandled(kind: Kind, bytes: Uint8Array, mustRefuse: boolean) {
  const { result, sentence, codes } = await validate(kind, bytes);
  if (!result.ok) {
    expect(codes as readonly string[]).toContain(result.code);
    expect(sentence).toContain(`hostile-${kind}.json`);
  } else {
    expect(mustRefuse).toBe(false);
  }
  expect(prototypesClean()).toBe(true);
}

describe('hostile review and delegation files', () => {
  for (const kind of ['review', 'request', 'answer'] as const) {
    it(`${kind}: a changed byte is refused unless the data is the same, and nothing throws`, async () => {
      const original = utf8(`${JSON.stringify(files[kind], null, 2)}\n`);
      await fc.assert(
        fc.asyncProperty(byteMutation(original.length), async (mutation) => {
          const bytes = applyBytes(original, mutation);
          await expectHandled(kind, bytes, !sameJsonData(bytes, files[kind]));
        }),
        { numRuns: 150 },
      );
    }, 60_000);

    it(`${kind}: a member mutated, sealed anew or not, is handled without throwing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          structuralMutation(files[kind]),
          fc.constantFrom('stale', 'resealed'),
          async (mutation, sealing) => {
            let mutated = applyStructural(files[kind], mutation);
            if (sealing === 'resealed' && typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated)) {
              try {
                mutated = await sealRaw(mutated as Record<string, unknown>, signer);
              } catch {
                // No canonical form (a non-finite number, too deep): the file keeps its stale seal.
              }
            }
            const bytes = utf8(renderMutated(mutated, mutation, 2));
            // A stale seal over changed data must fail; a fresh seal may pass only if the content is still valid.
            await expectHandled(kind, bytes, sealing === 'stale' && !sameJsonData(bytes, files[kind]));
          },
        ),
        { numRuns: 150 },
      );
    }, 60_000);

    it(`${kind}: JSON text of any shape is refused with a code of its list`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileJsonText, async (text) => {
          await expectHandled(kind, utf8(text), true);
        }),
        { numRuns: 100 },
      );
    }, 60_000);
  }
});
