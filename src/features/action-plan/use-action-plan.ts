import { useMemo } from 'react';
import type { ActionRecord } from '../../domain/actions/action-record';
import type { Assessment } from '../../domain/assessment/assessment';
import { budgetFields, computeBudgetRatios } from '../../domain/budget/budget-ratios';
import type { Establishment } from '../../domain/establishment/establishment';
import { questionnaireKey } from '../../domain/questionnaire/questionnaire-key';
import type { Questionnaire, QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { isoDateOf } from '../../domain/scoring/iso-date';
import { useLiveQuery } from '../../storage/use-database';
import { useQuestionnairesOf, useRepositories } from '../../storage/use-repositories';

/** An item a gap or an action refers to, with the assessment it was answered in. */
export interface ItemRef {
  item: QuestionnaireItem;
  questionnaire: Questionnaire;
  assessment: Assessment;
}

export interface ActionPlanModel {
  asOf: string;
  establishment: Establishment;
  actions: ActionRecord[];
  /** Finds the item of an action or of a gap in the assessment it came from. */
  itemRef: (assessmentId: string | undefined, itemId: string | undefined) => ItemRef | undefined;
  /** Euros a year missing to reach the cyber target, from the latest budget year with figures. */
  budgetGap: { year: number; gap: number | undefined; target: number } | undefined;
}

export type ActionPlanState =
  { status: 'loading' } | { status: 'not-found' } | { status: 'ready'; model: ActionPlanModel };

/** The establishment's actions and what they refer to, kept live: a change in another tab shows here too. */
export function useActionPlan(establishmentId: string): ActionPlanState {
  const repos = useRepositories();
  const data = useLiveQuery(async () => {
    const establishment = await repos.establishments.get(establishmentId);
    if (!establishment) return null;
    const [actions, assessments, budgets, targets] = await Promise.all([
      repos.actions.listByEstablishment(establishmentId),
      repos.assessments.listByEstablishment(establishmentId),
      repos.budgets.listByEstablishment(establishmentId),
      repos.budgets.getTargets(),
    ]);
    // Today is read here, in the query, rather than during render: the plan is read at the date it is shown.
    return { establishment, actions, assessments, budgets, targets, asOf: isoDateOf(Date.now()) };
  }, [repos, establishmentId]);
  const catalog = useQuestionnairesOf(data ? data.assessments : data === null ? [] : undefined);

  return useMemo((): ActionPlanState => {
    if (data === undefined || catalog.status === 'loading') return { status: 'loading' };
    if (data === null) return { status: 'not-found' };
    const loaded = catalog.status === 'ready' ? catalog.value : [];
    const byKey = new Map(loaded.map((l) => [questionnaireKey(l.questionnaire), l.questionnaire]));
    const { establishment, actions, assessments, budgets, targets, asOf } = data;
    const itemRef = (assessmentId: string | undefined, itemId: string | undefined): ItemRef | undefined => {
      if (!assessmentId || !itemId) return undefined;
      const assessment = assessments.find((a) => a.id === assessmentId);
      if (!assessment) return undefined;
      const questionnaire = byKey.get(
        questionnaireKey({ id: assessment.questionnaireId, version: assessment.questionnaireVersion }),
      );
      const item = questionnaire?.items.find((i) => i.id === itemId);
      return questionnaire && item ? { item, questionnaire, assessment } : undefined;
    };
    const record = [...budgets].reverse().find((b) => budgetFields.some((f) => b.inputs[f] !== undefined));
    return {
      status: 'ready',
      model: {
        asOf,
        establishment,
        actions,
        itemRef,
        budgetGap: record
          ? {
              year: record.year,
              gap: computeBudgetRatios(record.inputs, targets).gapToCyberTargetEur,
              target: targets.cyberShare,
            }
          : undefined,
      },
    };
  }, [data, catalog]);
}
