import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response } from '../assessment/answer';
import type { Assessment } from '../assessment/assessment';
import type { QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import { answerOf, buildItem, buildQuestionnaire } from '../../testing/domain/scoring/builders';
import { scoreAssessment, type AssessmentScore } from './score-assessment';

/**
 * Properties of the scoring method over random questionnaires and answers (fast-check): scores stay within
 * 0–100 %, answering "yes" (or the best answer of a measured or choice item) never lowers a score, "not applicable"
 * is exactly the same as the item not being there, and "don't know" counts as 0 but is counted apart.
 */
const asOf = '2026-11-23';
const EPSILON = 1e-9;

const itemArbitrary = (index: number): fc.Arbitrary<QuestionnaireItem> =>
  fc
    .record({
      domain: fc.constantFrom('a', 'b', 'c'),
      weight: fc.constantFrom('critical' as const, 'high' as const, 'medium' as const),
      kind: fc.constantFrom('status', 'percent', 'at-most', 'date', 'choice', 'staged'),
      appliesTo: fc.subarray(['ES' as const, 'GHT' as const, 'ESMS' as const], { minLength: 1 }),
      target: fc.integer({ min: 0, max: 100 }),
      scores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
    })
    .map(({ domain, weight, kind, appliesTo, target, scores }) => {
      const id = `test.p.${String(index).padStart(3, '0')}`;
      const base = { id, domain, weight, appliesTo };
      switch (kind) {
        case 'percent':
          return buildItem({ ...base, answerType: 'percent', targets: [{ comparator: 'at-least', value: target }] });
        case 'at-most':
          return buildItem({ ...base, answerType: 'number', targets: [{ comparator: 'at-most', value: target }] });
        case 'date':
          return buildItem({ ...base, answerType: 'date', targets: [{ comparator: 'within-days', value: target }] });
        case 'staged':
          return buildItem({
            ...base,
            answerType: 'percent',
            targets: [
              { comparator: 'at-least', value: Math.min(target, 75), due: '2027-12-31' },
              { comparator: 'at-least', value: Math.max(target, 90), due: '2028-12-31' },
            ],
          });
        case 'choice':
          // Like the shipped questionnaires, the first option meets the item fully.
          return buildItem({
            ...base,
            answerType: 'choice',
            choices: [1, ...scores].map((score, i) => ({
              id: `o${i}`,
              label: { fr: `Option ${i}`, en: `Option ${i}` },
              score,
            })),
          });
        default:
          return buildItem({ ...base, answerType: 'status' });
      }
    });

/** A response of any kind that fits the item, or none. */
function responseArbitrary(item: QuestionnaireItem): fc.Arbitrary<Response | undefined> {
  const common: fc.Arbitrary<Response | undefined>[] = [
    fc.constant(undefined),
    fc.constant({ kind: 'unknown' as const }),
    fc.constant({ kind: 'not-applicable' as const, justification: 'Sans objet' }),
  ];
  switch (item.answerType) {
    case 'status':
      return fc.oneof(
        ...common,
        fc.constantFrom('yes', 'partial', 'no').map((v) => ({ kind: 'status' as const, value: v })),
      );
    case 'percent':
      return fc.oneof(
        ...common,
        fc.integer({ min: 0, max: 100 }).map((v) => ({ kind: 'number' as const, value: v })),
      );
    case 'number':
      return fc.oneof(
        ...common,
        fc.integer({ min: 0, max: 500 }).map((v) => ({ kind: 'number' as const, value: v })),
      );
    case 'date':
      return fc.oneof(
        ...common,
        fc.integer({ min: -30, max: 400 }).map((days) => ({
          kind: 'date' as const,
          value: new Date(Date.UTC(2026, 10, 23 - days)).toISOString().slice(0, 10),
        })),
      );
    case 'choice':
      return fc.oneof(
        ...common,
        fc.constantFrom(...(item.choices ?? []).map((c) => c.id)).map((v) => ({ kind: 'choice' as const, value: v })),
      );
  }
}

/** The answer that fully meets an item: "yes", the best option, a value at the target, a check done today. */
function bestResponse(item: QuestionnaireItem, at: string): Response {
  switch (item.answerType) {
    case 'status':
      return { kind: 'status', value: 'yes' };
    case 'choice':
      return { kind: 'choice', value: item.choices?.[0]?.id ?? '' };
    case 'date':
      return { kind: 'date', value: at };
    default: {
      const targets = item.targets ?? [];
      const atMost = targets.some((t) => t.comparator !== 'at-least');
      return { kind: 'number', value: atMost ? 0 : Math.max(...targets.map((t) => t.value)) };
    }
  }
}

const caseArbitrary = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArbitrary(i))))
  .chain((items) =>
    fc.record({
      items: fc.constant(items),
      responses: fc.tuple(...items.map(responseArbitrary)),
      audiences: fc.subarray(['ES' as const, 'GHT' as const, 'ESMS' as const], { minLength: 1 }),
      pick: fc.nat({ max: items.length - 1 }),
      asOf: fc.constantFrom(asOf, '2028-06-01', '2030-01-01'),
    }),
  );

