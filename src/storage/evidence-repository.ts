import { sha256Hex } from '../domain/hash';
import type { CareDatabase, EvidenceRow } from './care-database';
import { StorageError } from './storage-error';
import type { StoredEvidenceFile } from './vault/record-seal';
import { sameValue } from './vault/same-value';
import { openEvidenceBytes, openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';

/** The listing of a piece of evidence, without its bytes. */
export type EvidenceSummary = EvidenceRow;

/** A piece of evidence with its bytes. */
export type EvidenceWithData = EvidenceRow & { data: ArrayBuffer };

/**
 * Evidence files attached to an item of an assessment: any type, kept whole with their SHA-256. The listing
 * (evidence) and the bytes (evidenceFiles, same id) are written and removed together, in one transaction. With the
 * passphrase lock on, the listing keeps only its ids, item and date in clear, and the bytes are sealed as bytes.
 */
export class EvidenceRepository {
  constructor(private readonly db: CareDatabase) {}

  async listForItem(assessmentId: string, itemId: string): Promise<EvidenceSummary[]> {
    const stored = await this.db.evidence.where('[assessmentId+itemId]').equals([assessmentId, itemId]).toArray();
    const rows = await openRows(this.db, 'evidence', stored);
    return rows.sort((a, b) => a.addedAt - b.addedAt);
  }

  /** Every proof of one assessment, in the order they were attached (the list of proofs to renew, issue 18). */
  async listForAssessment(assessmentId: string): Promise<EvidenceSummary[]> {
    const stored = await this.db.evidence.where('assessmentId').equals(assessmentId).toArray();
    const rows = await openRows(this.db, 'evidence', stored);
    return rows.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  }

  /** Counts per item of one assessment, for badges and the report's completeness check. */
  async countByItem(assessmentId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.db.evidence
      .where('assessmentId')
      .equals(assessmentId)
      .each((row) => counts.set(row.itemId, (counts.get(row.itemId) ?? 0) + 1));
    return counts;
  }

  async get(id: string): Promise<EvidenceWithData | undefined> {
    const [stored, file] = await this.db.transaction('r', this.db.evidence, this.db.evidenceFiles, () =>
      Promise.all([this.db.evidence.get(id), this.db.evidenceFiles.get(id) as Promise<StoredEvidenceFile | undefined>]),
    );
    if (!stored || !file) return undefined;
    // Opened after the transaction: WebCrypto is never awaited inside one.
    const row = await openRow(this.db, 'evidence', stored);
    const data = await openEvidenceBytes(this.db, file);
    return row && { ...row, data };
  }

  async add(
    input: {
      assessmentId: string;
      itemId: string;
      name: string;
      type: string;
      data: ArrayBuffer;
      documentDate?: string;
    },
    now: number = Date.now(),
  ): Promise<EvidenceSummary> {
    this.db.assertWritable();
    const row: EvidenceRow = {
      id: crypto.randomUUID(),
      assessmentId: input.assessmentId,
      itemId: input.itemId,
      name: input.name,
      type: input.type || 'application/octet-stream',
      size: input.data.byteLength,
      sha256: await sha256Hex(input.data),
      ...(input.documentDate ? { documentDate: input.documentDate } : {}),
      addedAt: now,
    };
    await writeSealed(
      this.db,
      [this.db.evidence, this.db.evidenceFiles],
      async (sealer) => ({
        listing: await sealer.record('evidence', row),
        file: await sealer.evidenceFile({ id: row.id, data: input.data }),
      }),
      async ({ listing, file }) => {
        await this.db.evidenceFiles.add(file as { id: string; data: ArrayBuffer });
        await this.db.evidence.add(listing);
      },
    );
    return row;
  }

  async setDocumentDate(id: string, documentDate: string | undefined): Promise<void> {
    this.db.assertWritable();
    await writeSealed(
      this.db,
      [this.db.evidence],
      async (sealer) => {
        const seen = await this.db.evidence.get(id);
        const row = await openRow(this.db, 'evidence', seen);
        if (!seen || !row) throw new StorageError('not-found', id);
        const { documentDate: _old, ...rest } = row;
        return { seen, stored: await sealer.record('evidence', documentDate ? { ...rest, documentDate } : rest) };
      },
      async ({ seen, stored }) => {
        const current = await this.db.evidence.get(id);
        if (!current) throw new StorageError('not-found', id);
        if (!sameValue(current, seen)) throw new RecordChangedError();
        await this.db.evidence.put(stored);
      },
    );
  }

  /**
   * Removes a proof from its assessment. Its bytes stay while a snapshot lists them (its report and export file must
   * still find them, src/storage/snapshot-repository.ts); deleting the last such snapshot removes them.
   */
  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    await writeSealed(
      this.db,
      [this.db.evidence, this.db.evidenceFiles, this.db.snapshots],
      () => Promise.resolve(),
      async () => {
        await this.db.evidence.delete(id);
        const kept = await this.db.snapshots.where('evidenceIds').equals(id).count();
        if (kept === 0) await this.db.evidenceFiles.delete(id);
      },
    );
  }
}
