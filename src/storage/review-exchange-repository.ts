import type { CareDatabase, ReceivedReviewRow, SentExportRow } from './care-database';
import { openRow, openRows, writeSealed } from './vault/sealed-io';

/**
 * The establishment's half of the review cycle (issue 18, data version 4): the exports made on this installation,
 * and the reviews received for them from the auditor. A review is stored only once validated
 * (src/exchange/validate-review.ts) against these exports: it must answer one of them by digest. Storage may not
 * import the exchange layer, so the review is kept as the validated document the caller hands over.
 */
export type ReceivedReviewOutcome = 'stored' | 'identical';

export class ReviewExchangeRepository {
  constructor(private readonly db: CareDatabase) {}

  /** Records an export just made (its digest is the key: the same file recorded twice is stored once). */
  async recordSentExport(row: SentExportRow): Promise<void> {
    await writeSealed(
      this.db,
      [this.db.sentExports],
      (sealer) => sealer.record('sentExports', row),
      async (stored) => {
        await this.db.sentExports.put(stored);
      },
    );
  }

  async sentExport(digest: string): Promise<SentExportRow | undefined> {
    return openRow(this.db, 'sentExports', await this.db.sentExports.get(digest));
  }

  /** Every export made on this installation, the latest first (or those of one assessment). */
  async listSentExports(assessmentId?: string): Promise<SentExportRow[]> {
    const stored =
      assessmentId === undefined
        ? await this.db.sentExports.toArray()
        : await this.db.sentExports.where('assessmentId').equals(assessmentId).toArray();
    const rows = await openRows(this.db, 'sentExports', stored);
    return rows.sort((a, b) => b.exportedAt.localeCompare(a.exportedAt) || a.id.localeCompare(b.id));
  }

  /** Stores a validated review of one of this installation's exports; the same file twice is `identical`. */
  async storeReceivedReview(row: ReceivedReviewRow): Promise<ReceivedReviewOutcome> {
    return writeSealed(
      this.db,
      [this.db.receivedReviews],
      (sealer) => sealer.record('receivedReviews', row),
      async (stored) => {
        if (await this.db.receivedReviews.get(row.id)) return 'identical';
        await this.db.receivedReviews.add(stored);
        return 'stored';
      },
    );
  }

  /** The reviews received for an assessment, the latest review first. */
  async listReceivedReviews(assessmentId: string): Promise<ReceivedReviewRow[]> {
    const stored = await this.db.receivedReviews.where('assessmentId').equals(assessmentId).toArray();
    const rows = await openRows(this.db, 'receivedReviews', stored);
    return rows.sort(
      (a, b) =>
        Date.parse(b.reviewedAt) - Date.parse(a.reviewedAt) || b.importedAt - a.importedAt || a.id.localeCompare(b.id),
    );
  }

  /** The review whose marks the screens show for an assessment: the latest received, if any. */
  async latestReview(assessmentId: string): Promise<ReceivedReviewRow | undefined> {
    return (await this.listReceivedReviews(assessmentId))[0];
  }
}
