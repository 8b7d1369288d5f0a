// @vitest-environment node
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, readBackup, restoreBackup } from './backup';
import { BackupError } from './backup-error';
import { openCareDatabase, type CareDatabase } from './care-database';
import { loadDemoData } from './demo-data';
import { EvidenceRepository } from './evidence-repository';

async function snapshot(db: CareDatabase) {
  return {
    establishments: await db.establishments.orderBy('id').toArray(),
    assessments: await db.assessments.orderBy('id').toArray(),
    budgets: await db.budgets.orderBy('id').toArray(),
    applications: await db.applications.orderBy('id').toArray(),
    actions: await db.actions.orderBy('id').toArray(),
    evidence: await db.evidence.orderBy('id').toArray(),
    evidenceFiles: (await db.evidenceFiles.orderBy('id').toArray()).map((e) => ({
      ...e,
      data: Array.from(new Uint8Array(e.data)),
    })),
  };
}

async function filledDatabase() {
  const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
  await loadDemoData(db);
  const evidence = new EvidenceRepository(db);
  const pdf = strToU8('%PDF-1.4 politique de sécurité signée');
  await evidence.add({
    assessmentId: 'demo-chu-care-2026',
    itemId: 'care.gov.01',
    name: 'PSSI signée.pdf',
    type: 'application/pdf',
    data: pdf.buffer.slice(0),
    documentDate: '2025-03-14',
  });
  await evidence.add({
    assessmentId: 'demo-chu-care-2026',
    itemId: 'care.gov.01',
    name: 'binaire.bin',
    type: '',
    data: new Uint8Array([0, 255, 1, 254, 0]).buffer,
  });
  return db;
}

describe('backup and restore', () => {
  it('gives back identical data after backup → wipe → restore, evidence bytes included', async () => {
    const db = await filledDatabase();
    const before = await snapshot(db);
    const { bytes } = await createBackup(db, '0.1.0', 1_800_000_000_000);
    expect(await db.meta.get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 1_800_000_000_000 });

    const other = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await restoreBackup(other, bytes, 'sauvegarde.zip');
    expect(await snapshot(other)).toEqual(before);
    expect((await other.meta.get('lastBackupAt'))?.value).toBe(1_800_000_000_000);
    db.close();
    other.close();
  });

  it('replaces what was there: nothing of the previous data remains', async () => {
    const source = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const { bytes } = await createBackup(source, '0.1.0');
    const target = await filledDatabase();
    await restoreBackup(target, bytes, 'vide.zip');
    expect(await target.establishments.count()).toBe(0);
    expect(await target.evidence.count()).toBe(0);
    source.close();
    target.close();
  });

  it('refuses a file that is not a backup, names it and changes nothing', async () => {
    const db = await filledDatabase();
    const before = await snapshot(db);
    await expect(restoreBackup(db, strToU8('not a zip'), 'notes.txt')).rejects.toMatchObject({
      code: 'backup-not-zip',
      fileName: 'notes.txt',
    });
    const wrong = zipSync({ 'backup.json': strToU8(JSON.stringify({ format: 'care-autodiag/backup', tables: {} })) });
    await expect(restoreBackup(db, wrong, 'faux.zip')).rejects.toBeInstanceOf(BackupError);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  describe('a restore the browser has no room for (issue 14)', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });

    /** A target whose restore transaction meets a full disk, as IndexedDB reports it. */
    async function fullTarget() {
      const source = await filledDatabase();
      const { bytes } = await createBackup(source, '0.1.0');
      source.close();
      const target = await filledDatabase();
      vi.spyOn(target.evidenceFiles, 'bulkAdd').mockRejectedValueOnce(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      );
      return { bytes, target, before: await snapshot(target) };
    }

    it('says how much room the backup needs, and writes nothing', async () => {
      const { bytes, target, before } = await fullTarget();
      const read = await readBackup(bytes, 'sauvegarde.zip');
      const refusal = await restoreBackup(target, bytes, 'sauvegarde.zip').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(BackupError);
      expect(refusal).toMatchObject({ code: 'backup-no-space', fileName: 'sauvegarde.zip' });
      // The records uncompressed and the evidence bytes: more than the zip.
      expect((refusal as BackupError).space).toEqual({ needed: read.spaceNeeded });
      expect(read.spaceNeeded).toBeGreaterThan(bytes.byteLength);
      expect(await snapshot(target)).toEqual(before);
      target.close();
    });

    it('and how much is left when the browser tells, unless its estimate says there is room', async () => {
      const { bytes, target, before } = await fullTarget();
      let left = 1_000;
      vi.stubGlobal('navigator', {
        storage: { estimate: () => Promise.resolve({ quota: 5_000_000, usage: 5_000_000 - left }) },
      });
      await expect(restoreBackup(target, bytes, 'sauvegarde.zip')).rejects.toMatchObject({
        code: 'backup-no-space',
        space: { available: 1_000 },
      });
      expect(await snapshot(target)).toEqual(before);
      left = 4_000_000;
      vi.spyOn(target.evidenceFiles, 'bulkAdd').mockRejectedValueOnce(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      );
      const refusal = (await restoreBackup(target, bytes, 'sauvegarde.zip').catch((e: unknown) => e)) as BackupError;
      expect(refusal.space?.available).toBeUndefined();
      target.close();
    });
  });

  it('names the field at fault in an invalid backup', async () => {
    const db = await filledDatabase();
    const { bytes } = await createBackup(db, '0.1.0');
    const entries = unzipSync(bytes);
    const manifest = JSON.parse(new TextDecoder().decode(entries['backup.json'])) as {
      tables: { establishments: { finessEj: string }[] };
    };
    manifest.tables.establishments[2]!.finessEj = '12';
    entries['backup.json'] = strToU8(JSON.stringify(manifest));
    await expect(readBackup(zipSync(entries), 'abîmé.zip')).rejects.toMatchObject({
      code: 'backup-invalid',
      path: 'tables.establishments.2.finessEj',
    });
    db.close();
  });

  it('refuses a backup whose evidence does not match its fingerprint, or from a newer version', async () => {
    const db = await filledDatabase();
    const { bytes, manifest } = await createBackup(db, '0.1.0');
    const entries = unzipSync(bytes);
    const id = manifest.tables.evidence[0]!.id;
    entries[`evidence/${id}`] = strToU8('altéré');
    await expect(readBackup(zipSync(entries), 'altéré.zip')).rejects.toMatchObject({ code: 'backup-evidence-corrupt' });

    const newer = unzipSync(bytes);
    newer['backup.json'] = strToU8(JSON.stringify({ ...manifest, dataVersion: 99 }));
    await expect(readBackup(zipSync(newer), 'futur.zip')).rejects.toMatchObject({ code: 'backup-newer' });
    db.close();
  });
});
