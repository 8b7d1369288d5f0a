import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from './assessment-repository';
import { CareDatabase, DATA_VERSION, openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';
import { StorageError } from './storage-error';

const freshName = () => `test-${crypto.randomUUID()}`;
const chu = { name: 'CHU de Bourg', finessEj: '010780914', category: 'chu' as const, isGhtSupport: false };
const hash = 'a'.repeat(64);

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof StorageError && e.code === code);
}

describe('CareDatabase', () => {
  it('records the data version when it creates the database', async () => {
    const db = await openCareDatabase(freshName());
    expect(db.access).toBe('read-write');
    expect((await db.meta.get('dataVersion'))?.value).toBe(DATA_VERSION);
    db.close();
  });

  it('opens data of a newer data version read-only, refuses writes and leaves the data as it was', async () => {
    const name = freshName();
    const first = await openCareDatabase(name);
    const created = await new EstablishmentRepository(first).create(chu);
    await first.meta.put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    first.close();

    const db = await openCareDatabase(name);
    expect(db.access).toBe('read-only');
    const repo = new EstablishmentRepository(db);
    await expectCode(repo.create({ ...chu, name: 'Autre' }), 'data-newer-than-app');
    await expectCode(repo.setArchived(created.id, true), 'data-newer-than-app');
    expect(await repo.list()).toEqual([created]);
    expect((await db.meta.get('dataVersion'))?.value).toBe(DATA_VERSION + 1);
    db.close();
  });

  it('opens a database upgraded by a newer build (higher IndexedDB version) read-only', async () => {
    const name = freshName();
    // A newer build keeps every table of this one and adds its own (here "future").
    const current = new CareDatabase(`${name}-shape`);
    const schema = Object.fromEntries(
      current.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    const newer = new Dexie(name);
    newer.version(7).stores({ ...schema, future: 'id' });
    await newer.open();
    newer.close();
    const db = await openCareDatabase(name);
    expect(db.access).toBe('read-only');
    expect(db.foundDataVersion).toBe(7);
    db.close();
  });

  it('leaves the layout of a newer build as it is: no store or index put back, no version raised', async () => {
    const name = freshName();
    const current = new CareDatabase(`${name}-shape`);
    const schema: Record<string, string> = Object.fromEntries(
      current.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    // The newer build dropped a store and an index of this one.
    const { evidenceFiles: _dropped, ...kept } = schema;
    const newer = new Dexie(name);
    newer.version(DATA_VERSION + 1).stores({ ...kept, actions: 'id, establishmentId' });
    await newer.open();
    await newer.table('meta').put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    await newer.table('establishments').add({ id: 'e1', ...chu, createdAt: 1, updatedAt: 1 });
    newer.close();

    const db = await openCareDatabase(name);
    expect(db.access).toBe('read-only');
    expect(db.foundDataVersion).toBe(DATA_VERSION + 1);
    expect((await new EstablishmentRepository(db).list()).map((e) => e.name)).toEqual([chu.name]);
    db.close();

    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    expect(raw.version).toBe((DATA_VERSION + 1) * 10);
    expect(Array.from(raw.objectStoreNames)).not.toContain('evidenceFiles');
    expect(Array.from(raw.transaction('actions').objectStore('actions').indexNames)).toEqual(['establishmentId']);
    raw.close();
  });
});

describe('EstablishmentRepository', () => {
  it('creates, lists, edits and archives establishments', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new EstablishmentRepository(db);
    const ehpad = await repo.create({
      name: 'EHPAD Les Tilleuls',
      finessEj: '010003820',
      category: 'ehpad',
      isGhtSupport: false,
    });
    const created = await repo.create(chu, 1000);
    expect(ehpad.sector).toBe('medico-social');
    expect((await repo.list()).map((e) => e.name)).toEqual(['CHU de Bourg', 'EHPAD Les Tilleuls']);

    const edited = await repo.update(created.id, { ...chu, name: 'CHU de Bourg-en-Bresse', beds: '1200' }, 2000);
    expect(edited).toMatchObject({ name: 'CHU de Bourg-en-Bresse', beds: 1200, createdAt: 1000, updatedAt: 2000 });

    await repo.setArchived(created.id, true);
    expect((await repo.list()).map((e) => e.name)).toEqual(['EHPAD Les Tilleuls']);
    expect(await repo.list({ includeArchived: true })).toHaveLength(2);
    db.close();
  });

  it('refuses an invalid FINESS number and writes nothing', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new EstablishmentRepository(db);
    await expectCode(repo.create({ ...chu, finessEj: '010780915' }), 'invalid-record');
    expect(await db.establishments.count()).toBe(0);
    db.close();
  });
});

