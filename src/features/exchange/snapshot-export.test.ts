// @vitest-environment node
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { openCareDatabase } from '../../storage/care-database';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { freezeForTest } from '../../testing/storage/snapshots';
import { gatherExportSource, makeExportFile } from './make-export';

/**
 * The export file of a snapshot (issue 18): the usual format, made from the snapshot alone — its answers and its
 * proofs as they were frozen, even after the living assessment changed and a proof was removed from it.
 */
describe('export of a snapshot', () => {
  it('holds the frozen answers and proofs, and passes the import’s own validation', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await loadDemoData(db);
    const assessmentId = 'demo-chu-care-2026';
    const evidence = new EvidenceRepository(db);
    const proof = await evidence.add({
      assessmentId,
      itemId: 'care.gov.01',
      name: 'PSSI.pdf',
      type: 'application/pdf',
      data: new TextEncoder().encode('%PDF-1.4 PSSI').buffer,
      documentDate: '2025-02-01',
    });
    const snapshot = await freezeForTest(db, assessmentId);
    await new AssessmentRepository(db).saveAnswer(assessmentId, 'care.gov.01', {
      response: { kind: 'status', value: 'no' },
      updatedAt: Date.now(),
    });
    await evidence.remove(proof.id);

    const questionnaire = await loadQuestionnaire(snapshot.questionnaireId, snapshot.questionnaireVersion);
    const source = await gatherExportSource(db, assessmentId, questionnaire, {
      appVersion: '0.1.0',
      now: new Date('2026-12-02T12:00:00Z'),
      withEvidenceBytes: true,
      snapshotId: snapshot.id,
    });
    expect(source.input.assessment.answers['care.gov.01']?.response).toEqual({ kind: 'status', value: 'yes' });
    expect(source.input.evidence).toEqual([
      expect.objectContaining({ name: 'PSSI.pdf', sha256: proof.sha256, documentDate: '2025-02-01' }),
    ]);
    const file = await makeExportFile(source, 'full', { signer: undefined, withEvidence: true });
    expect(file.check.ok).toBe(true);
    expect(file.type).toBe('application/zip');
    const entries = Object.keys(unzipSync(file.bytes));
    expect(entries.some((name) => name.endsWith('PSSI.pdf'))).toBe(true);
    db.close();
  });
});
