import { questionnaireKey } from '../domain/questionnaire/questionnaire-key';
import {
  loadQuestionnaireModule,
  QuestionnaireUnavailableError,
  type LoadedQuestionnaire,
  type QuestionnaireModule,
} from './questionnaire-module';

export {
  loadQuestionnaireModule,
  QuestionnaireUnavailableError,
  type LoadedQuestionnaire,
  type QuestionnaireModule,
} from './questionnaire-module';

/**
 * The questionnaires shipped with this build (questionnaires/<id>/<version>.json). Each file is its own chunk,
 * loaded when first needed and precached for offline use; every released version stays available so that old
 * assessments still open and score (design §5, version clock 3).
 */
const files = import.meta.glob<QuestionnaireModule>('../../questionnaires/*/*.json');

export interface CatalogEntry {
  id: string;
  version: string;
}

function entryOf(path: string): CatalogEntry | undefined {
  const match = /questionnaires\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? { id: match[1], version: match[2] } : undefined;
}

export function listCatalog(): CatalogEntry[] {
  return Object.keys(files)
    .map(entryOf)
    .filter((e): e is CatalogEntry => e !== undefined);
}

const cache = new Map<string, Promise<LoadedQuestionnaire>>();

export function loadQuestionnaire(id: string, version: string): Promise<LoadedQuestionnaire> {
  const key = questionnaireKey({ id, version });
  let pending = cache.get(key);
  if (!pending) {
    const path = Object.keys(files).find((p) => p.endsWith(`/questionnaires/${id}/${version}.json`));
    const load = path ? files[path] : undefined;
    pending = load
      ? load().then((module) => loadQuestionnaireModule(module, `${id}/${version}.json`))
      : Promise.reject(new QuestionnaireUnavailableError(key));
    cache.set(key, pending);
  }
  return pending;
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The newest version of a questionnaire this build ships: the one a new assessment starts on. */
export function latestVersionOf(id: string): string | undefined {
  return listCatalog()
    .filter((entry) => entry.id === id)
    .map((entry) => entry.version)
    .sort(compareVersions)
    .at(-1);
}

/** The newest version of each questionnaire, in a stable order (CaRE, HospiConnect, then the others). */
export async function loadLatestQuestionnaires(): Promise<LoadedQuestionnaire[]> {
  const latest = new Map<string, string>();
  for (const { id, version } of listCatalog()) {
    const known = latest.get(id);
    if (known === undefined || compareVersions(version, known) > 0) latest.set(id, version);
  }
  const order = ['care', 'hospiconnect', 'esms'];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const ids = [...latest.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Promise.all(ids.map((id) => loadQuestionnaire(id, latest.get(id) ?? '')));
}

/** Every shipped version of every questionnaire, newest first within each questionnaire. */
export async function loadAllQuestionnaires(): Promise<LoadedQuestionnaire[]> {
  const latest = await loadLatestQuestionnaires();
  const order = latest.map((l) => l.questionnaire.id);
  const entries = listCatalog().sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id) || compareVersions(b.version, a.version),
  );
  return Promise.all(entries.map((e) => loadQuestionnaire(e.id, e.version)));
}
