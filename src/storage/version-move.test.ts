import { describe, expect, it } from 'vitest';
import type { Answer } from '../domain/assessment/answer';
import { compareItemVersions } from '../domain/questionnaire/compare-versions';
import { AssessmentRepository } from './assessment-repository';
import { openCareDatabase } from './care-database';
import { EstablishmentRepository } from './establishment-repository';
import { latestVersionOf, listCatalog, loadQuestionnaire } from './questionnaire-catalog';
import { StorageError } from './storage-error';

/**
 * An assessment begun on CaRE 2026.1 moves to 2026.2 in place (issue 15), on the real database class over
 * fake-indexeddb and the real questionnaire files: every answer to an unchanged item is kept as it was, answers to
 * reworded items are kept "to review", and the items new in 2026.2 are there to answer.
 */
const ght = {
  name: 'CH support du GHT',
  finessEj: '010780914',
  category: 'ch' as const,
  ghtName: 'GHT de l’Ain',
  isGhtSupport: true,
};

const status = (value: 'yes' | 'partial' | 'no', updatedAt: number, comment?: string): Answer => ({
  response: { kind: 'status', value },
  ...(comment ? { comment } : {}),
  updatedAt,
});

describe('moving an assessment from CaRE 2026.1 to 2026.2', () => {
  it('keeps every answer of an unchanged item, marks reworded ones to review and leaves new items to answer', async () => {
    // Both versions ship; a new assessment starts on 2026.2.
    for (const id of ['care', 'hospiconnect', 'esms']) {
      const versions = listCatalog()
        .filter((entry) => entry.id === id)
        .map((entry) => entry.version);
      expect(versions, id).toEqual(expect.arrayContaining(['2026.1', '2026.2']));
      expect(latestVersionOf(id), id).toBe('2026.2');
    }
    const older = await loadQuestionnaire('care', '2026.1');
    const newer = await loadQuestionnaire('care', '2026.2');
    const changes = compareItemVersions(older.questionnaire, newer.questionnaire);
    expect(changes.get('care.gov.01')).toBe('unchanged');
    expect(changes.get('care.d1.12')).toBe('changed');
    expect(changes.get('care.d1.14')).toBe('new');

    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const establishment = await new EstablishmentRepository(db).create(ght);
    const repo = new AssessmentRepository(db);
    const begun = await repo.create({
      establishmentId: establishment.id,
      questionnaireId: 'care',
      questionnaireVersion: '2026.1',
      contentHash: older.contentHash,
      campaignYear: 2026,
    });
    const unchangedIds = older.questionnaire.items
      .map((item) => item.id)
      .filter((id) => changes.get(id) === 'unchanged')
      .slice(0, 12);
    expect(unchangedIds).toHaveLength(12);
    const answers: Record<string, Answer> = Object.fromEntries(
      unchangedIds.map((id, index) => [id, status(index % 2 ? 'partial' : 'yes', 10 + index, `Preuve ${id}`)]),
    );
    answers['care.d1.12'] = status('partial', 40, 'Trois annuaires sur cinq');
    answers['care.res.01'] = { response: { kind: 'choice', value: 'part-time' }, updatedAt: 41 };
    for (const [itemId, answer] of Object.entries(answers)) await repo.saveAnswer(begun.id, itemId, answer);

    const { assessment, move } = await repo.moveToVersion(
      begun.id,
      { fromVersion: '2026.1', questionnaireVersion: '2026.2', contentHash: newer.contentHash, changes },
      1_000,
    );
    expect(move).toMatchObject({ kept: 12, toReview: 2, dropped: 0 });

    const stored = await repo.get(begun.id);
    expect(stored).toEqual(assessment);
    expect(stored).toMatchObject({
      id: begun.id,
      campaignYear: 2026,
      questionnaireVersion: '2026.2',
      contentHash: newer.contentHash,
      basedOn: { assessmentId: begun.id, campaignYear: 2026, questionnaireVersion: '2026.1', movedAt: 1_000 },
    });
    for (const id of unchangedIds) expect(stored?.answers[id], id).toEqual(answers[id]);
    expect(stored?.answers['care.d1.12']).toEqual({ ...answers['care.d1.12'], toReview: true, updatedAt: 1_000 });
    expect(stored?.answers['care.res.01']).toMatchObject({ toReview: true });
    expect(stored?.answers['care.d1.14']).toBeUndefined();
    // Still one assessment for this establishment, questionnaire and year: the move happened in place.
    expect(await repo.listByEstablishment(establishment.id)).toHaveLength(1);

    // A second move from 2026.1 (another tab that had not seen the first) leaves it as it is: an answer given to a
    // new item since the move is not dropped.
    await repo.saveAnswer(begun.id, 'care.d1.14', status('yes', 2_000));
    const again = await repo.moveToVersion(begun.id, {
      fromVersion: '2026.1',
      questionnaireVersion: '2026.2',
      contentHash: newer.contentHash,
      changes,
    });
    expect(again.move).toMatchObject({ toReview: 0, dropped: 0 });
    expect((await repo.get(begun.id))?.answers['care.d1.14']).toEqual(status('yes', 2_000));
    db.close();
  });

  it('refuses to move an assessment that does not exist', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await expect(
      new AssessmentRepository(db).moveToVersion('missing', {
        fromVersion: '2026.1',
        questionnaireVersion: '2026.2',
        contentHash: 'b'.repeat(64),
        changes: new Map(),
      }),
    ).rejects.toSatisfy((e) => e instanceof StorageError && e.code === 'not-found');
    db.close();
  });
});
