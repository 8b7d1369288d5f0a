import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../domain/applications/application-input';
import { ApplicationRepository } from './application-repository';
import { DATA_VERSION, openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';
import { StorageError } from './storage-error';

const freshName = () => `test-${crypto.randomUUID()}`;
const chu = { name: 'CHU de Bourg', finessEj: '010780914', category: 'chu' as const, isGhtSupport: false };
const dpi: ApplicationInput = {
  name: 'Dossier patient',
  kind: 'patient-record',
  handlesHealthData: true,
  sharedOrExternal: false,
  remoteAccess: true,
  authentication: ['password-only'],
  users: '1 200',
  homologation: 'to-do',
  targetDate: '2027-06-30',
};

async function expectCode(promise: Promise<unknown>, code: string, detail?: string) {
  await expect(promise).rejects.toSatisfy(
    (e) => e instanceof StorageError && e.code === code && (detail === undefined || (e.detail ?? '').includes(detail)),
  );
}

async function setUp() {
  const db = await openCareDatabase(freshName());
  const establishment = await new EstablishmentRepository(db).create(chu);
  return { db, repo: new ApplicationRepository(db), establishmentId: establishment.id };
}

describe('ApplicationRepository', () => {
  it('adds, lists, edits and removes applications of an establishment', async () => {
    const { db, repo, establishmentId } = await setUp();
    const created = await repo.create(establishmentId, dpi, 100);
    await repo.create(establishmentId, { ...dpi, name: 'PACS', kind: 'imaging', authentication: ['cps-card'] }, 200);
    expect(created).toMatchObject({ name: 'Dossier patient', users: 1200, targetDate: '2027-06-30', createdAt: 100 });
    expect((await repo.listByEstablishment(establishmentId)).map((a) => a.name)).toEqual(['Dossier patient', 'PACS']);

    const edited = await repo.update(created.id, { ...dpi, authentication: ['e-cps'], targetDate: '' }, 300);
    expect(edited).toMatchObject({ authentication: ['e-cps'], createdAt: 100, updatedAt: 300 });
    expect(edited).not.toHaveProperty('targetDate');
    expect(await repo.get(created.id)).toEqual(edited);

    await repo.remove(created.id);
    expect((await repo.listByEstablishment(establishmentId)).map((a) => a.name)).toEqual(['PACS']);
    await expectCode(repo.remove(created.id), 'not-found');
    db.close();
  });

  it('refuses an invalid application, naming the field, and writes nothing', async () => {
    const { db, repo, establishmentId } = await setUp();
    await expectCode(repo.create(establishmentId, { ...dpi, name: '' }), 'invalid-record', 'name:');
    await expectCode(
      repo.create(establishmentId, { ...dpi, usersWithTwoFactors: '5000' }),
      'invalid-record',
      'usersWithTwoFactors:application-two-factor-above-users',
    );
    await expectCode(repo.create('no-such-establishment', dpi), 'not-found');
    expect(await db.applications.count()).toBe(0);

    const created = await repo.create(establishmentId, dpi);
    await expectCode(repo.update(created.id, { ...dpi, authentication: [] }), 'invalid-record', 'authentication');
    expect(await repo.get(created.id)).toEqual(created);
    db.close();
  });

  it('writes nothing to data of a newer version', async () => {
    const name = freshName();
    const first = await openCareDatabase(name);
    const establishment = await new EstablishmentRepository(first).create(chu);
    const created = await new ApplicationRepository(first).create(establishment.id, dpi);
    await first.meta.put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    first.close();
    const db = await openCareDatabase(name);
    const repo = new ApplicationRepository(db);
    await expectCode(repo.create(establishment.id, dpi), 'data-newer-than-app');
    await expectCode(repo.update(created.id, dpi), 'data-newer-than-app');
    await expectCode(repo.remove(created.id), 'data-newer-than-app');
    expect(await repo.listByEstablishment(establishment.id)).toEqual([created]);
    db.close();
  });
});
