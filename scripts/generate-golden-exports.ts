// Writes the golden export files of the current format version into tests/fixtures/exports/v<version>/:
//
//   npx tsx scripts/generate-golden-exports.ts
//
// Golden files record what a released version of the app wrote; src/exchange/golden-files.test.ts imports every
// one of every version and must keep passing. They are written once per format version and never rewritten: the
// script refuses to touch a folder that already holds files. They are made from the demo seeds (the CHU's CaRE
// campaign of 2026) with fixed dates, and signed by a key made for the occasion whose private part is not kept.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { sha256Hex } from '../src/domain/hash';
import { buildExportEnvelope, sealExport } from '../src/exchange/build-export';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview } from '../src/exchange/build-review';
import { canonicalJson } from '../src/exchange/canonical-digest';
import { serializeExport, zipExport } from '../src/exchange/export-file';
import { EXPORT_FORMAT_VERSION, sharingLevels } from '../src/exchange/export-format';
import { generateSigningKeyPair, webCryptoSigner } from '../src/exchange/signing';
import { readSeeds, seedExportInput } from './export-seeds';
import packageJson from '../package.json' with { type: 'json' };

const folder = new URL(`../tests/fixtures/exports/v${EXPORT_FORMAT_VERSION}/`, import.meta.url);
if (existsSync(folder) && readdirSync(folder).length > 0) {
  console.error(`${folder.pathname} already holds golden files: they are never rewritten.`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });

const seeds = readSeeds();
const signer = webCryptoSigner(await generateSigningKeyPair());
const input = await seedExportInput(seeds, 'demo-chu-care-2026', '2026-11-23T09:00:00.000Z', packageJson.version);

// Made-up evidence: two small documents attached to governance items.
const documents = [
  {
    itemId: 'care.gov.01',
    name: 'PSSI signée par le directeur.pdf',
    type: 'application/pdf',
    documentDate: '2026-03-12',
  },
  { itemId: 'care.d2.16', name: 'Compte rendu test de restauration.pdf', type: 'application/pdf' },
].map((d) => ({ ...d, bytes: strToU8(`%PDF-1.7\n% ${d.name} (document de démonstration)\n%%EOF\n`) }));
const evidence = await Promise.all(
  documents.map(async ({ bytes, ...d }) => ({
    ...d,
    size: bytes.length,
    sha256: await sha256Hex(bytes.slice().buffer),
  })),
);

for (const level of sharingLevels) {
  const envelope = await sealExport(buildExportEnvelope({ ...input, evidence }, level), signer);
  writeFileSync(new URL(`${level}.json`, folder), serializeExport(envelope));
}
const unsigned = await sealExport(buildExportEnvelope(input, 'auditor'));
writeFileSync(new URL('auditor-unsigned.json', folder), serializeExport(unsigned));
const withEvidence = await sealExport(buildExportEnvelope({ ...input, evidence }, 'full'), signer);
writeFileSync(new URL('full-with-evidence.zip', folder), zipExport(withEvidence, documents));
{
  // Since version 2: a file made from a snapshot, saying which reviewed items changed since a review of the plain auditor
  // file (the review is made here too, for its digest; tests/fixtures/review/ holds the review golden files).
  const auditorFile = buildExportEnvelope({ ...input, evidence }, 'auditor');
  const auditorDigest = await sha256Hex(strToU8(canonicalJson(auditorFile)).slice().buffer);
  const review = await sealReview(
    buildReviewEnvelope({
      submission: reviewSubmissionOf({
        ...auditorFile,
        integrity: { algorithm: 'SHA-256', canonicalization: 'RFC8785', digest: auditorDigest },
      }),
      reviewer: { name: 'Claire Martin', organisation: 'ARS Centre-Val de Loire' },
      opinion: { outcome: 'to-complete', reliance: 'moderate', reason: 'Deux preuves à joindre.' },
      items: [{ itemId: 'care.gov.02', status: 'to-complete', comment: 'PSSI non signée.' }],
      appVersion: packageJson.version,
      reviewedAt: '2026-11-25T14:00:00.000Z',
    }),
  );
  const fromSnapshot = await sealExport(
    buildExportEnvelope(
      {
        ...input,
        exportedAt: '2026-11-27T09:00:00.000Z',
        snapshot: {
          id: 'snapshot-demo-chu-care-2026-1',
          frozenAt: '2026-11-26T17:30:00.000Z',
          digest: await sha256Hex(strToU8('instantané de démonstration').slice().buffer),
        },
        reviewChanges: {
          reviewDigest: review.integrity.digest,
          reviewedAt: review.reviewedAt,
          changedItemIds: ['care.gov.02'],
        },
      },
      'auditor',
    ),
    signer,
  );
  writeFileSync(new URL('auditor-from-snapshot.json', folder), serializeExport(fromSnapshot));
}
console.log(`golden files written to ${folder.pathname} (key ${signer.keyFingerprint})`);
