import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedQuestionnaires } from '../testing/exchange/shipped-questionnaires';
import { delegationJsonSchemas } from './delegation-json-schema';
import { validateDelegationAnswer, validateDelegationRequest } from './validate-delegation';

/**
 * Every released version of the delegation files keeps opening (docs/delegation-format.md): the golden files of
 * tests/fixtures/delegation/v<n>/ are written once by scripts/generate-golden-delegation.ts and never rewritten.
 */
const root = join(process.cwd(), 'tests/fixtures/delegation');
const NOW = Date.parse('2026-12-02T12:00:00Z');

describe('golden delegation files', () => {
  for (const version of readdirSync(root)) {
    it(`${version}: the request opens, and its answer is taken as answering it`, async () => {
      const requestBytes = readFileSync(join(root, version, 'request.json'));
      const request = await validateDelegationRequest(requestBytes, 'request.json', {
        questionnaires: shippedQuestionnaires,
        now: NOW,
      });
      expect(request).toMatchObject({ ok: true });
      if (!request.ok) return;
      const { envelope } = request;
      const answer = await validateDelegationAnswer(readFileSync(join(root, version, 'answer.json')), 'answer.json', {
        questionnaires: shippedQuestionnaires,
        now: NOW,
        requests: [
          {
            requestId: envelope.requestId,
            digest: request.digest,
            finess: envelope.establishment.finessEg ?? envelope.establishment.finessEj,
            createdAt: envelope.createdAt,
            questionnaire: { id: envelope.questionnaire.id, version: envelope.questionnaire.version },
            itemIds: envelope.items.map((item) => item.itemId),
          },
        ],
      });
      expect(answer).toMatchObject({ ok: true });
    });
  }
});

describe('docs/delegation-*.schema.json', () => {
  it('are the schemas generated from the zod formats (npm run schema:delegation)', () => {
    const generated = delegationJsonSchemas();
    for (const kind of ['request', 'answer'] as const) {
      const committed: unknown = JSON.parse(
        readFileSync(join(process.cwd(), `docs/delegation-${kind}.schema.json`), 'utf8'),
      );
      expect(committed).toEqual(JSON.parse(JSON.stringify(generated[kind])));
    }
  });
});
