import { useMemo } from 'react';
import type { Assessment } from '../../domain/assessment/assessment';
import { audiencesOf, type Establishment } from '../../domain/establishment/establishment';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import { questionnaireKey } from '../../domain/questionnaire/questionnaire-key';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { isoDateOf } from '../../domain/scoring/iso-date';
import { scoreAssessment } from '../../domain/scoring/score-assessment';
import type { ComparedState } from '../../domain/snapshot/compare-snapshots';
import { snapshotScoresOf, type Snapshot } from '../../domain/snapshot/snapshot';
import { SnapshotRepository } from '../../storage/snapshot-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useQuestionnairesOf, useRepositories } from '../../storage/use-repositories';

export interface SnapshotsModel {
  assessment: Assessment;
  establishment: Establishment;
  /** The living assessment's questionnaire, in the words of the establishment's category. */
  questionnaire: Questionnaire;
  /** The latest first. */
  snapshots: Snapshot[];
  /** The living assessment as a compared state, scored today. */
  now: ComparedState;
  /** The questionnaire a snapshot was answered against (in the category's words), when this build ships it. */
  questionnaireOf: (snapshot: Pick<Snapshot, 'questionnaireId' | 'questionnaireVersion'>) => Questionnaire | undefined;
}

export type SnapshotsState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'questionnaire-missing'; assessment: Assessment }
  | { status: 'ready'; model: SnapshotsModel };

/** The assessment, its snapshots and the questionnaire versions they need, kept up to date. */
export function useSnapshots(assessmentId: string): SnapshotsState {
  const db = useDatabase();
  const repos = useRepositories();
  const data = useLiveQuery(async () => {
    const assessment = await repos.assessments.get(assessmentId);
    if (!assessment) return null;
    const establishment = await repos.establishments.get(assessment.establishmentId);
    if (!establishment) return null;
    const snapshots = await new SnapshotRepository(db).listByAssessment(assessmentId);
    // Today is read in the query, as on the results screen: the living assessment is scored at the date it is shown.
    return { assessment, establishment, snapshots, asOf: isoDateOf(Date.now()) };
  }, [db, repos, assessmentId]);
  const catalog = useQuestionnairesOf(data ? [data.assessment, ...data.snapshots] : data === null ? [] : undefined);

  return useMemo((): SnapshotsState => {
    if (data === undefined || catalog.status === 'loading') return { status: 'loading' };
    if (data === null) return { status: 'not-found' };
    const { assessment, establishment, snapshots, asOf } = data;
    const loaded = catalog.status === 'ready' ? catalog.value : [];
    const byKey = new Map(
      loaded.map((l) => [
        questionnaireKey(l.questionnaire),
        withCategoryTerms(l.questionnaire, establishment.category),
      ]),
    );
    const questionnaireOf = (s: Pick<Snapshot, 'questionnaireId' | 'questionnaireVersion'>) =>
      byKey.get(questionnaireKey({ id: s.questionnaireId, version: s.questionnaireVersion }));
    const questionnaire = questionnaireOf(assessment);
    if (!questionnaire) return { status: 'questionnaire-missing', assessment };
    const score = scoreAssessment(questionnaire, assessment.answers, audiencesOf(establishment), asOf);
    return {
      status: 'ready',
      model: {
        assessment,
        establishment,
        questionnaire,
        snapshots,
        now: { answers: assessment.answers, scores: snapshotScoresOf(score) },
        questionnaireOf,
      },
    };
  }, [data, catalog]);
}
