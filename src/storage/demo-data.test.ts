import { describe, expect, it } from 'vitest';
import { responseFitsItem } from '../domain/assessment/answer';
import { applicableItems } from '../domain/assessment/assessment';
import { audiencesOf } from '../domain/establishment/establishment';
import { checkFiness } from '../domain/establishment/finess';
import { openCareDatabase } from './care-database';
import { loadDemoData } from './demo-data';
import { loadQuestionnaire } from './questionnaire-catalog';

describe('demo data', () => {
  it('loads five establishments of the five expected kinds, with partial answers, in one go', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const counts = await loadDemoData(db);
    expect(counts.establishments).toBe(5);
    const establishments = await db.establishments.toArray();
    expect(establishments.map((e) => e.category).sort()).toEqual(['ch', 'chu', 'clinic', 'ehpad', 'ime']);
    expect(establishments.find((e) => e.category === 'chu')).toMatchObject({ isGhtSupport: true });
    for (const e of establishments) expect(checkFiness(e.finessEj).status).toBe('valid');
    expect(await db.budgets.count()).toBeGreaterThan(0);
    expect(await db.applications.count()).toBeGreaterThan(0);
    expect(await db.actions.count()).toBeGreaterThan(0);
    db.close();
  });

  it('gives answers that fit their items and apply to the establishment, and leaves some unanswered', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await loadDemoData(db);
    for (const assessment of await db.assessments.toArray()) {
      const establishment = await db.establishments.get(assessment.establishmentId);
      const { questionnaire, contentHash } = await loadQuestionnaire(
        assessment.questionnaireId,
        assessment.questionnaireVersion,
      );
      expect(assessment.contentHash).toBe(contentHash);
      const applicable = new Map(applicableItems(questionnaire, audiencesOf(establishment!)).map((i) => [i.id, i]));
      for (const [itemId, answer] of Object.entries(assessment.answers)) {
        const item = applicable.get(itemId);
        expect(item, `${assessment.id}: ${itemId} applies`).toBeDefined();
        if (answer.response && item) expect(responseFitsItem(answer.response, item), itemId).toBe(true);
      }
    }
    const current = await db.assessments.get('demo-ch-care-2026');
    expect(Object.keys(current!.answers).length).toBeGreaterThan(10);
    expect(Object.keys(current!.answers).length).toBeLessThan(70);
    db.close();
  });

  it('can be loaded twice without duplicating anything, and keeps the user’s own establishments', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    await db.establishments.add({
      id: 'mine',
      name: 'Mon hôpital',
      finessEj: '010780914',
      category: 'ch',
      sector: 'health',
      isGhtSupport: false,
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    });
    await loadDemoData(db);
    await loadDemoData(db);
    expect(await db.establishments.count()).toBe(6);
    expect(await db.assessments.count()).toBe(7);
    db.close();
  });
});
