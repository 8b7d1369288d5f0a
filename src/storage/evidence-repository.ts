import { sha256Hex } from '../domain/hash';
import type { CareDatabase, EvidenceRow } from './care-database';
import { StorageError, toStorageError } from './storage-error';

/** The listing of a piece of evidence, without its bytes. */
export type EvidenceSummary = EvidenceRow;

/** A piece of evidence with its bytes. */
export type EvidenceWithData = EvidenceRow & { data: ArrayBuffer };

/**
 * Evidence files attached to an item of an assessment: any type, kept whole with their SHA-256. The listing
 * (evidence) and the bytes (evidenceFiles, same id) are written and removed together, in one transaction.
 */
export class EvidenceRepository {
  constructor(private readonly db: CareDatabase) {}

  async listForItem(assessmentId: string, itemId: string): Promise<EvidenceSummary[]> {
    const rows = await this.db.evidence.where('[assessmentId+itemId]').equals([assessmentId, itemId]).toArray();
    return rows.sort((a, b) => a.addedAt - b.addedAt);
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
    return this.db.transaction('r', this.db.evidence, this.db.evidenceFiles, async () => {
      const [row, file] = await Promise.all([this.db.evidence.get(id), this.db.evidenceFiles.get(id)]);
      return row && file ? { ...row, data: file.data } : undefined;
    });
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
    try {
      await this.db.transaction('rw', this.db.evidence, this.db.evidenceFiles, async () => {
        await this.db.evidenceFiles.add({ id: row.id, data: input.data });
        await this.db.evidence.add(row);
      });
    } catch (error) {
      throw toStorageError(error);
    }
    return row;
  }

  async setDocumentDate(id: string, documentDate: string | undefined): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.evidence, async () => {
        const row = await this.db.evidence.get(id);
        if (!row) throw new StorageError('not-found', id);
        const { documentDate: _old, ...rest } = row;
        await this.db.evidence.put(documentDate ? { ...rest, documentDate } : rest);
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.evidence, this.db.evidenceFiles, async () => {
        await this.db.evidence.delete(id);
        await this.db.evidenceFiles.delete(id);
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
