import { hashQuestionnaire, parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';

/**
 * The shipped questionnaires for the import worker, imported statically: a dynamic import() in a worker goes through
 * Vite’s preload helper, which needs `document`, absent from a worker. They are part of the worker’s
 * chunk (bundled as modules, not stored compressed); each is parsed and hashed once, when a file first names it. The same
 * shape as catalogQuestionnaires (catalog-questionnaires.ts).
 */
const files = import.meta.glob<unknown>('../../questionnaires/*/*.json', { import: 'default', eager: true });

const entries = Object.entries(files).flatMap(([path, raw]) => {
  const match = /questionnaires\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? [{ id: match[1], version: match[2], raw }] : [];
});

const loaded = new Map<string, Promise<{ questionnaire: Questionnaire; contentHash: string }>>();

export const workerQuestionnaires = {
  versionsOf: (id: string): string[] => entries.filter((e) => e.id === id).map((e) => e.version),
  load(id: string, version: string): Promise<{ questionnaire: Questionnaire; contentHash: string }> {
    const key = `${id}@${version}`;
    let pending = loaded.get(key);
    if (!pending) {
      const entry = entries.find((e) => e.id === id && e.version === version);
      const parsed = entry ? parseQuestionnaire(entry.raw, `${id}/${version}.json`) : undefined;
      pending = parsed?.ok
        ? hashQuestionnaire(parsed.questionnaire).then((contentHash) => ({
            questionnaire: parsed.questionnaire,
            contentHash,
          }))
        : Promise.reject(new Error(`questionnaire ${key} unavailable`));
      loaded.set(key, pending);
    }
    return pending;
  },
};
