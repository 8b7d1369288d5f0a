import { useMemo } from 'react';
import type { Answer } from '../../domain/assessment/answer';
import type { Assessment } from '../../domain/assessment/assessment';
import { readWindow, windowsOf, type WindowReadiness } from '../../domain/declaration/declaration-readiness';
import type { DeclarationWindow } from '../../domain/evidence/expected-proofs';
import { audiencesOf, type Establishment } from '../../domain/establishment/establishment';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { isoDateOf } from '../../domain/scoring/iso-date';
import { scoreAssessment } from '../../domain/scoring/score-assessment';
import type { Snapshot } from '../../domain/snapshot/snapshot';
import type { EvidenceSummary } from '../../storage/evidence-repository';
import { readBundleOf, SnapshotRepository } from '../../storage/snapshot-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useEvidenceRules, useQuestionnaire } from '../../storage/use-repositories';

export interface DeclarationModel {
  /** The living assessment (the breadcrumb, the links to its items). */
  assessment: Assessment;
  establishment: Establishment;
  snapshots: Snapshot[];
  /** The snapshot read, when one is chosen; else the living assessment, read today. */
  snapshot: Snapshot | undefined;
  questionnaire: Questionnaire;
  answers: Record<string, Answer>;
  windows: DeclarationWindow[];
  readiness: WindowReadiness<EvidenceSummary> | undefined;
}

export type DeclarationState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'questionnaire-missing'; assessment: Assessment }
  | { status: 'ready'; model: DeclarationModel };

/**
 * The state of each objective of a declaration window (issue 18), read from a snapshot at its freeze date (the
 * answers, evidence manifest and questionnaire version it froze) or, with no snapshot chosen, from the living
 * assessment today. The rule is the domain's (readWindow).
 */
export function useDeclaration(
  assessmentId: string,
  snapshotId: string | undefined,
  windowId: string | undefined,
): DeclarationState {
  const db = useDatabase();
  const data = useLiveQuery(async () => {
    const living = await readBundleOf(db, { assessmentId });
    if (!living) return null;
    const snapshots = await new SnapshotRepository(db).listByAssessment(assessmentId);
    const chosen = snapshots.find((s) => s.id === snapshotId);
    const bundle = chosen ? await readBundleOf(db, { assessmentId, snapshotId: chosen.id }) : living;
    if (!bundle) return null;
    // Today is read in the query, as on the results screen; a snapshot is read at the date it was frozen.
    const asOf = chosen ? chosen.scores.asOf : isoDateOf(Date.now());
    return { living, bundle, snapshots, snapshot: chosen, asOf };
  }, [db, assessmentId, snapshotId]);
  const read = data?.bundle.assessment;
  const loaded = useQuestionnaire(read?.questionnaireId, read?.questionnaireVersion);
  const rules = useEvidenceRules(read?.questionnaireId, read?.questionnaireVersion);

  return useMemo((): DeclarationState => {
    if (data === undefined) return { status: 'loading' };
    if (data === null) return { status: 'not-found' };
    if (loaded.status === 'loading' || rules.status === 'loading') return { status: 'loading' };
    if (loaded.status === 'error') return { status: 'questionnaire-missing', assessment: data.bundle.assessment };
    const { bundle, living, snapshots, snapshot, asOf } = data;
    const questionnaire = withCategoryTerms(loaded.value.questionnaire, bundle.establishment.category);
    const ruleFile = rules.status === 'ready' ? rules.value : undefined;
    const windows = windowsOf(ruleFile);
    const window = windows.find((w) => w.id === windowId) ?? windows[0];
    const score = scoreAssessment(questionnaire, bundle.assessment.answers, audiencesOf(bundle.establishment), asOf);
    const readiness = window
      ? readWindow(
          window.id,
          ruleFile,
          score,
          bundle.evidence,
          questionnaire.items.map((i) => i.id),
        )
      : undefined;
    return {
      status: 'ready',
      model: {
        assessment: living.assessment,
        establishment: living.establishment,
        snapshots,
        snapshot,
        questionnaire,
        answers: bundle.assessment.answers,
        windows,
        readiness,
      },
    };
  }, [data, loaded, rules, windowId]);
}
