// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { snapshotIsIntact } from '../domain/snapshot/snapshot';
import { sha256Hex } from '../domain/hash';
import { freezeForTest } from '../testing/storage/snapshots';
import { expectNoSecret, filled, passphrase, rawDump, reopen, secrets } from '../testing/storage/vault/lock-test-data';
import { AssessmentRepository } from './assessment-repository';
import { createBackup, restoreBackup } from './backup';
import { openCareDatabase } from './care-database';
import { loadDemoData } from './demo-data';
import { EvidenceRepository } from './evidence-repository';
import { readSnapshotBundle, SnapshotRepository } from './snapshot-repository';
import { turnLockOn } from './vault/lock-switch';
import { vaultOf } from './vault/vault';

/** Snapshots on the real CareDatabase over fake-indexeddb (data version 3). */

const demoAssessment = 'demo-chu-care-2026';

async function demoWithProofs() {
  const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
  await loadDemoData(db);
  const evidence = new EvidenceRepository(db);
  const pssi = await evidence.add({
    assessmentId: demoAssessment,
    itemId: 'care.gov.01',
    name: 'PSSI signée.pdf',
    type: 'application/pdf',
    data: new TextEncoder().encode('%PDF-1.4 PSSI signée par le directeur').buffer,
    documentDate: '2025-03-14',
  });
  const audit = await evidence.add({
    assessmentId: demoAssessment,
    itemId: 'care.gov.02',
    name: 'audit.txt',
    type: 'text/plain',
    data: new TextEncoder().encode('audit annuaire').buffer,
  });
  return { db, evidence, pssi, audit };
}

