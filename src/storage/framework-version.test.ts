// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Answer } from '../domain/assessment/answer';
import { AssessmentRepository } from './assessment-repository';
import { openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';
import { turnLockOn } from './vault/lock-switch';

/**
 * An assessment keeps reading the mapping version of a framework it was first read against (issue 17, « Versions »),
 * on the real database class over fake-indexeddb: recorded once, kept across a reopening, replaced only on a move,
 * and never counted as an edit of the assessment.
 */
const chu = { name: 'CHU de Bourg', finessEj: '010780914', category: 'chu' as const, isGhtSupport: false };
const yes = (updatedAt: number): Answer => ({ response: { kind: 'status', value: 'yes' }, updatedAt });

async function begin(name: string) {
  const db = await openCareDatabase(name);
  const establishment = await new EstablishmentRepository(db).create(chu);
  const repo = new AssessmentRepository(db);
  const assessment = await repo.create(
    {
      establishmentId: establishment.id,
      questionnaireId: 'care',
      questionnaireVersion: '2026.2',
      contentHash: 'a'.repeat(64),
      campaignYear: 2026,
    },
    1000,
  );
  return { db, repo, assessment };
}

describe('the mapping version an assessment reads', () => {
  it('is recorded on first reading, kept when a newer one is offered, and replaced only on a move', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const { db, repo, assessment } = await begin(name);
    expect(await repo.frameworkVersion(assessment.id, 'recyf', '2.5')).toBe('2.5');
    expect(await repo.frameworkVersion(assessment.id, 'recyf', '2.6')).toBe('2.5');
    expect(await repo.frameworkVersion(assessment.id, 'anssi-hygiene', '2017')).toBe('2017');
    const read = await repo.get(assessment.id);
    expect(read?.frameworkVersions).toEqual({ recyf: '2.5', 'anssi-hygiene': '2017' });
    expect(read?.updatedAt).toBe(assessment.updatedAt);
    db.close();

    const reopened = await openCareDatabase(name);
    const again = new AssessmentRepository(reopened);
    expect(await again.frameworkVersion(assessment.id, 'recyf', '2.6')).toBe('2.5');
    expect(await again.frameworkVersion(assessment.id, 'recyf', '2.6', { move: true })).toBe('2.6');
    expect((await again.get(assessment.id))?.frameworkVersions?.recyf).toBe('2.6');
    reopened.close();
  });

  it('keeps the answers given meanwhile, and is recorded in clear beside sealed answers with the lock on', async () => {
    const { db, repo, assessment } = await begin(`test-${crypto.randomUUID()}`);
    await repo.saveAnswer(assessment.id, 'care.gov.01', yes(2000));
    await turnLockOn(db, 'vingt-trois pommes vertes');
    await repo.saveAnswer(assessment.id, 'care.gov.02', yes(3000));
    expect(await repo.frameworkVersion(assessment.id, 'recyf', '2.5')).toBe('2.5');
    const raw = await db.assessments.get(assessment.id);
    expect(raw?.frameworkVersions).toEqual({ recyf: '2.5' });
    const opened = await repo.get(assessment.id);
    expect(Object.keys(opened?.answers ?? {}).sort()).toEqual(['care.gov.01', 'care.gov.02']);
    expect(opened?.answers['care.gov.02']?.response).toEqual({ kind: 'status', value: 'yes' });
    db.close();
  });
});
