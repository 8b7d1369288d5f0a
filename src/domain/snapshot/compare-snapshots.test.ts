import { describe, expect, it } from 'vitest';
import { compareSnapshots, type ComparedState } from './compare-snapshots';

const scores = (overall: number | undefined, domains: Record<string, number | undefined>) => ({
  asOf: '2026-12-02',
  overall: {
    score: overall,
    earnedPoints: 0,
    possiblePoints: 0,
    applicable: 0,
    answered: 0,
    notApplicable: 0,
    unknown: 0,
    met: 0,
  },
  domains: Object.entries(domains).map(([domainId, score]) => ({
    domainId,
    score,
    earnedPoints: 0,
    possiblePoints: 0,
    applicable: 0,
    answered: 0,
    notApplicable: 0,
    unknown: 0,
    met: 0,
  })),
  itemValues: {},
});

const questionnaire = {
  domains: [{ id: 'gov' }, { id: 'res' }],
  items: [{ id: 'q.gov.01' }, { id: 'q.gov.02' }, { id: 'q.res.01' }],
} as unknown as Parameters<typeof compareSnapshots>[2];

describe('compareSnapshots', () => {
  it('lists the items whose response changed, in questionnaire order, and the scores on both sides', () => {
    const before: ComparedState = {
      answers: {
        'q.res.01': { response: { kind: 'status', value: 'no' }, updatedAt: 1 },
        'q.gov.02': { response: { kind: 'number', value: 3 }, updatedAt: 1 },
        'q.gov.01': { response: { kind: 'status', value: 'yes' }, comment: 'avant', updatedAt: 1 },
      },
      scores: scores(40, { gov: 50, res: 20 }),
    };
    const after: ComparedState = {
      answers: {
        'q.res.01': { response: { kind: 'status', value: 'yes' }, updatedAt: 2 },
        // A comment or a date changed alone is not a changed answer.
        'q.gov.01': { response: { kind: 'status', value: 'yes' }, comment: 'après', updatedAt: 2 },
        'q.old.09': { response: { kind: 'unknown' }, updatedAt: 2 },
      },
      scores: scores(70, { gov: 60, res: 90, new: 10 }),
    };
    const comparison = compareSnapshots(before, after, questionnaire);
    expect(comparison.changedAnswers.map((c) => c.itemId)).toEqual(['q.gov.02', 'q.res.01', 'q.old.09']);
    expect(comparison.changedAnswers[0]?.after).toBeUndefined();
    expect(comparison.domains).toEqual([
      { domainId: 'gov', before: 50, after: 60, delta: 10 },
      { domainId: 'res', before: 20, after: 90, delta: 70 },
      { domainId: 'new', before: undefined, after: 10, delta: undefined },
    ]);
    expect(comparison.overall).toEqual({ before: 40, after: 70, delta: 30 });
  });

  it('finds nothing changed between a state and itself', () => {
    const state: ComparedState = {
      answers: { 'q.gov.01': { response: { kind: 'choice', value: 'a' }, updatedAt: 1 } },
      scores: scores(10, { gov: 10 }),
    };
    expect(compareSnapshots(state, state, questionnaire).changedAnswers).toEqual([]);
  });
});
