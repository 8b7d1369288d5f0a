// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../exchange/signing';
import { openCareDatabase, type CareDatabase } from '../../storage/care-database';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { getOrCreateSigningKey } from '../../storage/signing-key-repository';
import { finessOfSubmission } from '../../storage/submission-repository';
import { submissionFiness } from '../../exchange/export-format';
import { importExportFile } from './import-export-file';
import { gatherExportSource, installationSigner, makeExportFile } from './make-export';

async function demoDatabase(): Promise<CareDatabase> {
  const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
  await loadDemoData(db);
  return db;
}

async function source(db: CareDatabase, assessmentId: string, withEvidenceBytes = false) {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) throw new Error('no assessment');
  const questionnaire = await loadQuestionnaire(assessment.questionnaireId, assessment.questionnaireVersion);
  return gatherExportSource(db, assessmentId, questionnaire, {
    appVersion: '0.1.0',
    now: new Date('2026-11-23T10:00:00Z'),
    withEvidenceBytes,
  });
}

const counts = async (db: CareDatabase) => ({
  submissions: await db.submissions.count(),
  keys: await db.trustedKeys.count(),
});

describe('export from this device', () => {
  it('gathers the campaign budget, the inventory, the plan and signs with the installation key', async () => {
    const db = await demoDatabase();
    const key = await getOrCreateSigningKey(db);
    // The fingerprint storage records is the one the import computes (two implementations, one definition).
    expect(await keyFingerprint(installationSigner(key).publicKeyJwk)).toBe(key.fingerprint);
    const gathered = await source(db, 'demo-chu-care-2026');
    expect(gathered.input.budget?.year).toBe(2026);
    expect(gathered.input.applications.length).toBeGreaterThan(0);
    for (const level of ['full', 'auditor', 'statistics'] as const) {
      const file = await makeExportFile(gathered, level, { signer: installationSigner(key), withEvidence: false });
      expect(file.check).toMatchObject({ ok: true, keyFingerprint: key.fingerprint, container: 'json' });
      expect(file.fileName).toBe(`autodiag-care_450000138_care_2026_${level}.json`);
      expect(file.type).toBe('application/json');
    }
    const full = await makeExportFile(gathered, 'full', { withEvidence: false });
    // Only this assessment's actions (and those tied to none): the HospiConnect action stays out of the CaRE file.
    expect(full.envelope.content.actions?.map((a) => a.itemId)).toEqual(['care.d2.16', 'care.d2.14', 'care.cri.01']);
    expect(submissionFiness(full.envelope.establishment)).toBe(finessOfSubmission(full.envelope));
  });

  it('zips the evidence at the full level when asked, and the zip validates', async () => {
    const db = await demoDatabase();
    const bytes = new TextEncoder().encode('%PDF-1.7 politique de sécurité');
    await new EvidenceRepository(db).add({
      assessmentId: 'demo-ch-care-2026',
      itemId: 'care.gov.01',
      name: 'PSSI.pdf',
      type: 'application/pdf',
      data: bytes.slice().buffer,
      documentDate: '2026-03-01',
    });
    const gathered = await source(db, 'demo-ch-care-2026', true);
    expect(gathered.evidenceCount).toBe(1);
    const zipped = await makeExportFile(gathered, 'full', { withEvidence: true });
    expect(zipped).toMatchObject({
      type: 'application/zip',
      check: { ok: true, container: 'zip', evidenceFileCount: 1 },
    });
    expect(zipped.fileName.endsWith('_full.zip')).toBe(true);
    // At the auditor level the evidence is never in the file, zip or not.
    const auditor = await makeExportFile(gathered, 'auditor', { withEvidence: true });
    expect(auditor.type).toBe('application/json');
    expect(auditor.envelope.content.evidence).toBeUndefined();
  });
});

describe('import into the auditor workspace', () => {
  it('stores a valid file, and nothing at all of a refused one', async () => {
    const establishmentDb = await demoDatabase();
    const key = await getOrCreateSigningKey(establishmentDb);
    const file = await makeExportFile(await source(establishmentDb, 'demo-ch-care-2026'), 'auditor', {
      signer: installationSigner(key),
      withEvidence: false,
    });
    const auditorDb = await openCareDatabase(`test-${crypto.randomUUID()}`);

    const tampered = file.bytes.slice();
    const at = new TextDecoder().decode(tampered).indexOf('"campaignYear": 2026');
    tampered[at + '"campaignYear": 202'.length] = '5'.charCodeAt(0);
    const before = await counts(auditorDb);
    const refused = await importExportFile(auditorDb, tampered, 'tampered.json');
    expect(refused.validation).toMatchObject({ ok: false, code: 'digest-mismatch', fileName: 'tampered.json' });
    expect(refused.stored).toBeUndefined();
    expect(await counts(auditorDb)).toEqual(before);
    const truncated = await importExportFile(auditorDb, file.bytes.slice(0, 100), 'truncated.json');
    expect(truncated.validation.ok).toBe(false);
    expect(await counts(auditorDb)).toEqual(before);

    const accepted = await importExportFile(auditorDb, file.bytes, file.fileName, 1000);
    expect(accepted.stored).toEqual({ outcome: 'imported', keyChange: 'first-seen' });
    expect(await counts(auditorDb)).toEqual({ submissions: 1, keys: 1 });
    const again = await importExportFile(auditorDb, file.bytes, file.fileName, 2000);
    expect(again.stored).toEqual({
      outcome: 'identical',
      keyChange: 'same',
      previousExportedAt: file.envelope.exportedAt,
    });
    const row = await auditorDb.submissions.toCollection().first();
    expect(row?.document).toEqual(file.envelope);
  });
});
