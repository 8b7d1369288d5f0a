import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response } from '../assessment/answer';
import type { QuestionnaireItem } from '../questionnaire/questionnaire-schema';
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
import { scoreAssessment } from '../scoring/score-assessment';
import { compareGaps, dueDateOf, filterGaps, gapStateOf, listGaps, urgencyOf, type Gap } from './list-gaps';

const asOf = '2026-11-23';
const official = (reference: string) =>
  ({ kind: 'official', reference, source: 'Arrêté', confidence: 'official' }) as const;

function gapsOf(items: QuestionnaireItem[], responses: Record<string, Response>): Gap[] {
  const questionnaire = buildQuestionnaire(items);
  const answers = answersOf(responses);
  return listGaps(questionnaire, answers, scoreAssessment(questionnaire, answers, ['ES'], asOf));
}

describe('listGaps', () => {
  it('lists every item not fully met, "don\'t know" included, and nothing met, unanswered or not applicable', () => {
    const items = ['01', '02', '03', '04', '05', '06'].map((n) => buildItem({ id: `test.g.${n}` }));
    const gaps = gapsOf(items, {
      'test.g.01': yes,
      'test.g.02': partial,
      'test.g.03': no,
      'test.g.04': unknown,
      'test.g.05': notApplicable,
    });
    expect(gaps.map((g) => g.item.id)).toEqual(['test.g.02', 'test.g.03', 'test.g.04']);
    expect(gaps.map(gapStateOf)).toEqual(['partial', 'no', 'unknown']);
  });

  it('ranks critical before high before medium, whatever the deadline', () => {
    const gaps = gapsOf(
      [
        buildItem({ id: 'test.a.01', weight: 'medium', deadline: { date: '2020-01-01', label: { fr: 'x', en: 'x' } } }),
        buildItem({ id: 'test.a.02', weight: 'high' }),
        buildItem({ id: 'test.a.03', weight: 'critical' }),
      ],
      { 'test.a.01': no, 'test.a.02': no, 'test.a.03': partial },
    );
    expect(gaps.map((g) => g.item.id)).toEqual(['test.a.03', 'test.a.02', 'test.a.01']);
  });

  it('within a weight, puts overdue first, then due within 90 days, then later, then undated', () => {
    const dated = (id: string, date: string) =>
      buildItem({ id, weight: 'high', deadline: { date, label: { fr: 'x', en: 'x' } } });
    const gaps = gapsOf(
      [
        buildItem({ id: 'test.b.01', weight: 'high' }),
        dated('test.b.02', '2027-06-30'), // 219 days: later
        dated('test.b.03', '2027-02-21'), // 90 days: near
        dated('test.b.04', '2026-11-22'), // yesterday: overdue
        dated('test.b.05', '2027-02-22'), // 91 days: later
      ],
      { 'test.b.01': no, 'test.b.02': no, 'test.b.03': no, 'test.b.04': no, 'test.b.05': no },
    );
    expect(gaps.map((g) => [g.item.id, g.urgency, g.daysLeft])).toEqual([
      ['test.b.04', 'overdue', -1],
      ['test.b.03', 'near', 90],
      ['test.b.02', 'later', 219],
      ['test.b.05', 'later', 91],
      ['test.b.01', 'none', undefined],
    ]);
  });

  it('puts official objectives before inferred good practice, then orders by item id', () => {
    const gaps = gapsOf(
      [
        buildItem({ id: 'test.c.10' }),
        buildItem({ id: 'test.c.02' }),
        buildItem({ id: 'test.c.09', basis: official('D2.O4') }),
        buildItem({ id: 'test.c.03', basis: official('D2.O1.A') }),
      ],
      { 'test.c.10': no, 'test.c.02': no, 'test.c.09': no, 'test.c.03': unknown },
    );
    expect(gaps.map((g) => g.item.id)).toEqual(['test.c.03', 'test.c.09', 'test.c.02', 'test.c.10']);
  });

  it('reads the due date from the target in force, else the deadline, else the end of the year if annual', () => {
    const staged = buildItem({
      id: 'test.d.01',
      answerType: 'percent',
      targets: [
        { comparator: 'at-least', value: 75, due: '2027-12-31' },
        { comparator: 'at-least', value: 90, due: '2028-12-31' },
      ],
      deadline: { date: '2027-12-31', label: { fr: 'x', en: 'x' } },
    });
    expect(dueDateOf(staged, asOf)).toEqual({ due: '2027-12-31', source: 'target', kind: 'due-date' });
    expect(dueDateOf(staged, '2028-03-01')).toEqual({ due: '2028-12-31', source: 'target', kind: 'due-date' });
    const annual = buildItem({ id: 'test.d.02', deadline: { recurrence: 'annual', label: { fr: 'x', en: 'x' } } });
    expect(dueDateOf(annual, asOf)).toEqual({ due: '2026-12-31', source: 'annual', kind: 'yearly' });
    const continuous = buildItem({
      id: 'test.d.03',
      deadline: { recurrence: 'continuous', label: { fr: 'x', en: 'x' } },
    });
    expect(dueDateOf(continuous, asOf)).toBeUndefined();
    expect(urgencyOf(0)).toBe('near');
  });

  it('reads each deadline with its kind: a window open is to declare, yearly is due again, continuous never late', () => {
    const label = { fr: 'x', en: 'x' };
    const gaps = gapsOf(
      [
        // The CaRE domain 2 date of the frozen 2026.1 files: the opening of the declaration window.
        buildItem({ id: 'test.k.01', weight: 'high', deadline: { date: '2026-01-16', label } }),
        buildItem({ id: 'test.k.02', weight: 'high', deadline: { date: '2026-01-16', kind: 'due-date', label } }),
        buildItem({ id: 'test.k.03', weight: 'high', deadline: { date: '2023-05-31', kind: 'yearly', label } }),
        buildItem({ id: 'test.k.04', weight: 'high', deadline: { kind: 'continuous', label } }),
        buildItem({ id: 'test.k.05', weight: 'high', deadline: { date: '2028-12-31', label } }),
        buildItem({ id: 'test.k.06', weight: 'high' }),
      ],
      { 'test.k.01': no, 'test.k.02': no, 'test.k.03': no, 'test.k.04': no, 'test.k.05': no, 'test.k.06': no },
    );
    expect(gaps.map((g) => [g.item.id, g.urgency, g.deadlineKind, g.due])).toEqual([
      ['test.k.02', 'overdue', 'due-date', '2026-01-16'],
      // Unmet 311 days after the window opened: « à déclarer », not « en retard de 311 jours ».
      ['test.k.01', 'to-declare', 'window-opening', '2026-01-16'],
      ['test.k.04', 'ongoing', 'continuous', undefined],
      // Yearly, first due 31 May 2023: due again on 31 May 2027, never overdue.
      ['test.k.03', 'later', 'yearly', '2027-05-31'],
      ['test.k.05', 'later', 'due-date', '2028-12-31'],
      ['test.k.06', 'none', undefined, undefined],
    ]);
    expect(urgencyOf(-320, 'window-opening')).toBe('to-declare');
    expect(urgencyOf(30, 'window-opening')).toBe('near');
    expect(urgencyOf(undefined, 'continuous')).toBe('ongoing');
  });

  it('ranks in a total order: the same list whatever order the items come in', () => {
    const itemArb = fc.record({
      n: fc.integer({ min: 0, max: 99 }),
      weight: fc.constantFrom('critical' as const, 'high' as const, 'medium' as const),
      date: fc.option(fc.integer({ min: -400, max: 400 })),
      official: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(itemArb, { selector: (x) => x.n, maxLength: 20 }), (specs) => {
        const items = specs.map((s) =>
          buildItem({
            id: `test.r.${String(s.n).padStart(2, '0')}`,
            weight: s.weight,
            ...(s.official ? { basis: official('X') } : {}),
            ...(s.date === null
              ? {}
              : {
                  deadline: {
                    date: new Date(Date.UTC(2026, 10, 23 + s.date)).toISOString().slice(0, 10),
                    label: { fr: 'x', en: 'x' },
                  },
                }),
          }),
        );
        const responses = Object.fromEntries(items.map((i) => [i.id, no]));
        const forward = gapsOf(items, responses).map((g) => g.item.id);
        const backward = gapsOf([...items].reverse(), responses).map((g) => g.item.id);
        expect(backward).toEqual(forward);
        const gaps = gapsOf(items, responses);
        for (let i = 1; i < gaps.length; i += 1) expect(compareGaps(gaps[i - 1]!, gaps[i]!)).toBeLessThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('filterGaps', () => {
  const gaps = gapsOf(
    [
      buildItem({
        id: 'test.f.01',
        weight: 'critical',
        question: { fr: 'La sécurité des sauvegardes ?', en: 'Backup security?' },
        basis: official('D2.O3.C'),
      }),
      buildItem({ id: 'test.f.02', domain: 'other', question: { fr: 'Réseau ?', en: 'Network?' } }),
    ],
    { 'test.f.01': partial, 'test.f.02': unknown },
  );

  it('finds words without regard to case or accents, in the question, the id or the reference', () => {
    expect(filterGaps(gaps, { search: 'SECURITE sauvegardes' }, 'fr').map((g) => g.item.id)).toEqual(['test.f.01']);
    expect(filterGaps(gaps, { search: 'd2.o3' }, 'fr').map((g) => g.item.id)).toEqual(['test.f.01']);
    expect(filterGaps(gaps, { search: 'network' }, 'en').map((g) => g.item.id)).toEqual(['test.f.02']);
    expect(filterGaps(gaps, { search: '  ' }, 'fr')).toHaveLength(2);
  });

  it('filters by weight, basis, domain and answer', () => {
    expect(filterGaps(gaps, { weight: 'critical' }, 'fr')).toHaveLength(1);
    expect(filterGaps(gaps, { basis: 'inferred' }, 'fr').map((g) => g.item.id)).toEqual(['test.f.02']);
    expect(filterGaps(gaps, { domainId: 'other' }, 'fr').map((g) => g.item.id)).toEqual(['test.f.02']);
    expect(filterGaps(gaps, { state: 'unknown' }, 'fr').map((g) => g.item.id)).toEqual(['test.f.02']);
    expect(filterGaps(gaps, { urgency: 'overdue' }, 'fr')).toHaveLength(0);
  });
});
