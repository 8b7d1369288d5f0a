import {
  loadQuestionnaireModule,
  QuestionnaireUnavailableError,
  type LoadedQuestionnaire,
  type QuestionnaireModule,
} from './questionnaire-module';

/**
 * The shipped questionnaires for the import worker, imported statically: a dynamic import() in a worker goes through
 * Vite's preload helper, which needs `document`, absent from a worker. In the build each is still its compressed
 * file, validated and hashed at build time (scripts/vite-compressed-json.ts), fetched when a file first names it; in
 * development and the tests each is parsed and hashed once, when a file first names it. The same shape as
 * catalogQuestionnaires (catalog-questionnaires.ts), and the same parse-or-checked step (loadQuestionnaireModule).
 */
const files = import.meta.glob<QuestionnaireModule>('../../questionnaires/*/*.json', { eager: true });

const entries = Object.entries(files).flatMap(([path, module]) => {
  const match = /questionnaires\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? [{ id: match[1], version: match[2], module }] : [];
});

const loaded = new Map<string, Promise<LoadedQuestionnaire>>();

export const workerQuestionnaires = {
  versionsOf: (id: string): string[] => entries.filter((e) => e.id === id).map((e) => e.version),
  load(id: string, version: string): Promise<LoadedQuestionnaire> {
    const key = `${id}@${version}`;
    let pending = loaded.get(key);
    if (!pending) {
      const entry = entries.find((e) => e.id === id && e.version === version);
      pending = entry
        ? loadQuestionnaireModule(entry.module, `${id}/${version}.json`)
        : Promise.reject(new QuestionnaireUnavailableError(key));
      loaded.set(key, pending);
    }
    return pending;
  },
};
