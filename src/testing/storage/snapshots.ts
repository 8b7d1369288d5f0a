import { freezeAssessment, type Snapshot } from '../../domain/snapshot/snapshot';
import type { CareDatabase } from '../../storage/care-database';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { SnapshotRepository } from '../../storage/snapshot-repository';

/** Freezes an assessment through the repository, as the snapshots screen does, with its shipped questionnaire. */
export async function freezeForTest(
  db: CareDatabase,
  assessmentId: string,
  options: { name?: string; frozenAt?: number } = {},
): Promise<Snapshot> {
  const frozenAt = options.frozenAt ?? Date.UTC(2026, 11, 2, 10, 0, 0);
  return new SnapshotRepository(db).freeze(assessmentId, async (bundle) => {
    const { questionnaire } = await loadQuestionnaire(
      bundle.assessment.questionnaireId,
      bundle.assessment.questionnaireVersion,
    );
    return freezeAssessment(bundle, questionnaire, {
      id: crypto.randomUUID(),
      name: options.name ?? 'Instantané de test',
      frozenAt,
    });
  });
}
