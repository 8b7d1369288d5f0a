import { describe, expect, it } from 'vitest';
import {
  answersOf,
  buildItem,
  buildQuestionnaire,
  no,
  notApplicable,
  partial,
  unknown,
  yes,
} from '../../testing/domain/scoring/builders';
import { buildMapping, buildMeasure, linkTo } from '../../testing/domain/frameworks/builders';
import type { Response } from '../assessment/answer';
import {
  frameworkCoverage,
  measureApplicability,
  measuresByItem,
  measuresForStatus,
  type AnsweredAssessment,
} from './framework-coverage';
import { parseFrameworkMapping } from './framework-mapping-schema';

const asOf = '2026-12-01';

const items = [
  buildItem({ id: 'q.a.01' }),
  buildItem({ id: 'q.a.02' }),
  buildItem({ id: 'q.a.03', appliesTo: ['GHT'] }),
  buildItem({ id: 'q.a.04', answerType: 'percent', targets: [{ comparator: 'at-least', value: 100 }] }),
];
const other = buildItem({ id: 'r.b.01' });

function answered(responses: Record<string, Response>, audiences: AnsweredAssessment['audiences'] = ['ES']) {
  const questionnaire = buildQuestionnaire(items);
  return { questionnaire, answers: answersOf(responses), audiences };
}

function otherAnswered(responses: Record<string, Response>): AnsweredAssessment {
  return {
    questionnaire: { ...buildQuestionnaire([other]), id: 'other' },
    answers: answersOf(responses),
    audiences: ['ES'],
  };
}

const mapping = buildMapping([
  buildMeasure({ id: '1.1', links: [linkTo('q.a.01')] }),
  buildMeasure({ id: '1.2', links: [linkTo('q.a.01'), linkTo('q.a.02', 'partial')] }),
  buildMeasure({ id: '1.3', links: [linkTo('q.a.02', 'partial')] }),
  buildMeasure({ id: '2.1', group: '2', links: [linkTo('q.a.02', 'related')] }),
  buildMeasure({ id: '2.2', group: '2', links: [linkTo('q.a.03')] }),
  buildMeasure({ id: '2.3', group: '2', links: [linkTo('q.a.04'), linkTo('r.b.01')] }),
]);

const stateOf = (result: ReturnType<typeof frameworkCoverage>, id: string) =>
  result.measures.find((m) => m.measure.id === id)?.state;

describe('frameworkCoverage', () => {
  it('reads a measure met, partly met or not met from its linked items', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.01': yes, 'q.a.02': no })], { asOf });
    expect(stateOf(result, '1.1')).toBe('met');
    // covers yes (weight 2) and partial no (weight 1): 2/3.
    expect(result.measures[1]?.value).toBeCloseTo(2 / 3);
    expect(stateOf(result, '1.2')).toBe('partly-met');
    expect(stateOf(result, '1.3')).toBe('not-met');
  });

  it('counts a measure with only partial links as partly met at best', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.02': yes })], { asOf });
    expect(stateOf(result, '1.3')).toBe('partly-met');
    expect(result.measures[2]?.value).toBe(1);
  });

  it('lists a measure with only related links as not covered, its links still shown', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.02': yes })], { asOf });
    const related = result.measures.find((m) => m.measure.id === '2.1');
    expect(related?.state).toBe('not-covered');
    expect(related?.links.map((l) => [l.link.item, l.counts, l.outcome])).toEqual([['q.a.02', false, 'scored']]);
  });

  it('leaves out « non applicable » answers, and a measure all of whose items are not applicable', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.01': notApplicable, 'q.a.02': partial })], { asOf });
    expect(stateOf(result, '1.1')).toBe('not-applicable');
    expect(stateOf(result, '1.2')).toBe('partly-met');
    expect(result.measures[1]?.value).toBe(0.5);
    expect(result.overall.counts['not-applicable']).toBe(1);
    expect(result.overall.total).toBe(mapping.measures.length - 1);
  });

  it('reads as not assessed a measure whose items are unanswered, not asked of the establishment or in no assessment', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.03': yes })], { asOf });
    expect(stateOf(result, '1.1')).toBe('not-assessed');
    // q.a.03 is meant for a GHT only: an ES is not asked it, whatever its file holds.
    expect(stateOf(result, '2.2')).toBe('not-assessed');
    expect(result.measures[4]?.links[0]?.outcome).toBe('not-asked');
    expect(stateOf(frameworkCoverage(mapping, [], { asOf }), '1.1')).toBe('not-assessed');
  });

  it('counts « je ne sais pas » as 0, as the scoring does', () => {
    expect(stateOf(frameworkCoverage(mapping, [answered({ 'q.a.01': unknown })], { asOf }), '1.1')).toBe('not-met');
  });

  it('reads each item in the assessment of its questionnaire, measured items against their target', () => {
    const result = frameworkCoverage(
      mapping,
      [answered({ 'q.a.04': { kind: 'number', value: 50 } }), otherAnswered({ 'r.b.01': yes })],
      { asOf },
    );
    const measure = result.measures.find((m) => m.measure.id === '2.3');
    expect(measure?.value).toBeCloseTo(0.75);
    expect(measure?.state).toBe('partly-met');
    expect(measure?.links.map((l) => l.questionnaire?.id)).toEqual(['test', 'other']);
    expect(result.questionnaires).toEqual([
      { id: 'other', version: '2026.1' },
      { id: 'test', version: '2026.1' },
    ]);
  });

  it('adds up states per group (with the groups below it) and overall', () => {
    const result = frameworkCoverage(mapping, [answered({ 'q.a.01': yes, 'q.a.02': yes })], { asOf });
    expect(result.groups.map((g) => [g.group.id, g.totals.counts])).toEqual([
      ['1', { met: 2, 'partly-met': 1, 'not-met': 0, 'not-assessed': 0, 'not-covered': 0, 'not-applicable': 0 }],
      ['2', { met: 0, 'partly-met': 0, 'not-met': 0, 'not-assessed': 2, 'not-covered': 1, 'not-applicable': 0 }],
    ]);
    expect(result.overall.total).toBe(6);
    expect(result.framework).toBe('test');
    expect(result.version).toBe('1.0');
  });

  it('counts the measures of sub-groups in their parent group', () => {
    const nested = buildMapping([buildMeasure({ id: '2.A.1', group: '2.A', links: [linkTo('q.a.01')] })], {
      groups: [
        { id: '2', title: { fr: 'Objectif 2', en: 'Objective 2' } },
        { id: '2.A', title: { fr: 'Rôles', en: 'Roles' }, parent: '2' },
      ],
    });
    const result = frameworkCoverage(nested, [answered({ 'q.a.01': yes })], { asOf });
    expect(result.groups.map((g) => [g.group.id, g.totals.counts.met])).toEqual([
      ['2', 1],
      ['2.A', 1],
    ]);
  });

  it('finds the measures of an item, and the items of a measure', () => {
    const byItem = measuresByItem(mapping);
    expect(byItem.get('q.a.02')?.map((m) => [m.measure.id, m.link.strength])).toEqual([
      ['1.2', 'partial'],
      ['1.3', 'partial'],
      ['2.1', 'related'],
    ]);
    expect(frameworkCoverage(mapping, [], { asOf }).measuresByItem.get('q.a.01')?.length).toBe(2);
  });
});

