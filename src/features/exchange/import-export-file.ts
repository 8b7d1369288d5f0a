import { validateExportFile, type ExportValidation } from '../../exchange/validate-export';
import type { CareDatabase } from '../../storage/care-database';
import { storeSubmission, type StoreResult } from '../../storage/submission-repository';
import { catalogQuestionnaires } from '../../storage/catalog-questionnaires';

/**
 * Validates one export file and stores it only when it is valid (design principle 6: untrusted input is data; a
 * refused file changes nothing). The validation result says why a file was refused; the store result says whether
 * it was new, replaced an older export or was older than the one kept, and whether its key is the one known.
 */
export async function importExportFile(
  db: CareDatabase,
  data: Uint8Array | string,
  fileName: string,
  now: number = Date.now(),
): Promise<{ validation: ExportValidation; stored?: StoreResult }> {
  const validation = await validateExportFile(data, fileName, { questionnaires: catalogQuestionnaires });
  if (!validation.ok) return { validation };
  return { validation, stored: await storeSubmission(db, validation, now) };
}
