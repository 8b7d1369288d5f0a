import { describe, expect, it } from 'vitest';
import { listGaps } from '../results/list-gaps';
import { answersOf, buildItem, buildQuestionnaire, no } from '../../testing/domain/scoring/builders';
import { scoreAssessment } from '../scoring/score-assessment';
import {
  actionInputSchema,
  actionToInput,
  buildAction,
  costAgainstGap,
  firstActions,
  isOverdue,
  planCost,
  sortActions,
} from './action-plan';
import type { ActionRecord } from './action-record';

const asOf = '2026-11-23';
let sequence = 0;
function action(overrides: Partial<ActionRecord>): ActionRecord {
  sequence += 1;
  return {
    id: `a${String(sequence).padStart(2, '0')}`,
    establishmentId: 'e1',
    title: `Action ${sequence}`,
    status: 'todo',
    createdAt: sequence,
    updatedAt: sequence,
    ...overrides,
  };
}

describe('action plan', () => {
  it('calls an open action late only after its due date', () => {
    expect(isOverdue({ status: 'todo', dueDate: '2026-11-22' }, asOf)).toBe(true);
    expect(isOverdue({ status: 'in-progress', dueDate: '2026-11-23' }, asOf)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, asOf)).toBe(false);
    expect(isOverdue({ status: 'todo', dueDate: undefined }, asOf)).toBe(false);
  });

  it('lists open actions first, overdue at the top, then by due date, undated last', () => {
    const done = action({ status: 'done', dueDate: '2026-01-01', title: 'done' });
    const later = action({ dueDate: '2027-03-01', title: 'later' });
    const undated = action({ title: 'undated' });
    const late = action({ dueDate: '2026-10-30', status: 'in-progress', title: 'late' });
    const dropped = action({ status: 'dropped', title: 'dropped' });
    const soon = action({ dueDate: '2026-12-15', title: 'soon' });
    expect(sortActions([done, later, undated, late, dropped, soon], asOf).map((a) => a.title)).toEqual([
      'late',
      'soon',
      'later',
      'undated',
      'done',
      'dropped',
    ]);
  });

  it('adds up the cost of open actions, apart from done ones, and counts those without an estimate', () => {
    const cost = planCost([
      action({ estimatedCost: 18000, status: 'in-progress' }),
      action({ estimatedCost: 65000 }),
      action({}),
      action({ estimatedCost: 6000, status: 'done' }),
      action({ estimatedCost: 99999, status: 'dropped' }),
    ]);
    expect(cost).toEqual({ open: 83000, done: 6000, openWithoutEstimate: 1 });
  });

  it('sets the cost against the budget gap', () => {
    expect(costAgainstGap(83000, 200000)).toEqual({ cost: 83000, gap: 200000, share: 0.415, beyondGap: 0 });
    expect(costAgainstGap(83000, 50000)).toMatchObject({ share: 1.66, beyondGap: 33000 });
    expect(costAgainstGap(83000, 0)).toMatchObject({ share: undefined, beyondGap: 83000 });
    expect(costAgainstGap(83000, undefined)).toMatchObject({ gap: undefined, share: undefined });
  });

  it('fills the five first actions with the top gaps that have no action yet', () => {
    const questionnaire = buildQuestionnaire([
      buildItem({ id: 'test.x.01', weight: 'critical' }),
      buildItem({ id: 'test.x.02', weight: 'critical' }),
      buildItem({ id: 'test.x.03', weight: 'high' }),
      buildItem({ id: 'test.x.04', weight: 'medium' }),
    ]);
    const answers = answersOf({ 'test.x.01': no, 'test.x.02': no, 'test.x.03': no, 'test.x.04': no });
    const gaps = listGaps(questionnaire, answers, scoreAssessment(questionnaire, answers, ['ES'], asOf));
    const planned = action({ itemId: 'test.x.02', dueDate: '2027-01-01' });
    const closed = action({ itemId: 'test.x.03', status: 'done' });
    const first = firstActions([planned, closed], gaps, asOf, 3);
    expect(first.map((f) => (f.kind === 'action' ? f.action.id : f.gap.item.id))).toEqual([
      planned.id,
      'test.x.01',
      'test.x.04',
    ]);
  });
});

describe('action form', () => {
  it('reads a French amount, trims the texts and leaves out what is empty', () => {
    const parsed = actionInputSchema.parse({
      title: '  Tester la restauration  ',
      owner: ' ',
      description: '',
      dueDate: '2026-12-15',
      status: 'todo',
      estimatedCost: '18 000,50 €',
    });
    expect(parsed).toEqual({
      title: 'Tester la restauration',
      owner: undefined,
      description: undefined,
      dueDate: '2026-12-15',
      status: 'todo',
      estimatedCost: 18000.5,
    });
    const built = buildAction(parsed, { establishmentId: 'e1', assessmentId: 'a1', itemId: 'care.d2.16' }, 'id1', 5);
    expect(built).toEqual({
      id: 'id1',
      establishmentId: 'e1',
      assessmentId: 'a1',
      itemId: 'care.d2.16',
      title: 'Tester la restauration',
      dueDate: '2026-12-15',
      status: 'todo',
      estimatedCost: 18000.5,
      createdAt: 5,
      updatedAt: 5,
    });
    expect(actionInputSchema.parse(actionToInput(built))).toMatchObject({ estimatedCost: 18000.5 });
  });

  it('refuses an empty title, a wrong date and a cost that is not an amount, with codes', () => {
    const result = actionInputSchema.safeParse({
      title: ' ',
      dueDate: '2026-02-30',
      status: 'todo',
      estimatedCost: 'beaucoup',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual([
      'cost-invalid',
      'date-invalid',
      'title-required',
    ]);
    expect(
      actionInputSchema.safeParse({ title: 'x', status: 'todo', estimatedCost: '-5' }).error?.issues[0]?.message,
    ).toBe('cost-negative');
  });
});
