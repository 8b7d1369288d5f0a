// Writes the golden delegation files of the current format version into tests/fixtures/delegation/v<version>/:
//
//   npx tsx scripts/generate-golden-delegation.ts
//
// Like the golden export and review files: written once per format version, never rewritten (the script refuses a
// folder that already holds files), signed by keys made for the occasion whose private parts are not kept.
// src/exchange/delegation-golden-files.test.ts opens every one of every version and must keep passing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hashQuestionnaire, parseQuestionnaire } from '../src/domain/questionnaire/parse-questionnaire';
import {
  buildDelegationAnswer,
  buildDelegationRequest,
  sealDelegationAnswer,
  sealDelegationRequest,
} from '../src/exchange/build-delegation';
import { DELEGATION_FORMAT_VERSION } from '../src/exchange/delegation-format';
import { serializeEnvelope } from '../src/exchange/sealed-envelope';
import { generateSigningKeyPair, webCryptoSigner } from '../src/exchange/signing';
import packageJson from '../package.json' with { type: 'json' };

const folder = new URL(`../tests/fixtures/delegation/v${DELEGATION_FORMAT_VERSION}/`, import.meta.url);
if (existsSync(folder) && readdirSync(folder).length > 0) {
  console.error(`${folder.pathname} already holds golden files: they are never rewritten.`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });

const parsed = parseQuestionnaire(
  JSON.parse(readFileSync(new URL('../questionnaires/care/2026.2.json', import.meta.url), 'utf8')),
  'care/2026.2.json',
);
if (!parsed.ok) throw new Error('care 2026.2 does not parse');
const questionnaire = parsed.questionnaire;
const item = (id: string) => {
  const found = questionnaire.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

const request = await sealDelegationRequest(
  buildDelegationRequest({
    appVersion: packageJson.version,
    requestId: '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
    createdAt: '2026-11-20T09:30:00.000+01:00',
    dueDate: '2026-12-15',
    establishment: { finessEj: '010780914', name: 'Centre hospitalier de Bourg-en-Bresse' },
    sender: { name: 'Marc Lefèvre', role: 'RSSI' },
    recipient: { name: 'Claire Martin', role: 'Prestataire informatique' },
    message: 'Merci de répondre avant le comité de sécurité du 16\u00a0décembre.',
    questionnaire,
    contentHash: await hashQuestionnaire(questionnaire),
    campaignYear: 2026,
    items: [
      { item: item('care.gov.01'), shared: { response: { kind: 'unknown' }, comment: 'À voir avec la DSI.' } },
      { item: item('care.gov.02') },
    ],
  }),
  webCryptoSigner(await generateSigningKeyPair()),
);
writeFileSync(new URL('request.json', folder), serializeEnvelope(request));

const answer = await sealDelegationAnswer(
  buildDelegationAnswer({
    appVersion: packageJson.version,
    request,
    requestDigest: request.integrity.digest,
    answeredAt: '2026-11-28T16:00:00.000+01:00',
    respondent: { name: 'Claire Martin', role: 'Prestataire informatique', organisation: 'Infogérance de l’Ain' },
    answers: [
      { itemId: 'care.gov.01', response: { kind: 'status', value: 'yes' }, comment: 'PSSI revue le 12\u00a0novembre.' },
      {
        itemId: 'care.gov.02',
        comment: 'Voir le compte rendu joint.',
        proofs: [
          {
            name: 'compte-rendu-comite.pdf',
            type: 'application/pdf',
            size: 48213,
            sha256: 'd2a84f4b8b650937ec8f73cd8be2c74add5a911ba64df27458ed8229da804a26',
            documentDate: '2026-11-12',
          },
        ],
      },
    ],
  }),
  webCryptoSigner(await generateSigningKeyPair()),
);
writeFileSync(new URL('answer.json', folder), serializeEnvelope(answer));
console.log(`golden delegation files written to ${folder.pathname}`);
