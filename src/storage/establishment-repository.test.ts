import { describe, expect, it } from 'vitest';
import { nis2StatusOf } from '../domain/establishment/establishment';
import { openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';

const freshName = () => `test-${crypto.randomUUID()}`;
const chu = { name: 'CHU de Bourg', finessEj: '010780914', category: 'chu' as const, isGhtSupport: false };

describe('EstablishmentRepository and the NIS2 status', () => {
  it('records « pas encore connu » when the form leaves the status as it is', async () => {
    const db = await openCareDatabase(freshName());
    const created = await new EstablishmentRepository(db).create(chu);
    expect(created.nis2Status).toBe('unknown');
    db.close();
  });

  it('keeps the status chosen across a reopening of the database, and changes it on edit', async () => {
    const name = freshName();
    const first = await openCareDatabase(name);
    const created = await new EstablishmentRepository(first).create({ ...chu, nis2Status: 'essential' });
    first.close();

    const db = await openCareDatabase(name);
    const repo = new EstablishmentRepository(db);
    expect((await repo.get(created.id))?.nis2Status).toBe('essential');
    await repo.update(created.id, { ...chu, nis2Status: 'important' });
    expect((await repo.get(created.id))?.nis2Status).toBe('important');
    db.close();
  });

  it('reads an establishment recorded before the question was asked as « pas encore connu »', async () => {
    const db = await openCareDatabase(freshName());
    const { nis2Status: _left, ...older } = await new EstablishmentRepository(db).create(chu);
    await db.establishments.put(older);
    const stored = await new EstablishmentRepository(db).get(older.id);
    expect(stored && 'nis2Status' in stored).toBe(false);
    expect(stored && nis2StatusOf(stored)).toBe('unknown');
    db.close();
  });

  it('refuses a status that is not one of the four', async () => {
    const db = await openCareDatabase(freshName());
    const bad = { ...chu, nis2Status: 'operator' } as unknown as Parameters<EstablishmentRepository['create']>[0];
    await expect(new EstablishmentRepository(db).create(bad)).rejects.toMatchObject({ code: 'invalid-record' });
    db.close();
  });
});
