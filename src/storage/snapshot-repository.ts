import { assessmentOfSnapshot, type Snapshot } from '../domain/snapshot/snapshot';
import { readAssessmentBundle, type AssessmentBundle } from './assessment-bundle';
import type { CareDatabase } from './care-database';
import { StorageError } from './storage-error';
import type { StoredEvidenceFile } from './vault/record-seal';
import { openEvidenceBytes, openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';

/**
 * Snapshots of assessments (data version 3): frozen once, read, deleted; there is no update, so nothing done to the
 * living assessment can reach one (snapshot-repository.property.test.ts).
 *
 * The evidence a snapshot lists is not copied: its bytes stay in `evidenceFiles` under the evidence row's id, which
 * never holds other bytes (a file is added or removed, never edited). Removing a proof from the living assessment
 * removes its listing row and keeps its bytes while a snapshot lists them (EvidenceRepository.remove asks the
 * snapshots' `evidenceIds` index); deleting the last snapshot that lists them removes them. A snapshot's report and
 * export file therefore always find the proofs it lists, with the SHA-256 it recorded, at no cost in space while the
 * living assessment still has them.
 */
export class SnapshotRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(id: string): Promise<Snapshot | undefined> {
    return openRow(this.db, 'snapshots', await this.db.snapshots.get(id));
  }

  /** The snapshots of an assessment, the latest first. */
  async listByAssessment(assessmentId: string): Promise<Snapshot[]> {
    const stored = await this.db.snapshots.where('assessmentId').equals(assessmentId).toArray();
    const rows = await openRows(this.db, 'snapshots', stored);
    return rows.sort((a, b) => b.frozenAt - a.frozenAt || a.id.localeCompare(b.id));
  }

  /**
   * Freezes the assessment as it is now: `build` makes the snapshot from one consistent read of the assessment and
   * what its report reads (readAssessmentBundle). The snapshot is stored only if neither the answers nor the evidence
   * changed between that read and the write (another tab); otherwise it is made again from the new state.
   */
  async freeze(assessmentId: string, build: (bundle: AssessmentBundle) => Promise<Snapshot>): Promise<Snapshot> {
    this.db.assertWritable();
    return writeSealed(
      this.db,
      [this.db.snapshots, this.db.assessments, this.db.evidence, this.db.evidenceFiles],
      async (sealer) => {
        const bundle = await readAssessmentBundle(this.db, assessmentId);
        if (!bundle) throw new StorageError('not-found', assessmentId);
        const snapshot = await build(bundle);
        if (snapshot.assessmentId !== assessmentId) throw new StorageError('invalid-record', snapshot.id);
        return {
          snapshot,
          seenUpdatedAt: bundle.assessment.updatedAt,
          stored: await sealer.record('snapshots', snapshot),
        };
      },
      async ({ snapshot, seenUpdatedAt, stored }) => {
        const assessment = await this.db.assessments.get(assessmentId);
        if (!assessment) throw new StorageError('not-found', assessmentId);
        const evidenceIds = (await this.db.evidence.where('assessmentId').equals(assessmentId).primaryKeys()).sort();
        const files = await this.db.evidenceFiles.where(':id').anyOf(snapshot.evidenceIds).primaryKeys();
        const listed = [...snapshot.evidenceIds].sort();
        const same = evidenceIds.length === listed.length && evidenceIds.every((id, i) => id === listed[i]);
        if (assessment.updatedAt !== seenUpdatedAt || !same || files.length !== listed.length) {
          throw new RecordChangedError();
        }
        await this.db.snapshots.add(stored);
        return snapshot;
      },
    );
  }

  /**
   * Deletes a snapshot, and the evidence bytes it kept that nothing needs any more: those no evidence row of a living
   * assessment and no other snapshot lists.
   */
  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    await writeSealed(
      this.db,
      [this.db.snapshots, this.db.evidence, this.db.evidenceFiles],
      () => Promise.resolve(),
      async () => {
        const row = await this.db.snapshots.get(id);
        if (!row) return;
        await this.db.snapshots.delete(id);
        for (const evidenceId of row.evidenceIds) {
          const living = await this.db.evidence.get(evidenceId);
          const kept = await this.db.snapshots.where('evidenceIds').equals(evidenceId).count();
          if (!living && kept === 0) await this.db.evidenceFiles.delete(evidenceId);
        }
      },
    );
  }
}

/**
 * What the report and the export file of a snapshot are made from, in the shape of an assessment's
 * ({@link AssessmentBundle}): everything from the snapshot itself (answers, establishment, budgets, applications,
 * actions and evidence as they were frozen), the evidence bytes from the store when asked for.
 */
export async function readSnapshotBundle(
  db: CareDatabase,
  snapshotId: string,
  options: { withEvidenceBytes?: boolean } = {},
): Promise<(AssessmentBundle & { snapshot: Snapshot }) | undefined> {
  const stored = await db.transaction('r', [db.snapshots, db.evidenceFiles], async () => {
    const row = await db.snapshots.get(snapshotId);
    if (!row) return undefined;
    const files = options.withEvidenceBytes
      ? ((await db.evidenceFiles.bulkGet(row.evidenceIds)) as (StoredEvidenceFile | undefined)[])
      : [];
    return { row, files };
  });
  if (!stored) return undefined;
  const snapshot = await openRow(db, 'snapshots', stored.row);
  if (!snapshot) return undefined;
  const evidenceBytes = await Promise.all(
    stored.files.map((file, i) => {
      if (!file) throw new StorageError('not-found', `evidence file ${snapshot.evidenceIds[i] ?? i}`);
      return openEvidenceBytes(db, file);
    }),
  );
  return {
    snapshot,
    assessment: assessmentOfSnapshot(snapshot),
    establishment: snapshot.establishment,
    budgets: snapshot.budgets,
    applications: snapshot.applications,
    actions: snapshot.actions,
    evidence: snapshot.evidence.map((entry) => ({ ...entry, assessmentId: snapshot.assessmentId })),
    evidenceBytes,
  };
}

/** The bundle of an assessment, or of one of its snapshots when `snapshotId` is given. */
export async function readBundleOf(
  db: CareDatabase,
  source: { assessmentId: string; snapshotId?: string | undefined },
  options: { withEvidenceBytes?: boolean } = {},
): Promise<AssessmentBundle | undefined> {
  if (source.snapshotId === undefined) return readAssessmentBundle(db, source.assessmentId, options);
  const bundle = await readSnapshotBundle(db, source.snapshotId, options);
  return bundle && bundle.snapshot.assessmentId === source.assessmentId ? bundle : undefined;
}
