import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';

/*
 * A shipped questionnaire file as a module, and the one step that makes it a checked questionnaire with its hash:
 * shared by the app's catalog (questionnaire-catalog.ts, lazy chunks) and the import worker (worker-questionnaires.ts,
 * static imports), kept apart from both so that the worker does not take the catalog's lazy imports with it.
 */

/**
 * A questionnaire file as a module. In the production build it was validated and hashed at build time
 * (scripts/vite-compressed-json.ts), which the module says with `checkedAtBuild`; in development and the tests it is
 * the file as it is, checked here.
 */
export interface QuestionnaireModule {
  default: unknown;
  checkedAtBuild?: { contentHash: string };
  /** In the import worker's build, the checked questionnaire and its hash, fetched on first use. */
  loadCheckedAtBuild?: () => Promise<unknown>;
}

export interface LoadedQuestionnaire {
  questionnaire: Questionnaire;
  contentHash: string;
}

export class QuestionnaireUnavailableError extends Error {
  override readonly name = 'QuestionnaireUnavailableError';
}

/**
 * A questionnaire file's module as a checked questionnaire and its content hash, for the catalog and the import
 * worker alike: what the build checked and hashed is taken as it is (the worker's build fetches it on first use);
 * otherwise (development, the tests) the file is validated and hashed here, and a file the schema refuses is
 * unavailable, named with the first path at fault.
 */
export async function loadQuestionnaireModule(
  module: QuestionnaireModule,
  fileName: string,
): Promise<LoadedQuestionnaire> {
  if (module.loadCheckedAtBuild) return (await module.loadCheckedAtBuild()) as LoadedQuestionnaire;
  if (module.checkedAtBuild)
    return { questionnaire: module.default as Questionnaire, contentHash: module.checkedAtBuild.contentHash };
  // The validation code is loaded only here, for a file the build did not check (development, the tests): the screens
  // that only read shipped questionnaires do not load zod's questionnaire schema for nothing (design §8).
  const { hashQuestionnaire, parseQuestionnaire } = await import('../domain/questionnaire/parse-questionnaire');
  const parsed = parseQuestionnaire(module.default, fileName);
  if (!parsed.ok) throw new QuestionnaireUnavailableError(`${parsed.fileName}: ${parsed.issues[0]?.path ?? ''}`);
  return { questionnaire: parsed.questionnaire, contentHash: await hashQuestionnaire(parsed.questionnaire) };
}
