import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { careContentHash, careQuestionnaire } from '../testing/exchange/export-test-data';
import { shippedQuestionnaires } from '../testing/exchange/shipped-questionnaires';
import {
  buildDelegationAnswer,
  buildDelegationRequest,
  sealDelegationAnswer,
  sealDelegationRequest,
} from './build-delegation';
import type { DelegationRequest } from './delegation-format';
import { serializeEnvelope } from './sealed-envelope';
import { generateSigningKeyPair, webCryptoSigner, type GeneratedKeyPair } from './signing';
import { validateDelegationAnswer, validateDelegationRequest, type SentRequest } from './validate-delegation';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const items = careQuestionnaire.items.filter((item) => item.domain === careQuestionnaire.items[0]?.domain).slice(0, 4);
const choiceItem = careQuestionnaire.items.find((item) => item.answerType === 'choice');

let ciso: GeneratedKeyPair;
let provider: GeneratedKeyPair;
let request: DelegationRequest;
let requestBytes: string;
let requestDigest: string;
let sent: SentRequest;

function aRequest() {
  return buildDelegationRequest({
    appVersion: '1.8.0',
    requestId: '0b9f3c52-6a4e-4c1e-9a57-2d2a7f5d1e10',
    createdAt: '2026-11-20T09:30:00.000Z',
    dueDate: '2026-12-15',
    establishment: { finessEj: '010780914', name: 'Centre hospitalier de Bourg-en-Bresse' },
    sender: { name: 'Marc Lefèvre', role: 'RSSI' },
    recipient: { name: 'Claire Martin', role: 'Prestataire informatique' },
    message: 'Merci de répondre avant le comité du 16 décembre.',
    questionnaire: careQuestionnaire,
    contentHash: careContentHash,
    campaignYear: 2026,
    items: items.map((item, index) =>
      index === 0 ? { item, shared: { response: { kind: 'unknown' }, comment: 'À voir avec la DSI' } } : { item },
    ),
  });
}

function anAnswer(overrides: Partial<Parameters<typeof buildDelegationAnswer>[0]> = {}) {
  return buildDelegationAnswer({
    appVersion: '1.8.0',
    request,
    requestDigest,
    answeredAt: '2026-11-28T16:00:00.000Z',
    respondent: { name: 'Claire Martin', role: 'Prestataire informatique', organisation: 'Infogérance Ain' },
    answers: [
      { itemId: items[0]!.id, response: { kind: 'status', value: 'yes' }, comment: 'Sauvegardes testées le 12/11' },
      {
        itemId: items[1]!.id,
        comment: 'Voir la pièce jointe',
        proofs: [{ name: 'rapport.pdf', size: 1204, sha256: 'a'.repeat(64), documentDate: '2026-11-12' }],
      },
    ],
    ...overrides,
  });
}

const validateRequest = (bytes: string) =>
  validateDelegationRequest(bytes, 'demande.json', { questionnaires: shippedQuestionnaires, now: NOW });
const validateAnswer = (bytes: string, requests = [sent]) =>
  validateDelegationAnswer(bytes, 'reponse.json', { questionnaires: shippedQuestionnaires, requests, now: NOW });

beforeAll(async () => {
  ciso = await generateSigningKeyPair();
  provider = await generateSigningKeyPair();
  request = await sealDelegationRequest(aRequest(), webCryptoSigner(ciso));
  requestBytes = serializeEnvelope(request);
  requestDigest = request.integrity.digest;
  sent = {
    requestId: request.requestId,
    digest: requestDigest,
    finess: '010780914',
    createdAt: request.createdAt,
    questionnaire: { id: 'care', version: careQuestionnaire.version },
    itemIds: items.map((item) => item.id),
  };
});

describe('a delegation request', () => {
  it('opens with the questions, the shared answer and the CISO’s key, and nothing else', async () => {
    const result = await validateRequest(requestBytes);
    expect(result).toMatchObject({ ok: true, keyFingerprint: ciso.fingerprint });
    if (!result.ok) return;
    expect(result.envelope.items.map((item) => item.itemId)).toEqual(items.map((item) => item.id));
    expect(result.envelope.items[0]?.shared).toEqual({ response: { kind: 'unknown' }, comment: 'À voir avec la DSI' });
    expect(result.envelope.items.slice(1).every((item) => item.shared === undefined)).toBe(true);
  });

  it('is refused when a question was reworded, naming the item and the field', async () => {
    const altered = aRequest();
    altered.items[2]!.question = { fr: 'Cliquez ici pour valider', en: 'Click here' };
    const sealed = await sealDelegationRequest(altered, webCryptoSigner(ciso));
    expect(await validateRequest(serializeEnvelope(sealed))).toMatchObject({
      ok: false,
      code: 'question-altered',
      path: 'items[2].question',
    });
  });

  it('is refused when an item is not one of the questionnaire’s, or a choice offered is not its own', async () => {
    const unknown = aRequest();
    unknown.items[1]!.itemId = 'care.gov.99';
    expect(
      await validateRequest(serializeEnvelope(await sealDelegationRequest(unknown, webCryptoSigner(ciso)))),
    ).toMatchObject({ ok: false, code: 'unknown-item', path: 'items[1].itemId' });
    if (!choiceItem) return;
    const choices = buildDelegationRequest({ ...requestInputWith(choiceItem) });
    choices.items[0]!.choices = [
      ...(choices.items[0]!.choices ?? []),
      { id: 'autre', label: { fr: 'Autre', en: 'Other' } },
    ];
    expect(
      await validateRequest(serializeEnvelope(await sealDelegationRequest(choices, webCryptoSigner(ciso)))),
    ).toMatchObject({ ok: false, code: 'question-altered', path: 'items[0].choices' });
  });

  it('is refused unsigned, altered after sealing, or as an answer file', async () => {
    const { signature: _s, ...unsigned } = request;
    expect(await validateRequest(JSON.stringify(unsigned))).toMatchObject({ ok: false, code: 'unsigned' });
    expect(await validateRequest(requestBytes.replace('Claire Martin', 'Claire Martín'))).toMatchObject({
      ok: false,
      code: 'digest-mismatch',
    });
    const answer = await sealDelegationAnswer(anAnswer(), webCryptoSigner(provider));
    expect(await validateRequest(serializeEnvelope(answer))).toMatchObject({ ok: false, code: 'answer-not-request' });
  });

  it('is refused when wanted before it was written, or dated in the future', async () => {
    const early = { ...aRequest(), dueDate: '2026-11-01' };
    expect(
      await validateRequest(serializeEnvelope(await sealDelegationRequest(early, webCryptoSigner(ciso)))),
    ).toMatchObject({
      ok: false,
      code: 'dates-disagree',
      path: 'dueDate',
    });
    const future = { ...aRequest(), createdAt: '2027-01-01T00:00:00.000Z', dueDate: '2027-02-01' };
    expect(
      await validateRequest(serializeEnvelope(await sealDelegationRequest(future, webCryptoSigner(ciso)))),
    ).toMatchObject({
      ok: false,
      code: 'future-date',
    });
  });
});

