import { catalogQuestionnaires } from '../../storage/catalog-questionnaires';
import { validateExportFile, type ExportValidation, type ValidateExportOptions } from '../../exchange/validate-export';

/** The questionnaires of this build, as the app's import reads them (its catalog). */
export const shippedQuestionnaires = catalogQuestionnaires;

/** validateExportFile against the questionnaires of this build, as the app's import runs it. */
export function validateTestFile(
  data: Uint8Array | string,
  fileName: string,
  options: Partial<ValidateExportOptions> = {},
): Promise<ExportValidation> {
  return validateExportFile(data, fileName, { questionnaires: shippedQuestionnaires, ...options });
}
