import type { EvidenceRules } from '../domain/evidence/evidence-validity';

/**
 * The evidence validity rules shipped with this build, one file per questionnaire version
 * (questionnaires/<id>/evidence-rules/<version>.json, src/domain/evidence/evidence-validity.ts). Each file is its own
 * small chunk, loaded when a screen needs it; they are checked against their schema and their questionnaire by
 * src/storage/evidence-rules-catalog.test.ts, so the app reads them as they are.
 */
const files = import.meta.glob<{ default: unknown }>('../../questionnaires/*/evidence-rules/*.json');

/** The rules of a questionnaire version; none (an empty list) when it has no rules file. */
export async function loadEvidenceRules(questionnaireId: string, version: string): Promise<EvidenceRules> {
  const path = Object.keys(files).find((p) =>
    p.endsWith(`/questionnaires/${questionnaireId}/evidence-rules/${version}.json`),
  );
  const load = path ? files[path] : undefined;
  if (!load) return { questionnaireId, version, rules: [] };
  return (await load()).default as EvidenceRules;
}

/** Every rules file shipped, as [path, loader] pairs: for the integrity test. */
export function listEvidenceRuleFiles(): string[] {
  return Object.keys(files);
}