function requestInputWith(item: (typeof careQuestionnaire.items)[number]) {
  return {
    appVersion: '1.8.0',
    requestId: '5d7f9a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    createdAt: '2026-11-20T09:30:00.000Z',
    dueDate: '2026-12-15',
    establishment: { finessEj: '010780914', name: 'CH' },
    sender: { name: 'Marc Lefèvre', role: 'RSSI' },
    recipient: { name: 'Claire Martin', role: 'Prestataire' },
    questionnaire: careQuestionnaire,
    contentHash: careContentHash,
    campaignYear: 2026,
    items: [{ item }],
  };
}

describe('a delegation answer', () => {
  it('is read back as written, with the recipient’s key', async () => {
    const answer = await sealDelegationAnswer(anAnswer(), webCryptoSigner(provider));
    const result = await validateAnswer(serializeEnvelope(answer));
    expect(result).toMatchObject({ ok: true, keyFingerprint: provider.fingerprint, digest: answer.integrity.digest });
    if (result.ok) expect(result.envelope.answers).toEqual(answer.answers);
  });

  it('must answer a request of this installation, by id, digest and FINESS', async () => {
    const answer = serializeEnvelope(await sealDelegationAnswer(anAnswer(), webCryptoSigner(provider)));
    expect(await validateAnswer(answer, [])).toMatchObject({
      ok: false,
      code: 'unknown-request',
      path: 'request.requestId',
    });
    expect(await validateAnswer(answer, [{ ...sent, digest: 'b'.repeat(64) }])).toMatchObject({
      ok: false,
      code: 'request-mismatch',
      path: 'request.digest',
    });
  });

  it('answers nothing outside the request', async () => {
    const outside = careQuestionnaire.items.find((item) => !items.includes(item))!;
    const answer = anAnswer({ answers: [{ itemId: outside.id, response: { kind: 'unknown' } }] });
    const sealed = serializeEnvelope(await sealDelegationAnswer(answer, webCryptoSigner(provider)));
    expect(await validateAnswer(sealed)).toMatchObject({
      ok: false,
      code: 'outside-request',
      path: 'answers[0].itemId',
    });
  });

  it('is refused with a response that does not fit its item, or « non applicable » without its reason', async () => {
    const numberOnStatus = anAnswer();
    const target = items.find((item) => item.answerType === 'status')!;
    numberOnStatus.answers = [{ itemId: target.id, response: { kind: 'number', value: 3 } }];
    const sealed = serializeEnvelope(await sealDelegationAnswer(numberOnStatus, webCryptoSigner(provider)));
    expect(await validateAnswer(sealed)).toMatchObject({ ok: false, code: 'response-does-not-fit' });

    const unjustified = anAnswer();
    unjustified.answers = [{ itemId: target.id, response: { kind: 'not-applicable' } }];
    await expect(sealDelegationAnswer(unjustified, webCryptoSigner(provider))).rejects.toThrow(/justification/);
  });

  it('is refused as a request, as an export, or as anything else, naming the format', async () => {
    expect(await validateAnswer(requestBytes)).toMatchObject({ ok: false, code: 'request-not-answer', path: 'format' });
    expect(await validateAnswer('{"format":"care-autodiag/export","formatVersion":1}')).toMatchObject({
      ok: false,
      code: 'export-not-delegation',
    });
    expect(await validateAnswer('[1,2]')).toMatchObject({ ok: false, code: 'not-a-delegation-file' });
    expect(await validateAnswer('{"a":1,"a":2}')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses any changed character of a sealed answer (property)', async () => {
    const bytes = serializeEnvelope(await sealDelegationAnswer(anAnswer(), webCryptoSigner(provider)));
    // Positions inside string values of the answers: changing one must break the digest or the schema.
    const start = bytes.indexOf('"answers"');
    const end = bytes.indexOf('"integrity"');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: start, max: end - 1 }), fc.constantFrom('x', '7', 'é'), async (at, by) => {
        fc.pre(bytes[at] !== by && /[A-Za-z0-9àéè]/.test(bytes[at] ?? ''));
        const changed = bytes.slice(0, at) + by + bytes.slice(at + 1);
        const result = await validateAnswer(changed);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
