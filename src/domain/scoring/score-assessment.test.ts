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
import { daysBetween, endOfYear } from './iso-date';
import {
  answersNeededToScore,
  isScoreReadable,
  MIN_COMPLETENESS_TO_SCORE,
  scoreAssessment,
  scoreItem,
  targetInForce,
  valueAgainstTarget,
  weightPoints,
} from './score-assessment';

const asOf = '2026-11-23';

/** Two domains whose figures are worked out by hand in the comments below (and in docs/scoring.md). */
const questionnaire = buildQuestionnaire([
  buildItem({ id: 'test.gov.01', weight: 'critical' }),
  buildItem({ id: 'test.gov.02', weight: 'high' }),
  buildItem({ id: 'test.gov.03', weight: 'medium' }),
  buildItem({ id: 'test.gov.04', weight: 'medium' }),
  buildItem({ id: 'test.gov.05', weight: 'high' }),
  buildItem({ id: 'test.gov.06', weight: 'critical' }),
  buildItem({
    id: 'test.con.01',
    domain: 'continuity',
    weight: 'critical',
    answerType: 'percent',
    targets: [{ comparator: 'at-least', value: 66 }],
  }),
  buildItem({
    id: 'test.con.02',
    domain: 'continuity',
    weight: 'high',
    answerType: 'number',
    targets: [{ comparator: 'at-most', value: 0 }],
  }),
  buildItem({
    id: 'test.con.03',
    domain: 'continuity',
    weight: 'medium',
    answerType: 'date',
    targets: [{ comparator: 'within-days', value: 60 }],
  }),
  buildItem({
    id: 'test.con.04',
    domain: 'continuity',
    weight: 'high',
    answerType: 'choice',
    choices: [
      { id: 'full', label: { fr: 'Complet', en: 'Full' }, score: 1 },
      { id: 'some', label: { fr: 'En partie', en: 'Some' }, score: 0.6 },
      { id: 'none', label: { fr: 'Rien', en: 'None' }, score: 0 },
    ],
  }),
  buildItem({ id: 'test.con.05', domain: 'continuity', weight: 'critical', appliesTo: ['ESMS'] }),
]);

const answers = answersOf({
  'test.gov.01': yes, // 3 × 1 = 3
  'test.gov.02': partial, // 2 × 0.5 = 1
  'test.gov.03': no, // 1 × 0 = 0
  'test.gov.04': unknown, // 1 × 0 = 0, counted apart
  'test.gov.05': notApplicable, // left out
  // test.gov.06 unanswered: left out of the score, counts against completeness
  'test.con.01': { kind: 'number', value: 33 }, // 33 / 66 = 0.5 → 3 × 0.5 = 1.5
  'test.con.02': { kind: 'number', value: 2 }, // two open vulnerabilities against none: 0 of 2
  'test.con.03': { kind: 'date', value: '2026-10-24' }, // 30 days before asOf, within 60: 1 of 1
  'test.con.04': { kind: 'choice', value: 'some' }, // 2 × 0.6 = 1.2
  'test.con.05': yes, // an ESMS-only item: does not apply to a hospital, ignored
});

describe('scoreAssessment', () => {
  const result = scoreAssessment(questionnaire, answers, ['ES'], asOf);
  const governance = result.domains.find((d) => d.domainId === 'governance');
  const continuity = result.domains.find((d) => d.domainId === 'continuity');

  it('weighs critical 3, high 2, medium 1', () => {
    expect(weightPoints).toEqual({ critical: 3, high: 2, medium: 1 });
  });

  it('scores a domain as the weighted mean of its answered items', () => {
    // (3 + 1 + 0 + 0) / (3 + 2 + 1 + 1) = 4 / 7
    expect(governance?.earnedPoints).toBe(4);
    expect(governance?.possiblePoints).toBe(7);
    expect(governance?.score).toBeCloseTo(57.142857, 5);
    // (1.5 + 0 + 1 + 1.2) / (3 + 2 + 1 + 2) = 3.7 / 8
    expect(continuity?.earnedPoints).toBeCloseTo(3.7, 10);
    expect(continuity?.possiblePoints).toBe(8);
    expect(continuity?.score).toBeCloseTo(46.25, 10);
  });

  it('scores the whole as the weighted mean of every answered item, not the mean of domain scores', () => {
    // (4 + 3.7) / (7 + 8) = 7.7 / 15 = 51.33 %, whereas the mean of the domain scores would be 51.70 %.
    expect(result.overall.score).toBeCloseTo(51.333333, 5);
  });

  it('counts completeness, "don\'t know" and "not applicable" apart', () => {
    expect(governance).toMatchObject({ applicable: 6, answered: 5, notApplicable: 1, unknown: 1, met: 1 });
    expect(governance?.completeness).toBeCloseTo(5 / 6, 10);
    expect(continuity).toMatchObject({ applicable: 4, answered: 4, completeness: 1, met: 1 });
    expect(result.overall).toMatchObject({ applicable: 10, answered: 9, unknown: 1, notApplicable: 1 });
    expect(result.overall.completeness).toBeCloseTo(0.9, 10);
  });

  it('leaves out the items that do not apply to the establishment', () => {
    expect(result.items.map((i) => i.itemId)).not.toContain('test.con.05');
    const esms = scoreAssessment(questionnaire, answers, ['ESMS'], asOf);
    expect(esms.items.map((i) => i.itemId)).toContain('test.con.05');
  });

  it('has no score for a domain where nothing counts yet, and leaves out a domain where nothing applies', () => {
    const empty = scoreAssessment(questionnaire, {}, ['ES'], asOf);
    expect(empty.overall.score).toBeUndefined();
    expect(empty.overall.completeness).toBe(0);
    expect(empty.domains.map((d) => d.domainId)).toEqual(['governance', 'continuity']);
    const allNa = scoreAssessment(
      buildQuestionnaire([buildItem({ id: 'test.gov.01' })]),
      answersOf({ 'test.gov.01': notApplicable }),
      ['ES'],
      asOf,
    );
    expect(allNa.overall).toMatchObject({ score: undefined, completeness: 1, notApplicable: 1 });
    const noneApply = scoreAssessment(
      buildQuestionnaire([buildItem({ id: 'test.gov.01', appliesTo: ['GHT'] })]),
      {},
      ['ES'],
      asOf,
    );
    expect(noneApply.domains).toEqual([]);
    expect(noneApply.overall.completeness).toBeUndefined();
  });
});