describe('AssessmentRepository', () => {
  async function setUp() {
    const db = await openCareDatabase(freshName());
    const establishment = await new EstablishmentRepository(db).create(chu);
    const repo = new AssessmentRepository(db);
    const assessment = await repo.create({
      establishmentId: establishment.id,
      questionnaireId: 'care',
      questionnaireVersion: '2026.1',
      contentHash: hash,
      campaignYear: 2026,
    });
    return { db, repo, assessment };
  }

  it('keeps one assessment per establishment, questionnaire and campaign year', async () => {
    const { db, repo, assessment } = await setUp();
    const again = {
      establishmentId: assessment.establishmentId,
      questionnaireId: 'care',
      questionnaireVersion: '2026.1',
      contentHash: hash,
      campaignYear: 2026,
    };
    await expectCode(repo.create(again), 'assessment-exists');
    await repo.create({ ...again, campaignYear: 2027 });
    expect(await repo.listByEstablishment(assessment.establishmentId)).toHaveLength(2);
    db.close();
  });

  it('stores answers under dotted item ids', async () => {
    const { db, repo, assessment } = await setUp();
    const answer = {
      response: { kind: 'status' as const, value: 'yes' as const },
      comment: 'PSSI signée',
      updatedAt: 10,
    };
    expect(await repo.saveAnswer(assessment.id, 'care.gov.01', answer)).toBe('saved');
    const stored = await new CareDatabase(db.name).assessments.get(assessment.id);
    expect(stored?.answers['care.gov.01']).toEqual(answer);
    expect(stored?.answers).not.toHaveProperty('care');
    db.close();
  });

  it('never lets an older answer (a tab that was behind) overwrite a newer one', async () => {
    const { db, repo, assessment } = await setUp();
    await repo.saveAnswer(assessment.id, 'care.gov.01', { response: { kind: 'status', value: 'no' }, updatedAt: 20 });
    const outcome = await repo.saveAnswer(assessment.id, 'care.gov.01', {
      response: { kind: 'status', value: 'yes' },
      updatedAt: 10,
    });
    expect(outcome).toBe('kept-newer');
    expect((await repo.get(assessment.id))?.answers['care.gov.01']?.response).toEqual({ kind: 'status', value: 'no' });
    db.close();
  });

  it('reports a write on a closed database as such', async () => {
    const { db, repo, assessment } = await setUp();
    db.close();
    await expectCode(
      repo.saveAnswer(assessment.id, 'care.gov.01', { response: { kind: 'unknown' }, updatedAt: 1 }),
      'database-closed',
    );
  });
});

describe('a new campaign from last year', () => {
  it('proposes last year’s answers marked to review and links to the assessment it came from', async () => {
    const { proposeAnswers } = await import('../domain/assessment/assessment');
    const { findPreviousCampaign } = await import('./assessment-repository');
    const db = await openCareDatabase(freshName());
    const establishment = await new EstablishmentRepository(db).create(chu);
    const repo = new AssessmentRepository(db);
    const base = {
      establishmentId: establishment.id,
      questionnaireId: 'care',
      questionnaireVersion: '2026.1',
      contentHash: hash,
    };
    const last = await repo.create({ ...base, campaignYear: 2025 });
    await repo.saveAnswer(last.id, 'care.gov.01', {
      response: { kind: 'status', value: 'yes' },
      comment: 'Signée',
      updatedAt: 5,
    });
    await repo.saveAnswer(last.id, 'care.gone.01', { response: { kind: 'status', value: 'no' }, updatedAt: 5 });
    await repo.saveAnswer(last.id, 'care.gov.02', { comment: 'sans réponse', updatedAt: 5 });

    const previous = await findPreviousCampaign(repo, establishment.id, 'care', 2026);
    expect(previous?.id).toBe(last.id);
    const answers = proposeAnswers(previous!, new Set(['care.gov.01', 'care.gov.02']), 100);
    const next = await repo.create({ ...base, campaignYear: 2026, from: { previous: previous!, answers } });
    expect(next.basedOn).toEqual({ assessmentId: last.id, campaignYear: 2025, questionnaireVersion: '2026.1' });
    expect(next.answers).toEqual({
      'care.gov.01': { response: { kind: 'status', value: 'yes' }, comment: 'Signée', toReview: true, updatedAt: 100 },
    });
    db.close();
  });
});
