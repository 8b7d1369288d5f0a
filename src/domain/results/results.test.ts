import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../assessment/assessment';
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
import { checkFrenchTypography } from '../questionnaire/french-typography';
import { scoreAssessment, type ItemScore } from '../scoring/score-assessment';
import { compareCampaigns, previousCampaignOf } from './compare-campaigns';
import {
  deadlineStatusOf,
  isLate,
  isToDeclare,
  listDeadlines,
  nextDeadlines,
  programmeDeadlines,
} from './programme-deadlines';
import { listProviderQuestions } from './provider-questions';

const asOf = '2026-11-23';

describe('listProviderQuestions', () => {
  it('groups every "don\'t know" by domain, in questionnaire order, with its comment', () => {
    const questionnaire = buildQuestionnaire(
      [
        buildItem({ id: 'test.b.01', domain: 'backup' }),
        buildItem({ id: 'test.g.01', domain: 'governance' }),
        buildItem({ id: 'test.g.02', domain: 'governance' }),
        buildItem({ id: 'test.g.03', domain: 'governance' }),
      ],
      ['governance', 'backup'],
    );
    const answers = answersOf({ 'test.b.01': unknown, 'test.g.01': no, 'test.g.03': unknown });
    answers['test.g.03'] = { ...answers['test.g.03']!, comment: '  Voir avec le GHT  ' };
    const groups = listProviderQuestions(questionnaire, answers, scoreAssessment(questionnaire, answers, ['ES'], asOf));
    expect(groups.map((g) => [g.domain.id, g.questions.map((q) => [q.item.id, q.comment])])).toEqual([
      ['governance', [['test.g.03', 'Voir avec le GHT']]],
      ['backup', [['test.b.01', undefined]]],
    ]);
  });
});

const score = (itemId: string, outcome: ItemScore['outcome'], value?: number): ItemScore => ({
  itemId,
  domainId: 'd',
  weight: 'high',
  points: 2,
  outcome,
  value,
  target: undefined,
});

describe('listDeadlines', () => {
  it('says a date is met only when every related answer meets it', () => {
    expect(deadlineStatusOf([])).toBe('not-evaluated');
    expect(deadlineStatusOf([score('a', 'scored', 1), score('b', 'scored', 1)])).toBe('met');
    expect(deadlineStatusOf([score('a', 'scored', 1), score('b', 'scored', 0.5)])).toBe('not-met');
    expect(deadlineStatusOf([score('a', 'scored', 1), score('b', 'unknown', 0)])).toBe('not-met');
    expect(deadlineStatusOf([score('a', 'scored', 1), score('b', 'unanswered')])).toBe('unknown');
    expect(deadlineStatusOf([score('a', 'not-applicable'), score('b', 'scored', 1)])).toBe('met');
    expect(deadlineStatusOf([score('a', 'not-applicable')])).toBe('not-applicable');
  });

  it('lists for a hospital the RIE, CaRE and HospiConnect dates and the annual exercise, in date order', () => {
    const items = new Map([
      ['hc.auth.02', score('hc.auth.02', 'scored', 1)],
      ['care.ra.01', score('care.ra.01', 'scored', 0.8)],
      ['care.cri.01', score('care.cri.01', 'scored', 1)],
    ]);
    const results = listDeadlines('health', asOf, items);
    expect(results.map((r) => r.deadline.id)).toEqual([
      'rie-remote-2fa',
      'rie-identity-repository',
      'care-d1-declaration',
      'care-d2-application',
      'rie-homologation',
      'rie-no-password-only',
      'care-d2-declaration',
      'care-d1bis-application',
      'care-d2-pca-test',
      'crisis-exercise',
      'hospiconnect-2026',
      // Yearly: listed at its next due date, 31 May 2027.
      'rie-commitment',
      'hospiconnect-2027',
      'hospiconnect-2028',
    ]);
    const byId = new Map(results.map((r) => [r.deadline.id, r]));
    expect(byId.get('rie-no-password-only')).toMatchObject({ status: 'met', daysLeft: -326 });
    expect(byId.get('rie-remote-2fa')).toMatchObject({ status: 'not-met', notMetItemIds: ['care.ra.01'] });
    expect(byId.get('crisis-exercise')).toMatchObject({ due: '2026-12-31', status: 'met', recommendation: false });
    expect(byId.get('hospiconnect-2027')).toMatchObject({ status: 'not-evaluated', daysLeft: 403 });
  });

  it('lists for a medico-social establishment only the RIE dates and the exercise, as a recommendation', () => {
    const results = listDeadlines('medico-social', asOf, new Map());
    expect(results.map((r) => r.deadline.id)).toEqual([
      'rie-remote-2fa',
      'rie-identity-repository',
      'rie-homologation',
      'rie-no-password-only',
      'crisis-exercise',
      'rie-commitment',
    ]);
    expect(results.find((r) => r.deadline.id === 'crisis-exercise')?.recommendation).toBe(true);
  });

  it('keeps quiet the dates of a questionnaire never started: « non évalué », never among the missed ones', () => {
    // An EHPAD that answered the ESMS path only: the RIE dates of the HospiConnect items were never asked.
    const items = new Map([
      ['esms.rem.01', score('esms.rem.01', 'scored', 1)],
      ['esms.auth.02', score('esms.auth.02', 'unanswered')],
    ]);
    const results = listDeadlines('medico-social', asOf, items);
    const byId = new Map(results.map((r) => [r.deadline.id, r.status]));
    expect(byId.get('rie-commitment')).toBe('not-evaluated');
    expect(byId.get('rie-identity-repository')).toBe('not-evaluated');
    expect(byId.get('rie-homologation')).toBe('not-evaluated');
    expect(byId.get('rie-no-password-only')).toBe('unknown');
    // The yearly commitment is due again on 31 May 2027: coming, not missed.
    expect(nextDeadlines(results, 4).map((r) => r.deadline.id)).toEqual(['crisis-exercise', 'rie-commitment']);
  });

  it('shows a director the missed dates first, then the coming ones', () => {
    const items = new Map([['care.ra.01', score('care.ra.01', 'scored', 0)]]);
    const next = nextDeadlines(listDeadlines('health', asOf, items), 4);
    expect(next.map((r) => r.deadline.id)).toEqual([
      'rie-remote-2fa',
      'care-d2-pca-test',
      'crisis-exercise',
      'hospiconnect-2026',
    ]);
  });

  it('reads an unmet CaRE domain 2 objective as to declare (the window opened on 16 January 2026), never late', () => {
    const items = new Map([['care.d2.01', score('care.d2.01', 'scored', 0)]]);
    const results = listDeadlines('health', '2026-12-02', items);
    const d2 = results.find((r) => r.deadline.id === 'care-d2-declaration');
    expect(d2).toMatchObject({ status: 'not-met', standing: 'to-declare', due: '2026-01-16', daysLeft: -320 });
    if (!d2) return;
    expect(isLate(d2)).toBe(false);
    expect(isToDeclare(d2)).toBe(true);
    expect(nextDeadlines(results, 3).map((r) => r.deadline.id)).toEqual([
      'care-d2-declaration',
      'crisis-exercise',
      'hospiconnect-2026',
    ]);
  });

  it('gives every date a source and names only items of the shipped questionnaires', () => {
    const root = join(process.cwd(), 'questionnaires');
    const shipped = new Set(
      readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap(({ name: dir }) =>
          readdirSync(join(root, dir))
            .filter((f) => f.endsWith('.json'))
            .flatMap((f) => (JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as { items: { id: string }[] }).items)
            .map((i) => i.id),
        ),
    );
    for (const d of programmeDeadlines) {
      expect(d.source.length).toBeGreaterThan(10);
      expect(checkFrenchTypography(d.source), d.source).toEqual([]);
      expect(d.date !== undefined || d.kind === 'yearly').toBe(true);
      for (const id of d.itemIds) expect(shipped.has(id), `${d.id}: ${id}`).toBe(true);
    }
  });
});

