// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reviewStandingOf, type ReviewDraft } from '../domain/review/review-draft';
import { freshName, passphrase, rawDump, reopen, textOf } from '../testing/storage/vault/lock-test-data';
import { createBackup, restoreBackup } from './backup';
import { openCareDatabase } from './care-database';
import { ReviewDraftRepository, type ReviewDraftSubject } from './review-draft-repository';
import { turnLockOn } from './vault/lock-switch';
import { vaultOf } from './vault/vault';

/** The auditor's review drafts on the real CareDatabase over fake-indexeddb (data version 4). */

const subject = (digit: string, exportedAt = '2026-11-02T09:00:00.000Z'): ReviewDraftSubject => ({
  id: digit.repeat(64),
  finess: '750000001',
  questionnaireId: 'care',
  questionnaireVersion: '2026.2',
  campaignYear: 2026,
  submissionExportedAt: exportedAt,
});

const mark =
  (itemId: string, status: 'accepted' | 'refused' | 'to-complete', comment?: string) => (d: ReviewDraft) => ({
    ...d,
    marks: { ...d.marks, [itemId]: { status, ...(comment ? { comment } : {}) } },
  });

describe('review drafts', () => {
  it('starts a draft at the first mark and keeps every later change, with a later updatedAt each time', async () => {
    const db = await openCareDatabase(freshName());
    const drafts = new ReviewDraftRepository(db);
    expect(await drafts.get(subject('a').id)).toBeUndefined();

    const first = await drafts.update(subject('a'), mark('care.gov.01', 'accepted'), 1_000);
    expect(first).toMatchObject({
      ...subject('a'),
      marks: { 'care.gov.01': { status: 'accepted' } },
      createdAt: 1_000,
    });
    const second = await drafts.update(
      subject('a'),
      (d) => ({ ...mark('care.gov.02', 'refused', 'Pas de preuve')(d), opinion: { outcome: 'to-complete' } }),
      1_000,
    );
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);

    const reopened = await reopen(db.name);
    const stored = await new ReviewDraftRepository(reopened).get(subject('a').id);
    expect(stored?.marks).toEqual({
      'care.gov.01': { status: 'accepted' },
      'care.gov.02': { status: 'refused', comment: 'Pas de preuve' },
    });
    expect(stored?.opinion).toEqual({ outcome: 'to-complete' });
    expect(reviewStandingOf(subject('a').id, stored ? [stored] : []).state).toBe('in-review');
  });

  it('lists a campaign’s drafts and tells an exported review of an older file from the file kept now', async () => {
    const db = await openCareDatabase(freshName());
    const drafts = new ReviewDraftRepository(db);
    await drafts.update(subject('a'), mark('care.gov.01', 'refused'));
    await drafts.markExported(subject('a'), {
      reviewDigest: 'e'.repeat(64),
      reviewedAt: '2026-11-10T10:00:00.000Z',
      outcome: 'to-complete',
      reliance: 'moderate',
      marks: { 'care.gov.01': 'refused' },
      answers: { 'care.gov.01': { response: { kind: 'status', value: 'no' } } },
    });
    await drafts.update({ ...subject('b'), finess: '750000002' }, mark('care.gov.01', 'accepted'));

    const campaign = await drafts.listByCampaign('750000001', 'care', 2026);
    expect(campaign.map((d) => d.id)).toEqual([subject('a').id]);
    expect(await drafts.list()).toHaveLength(2);

    expect(reviewStandingOf(subject('a').id, campaign)).toMatchObject({ state: 'to-complete', olderSubmission: false });
    // A newer export of the same campaign arrived: the state is the last review's, which answered an older file.
    expect(reviewStandingOf('c'.repeat(64), campaign)).toMatchObject({ state: 'to-complete', olderSubmission: true });
    expect(reviewStandingOf('c'.repeat(64), [])).toMatchObject({ state: 'not-reviewed', olderSubmission: false });
  });

  it('seals the marks, comments and opinion under the passphrase lock and carries drafts in backups', async () => {
    const db = await openCareDatabase(freshName());
    const drafts = new ReviewDraftRepository(db);
    const secret = 'Preuve Salamandre illisible';
    await drafts.update(subject('a'), (d) => ({
      ...mark('care.gov.01', 'refused', secret)(d),
      opinion: { reason: `Raison ${secret}` },
    }));
    await turnLockOn(db, passphrase);

    const dump = await rawDump(db.name);
    expect(dump.reviewDrafts).toHaveLength(1);
    expect(dump.reviewDrafts?.[0]).toMatchObject({ id: subject('a').id, finess: '750000001', campaignYear: 2026 });
    expect(textOf(dump.reviewDrafts)).not.toContain('Salamandre');

    const reopened = await reopen(db.name);
    await vaultOf(reopened).unlock(passphrase);
    const stillThere = new ReviewDraftRepository(reopened);
    expect((await stillThere.get(subject('a').id))?.marks['care.gov.01']?.comment).toBe(secret);
    // A change while locked-and-opened is sealed too.
    await stillThere.update(subject('a'), mark('care.gov.02', 'accepted'));
    expect(textOf((await rawDump(db.name)).reviewDrafts)).not.toContain('Salamandre');

    const { bytes } = await createBackup(reopened, 'test');
    const target = await openCareDatabase(freshName());
    await restoreBackup(target, bytes, 'sauvegarde.zip', { passphrase });
    await vaultOf(target).unlock(passphrase);
    const restored = await new ReviewDraftRepository(target).get(subject('a').id);
    expect(restored?.marks).toMatchObject({
      'care.gov.01': { comment: secret },
      'care.gov.02': { status: 'accepted' },
    });
  });
});
