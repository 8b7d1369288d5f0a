// @vitest-environment node
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../assessment-repository';
import { createBackup, restoreBackup } from '../backup';
import { BackupError } from '../backup-error';
import { openCareDatabase } from '../care-database';
import {
  expectCode,
  expectNoSecret,
  filled,
  freshName,
  newPassphrase,
  passphrase,
  rawDump,
  readAll,
  reopen,
  secrets,
  textOf,
} from '../../testing/storage/vault/lock-test-data';
import { turnLockOn } from './lock-switch';
import { vaultOf } from './vault';

/** Backups with the passphrase lock on: sealed as stored, restored only with the passphrase they were made under. */
async function expectBackupCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof BackupError && e.code === code);
}

function zipText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes))
    .map((entry) => `${Buffer.from(entry).toString('latin1')} ${strFromU8(entry)}`)
    .join(' ');
}

describe('a backup made with the lock on', () => {
  it('holds the records sealed: none of the answers, figures, details or evidence can be read in the file', async () => {
    const ids = await filled();
    const clearBackup = await createBackup(ids.db, '0.1.0', 1000);
    expect(zipText(clearBackup.bytes)).toContain(secrets.comment);
    await turnLockOn(ids.db, passphrase);
    const { bytes } = await createBackup(ids.db, '0.1.0', 2000);
    const text = zipText(bytes);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(String(secret));
    expect(text).not.toContain('pommes vertes');
    const manifest = JSON.parse(strFromU8(unzipSync(bytes)['backup.json'] ?? new Uint8Array())) as {
      formatVersion: number;
      lock: { kdf: { iterations: number } };
    };
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.lock.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    ids.db.close();
  });

  it('is restored only with its passphrase, onto another device, as the same data sealed the same way', async () => {
    const ids = await filled();
    const before = await readAll(ids.db, ids);
    await turnLockOn(ids.db, passphrase);
    const { bytes } = await createBackup(ids.db, '0.1.0', 2000);
    const storedBefore = await rawDump(ids.name);
    ids.db.close();

    const target = await openCareDatabase(freshName());
    await expectBackupCode(restoreBackup(target, bytes, 'sauvegarde.zip'), 'backup-locked');
    await expectCode(restoreBackup(target, bytes, 'sauvegarde.zip', { passphrase: newPassphrase }), 'wrong-passphrase');
    expect(await target.assessments.count()).toBe(0);

    await restoreBackup(target, bytes, 'sauvegarde.zip', { passphrase });
    expect(vaultOf(target).status).toBe('unlocked');
    expect(await readAll(target, ids)).toEqual(before);
    const restored = await rawDump(target.name);
    expectNoSecret(restored);
    // The sealed records are written back exactly as they were stored.
    expect(restored.assessments).toEqual(storedBefore.assessments);
    expect(restored.evidenceFiles).toEqual(storedBefore.evidenceFiles);
    target.close();

    const reloaded = await reopen(target.name);
    expect(vaultOf(reloaded).status).toBe('locked');
    await vaultOf(reloaded).unlock(passphrase);
    expect(await readAll(reloaded, ids)).toEqual(before);
    reloaded.close();
  });

  it('is refused, changing nothing, when a record in clear was slipped among the sealed ones', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const { bytes } = await createBackup(ids.db, '0.1.0', 2000);
    const entries = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(entries['backup.json'] ?? new Uint8Array())) as {
      tables: { budgets: unknown[] };
    };
    manifest.tables.budgets.push({
      id: 'b-clear',
      establishmentId: ids.establishment.id,
      year: 2024,
      inputs: { itOperatingCharges: 1 },
      createdAt: 1,
      updatedAt: 1,
    });
    entries['backup.json'] = strToU8(JSON.stringify(manifest));
    const target = await openCareDatabase(freshName());
    await expectCode(restoreBackup(target, zipSync(entries), 'altérée.zip', { passphrase }), 'sealed-data-unreadable');
    expect(await target.budgets.count()).toBe(0);
    target.close();
    ids.db.close();
  });
});

describe('a backup in clear restored while the lock is on', () => {
  it('is sealed with the lock’s key: the lock stays on and nothing is readable on disk', async () => {
    const source = await filled();
    const before = await readAll(source.db, source);
    const { bytes } = await createBackup(source.db, '0.1.0', 1000);
    source.db.close();

    const target = await openCareDatabase(freshName());
    await turnLockOn(target, passphrase);
    await restoreBackup(target, bytes, 'sauvegarde.zip');
    expect(vaultOf(target).status).toBe('unlocked');
    expectNoSecret(await rawDump(target.name));
    expect(await readAll(target, source)).toEqual(before);
    expect(textOf(await rawDump(target.name))).toContain('CH de Bourg');
    target.close();
  });

  it('is refused while this tab is locked', async () => {
    const source = await filled();
    const { bytes } = await createBackup(source.db, '0.1.0', 1000);
    source.db.close();
    const target = await openCareDatabase(freshName());
    await turnLockOn(target, passphrase);
    vaultOf(target).lock();
    await expectCode(restoreBackup(target, bytes, 'sauvegarde.zip'), 'locked');
    expect(await new AssessmentRepository(target).listByEstablishment(source.establishment.id)).toEqual([]);
    target.close();
  });
});
