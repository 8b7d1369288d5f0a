import type { ExportedReview, ReviewDraft } from '../domain/review/review-draft';
import type { CareDatabase } from './care-database';
import { StorageError } from './storage-error';
import { openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';

/**
 * The auditor's review drafts (data version 4, issue 18): one per imported export file, keyed by its digest, written
 * as the auditor marks items and fills in the opinion, and remembering the review file last written from it.
 *
 * The marks, comments and opinion are sealed by the passphrase lock; the FINESS, questionnaire, campaign year and
 * dates stay in clear (src/storage/vault/record-seal.ts), so that a campaign's drafts are found by index. A change is
 * a read-modify-write: the draft is read and opened, changed and sealed outside the transaction, and stored only if
 * the row is still the one read (another tab's change in between sends it back to the read).
 */

/** What a new draft is made from: the reviewed file's facts. */
export type ReviewDraftSubject = Pick<
  ReviewDraft,
  'id' | 'finess' | 'questionnaireId' | 'questionnaireVersion' | 'campaignYear' | 'submissionExportedAt'
>;

export class ReviewDraftRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(submissionDigest: string): Promise<ReviewDraft | undefined> {
    return openRow(this.db, 'reviewDrafts', await this.db.reviewDrafts.get(submissionDigest));
  }

  /** Every draft (the dashboard's review states): a few per establishment at most. */
  async list(): Promise<ReviewDraft[]> {
    return openRows(this.db, 'reviewDrafts', await this.db.reviewDrafts.toArray());
  }

  /** The drafts of one establishment's campaign, every file reviewed or in review. */
  async listByCampaign(finess: string, questionnaireId: string, campaignYear: number): Promise<ReviewDraft[]> {
    const rows = await this.db.reviewDrafts
      .where('[finess+questionnaireId+campaignYear]')
      .equals([finess, questionnaireId, campaignYear])
      .toArray();
    return openRows(this.db, 'reviewDrafts', rows);
  }

  /**
   * Changes the draft of a file (made from `subject` when there is none yet) and resolves once stored. `change`
   * receives the draft as stored now and returns it changed; its `updatedAt` is set here.
   */
  async update(
    subject: ReviewDraftSubject,
    change: (draft: ReviewDraft) => ReviewDraft,
    now: number = Date.now(),
  ): Promise<ReviewDraft> {
    return writeSealed(
      this.db,
      [this.db.reviewDrafts],
      async (sealer) => {
        const stored = await this.db.reviewDrafts.get(subject.id);
        const current = (await openRow(this.db, 'reviewDrafts', stored)) ?? {
          ...subject,
          marks: {},
          opinion: {},
          createdAt: now,
          updatedAt: now,
        };
        const changed = change(current);
        if (changed.id !== subject.id) throw new StorageError('invalid-record', changed.id);
        // Later than the version it replaces, so that the newer of two tabs' writes is the one kept.
        const draft: ReviewDraft = { ...changed, updatedAt: stored ? Math.max(now, current.updatedAt + 1) : now };
        return { draft, seen: stored?.updatedAt, row: await sealer.record('reviewDrafts', draft) };
      },
      async ({ draft, seen, row }) => {
        const found = await this.db.reviewDrafts.get(subject.id);
        if (found?.updatedAt !== seen) throw new RecordChangedError();
        await this.db.reviewDrafts.put(row);
        return draft;
      },
    );
  }

  /** Records the review file written from a draft (its digest, date, outcome, marks and the answers reviewed). */
  async markExported(subject: ReviewDraftSubject, exported: ExportedReview, now: number = Date.now()) {
    return this.update(subject, (draft) => ({ ...draft, exported }), now);
  }
}