describe('compareCampaigns', () => {
  const questionnaire = buildQuestionnaire([
    buildItem({ id: 'test.g.01', weight: 'critical' }),
    buildItem({ id: 'test.g.02' }),
    buildItem({ id: 'test.o.01', domain: 'other' }),
  ]);
  const assessment = (id: string, campaignYear: number, questionnaireId = 'test'): Assessment => ({
    id,
    establishmentId: 'e1',
    questionnaireId,
    questionnaireVersion: '2026.1',
    contentHash: 'a'.repeat(64),
    campaignYear,
    answers: {},
    createdAt: 0,
    updatedAt: 0,
  });

  it('finds the latest earlier campaign of the same questionnaire', () => {
    const all = [
      assessment('a24', 2024),
      assessment('a25', 2025),
      assessment('b25', 2025, 'other'),
      assessment('a26', 2026),
    ];
    expect(previousCampaignOf(all[3]!, all)?.id).toBe('a25');
    expect(previousCampaignOf(all[0]!, all)).toBeUndefined();
  });

  it('gives the change per domain and overall in points, and the items that rose or fell', () => {
    const before = scoreAssessment(
      questionnaire,
      answersOf({ 'test.g.01': no, 'test.g.02': yes, 'test.o.01': notApplicable }),
      ['ES'],
      asOf,
    );
    const after = scoreAssessment(
      questionnaire,
      answersOf({ 'test.g.01': yes, 'test.g.02': partial, 'test.o.01': yes }),
      ['ES'],
      asOf,
    );
    const comparison = compareCampaigns(after, before, 2025);
    // governance: before 1 / 4 = 25 %, after (3 + 0.5) / 4 = 87.5 %
    expect(comparison.domains[0]).toMatchObject({ domainId: 'governance', previous: 25, current: 87.5, delta: 62.5 });
    expect(comparison.domains[1]).toMatchObject({ domainId: 'other', previous: undefined, delta: undefined });
    expect(comparison.overall.delta).toBeCloseTo((4.5 / 5) * 100 - 25, 10);
    expect(comparison.improvedItemIds).toEqual(['test.g.01']);
    expect(comparison.worsenedItemIds).toEqual(['test.g.02']);
  });
});
