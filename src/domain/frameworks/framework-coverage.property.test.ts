import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response } from '../assessment/answer';
import type { Assessment } from '../assessment/assessment';
import type { Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import { answerOf, buildItem, buildQuestionnaire } from '../../testing/domain/scoring/builders';
import { buildMapping, buildMeasure, linkTo } from '../../testing/domain/frameworks/builders';
import { frameworkCoverage, type AnsweredAssessment, type MeasureState } from './framework-coverage';
import type { FrameworkMapping } from './framework-types';

/**
 * Properties of the coverage rule (framework-coverage.ts, docs/frameworks.md) over random questionnaires, answers
 * and mappings: the best answer on a linked item never lowers any measure's state, « non applicable » weighs
 * exactly as an item no measure links, and neither the order of the assessments nor that of the answers matters.
 */
const asOf = '2026-12-01';

/** States that say how far a measure is met, in order; the others (not assessed, not covered…) are not ranked. */
const rank: Partial<Record<MeasureState, number>> = { 'not-met': 0, 'partly-met': 1, met: 2 };

const itemArbitrary = (questionnaire: string, index: number): fc.Arbitrary<QuestionnaireItem> =>
  fc
    .record({
      kind: fc.constantFrom('status', 'percent', 'date', 'choice'),
      appliesTo: fc.subarray(['ES' as const, 'GHT' as const, 'ESMS' as const], { minLength: 1 }),
      target: fc.integer({ min: 1, max: 100 }),
    })
    .map(({ kind, appliesTo, target }) => {
      const base = { id: `${questionnaire}.p.${String(index).padStart(2, '0')}`, appliesTo };
      switch (kind) {
        case 'percent':
          return buildItem({ ...base, answerType: 'percent', targets: [{ comparator: 'at-least', value: target }] });
        case 'date':
          return buildItem({ ...base, answerType: 'date', targets: [{ comparator: 'within-days', value: target }] });
        case 'choice':
          return buildItem({
            ...base,
            answerType: 'choice',
            choices: [1, 0.5, 0].map((score, i) => ({ id: `o${i}`, label: { fr: `O${i}`, en: `O${i}` }, score })),
          });
        default:
          return buildItem({ ...base, answerType: 'status' });
      }
    });

function responseArbitrary(item: QuestionnaireItem): fc.Arbitrary<Response | undefined> {
  const common: fc.Arbitrary<Response | undefined>[] = [
    fc.constant(undefined),
    fc.constant({ kind: 'unknown' as const }),
    fc.constant({ kind: 'not-applicable' as const, justification: 'Sans objet' }),
  ];
  switch (item.answerType) {
    case 'percent':
      return fc.oneof(
        ...common,
        fc.integer({ min: 0, max: 100 }).map((v) => ({ kind: 'number' as const, value: v })),
      );
    case 'date':
      return fc.oneof(
        ...common,
        fc.integer({ min: 0, max: 200 }).map((days) => ({
          kind: 'date' as const,
          value: new Date(Date.UTC(2026, 11, 1 - days)).toISOString().slice(0, 10),
        })),
      );
    case 'choice':
      return fc.oneof(
        ...common,
        fc.constantFrom('o0', 'o1', 'o2').map((v) => ({ kind: 'choice' as const, value: v })),
      );
    default:
      return fc.oneof(
        ...common,
        fc.constantFrom('yes', 'partial', 'no').map((v) => ({ kind: 'status' as const, value: v })),
      );
  }
}

/** The answer that fully meets an item: « oui », the best option, the target, a check done today. */
function bestResponse(item: QuestionnaireItem): Response {
  switch (item.answerType) {
    case 'choice':
      return { kind: 'choice', value: 'o0' };
    case 'date':
      return { kind: 'date', value: asOf };
    case 'percent':
      return { kind: 'number', value: 100 };
    default:
      return { kind: 'status', value: 'yes' };
  }
}

interface Case {
  questionnaires: Questionnaire[];
  responses: (Response | undefined)[][];
  audiences: AnsweredAssessment['audiences'];
  mapping: FrameworkMapping;
}

const questionnaireArbitrary = (id: string) =>
  fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArbitrary(id, i))))
    .map((items) => ({ ...buildQuestionnaire(items), id }));

const caseArbitrary: fc.Arbitrary<Case> = fc
  .tuple(questionnaireArbitrary('qa'), questionnaireArbitrary('qb'))
  .chain((questionnaires) => {
    const itemIds = questionnaires.flatMap((q) => q.items.map((i) => i.id));
    const measure = (index: number) =>
      fc
        .uniqueArray(
          fc.record({
            item: fc.constantFrom(...itemIds, 'qz.p.99'), // qz: a questionnaire no assessment holds
            strength: fc.constantFrom('covers' as const, 'partial' as const, 'related' as const),
          }),
          { selector: (l) => l.item, maxLength: 4 },
        )
        .map((links) =>
          buildMeasure({
            id: String(index + 1),
            group: index % 2 === 0 ? 'a' : 'b',
            links: links.map((l) => linkTo(l.item, l.strength)),
          }),
        );
    return fc.record({
      questionnaires: fc.constant(questionnaires),
      responses: fc.tuple(...questionnaires.map((q) => fc.tuple(...q.items.map(responseArbitrary)))),
      audiences: fc.subarray(['ES' as const, 'GHT' as const, 'ESMS' as const], { minLength: 1 }),
      mapping: fc
        .integer({ min: 1, max: 8 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => measure(i))))
        .map((measures) => buildMapping(measures)),
    });
  });

