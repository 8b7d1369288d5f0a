// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { filled, expectNoSecret, passphrase, rawDump, reopen, secrets } from '../testing/storage/vault/lock-test-data';
import { createBackup, restoreBackup } from './backup';
import { openCareDatabase, type ReceivedReviewRow, type SentExportRow } from './care-database';
import { ReviewExchangeRepository } from './review-exchange-repository';
import { turnLockOn } from './vault/lock-switch';
import { vaultOf } from './vault/vault';

/** The exports made here and the reviews received for them, on the real CareDatabase over fake-indexeddb (v4). */

const digest = (c: string) => c.repeat(64);

function sentExport(overrides: Partial<SentExportRow> = {}): SentExportRow {
  return {
    id: digest('a'),
    assessmentId: 'assessment-1',
    establishmentId: 'est-1',
    fileName: 'autodiag-care_450000278_care_2026_auditor.json',
    exportedAt: '2026-11-23T10:00:00.000Z',
    sharingLevel: 'auditor',
    finess: '450000278',
    questionnaireId: 'care',
    questionnaireVersion: '2026.1',
    campaignYear: 2026,
    answers: { 'care.gov.01': '{"comment":"' + secrets.comment + '"}' },
    ...overrides,
  };
}

function receivedReview(overrides: Partial<ReceivedReviewRow> = {}): ReceivedReviewRow {
  return {
    id: digest('b'),
    exportDigest: digest('a'),
    assessmentId: 'assessment-1',
    establishmentId: 'est-1',
    reviewedAt: '2026-11-25T14:00:00.000Z',
    importedAt: Date.UTC(2026, 10, 26),
    fileName: 'autodiag-care-avis_450000278_care_2026.json',
    keyFingerprint: digest('f'),
    document: { opinion: { reason: secrets.submissionComment } },
    ...overrides,
  };
}

describe('ReviewExchangeRepository', () => {
  it('keeps each export made, once per digest, the latest first, per assessment', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const repository = new ReviewExchangeRepository(db);
    await repository.recordSentExport(sentExport());
    await repository.recordSentExport(sentExport());
    await repository.recordSentExport(sentExport({ id: digest('c'), exportedAt: '2026-11-30T08:00:00.000Z' }));
    await repository.recordSentExport(sentExport({ id: digest('d'), assessmentId: 'assessment-2' }));
    expect((await repository.listSentExports('assessment-1')).map((row) => row.id)).toEqual([digest('c'), digest('a')]);
    expect(await repository.listSentExports()).toHaveLength(3);
    expect(await repository.sentExport(digest('a'))).toEqual(sentExport());
    expect(await repository.sentExport(digest('e'))).toBeUndefined();
    db.close();
  });

  it('stores a received review once, and gives the latest review of an assessment', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const repository = new ReviewExchangeRepository(db);
    expect(await repository.latestReview('assessment-1')).toBeUndefined();
    expect(await repository.storeReceivedReview(receivedReview())).toBe('stored');
    expect(await repository.storeReceivedReview(receivedReview())).toBe('identical');
    const later = receivedReview({ id: digest('9'), reviewedAt: '2026-12-01T09:00:00.000+01:00' });
    await repository.storeReceivedReview(later);
    expect((await repository.listReceivedReviews('assessment-1')).map((row) => row.id)).toEqual([
      digest('9'),
      digest('b'),
    ]);
    expect(await repository.latestReview('assessment-1')).toEqual(later);
    expect(await repository.listReceivedReviews('assessment-2')).toEqual([]);
    db.close();
  });

  it('is sealed by the passphrase lock: the answers exported and the review read only once unlocked', async () => {
    const ids = await filled();
    const repository = new ReviewExchangeRepository(ids.db);
    await repository.recordSentExport(sentExport());
    await repository.storeReceivedReview(receivedReview());
    await turnLockOn(ids.db, passphrase);
    ids.db.close();

    const dump = await rawDump(ids.name);
    expectNoSecret(dump);
    expect(dump.sentExports?.[0]).toMatchObject({ id: digest('a'), assessmentId: 'assessment-1' });
    expect(dump.receivedReviews?.[0]).toMatchObject({ id: digest('b'), exportDigest: digest('a') });
    const db = await reopen(ids.name);
    await vaultOf(db).unlock(passphrase);
    const reopened = new ReviewExchangeRepository(db);
    expect(await reopened.sentExport(digest('a'))).toEqual(sentExport());
    expect(await reopened.latestReview('assessment-1')).toEqual(receivedReview());
    db.close();
  });

  it('travels in a backup and comes back on restore', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const repository = new ReviewExchangeRepository(db);
    await repository.recordSentExport(sentExport());
    await repository.storeReceivedReview(receivedReview());
    const { bytes, manifest } = await createBackup(db, 'test');
    expect(manifest.tables.sentExports).toHaveLength(1);
    expect(manifest.tables.receivedReviews).toHaveLength(1);

    const other = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await restoreBackup(other, bytes, 'sauvegarde.zip');
    const restored = new ReviewExchangeRepository(other);
    expect(await restored.sentExport(digest('a'))).toEqual(sentExport());
    expect(await restored.latestReview('assessment-1')).toEqual(receivedReview());
    db.close();
    other.close();
  });
});
