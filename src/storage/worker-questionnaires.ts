import { hashQuestionnaire, parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';
import type { QuestionnaireModule } from './questionnaire-catalog';

/**
 * The shipped questionnaires for the import worker, imported statically: a dynamic import() in a worker goes through
 * Vite's preload helper, which needs `document`, absent from a worker. In the build each is still its compressed
 * file, validated and hashed at build time (scripts/vite-compressed-json.ts), fetched when a file first names it; in
 * development and the tests each is parsed and hashed once, when a file first names it. The same shape as
 * catalogQuestionnaires (catalog-questionnaires.ts).
 */
const files = import.meta.glob<QuestionnaireModule>('../../questionnaires/*/*.json', { eager: true });

const entries = Object.entries(files).flatMap(([path, module]) => {
  const match = /questionnaires\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? [{ id: match[1], version: match[2], module }] : [];
});

type Loaded = { questionnaire: Questionnaire; contentHash: string };
const unavailable = (key: string) => new Error(`questionnaire ${key} unavailable`);

async function loadEntry(module: QuestionnaireModule, fileName: string): Promise<Loaded> {
  if (module.loadCheckedAtBuild) return (await module.loadCheckedAtBuild()) as Loaded;
  const parsed = parseQuestionnaire(module.default, fileName);
  if (!parsed.ok) throw unavailable(fileName);
  return { questionnaire: parsed.questionnaire, contentHash: await hashQuestionnaire(parsed.questionnaire) };
}

const loaded = new Map<string, Promise<{ questionnaire: Questionnaire; contentHash: string }>>();

export const workerQuestionnaires = {
  versionsOf: (id: string): string[] => entries.filter((e) => e.id === id).map((e) => e.version),
  load(id: string, version: string): Promise<{ questionnaire: Questionnaire; contentHash: string }> {
    const key = `${id}@${version}`;
    let pending = loaded.get(key);
    if (!pending) {
      const entry = entries.find((e) => e.id === id && e.version === version);
      pending = entry ? loadEntry(entry.module, `${id}/${version}.json`) : Promise.reject(unavailable(key));
      loaded.set(key, pending);
    }
    return pending;
  },
};