describe('freezing an assessment', () => {
  it('keeps its answers, evidence manifest, scores, questionnaire version and digest', async () => {
    const { db, pssi, audit } = await demoWithProofs();
    const assessment = await new AssessmentRepository(db).get(demoAssessment);
    const snapshot = await freezeForTest(db, demoAssessment, { name: 'Déclaration domaine 1' });

    expect(snapshot).toMatchObject({
      assessmentId: demoAssessment,
      establishmentId: 'demo-chu',
      name: 'Déclaration domaine 1',
      questionnaireId: 'care',
      questionnaireVersion: assessment?.questionnaireVersion,
      contentHash: assessment?.contentHash,
      campaignYear: 2026,
      answers: assessment?.answers,
      evidenceIds: [pssi.id, audit.id],
    });
    expect(snapshot.evidence).toEqual([
      {
        id: pssi.id,
        itemId: 'care.gov.01',
        name: 'PSSI signée.pdf',
        type: 'application/pdf',
        size: pssi.size,
        sha256: pssi.sha256,
        documentDate: '2025-03-14',
        addedAt: pssi.addedAt,
      },
      {
        id: audit.id,
        itemId: 'care.gov.02',
        name: 'audit.txt',
        type: 'text/plain',
        size: audit.size,
        sha256: audit.sha256,
        addedAt: audit.addedAt,
      },
    ]);
    expect(snapshot.scores.asOf).toBe('2026-12-02');
    expect(snapshot.scores.overall.score).toBeGreaterThan(0);
    expect(snapshot.scores.domains.length).toBeGreaterThan(3);
    expect(snapshot.establishment.name).toBe('CHU de Val-de-Loire');
    expect(await snapshotIsIntact(snapshot)).toBe(true);

    const repository = new SnapshotRepository(db);
    expect(await repository.get(snapshot.id)).toEqual(snapshot);
    const later = await freezeForTest(db, demoAssessment, { name: 'Bilan', frozenAt: Date.UTC(2026, 11, 3) });
    expect((await repository.listByAssessment(demoAssessment)).map((s) => s.id)).toEqual([later.id, snapshot.id]);
    expect(await repository.listByAssessment('demo-chu-hc-2026')).toEqual([]);
    db.close();
  });

  it('has no way to change a snapshot: only freeze, read and delete', () => {
    const methods = Object.getOwnPropertyNames(SnapshotRepository.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual(['freeze', 'get', 'listByAssessment', 'remove']);
  });

  it('still lists, and still holds the bytes of, a proof removed from the living assessment', async () => {
    const { db, evidence, pssi, audit } = await demoWithProofs();
    const snapshot = await freezeForTest(db, demoAssessment);
    await evidence.remove(pssi.id);
    await evidence.setDocumentDate(audit.id, '2026-01-05');

    expect(await evidence.get(pssi.id)).toBeUndefined();
    expect(await new SnapshotRepository(db).get(snapshot.id)).toEqual(snapshot);
    const bundle = await readSnapshotBundle(db, snapshot.id, { withEvidenceBytes: true });
    expect(bundle?.evidence.map((e) => e.name)).toEqual(['PSSI signée.pdf', 'audit.txt']);
    expect(bundle?.evidence[1]?.documentDate).toBeUndefined();
    const hashes = await Promise.all((bundle?.evidenceBytes ?? []).map((bytes) => sha256Hex(bytes)));
    expect(hashes).toEqual([pssi.sha256, audit.sha256]);
    db.close();
  });

  it('frees the bytes of a removed proof when the last snapshot listing it is deleted, and only then', async () => {
    const { db, evidence, pssi, audit } = await demoWithProofs();
    const repository = new SnapshotRepository(db);
    const first = await freezeForTest(db, demoAssessment);
    const second = await freezeForTest(db, demoAssessment, { frozenAt: Date.UTC(2026, 11, 3) });
    await evidence.remove(pssi.id);

    await repository.remove(first.id);
    expect(await db.evidenceFiles.get(pssi.id)).toBeDefined();
    await repository.remove(second.id);
    expect(await db.evidenceFiles.get(pssi.id)).toBeUndefined();
    // A proof still in the living assessment keeps its bytes.
    expect((await evidence.get(audit.id))?.sha256).toBe(audit.sha256);
    // A proof no snapshot lists goes with its bytes at once.
    await evidence.remove(audit.id);
    expect(await db.evidenceFiles.count()).toBe(0);
    expect(await repository.listByAssessment(demoAssessment)).toEqual([]);
    db.close();
  });

  it('is sealed by the passphrase lock like the assessment it copies', async () => {
    const ids = await filled();
    const snapshot = await freezeForTest(ids.db, ids.assessment.id);
    expect(snapshot.answers['care.gov.01']?.comment).toBe(secrets.comment);
    await turnLockOn(ids.db, passphrase);
    ids.db.close();

    const dump = await rawDump(ids.name);
    expectNoSecret(dump);
    expect(dump.snapshots?.[0]).toMatchObject({ id: snapshot.id, assessmentId: ids.assessment.id });
    const db = await reopen(ids.name);
    await vaultOf(db).unlock(passphrase);
    expect(await new SnapshotRepository(db).get(snapshot.id)).toEqual(snapshot);
    db.close();
  });
});

describe('snapshots in a backup', () => {
  it('are restored with the bytes of the proofs only they still list', async () => {
    const { db, evidence, pssi } = await demoWithProofs();
    const snapshot = await freezeForTest(db, demoAssessment);
    await evidence.remove(pssi.id);
    const { bytes, manifest } = await createBackup(db, 'test');
    expect(manifest.tables.snapshots).toHaveLength(1);

    const other = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await restoreBackup(other, bytes, 'sauvegarde.zip');
    expect(await new SnapshotRepository(other).get(snapshot.id)).toEqual(snapshot);
    const bundle = await readSnapshotBundle(other, snapshot.id, { withEvidenceBytes: true });
    expect(await sha256Hex(bundle?.evidenceBytes[0] ?? new ArrayBuffer(0))).toBe(pssi.sha256);
    expect(await other.evidence.get(pssi.id)).toBeUndefined();
    db.close();
    other.close();
  });
});
