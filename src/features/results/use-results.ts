import { useMemo } from 'react';
import type { ActionRecord } from '../../domain/actions/action-record';
import { computeMfaCompliance, type MfaCompliance } from '../../domain/applications/mfa-compliance';
import type { Assessment } from '../../domain/assessment/assessment';
import {
  budgetFields,
  computeBudgetRatios,
  type BudgetRatios,
  type BudgetTargets,
} from '../../domain/budget/budget-ratios';
import { audiencesOf, type Establishment } from '../../domain/establishment/establishment';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import { questionnaireKey } from '../../domain/questionnaire/questionnaire-key';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { compareCampaigns, previousCampaignOf, type CampaignComparison } from '../../domain/results/compare-campaigns';
import { listGaps, type Gap } from '../../domain/results/list-gaps';
import { listDeadlines, type DeadlineResult } from '../../domain/results/programme-deadlines';
import { listProviderQuestions, type ProviderQuestionGroup } from '../../domain/results/provider-questions';
import { isoDateOf } from '../../domain/scoring/iso-date';
import { scoreAssessment, type AssessmentScore, type ItemScore } from '../../domain/scoring/score-assessment';
import { useLiveQuery } from '../../storage/use-database';
import { useQuestionnairesOf, useRepositories } from '../../storage/use-repositories';

/** The budget year the results show: the latest with figures. */
export interface BudgetView {
  year: number;
  ratios: BudgetRatios;
  targets: BudgetTargets;
}

export interface ResultsModel {
  /** Today, the date targets and deadlines are read at. */
  asOf: string;
  establishment: Establishment;
  assessment: Assessment;
  questionnaire: Questionnaire;
  score: AssessmentScore;
  gaps: Gap[];
  providerQuestions: ProviderQuestionGroup[];
  comparison: CampaignComparison | undefined;
  deadlines: DeadlineResult[];
  budget: BudgetView | undefined;
  /** Undefined while the inventory of sensitive applications is empty. */
  mfa: MfaCompliance | undefined;
  actions: ActionRecord[];
}

export type ResultsState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'questionnaire-missing'; assessment: Assessment }
  | { status: 'ready'; model: ResultsModel };

/**
 * Everything the results screens show for one assessment, recomputed whenever the answers, the budget, the
 * applications or the actions change (in this tab or another). Scores are never stored: they follow from the
 * answers and the questionnaire version the assessment was answered against.
 */
export function useResults(assessmentId: string): ResultsState {
  const repos = useRepositories();
  const data = useLiveQuery(async () => {
    const assessment = await repos.assessments.get(assessmentId);
    if (!assessment) return null;
    const establishment = await repos.establishments.get(assessment.establishmentId);
    if (!establishment) return null;
    const [assessments, budgets, targets, applications, actions] = await Promise.all([
      repos.assessments.listByEstablishment(establishment.id),
      repos.budgets.listByEstablishment(establishment.id),
      repos.budgets.getTargets(),
      repos.applications.listByEstablishment(establishment.id),
      repos.actions.listByEstablishment(establishment.id),
    ]);
    // Today is read here, in the query, rather than during render: results are read at the date they are shown.
    return {
      assessment,
      establishment,
      assessments,
      budgets,
      targets,
      applications,
      actions,
      asOf: isoDateOf(Date.now()),
    };
  }, [repos, assessmentId]);
  const catalog = useQuestionnairesOf(data ? [data.assessment, ...data.assessments] : data === null ? [] : undefined);

  return useMemo((): ResultsState => {
    if (data === undefined || catalog.status === 'loading') return { status: 'loading' };
    if (data === null) return { status: 'not-found' };
    const loaded = catalog.status === 'ready' ? catalog.value : [];
    const byKey = new Map(loaded.map((l) => [questionnaireKey(l.questionnaire), l.questionnaire]));
    const { assessment, establishment, assessments, budgets, targets, applications, actions, asOf } = data;
    // In the words of the establishment's category (« résidents » in an EHPAD), as on the answering screen.
    const questionnaireOf = (a: Assessment) => {
      const q = byKey.get(questionnaireKey({ id: a.questionnaireId, version: a.questionnaireVersion }));
      return q && withCategoryTerms(q, establishment.category);
    };
    const questionnaire = questionnaireOf(assessment);
    if (!questionnaire) return { status: 'questionnaire-missing', assessment };

    const audiences = audiencesOf(establishment);
    const score = scoreAssessment(questionnaire, assessment.answers, audiences, asOf);

    // An earlier campaign is read at the date of its last answer, so that a dated check that was recent then is
    // not counted as stale now.
    const previous = previousCampaignOf(assessment, assessments);
    const previousQuestionnaire = previous ? questionnaireOf(previous) : undefined;
    const comparison =
      previous && previousQuestionnaire
        ? compareCampaigns(
            score,
            scoreAssessment(
              previousQuestionnaire,
              previous.answers,
              audiences,
              [isoDateOf(previous.updatedAt), asOf].sort()[0] ?? asOf,
            ),
            previous.campaignYear,
          )
        : undefined;

    // Deadlines read the latest campaign, up to this one, of each questionnaire the establishment answers.
    const latest = new Map<string, Assessment>([[assessment.questionnaireId, assessment]]);
    for (const a of assessments) {
      if (a.campaignYear > assessment.campaignYear || a.questionnaireId === assessment.questionnaireId) continue;
      const known = latest.get(a.questionnaireId);
      if (!known || known.campaignYear < a.campaignYear) latest.set(a.questionnaireId, a);
    }
    const itemScores = new Map<string, ItemScore>();
    for (const a of latest.values()) {
      const q = a.id === assessment.id ? questionnaire : questionnaireOf(a);
      if (!q) continue;
      const scored = a.id === assessment.id ? score : scoreAssessment(q, a.answers, audiences, asOf);
      for (const s of scored.items) itemScores.set(s.itemId, s);
    }

    const budgetRecord = [...budgets].reverse().find((b) => budgetFields.some((f) => b.inputs[f] !== undefined));

    return {
      status: 'ready',
      model: {
        asOf,
        establishment,
        assessment,
        questionnaire,
        score,
        gaps: listGaps(questionnaire, assessment.answers, score),
        providerQuestions: listProviderQuestions(questionnaire, assessment.answers, score),
        comparison,
        deadlines: listDeadlines(establishment.sector, asOf, itemScores, computeMfaCompliance(applications)),
        budget: budgetRecord
          ? { year: budgetRecord.year, ratios: computeBudgetRatios(budgetRecord.inputs, targets), targets }
          : undefined,
        mfa: applications.length > 0 ? computeMfaCompliance(applications) : undefined,
        actions,
      },
    };
  }, [data, catalog]);
}
