import { useMemo } from 'react';
import type { ActionRecord } from '../../domain/actions/action-record';
import type { Assessment } from '../../domain/assessment/assessment';
import { audiencesOf, nis2StatusOf, type Establishment } from '../../domain/establishment/establishment';
import {
  frameworkCoverage,
  type AnsweredAssessment,
  type FrameworkCoverage,
} from '../../domain/frameworks/framework-coverage';
import type { FrameworkMapping } from '../../domain/frameworks/framework-types';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import { isoDateOf } from '../../domain/scoring/iso-date';
import { useLiveQuery } from '../../storage/use-database';
import { useQuestionnairesOf, useRepositories } from '../../storage/use-repositories';

export interface FrameworksModel {
  asOf: string;
  establishment: Establishment;
  assessment: Assessment;
  /** The establishment's assessments of the same campaign, one per questionnaire (this one among them). */
  campaign: Assessment[];
  /** The same, with their questionnaires, as the coverage reads them. */
  answered: AnsweredAssessment[];
  actions: ActionRecord[];
}

export type FrameworksState =
  { status: 'loading' } | { status: 'not-found' } | { status: 'ready'; model: FrameworksModel };

/**
 * What the « Référentiels » view reads for one assessment: the establishment (its NIS2 status), every assessment of
 * the same campaign (a measure may be answered by a CaRE item and a HospiConnect one: the coverage reads them all,
 * issue 17) with their questionnaires in the category's words, and the actions, to know which measure already has
 * one. Kept up to date like the results screens.
 */
export function useFrameworks(assessmentId: string): FrameworksState {
  const repos = useRepositories();
  const data = useLiveQuery(async () => {
    const assessment = await repos.assessments.get(assessmentId);
    if (!assessment) return null;
    const establishment = await repos.establishments.get(assessment.establishmentId);
    if (!establishment) return null;
    const [all, actions] = await Promise.all([
      repos.assessments.listByEstablishment(establishment.id),
      repos.actions.listByEstablishment(establishment.id),
    ]);
    const campaign = all.filter((a) => a.campaignYear === assessment.campaignYear);
    // Today is read here, in the query, as on the results screens: targets are read at the date shown.
    return { assessment, establishment, campaign, actions, asOf: isoDateOf(Date.now()) };
  }, [repos, assessmentId]);
  const loaded = useQuestionnairesOf(data ? data.campaign : undefined);
  const model = useMemo((): FrameworksModel | undefined => {
    if (!data || loaded.status !== 'ready') return undefined;
    const { establishment, campaign } = data;
    const audiences = audiencesOf(establishment);
    const answered = campaign.flatMap((a): AnsweredAssessment[] => {
      const found = loaded.value.find(
        (l) => l.questionnaire.id === a.questionnaireId && l.questionnaire.version === a.questionnaireVersion,
      );
      if (!found) return [];
      const questionnaire = withCategoryTerms(found.questionnaire, establishment.category);
      return [{ questionnaire, answers: a.answers, audiences }];
    });
    return { ...data, answered };
  }, [data, loaded]);
  if (data === undefined) return { status: 'loading' };
  if (data === null) return { status: 'not-found' };
  if (loaded.status === 'loading' || !model) return { status: 'loading' };
  return { status: 'ready', model };
}

/** The coverage of a mapping by the campaign's answers, at the establishment's NIS2 status. */
export function useCoverage(
  model: FrameworksModel,
  mapping: FrameworkMapping | undefined,
): FrameworkCoverage | undefined {
  const { answered, asOf, establishment } = model;
  const status = nis2StatusOf(establishment);
  return useMemo(
    () => (mapping ? frameworkCoverage(mapping, answered, { asOf, status }) : undefined),
    [mapping, answered, asOf, status],
  );
}
