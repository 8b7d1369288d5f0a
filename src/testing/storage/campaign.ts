import type { Assessment } from '../../domain/assessment/assessment';
import type { Establishment, EstablishmentCategory } from '../../domain/establishment/establishment';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { AssessmentRepository } from '../../storage/assessment-repository';
import type { CareDatabase } from '../../storage/care-database';
import { EstablishmentRepository } from '../../storage/establishment-repository';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';

/** A hospital (a CH unless said otherwise, valid FINESS), stored through the app's own repository. */
export function createEstablishment(
  db: CareDatabase,
  { category = 'ch', ghtName }: { category?: EstablishmentCategory; ghtName?: string } = {},
): Promise<Establishment> {
  return new EstablishmentRepository(db).create({
    name: 'Centre hospitalier de Bourg',
    finessEj: '010780914',
    category,
    isGhtSupport: false,
    ...(ghtName ? { ghtName } : {}),
  });
}

export interface Campaign {
  establishment: Establishment;
  assessment: Assessment;
  questionnaire: Questionnaire;
}

/**
 * An establishment with one campaign of a bundled questionnaire (2026.1), no answer yet: the starting point of the
 * screens that answer, plan or report.
 */
export async function createCampaign(
  db: CareDatabase,
  { questionnaireId = 'care', campaignYear = 2026 }: { questionnaireId?: string; campaignYear?: number } = {},
): Promise<Campaign> {
  const establishment = await createEstablishment(db);
  const { questionnaire, contentHash } = await loadQuestionnaire(questionnaireId, '2026.1');
  const assessment = await new AssessmentRepository(db).create({
    establishmentId: establishment.id,
    questionnaireId,
    questionnaireVersion: questionnaire.version,
    contentHash,
    campaignYear,
  });
  return { establishment, assessment, questionnaire };
}
