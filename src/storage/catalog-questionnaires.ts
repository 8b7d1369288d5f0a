import { listCatalog, loadQuestionnaire } from './questionnaire-catalog';

/**
 * The questionnaires of the app's catalog (every shipped version, each loaded and hashed once), in the shape the
 * import reads a file's answers against (ShippedQuestionnaires, src/exchange/shipped-questionnaires.ts; storage does
 * not import the exchange layer, the shape is matched structurally). Used by the import worker, importExportFile and
 * the export's own check.
 */
export const catalogQuestionnaires = {
  versionsOf: (id: string): string[] =>
    listCatalog()
      .filter((entry) => entry.id === id)
      .map((entry) => entry.version),
  load: loadQuestionnaire,
};
