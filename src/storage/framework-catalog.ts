import type { FrameworkMapping } from '../domain/frameworks/framework-types';

/**
 * The framework mappings shipped with this build (questionnaires/mappings/<framework>/<version>.json: ANSSI's ReCyF,
 * the ANSSI hygiene guide, the HAS ESSMS criteria; docs/frameworks.md). Each file is its own compressed asset,
 * fetched when first needed (the « Référentiels » view, a report's annex), never by the first screen, and precached
 * for offline use. Every released version stays available: an assessment keeps reading the version it was opened
 * with until the user moves it (issue 17, « Versions »).
 */

/**
 * A mapping file as a module. In the production build it was validated at build time (scripts/vite-compressed-json.ts)
 * and says so with `checkedAtBuild`; in development and the tests it is the file as it is, checked here.
 */
interface FrameworkMappingModule {
  default: unknown;
  checkedAtBuild?: true;
}

const files = import.meta.glob<FrameworkMappingModule>('../../questionnaires/mappings/*/*.json');

export interface FrameworkCatalogEntry {
  framework: string;
  version: string;
}

export class FrameworkMappingUnavailableError extends Error {
  override readonly name = 'FrameworkMappingUnavailableError';
}

function entryOf(path: string): FrameworkCatalogEntry | undefined {
  const match = /mappings\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match?.[1] && match[2] ? { framework: match[1], version: match[2] } : undefined;
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Every shipped mapping, by framework then version (oldest first). */
export function listFrameworkMappings(): FrameworkCatalogEntry[] {
  return Object.keys(files)
    .map(entryOf)
    .filter((e): e is FrameworkCatalogEntry => e !== undefined)
    .sort((a, b) => a.framework.localeCompare(b.framework) || compareVersions(a.version, b.version));
}

/** The newest shipped version of a framework: the one an assessment that has read none yet reads. */
export function latestFrameworkVersion(framework: string): string | undefined {
  return listFrameworkMappings()
    .filter((entry) => entry.framework === framework)
    .map((entry) => entry.version)
    .at(-1);
}

const cache = new Map<string, Promise<FrameworkMapping>>();

async function checkedMapping(module: FrameworkMappingModule, fileName: string): Promise<FrameworkMapping> {
  // Every mapping of a production build was checked by the build: the validation code is then left out of it.
  if (import.meta.env.PROD || module.checkedAtBuild) return module.default as FrameworkMapping;
  // The validation code is loaded only for a file the build did not check (development, the tests).
  const { parseFrameworkMapping } = await import('../domain/frameworks/framework-mapping-schema');
  const parsed = parseFrameworkMapping(module.default, fileName);
  if (!parsed.ok) throw new FrameworkMappingUnavailableError(`${parsed.fileName}: ${parsed.issues[0]?.path ?? ''}`);
  return parsed.mapping;
}

/** One shipped mapping, loaded and checked once; refused with FrameworkMappingUnavailableError if not shipped. */
export function loadFrameworkMapping(framework: string, version: string): Promise<FrameworkMapping> {
  const key = `${framework}@${version}`;
  let pending = cache.get(key);
  if (!pending) {
    const path = Object.keys(files).find((p) => p.endsWith(`/mappings/${framework}/${version}.json`));
    const load = path ? files[path] : undefined;
    pending = load
      ? load().then((module) => checkedMapping(module, `${framework}/${version}.json`))
      : Promise.reject(new FrameworkMappingUnavailableError(key));
    cache.set(key, pending);
  }
  return pending;
}
