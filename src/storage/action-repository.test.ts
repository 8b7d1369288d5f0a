import { describe, expect, it } from 'vitest';
import { ActionRepository } from './action-repository';
import { CareDatabase, DATA_VERSION, openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';
import { StorageError } from './storage-error';

const freshName = () => `test-${crypto.randomUUID()}`;

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof StorageError && e.code === code);
}

async function setUp() {
  const db = await openCareDatabase(freshName());
  const establishment = await new EstablishmentRepository(db).create({
    name: 'CH de Bourg',
    finessEj: '010780914',
    category: 'ch',
    isGhtSupport: false,
  });
  return { db, repo: new ActionRepository(db), establishmentId: establishment.id };
}

describe('ActionRepository', () => {
  it('creates an action from a gap, stores it on disk and lists it with the establishment', async () => {
    const { db, repo, establishmentId } = await setUp();
    const created = await repo.create(
      { establishmentId, assessmentId: 'a1', itemId: 'care.d2.16' },
      { title: 'Tester une restauration', owner: 'DSI', dueDate: '2026-12-15', status: 'todo', estimatedCost: 18000 },
      1000,
    );
    expect(created).toMatchObject({ itemId: 'care.d2.16', estimatedCost: 18000, createdAt: 1000 });
    const fromDisk = await new CareDatabase(db.name).actions.get(created.id);
    expect(fromDisk).toEqual(created);
    await repo.create({ establishmentId }, { title: 'Former les équipes', status: 'todo' }, 2000);
    expect((await repo.listByEstablishment(establishmentId)).map((a) => a.title)).toEqual([
      'Tester une restauration',
      'Former les équipes',
    ]);
    expect(await repo.listByEstablishment('other')).toEqual([]);
    db.close();
  });

  it('edits an action and changes its status, keeping its origin and creation date', async () => {
    const { db, repo, establishmentId } = await setUp();
    const created = await repo.create(
      { establishmentId, assessmentId: 'a1', itemId: 'care.d2.16' },
      { title: 'Tester', status: 'todo', estimatedCost: 1000 },
      1000,
    );
    const edited = await repo.update(created.id, { title: 'Tester la restauration', status: 'in-progress' }, 2000);
    expect(edited).toMatchObject({
      itemId: 'care.d2.16',
      assessmentId: 'a1',
      createdAt: 1000,
      updatedAt: 2000,
      status: 'in-progress',
    });
    expect(edited.estimatedCost).toBeUndefined();
    const done = await repo.setStatus(created.id, 'done', 1500);
    expect(done).toMatchObject({ status: 'done', updatedAt: 2001, title: 'Tester la restauration' });
    await repo.remove(created.id);
    expect(await repo.get(created.id)).toBeUndefined();
    db.close();
  });

  it('refuses an invalid action, an unknown establishment or action, and writes nothing', async () => {
    const { db, repo, establishmentId } = await setUp();
    await expectCode(repo.create({ establishmentId }, { title: '', status: 'todo' }), 'invalid-record');
    await expectCode(
      repo.create({ establishmentId }, { title: 'x', status: 'todo', estimatedCost: -5 }),
      'invalid-record',
    );
    await expectCode(
      repo.create({ establishmentId }, { title: 'x', status: 'todo', dueDate: '2026-13-01' }),
      'invalid-record',
    );
    await expectCode(repo.create({ establishmentId: 'nobody' }, { title: 'x', status: 'todo' }), 'not-found');
    await expectCode(repo.setStatus('nothing', 'done'), 'not-found');
    expect(await db.actions.count()).toBe(0);
    db.close();
  });

  it('writes nothing in data made by a newer version', async () => {
    const { db, repo, establishmentId } = await setUp();
    await db.meta.put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    db.access = 'read-only';
    await expectCode(repo.create({ establishmentId }, { title: 'x', status: 'todo' }), 'data-newer-than-app');
    expect(await db.actions.count()).toBe(0);
    db.close();
  });
});