describe('scoreItem', () => {
  const percent = buildItem({
    id: 'test.dmp.02',
    answerType: 'percent',
    targets: [
      { comparator: 'at-least', value: 75, due: '2027-12-31' },
      { comparator: 'at-least', value: 90, due: '2028-12-31' },
    ],
  });
  const answer = answersOf({ x: { kind: 'number', value: 80 } }).x;

  it('reads staged targets at the date given: the first due on or after it, else the last', () => {
    expect(targetInForce(percent.targets, '2026-11-23')?.value).toBe(75);
    expect(targetInForce(percent.targets, '2027-12-31')?.value).toBe(75);
    expect(targetInForce(percent.targets, '2028-01-01')?.value).toBe(90);
    expect(targetInForce(percent.targets, '2030-01-01')?.value).toBe(90);
    expect(scoreItem(percent, answer, '2026-11-23').value).toBe(1);
    expect(scoreItem(percent, answer, '2028-06-01').value).toBeCloseTo(80 / 90, 10);
    expect(scoreItem(percent, answer, '2029-01-01').value).toBeCloseTo(80 / 90, 10);
  });

  it('scores numbers in proportion below an "at least" target and above an "at most" one with room', () => {
    expect(valueAgainstTarget(2, { comparator: 'at-least', value: 3 })).toBeCloseTo(2 / 3, 10);
    expect(valueAgainstTarget(5, { comparator: 'at-least', value: 3 })).toBe(1);
    expect(valueAgainstTarget(-1, { comparator: 'at-least', value: 3 })).toBe(0);
    expect(valueAgainstTarget(30, { comparator: 'at-most', value: 15 })).toBe(0.5);
    expect(valueAgainstTarget(0, { comparator: 'at-most', value: 0 })).toBe(1);
    expect(valueAgainstTarget(1, { comparator: 'at-most', value: 0 })).toBe(0);
    expect(valueAgainstTarget(0, { comparator: 'at-least', value: 0 })).toBe(1);
  });

  it('meets a date target only with a date in the window before the day of scoring', () => {
    const item = buildItem({
      id: 'test.d1.02',
      answerType: 'date',
      targets: [{ comparator: 'within-days', value: 60 }],
    });
    const at = (value: string) => scoreItem(item, answersOf({ x: { kind: 'date', value } }).x, asOf).value;
    expect(at('2026-09-24')).toBe(1); // exactly 60 days
    expect(at('2026-09-23')).toBe(0); // 61 days
    expect(at(asOf)).toBe(1);
    expect(at('2026-12-01')).toBe(0); // a date still to come is not a check done
  });

  it('treats an answer that no longer fits the item as unanswered', () => {
    expect(scoreItem(percent, answersOf({ x: yes }).x, asOf).outcome).toBe('unanswered');
    const choice = buildItem({
      id: 'test.c.01',
      answerType: 'choice',
      choices: [
        { id: 'a', label: { fr: 'A', en: 'A' }, score: 1 },
        { id: 'b', label: { fr: 'B', en: 'B' }, score: 0 },
      ],
    });
    expect(scoreItem(choice, answersOf({ x: { kind: 'choice', value: 'gone' } }).x, asOf).outcome).toBe('unanswered');
    expect(scoreItem(percent, answersOf({ x: { kind: 'number', value: 120 } }).x, asOf).outcome).toBe('unanswered');
  });
});

describe('iso dates', () => {
  it('count whole days in UTC, across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-11-01')).toBe(-22);
    expect(endOfYear('2026-11-23')).toBe('2026-12-31');
  });
});

describe('a score too incomplete to read', () => {
  it('is not shown below half the applicable questions answered, even at 100 %', () => {
    expect(isScoreReadable({ score: 100, completeness: 1 / 24 })).toBe(false);
    expect(isScoreReadable({ score: 100, completeness: 11 / 24 })).toBe(false);
    expect(isScoreReadable({ score: 40, completeness: 12 / 24 })).toBe(true);
    expect(isScoreReadable({ score: undefined, completeness: 1 })).toBe(false);
    expect(isScoreReadable({ score: 50, completeness: undefined })).toBe(false);
  });

  it('says how many answers are needed to get one', () => {
    expect(answersNeededToScore({ applicable: 24 })).toBe(12);
    expect(answersNeededToScore({ applicable: 77 })).toBe(39);
    expect(MIN_COMPLETENESS_TO_SCORE).toBe(0.5);
  });
});
