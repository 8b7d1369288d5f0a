// Writes the golden review files of the current review format version into tests/fixtures/review/v<version>/:
//
//   npx tsx scripts/generate-golden-reviews.ts
//
// Like the golden export files (scripts/generate-golden-exports.ts): written once per format version, never
// rewritten (the script refuses a folder that already holds files), each answering a golden export file of
// tests/fixtures/exports/ by its digest, and signed by a key made for the occasion whose private part is not kept.
// src/exchange/review-golden-files.test.ts imports every one of every version and must keep passing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview, serializeReview } from '../src/exchange/build-review';
import { exportEnvelopeSchema } from '../src/exchange/export-format';
import { REVIEW_FORMAT_VERSION } from '../src/exchange/review-format';
import { generateSigningKeyPair, webCryptoSigner } from '../src/exchange/signing';
import packageJson from '../package.json' with { type: 'json' };

const folder = new URL(`../tests/fixtures/review/v${REVIEW_FORMAT_VERSION}/`, import.meta.url);
if (existsSync(folder) && readdirSync(folder).length > 0) {
  console.error(`${folder.pathname} already holds golden files: they are never rewritten.`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });

const exportOf = (name: string) =>
  exportEnvelopeSchema.parse(
    JSON.parse(readFileSync(new URL(`../tests/fixtures/exports/v2/${name}`, import.meta.url), 'utf8')),
  );
const signer = webCryptoSigner(await generateSigningKeyPair());
const reviewer = { name: 'Claire Martin', organisation: 'ARS Centre-Val de Loire' };

const accepted = buildReviewEnvelope({
  submission: reviewSubmissionOf(exportOf('auditor.json')),
  reviewer,
  opinion: {
    outcome: 'accepted',
    reliance: 'high',
    reason: 'Autodiagnostic cohérent avec la visite du 18\u00a0novembre\u00a0; preuves probantes.',
  },
  items: [
    { itemId: 'care.gov.01', status: 'accepted' },
    { itemId: 'care.d2.16', status: 'accepted', comment: 'Test de restauration vu en visite.' },
  ],
  appVersion: packageJson.version,
  reviewedAt: '2026-11-25T14:00:00.000Z',
});
writeFileSync(new URL('accepted.json', folder), serializeReview(await sealReview(accepted, signer)));
writeFileSync(new URL('accepted-unsigned.json', folder), serializeReview(await sealReview(accepted)));

const toComplete = buildReviewEnvelope({
  submission: reviewSubmissionOf(exportOf('auditor-from-snapshot.json')),
  reviewer,
  opinion: {
    outcome: 'to-complete',
    reliance: 'moderate',
    reason:
      'La PSSI n’est pas signée et l’exercice de crise n’a pas de compte rendu\u00a0: à compléter avant le 15\u00a0décembre.',
  },
  items: [
    { itemId: 'care.gov.01', status: 'accepted' },
    { itemId: 'care.gov.02', status: 'to-complete', comment: 'Joindre la PSSI signée par le directeur.' },
    { itemId: 'care.gov.05', status: 'refused', comment: '«\u00a0Ne sait pas\u00a0» ne peut pas être retenu ici.' },
  ],
  appVersion: packageJson.version,
  reviewedAt: '2026-11-28T10:15:00.000+01:00',
});
writeFileSync(new URL('to-complete-from-snapshot.json', folder), serializeReview(await sealReview(toComplete, signer)));
console.log(`golden review files written to ${folder.pathname} (key ${signer.keyFingerprint})`);
