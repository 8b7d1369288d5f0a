// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportEnvelope, sealExport } from './build-export';
import { serializeExport } from './export-file';
import { EXPORT_FORMAT_VERSION, type UnsealedExportEnvelope } from './export-format';
import { addSnapshotAndReviewChanges, migrations } from './migrations';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import { anExportInput } from '../testing/exchange/export-test-data';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/** Export format version 2 (issue 18): the snapshot a file was made from, and the reviewed items changed since. */
const NOW = Date.parse('2026-11-24T12:00:00Z');
const snapshot = { id: 'snapshot-1', frozenAt: '2026-11-20T08:00:00.000Z', digest: 'c'.repeat(64) };
const reviewChanges = {
  reviewDigest: 'd'.repeat(64),
  reviewedAt: '2026-11-22T15:00:00.000Z',
  changedItemIds: ['care.gov.02', 'care.gov.05'],
};

let signer: ExportSigner;
beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
});

async function lie(change: (raw: UnsealedExportEnvelope) => void) {
  const envelope = buildExportEnvelope(anExportInput({ snapshot, reviewChanges }), 'statistics');
  const raw = JSON.parse(JSON.stringify(envelope)) as UnsealedExportEnvelope & Record<string, unknown>;
  change(raw);
  return validateTestFile(JSON.stringify(await sealRaw(raw, signer)), 'lie.json', {
    now: NOW,
  });
}

describe('export format version 2', () => {
  it('is the current version, reached from version 1 by one named migration that adds nothing', () => {
    expect(EXPORT_FORMAT_VERSION).toBe(2);
    expect(migrations).toEqual([addSnapshotAndReviewChanges]);
    const v1 = Object.freeze({ format: 'care-autodiag/export', formatVersion: 1, content: {} });
    expect(addSnapshotAndReviewChanges.migrate(v1)).toEqual({ ...v1, formatVersion: 2 });
  });

  it('carries the snapshot and the review changes at every level, and imports them back', async () => {
    for (const level of ['full', 'auditor', 'statistics'] as const) {
      const envelope = await sealExport(buildExportEnvelope(anExportInput({ snapshot, reviewChanges }), level), signer);
      const result = await validateTestFile(serializeExport(envelope), `${level}.json`, { now: NOW });
      expect(result.ok && result.envelope.content.snapshot).toEqual(snapshot);
      expect(result.ok && result.envelope.content.reviewChanges).toEqual(reviewChanges);
    }
  });

  it('has neither when the file is not made from a snapshot and no review was received', () => {
    const { content } = buildExportEnvelope(anExportInput(), 'auditor');
    expect(content.snapshot).toBeUndefined();
    expect(content.reviewChanges).toBeUndefined();
  });

  it('refuses an unknown changed item, one listed twice, and dates after the export, naming the field', async () => {
    expect(await lie((raw) => raw.content.reviewChanges?.changedItemIds.push('care.gov.99'))).toMatchObject({
      code: 'unknown-item',
      path: 'content.reviewChanges.changedItemIds[2]',
    });
    expect(await lie((raw) => raw.content.reviewChanges?.changedItemIds.push('care.gov.02'))).toMatchObject({
      code: 'invalid',
      path: 'content.reviewChanges.changedItemIds[2]',
    });
    expect(
      await lie((raw) => {
        if (raw.content.snapshot) raw.content.snapshot.frozenAt = '2026-11-23T10:00:01.000Z';
      }),
    ).toMatchObject({ code: 'dates-disagree', path: 'content.snapshot.frozenAt' });
    expect(
      await lie((raw) => {
        if (raw.content.reviewChanges) raw.content.reviewChanges.reviewedAt = '2026-11-25T10:00:01.000Z';
      }),
    ).toMatchObject({ code: 'dates-disagree', path: 'content.reviewChanges.reviewedAt' });
    expect(
      await lie((raw) => {
        if (raw.content.snapshot) raw.content.snapshot.digest = 'not hex';
      }),
    ).toMatchObject({ code: 'invalid', path: 'content.snapshot.digest' });
  });

  it('imports the version 1 golden files migrated, with neither member', async () => {
    const file = join(process.cwd(), 'tests/fixtures/exports/v1/auditor.json');
    const result = await validateTestFile(readFileSync(file, 'utf8'), 'auditor.json');
    expect(result).toMatchObject({ ok: true, migratedFrom: 1, migrations: ['add-snapshot-and-review-changes'] });
    expect(result.ok && result.envelope.content.snapshot).toBeUndefined();
  });
});