describe('measuresForStatus', () => {
  const tagged = buildMapping([
    buildMeasure({ id: '1', entities: ['EI', 'EE'] }),
    buildMeasure({ id: '2', entities: ['EE'] }),
    buildMeasure({ id: '3', entities: ['EI'] }),
  ]);
  const ids = (status: Parameters<typeof measuresForStatus>[1]) => measuresForStatus(tagged, status).map((m) => m.id);

  it('keeps EE measures for an essential entity and EI ones for an important entity', () => {
    expect(ids('essential')).toEqual(['1', '2']);
    expect(ids('important')).toEqual(['1', '3']);
  });

  it('shows every measure, to confirm, while the status is unknown, and none as required when not concerned', () => {
    expect(ids('unknown')).toEqual(['1', '2', '3']);
    expect(tagged.measures.map((m) => measureApplicability(m, 'unknown'))).toEqual([
      'to-confirm',
      'to-confirm',
      'to-confirm',
    ]);
    expect(ids('not-concerned')).toEqual([]);
    expect(measureApplicability(tagged.measures[0]!, 'not-concerned')).toBe('reference');
  });

  it('applies every measure of a framework without EE/EI tags, whatever the status', () => {
    const untagged = buildMapping([buildMeasure({ id: '1' }), buildMeasure({ id: '2', levels: ['reinforced'] })]);
    for (const status of ['essential', 'important', 'not-concerned', 'unknown'] as const)
      expect(measuresForStatus(untagged, status)).toHaveLength(2);
  });

  it('keeps measures outside the status out of the totals but in the whole framework', () => {
    const result = frameworkCoverage(tagged, [], { asOf, status: 'important' });
    expect(result.overall.total).toBe(2);
    expect(result.whole.total).toBe(3);
    expect(result.measures.map((m) => m.applicability)).toEqual(['applies', 'reference', 'applies']);
  });
});

describe('parseFrameworkMapping', () => {
  it('accepts a well-formed mapping', () => {
    expect(parseFrameworkMapping(mapping, 'test/1.0.json').ok).toBe(true);
  });

  it('refuses duplicate ids, unknown groups, an item linked twice and a measure neither linked nor « not covered »', () => {
    const broken = {
      ...mapping,
      measures: [
        { ...mapping.measures[0]!, links: [linkTo('q.a.01'), linkTo('q.a.01', 'partial')] },
        { ...mapping.measures[0]!, group: 'nowhere' },
        { id: '3.1', group: '1', title: { fr: 'Sans lien', en: 'Unlinked' }, links: [] },
        { ...mapping.measures[1]!, notCovered: { fr: 'Non couvert', en: 'Not covered' } },
      ],
    };
    const result = parseFrameworkMapping(broken, 'test/1.0.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'measures.0.links.1.item: q.a.01 linked twice',
      'measures.1.id: duplicate id',
      'measures.1.group: unknown group nowhere',
      'measures.2.notCovered: a measure without a covers or partial link says why the questionnaires do not cover it',
      'measures.3.notCovered: a linked measure is not « not covered »',
    ]);
  });
});