function answersFrom(q: Questionnaire, responses: (Response | undefined)[]): Assessment['answers'] {
  const answers: Assessment['answers'] = {};
  q.items.forEach((item, i) => {
    const response = responses[i];
    if (response) answers[item.id] = answerOf(response);
  });
  return answers;
}

function assessmentsOf(c: Case, responses = c.responses): AnsweredAssessment[] {
  return c.questionnaires.map((questionnaire, i) => ({
    questionnaire,
    answers: answersFrom(questionnaire, responses[i] ?? []),
    audiences: c.audiences,
  }));
}

const summary = (result: ReturnType<typeof frameworkCoverage>) => ({
  measures: result.measures.map((m) => [m.measure.id, m.state, m.value]),
  groups: result.groups.map((g) => [g.group.id, g.totals]),
  overall: result.overall,
});

describe('framework coverage properties', () => {
  it('never lowers a measure when a linked item gets its best answer', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), (c, pickSeed) => {
        const all = c.questionnaires.flatMap((q, qi) => q.items.map((item, ii) => ({ item, qi, ii })));
        const picked = all[pickSeed % all.length]!;
        const improved = c.responses.map((list, qi) =>
          list.map((r, ii) => (qi === picked.qi && ii === picked.ii ? bestResponse(picked.item) : r)),
        );
        const before = frameworkCoverage(c.mapping, assessmentsOf(c), { asOf });
        const after = frameworkCoverage(c.mapping, assessmentsOf(c, improved), { asOf });
        before.measures.forEach((b, i) => {
          const a = after.measures[i]!;
          const rb = rank[b.state];
          if (rb !== undefined) {
            // Once a measure has a value, a better answer keeps one, and never a lower one.
            expect(rank[a.state]).toBeDefined();
            expect(rank[a.state]!).toBeGreaterThanOrEqual(rb);
            expect(a.value!).toBeGreaterThanOrEqual(b.value! - 1e-9);
          }
          if (b.state === 'not-covered') expect(a.state).toBe('not-covered');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('weighs a « non applicable » item exactly as an item linked to no measure', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), (c, pickSeed) => {
        const all = c.questionnaires.flatMap((q, qi) => q.items.map((item, ii) => ({ item, qi, ii })));
        const picked = all[pickSeed % all.length]!;
        const marked = c.responses.map((list, qi) =>
          list.map((r, ii) =>
            qi === picked.qi && ii === picked.ii
              ? ({ kind: 'not-applicable', justification: 'Sans objet' } as const)
              : r,
          ),
        );
        const withNa = frameworkCoverage(c.mapping, assessmentsOf(c, marked), { asOf });
        // The same mapping without the picked item's links (a measure left with no counting link is then
        // « not applicable » if the item was its last counting one, which is what the rule says).
        const unlinked = buildMapping(
          c.mapping.measures.map((m) => {
            const links = m.links.filter((l) => l.item !== picked.item.id);
            const hadCounting = m.links.some((l) => l.strength !== 'related');
            const keepsCounting = links.some((l) => l.strength !== 'related');
            return hadCounting && !keepsCounting ? m : buildMeasure({ ...m, links });
          }),
        );
        const without = frameworkCoverage(unlinked, assessmentsOf(c, marked), { asOf });
        withNa.measures.forEach((m, i) => {
          const other = without.measures[i]!;
          if (m.state === 'not-applicable') return;
          expect([m.state, m.value]).toEqual([other.state, other.value]);
        });
        expect(withNa.overall.total).toBe(
          withNa.measures.filter((m) => m.applicability !== 'reference' && m.state !== 'not-applicable').length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the assessments or of the answers', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const forward = frameworkCoverage(c.mapping, assessmentsOf(c), { asOf });
        const reversed = frameworkCoverage(
          c.mapping,
          assessmentsOf(c)
            .reverse()
            .map((a) => ({ ...a, answers: Object.fromEntries(Object.entries(a.answers).reverse()) })),
          { asOf },
        );
        expect(summary(reversed)).toEqual(summary(forward));
        expect(reversed.questionnaires).toEqual(forward.questionnaires);
      }),
      { numRuns: 200 },
    );
  });

  it('counts every measure once in the totals, not-applicable ones apart', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const result = frameworkCoverage(c.mapping, assessmentsOf(c), { asOf });
        const sum = Object.values(result.whole.counts).reduce((a, b) => a + b, 0);
        expect(sum).toBe(c.mapping.measures.length);
        expect(result.whole.total).toBe(sum - result.whole.counts['not-applicable']);
      }),
      { numRuns: 200 },
    );
  });
});
