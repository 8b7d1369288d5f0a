import { readdir, readFile } from 'node:fs/promises';
import { parseFrameworkMapping } from '../domain/frameworks/framework-mapping-schema';
import type { FrameworkMapping } from '../domain/frameworks/framework-types';
import { questionnaireFolder } from './questionnaire-files';

/**
 * The newest mapping of a framework this copy of the project ships (questionnaires/mappings/<framework>/<version>.json),
 * checked against the mapping schema: the command line's counterpart of the app's mapping catalog. An export file
 * does not say which mapping version its establishment reads, so the command line reads the newest, and the annex
 * says which. Undefined when the framework has no valid file.
 */
export async function newestMapping(
  framework: string,
  folder: URL = new URL('mappings/', questionnaireFolder),
): Promise<FrameworkMapping | undefined> {
  let versions: string[];
  try {
    versions = (await readdir(new URL(`${framework}/`, folder)))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  } catch {
    return undefined;
  }
  const [newest] = versions;
  if (newest === undefined) return undefined;
  try {
    const raw = JSON.parse(await readFile(new URL(`${framework}/${newest}.json`, folder), 'utf8')) as unknown;
    const parsed = parseFrameworkMapping(raw, `${framework}/${newest}.json`);
    return parsed.ok ? parsed.mapping : undefined;
  } catch {
    return undefined;
  }
}