function answersFrom(items: QuestionnaireItem[], responses: (Response | undefined)[]): Assessment['answers'] {
  const answers: Assessment['answers'] = {};
  items.forEach((item, i) => {
    const response = responses[i];
    if (response) answers[item.id] = answerOf(response);
  });
  return answers;
}

function allScores(result: AssessmentScore): (number | undefined)[] {
  return [result.overall.score, ...result.domains.map((d) => d.score)];
}

const domainScore = (result: AssessmentScore, id: string) => result.domains.find((d) => d.domainId === id)?.score;

describe('scoring properties', () => {
  it('keeps every score within 0–100 % and every completeness within 0–1', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ items, responses, audiences, asOf: at }) => {
        const result = scoreAssessment(buildQuestionnaire(items), answersFrom(items, responses), audiences, at);
        for (const score of allScores(result)) {
          if (score !== undefined) expect(score >= 0 && score <= 100).toBe(true);
        }
        for (const item of result.items) {
          if (item.value !== undefined) expect(item.value >= 0 && item.value <= 1).toBe(true);
        }
        for (const c of [result.overall.completeness, ...result.domains.map((d) => d.completeness)]) {
          if (c !== undefined) expect(c >= 0 && c <= 1).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never lowers the item, domain or overall score when an answer becomes "yes" (or the best answer)', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ items, responses, audiences, pick, asOf: at }) => {
        const questionnaire = buildQuestionnaire(items);
        const picked = items[pick]!;
        const before = scoreAssessment(questionnaire, answersFrom(items, responses), audiences, at);
        const improved = responses.map((r, i) => (i === pick ? bestResponse(picked, at) : r));
        const after = scoreAssessment(questionnaire, answersFrom(items, improved), audiences, at);
        const itemBefore = before.items.find((s) => s.itemId === picked.id);
        const itemAfter = after.items.find((s) => s.itemId === picked.id);
        if (itemBefore?.value !== undefined) expect(itemAfter?.value).toBe(1);
        for (const [b, a] of [
          [before.overall.score, after.overall.score],
          [domainScore(before, picked.domain), domainScore(after, picked.domain)],
        ]) {
          if (b !== undefined) expect(a! >= b - EPSILON).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('scores "not applicable" exactly as if the item were not in the questionnaire', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ items, responses, audiences, pick, asOf: at }) => {
        const marked = responses.map((r, i) =>
          i === pick ? ({ kind: 'not-applicable', justification: 'Sans objet' } as const) : r,
        );
        const withNa = scoreAssessment(buildQuestionnaire(items), answersFrom(items, marked), audiences, at);
        const others = items.filter((_, i) => i !== pick);
        const domains = [...new Set(items.map((i) => i.domain))];
        const without = scoreAssessment(
          buildQuestionnaire(others, domains),
          answersFrom(
            others,
            responses.filter((_, i) => i !== pick),
          ),
          audiences,
          at,
        );
        const close = (a: number | undefined, b: number | undefined) =>
          a === undefined ? b === undefined : b !== undefined && Math.abs(a - b) < EPSILON;
        expect(close(withNa.overall.score, without.overall.score)).toBe(true);
        for (const domain of domains) {
          expect(close(domainScore(withNa, domain), domainScore(without, domain))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('counts "don\'t know" as 0 in the score and apart in the counts', () => {
    const statusCase = caseArbitrary.filter(({ items, pick }) => items[pick]!.answerType === 'status');
    fc.assert(
      fc.property(statusCase, ({ items, responses, audiences, pick, asOf: at }) => {
        const questionnaire = buildQuestionnaire(items);
        const set = (r: Response) =>
          answersFrom(
            items,
            responses.map((x, i) => (i === pick ? r : x)),
          );
        const asNo = scoreAssessment(questionnaire, set({ kind: 'status', value: 'no' }), audiences, at);
        const asUnknown = scoreAssessment(questionnaire, set({ kind: 'unknown' }), audiences, at);
        expect(asUnknown.overall.score).toBe(asNo.overall.score);
        expect(asUnknown.overall.answered).toBe(asNo.overall.answered);
        const applies = items[pick]!.appliesTo.some((a) => audiences.includes(a));
        expect(asUnknown.overall.unknown).toBe(asNo.overall.unknown + (applies ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same answers, whatever their order', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ items, responses, audiences, asOf: at }) => {
        const questionnaire = buildQuestionnaire(items);
        const answers = answersFrom(items, responses);
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(scoreAssessment(questionnaire, reversed, audiences, at)).toEqual(
          scoreAssessment(questionnaire, answers, audiences, at),
        );
      }),
      { numRuns: 100 },
    );
  });
});
