// Build-time plugin: large JSON data loaded on demand is stored gzip-compressed and inflated on use.
//
// The service worker precaches every file as stored (design §8: precache ≤ 1.5 MB), and a JSON file imported by the
// app becomes a JavaScript module of the same size: the four questionnaires (both languages) weighed 262 KiB that
// way, the demo data 31 KiB. In the build, an import of one of the files below becomes a small module that fetches
// the file stored as `<folder>-<name>.json-<hash>.gz` and inflates it with `DecompressionStream`
// (src/storage/fetch-compressed-json.ts); its default export is the parsed JSON, as before (a top-level await), so
// the code that imports it is unchanged, and so is everything computed from it (the questionnaire's content hash is
// computed on the parsed content). In development and the unit tests the files are imported as they are.
//
// An older version of a questionnaire (2026.1 once 2026.2 ships) is stored as its delta against the newest version
// of the same questionnaire and rebuilt on load (src/storage/questionnaire-delta.ts): stored whole, each frozen
// version would weigh as much again in the precache.
//
// The texts of the screens (src/texts/locales/fr.ts and en.ts: every area of one language, 80 KiB each as a module)
// are compressed the same way, one file per language: each module is replaced by one that fetches
// `locales-<language>.json-<hash>.gz` holding `{ <area>: … }` and exports it as `fr` or `en`, so that the app fetches,
// inflates and parses only the language it shows. scripts/vite-compressed-json.test.ts proves that these files hold
// exactly what the modules export.
//
// The framework mappings (questionnaires/mappings/<framework>/<version>.json, imported by
// src/storage/framework-catalog.ts) are validated here like the questionnaires and stored compressed as they parse.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import {
  hashQuestionnaire,
  parseQuestionnaire,
  type QuestionnaireParseResult,
} from '../src/domain/questionnaire/parse-questionnaire';
import { encodeDelta } from '../src/storage/questionnaire-delta';
import { parseFrameworkMapping } from '../src/domain/frameworks/framework-mapping-schema';
import type { FrameworkMapping } from '../src/domain/frameworks/framework-types';

/** Which imports are stored compressed: the importing module and the imported file, both by path. */
const compressedImports: { importer: RegExp; source: RegExp }[] = [
  { importer: /\/src\/storage\/questionnaire-catalog\.ts$/, source: /\/questionnaires\/[^/]+\/[^/]+\.json$/ },
  // The import worker's own copy of the catalog (a worker cannot use the catalog's dynamic imports).
  { importer: /\/src\/storage\/worker-questionnaires\.ts$/, source: /\/questionnaires\/[^/]+\/[^/]+\.json$/ },
  { importer: /\/src\/storage\/demo-data\.ts$/, source: /\/seeds\/demo\.json$/ },
  // The framework mappings (issue 17), fetched when the « Référentiels » view or a report's annex needs one.
  { importer: /\/src\/storage\/framework-catalog\.ts$/, source: /\/questionnaires\/mappings\/[^/]+\/[^/]+\.json$/ },
];

/** The import worker's questionnaires, whose modules load their file on first use (see load()). */
const workerImporter = /\/src\/storage\/worker-questionnaires\.ts$/;
const workerSuffix = '?inflate-on-use';

const questionnaireFile = /\/questionnaires\/([^/]+)\/([^/]+\.json)$/;
const frameworkMappingFile = /\/questionnaires\/mappings\/([^/]+)\/([^/]+\.json)$/;

/**
 * A framework mapping (questionnaires/mappings/<framework>/<version>.json) is validated once, here, like a
 * questionnaire: the build fails, naming the file and the field, on a mapping the app would refuse, and the browser
 * reads the checked mapping without loading the validation code (src/storage/framework-catalog.ts).
 */
export function checkFrameworkMappingAtBuild(raw: unknown, fileName: string): FrameworkMapping {
  const parsed = parseFrameworkMapping(raw, fileName);
  if (!parsed.ok) {
    const [issue] = parsed.issues;
    throw new Error(`${fileName}: ${issue?.path ?? ''}: ${issue?.message ?? 'invalid framework mapping'}`);
  }
  return parsed.mapping;
}

/**
 * A shipped questionnaire is validated and hashed once, here, rather than in every browser that opens it: on a
 * phone, the schema check and the canonical hash of CaRE held the main thread for half a second on each screen that
 * reads it (design §8: Lighthouse ≥ 95 on the data screens). The build fails, naming the file and the field, on a
 * questionnaire the app would refuse. The stored file holds the validated questionnaire and its content hash, and
 * the module exports the hash as `checkedAtBuild` (src/storage/questionnaire-catalog.ts reads it).
 */
export async function checkQuestionnaireAtBuild(
  raw: unknown,
  fileName: string,
): Promise<{ questionnaire: Extract<QuestionnaireParseResult, { ok: true }>['questionnaire']; contentHash: string }> {
  const parsed = parseQuestionnaire(raw, fileName);
  if (!parsed.ok) {
    const [issue] = parsed.issues;
    throw new Error(`${fileName}: ${issue?.path ?? ''}: ${issue?.message ?? 'invalid questionnaire'}`);
  }
  return { questionnaire: parsed.questionnaire, contentHash: await hashQuestionnaire(parsed.questionnaire) };
}

/**
 * The newest version shipped beside a questionnaire file (questionnaires/<id>/<version>.json), when it is not that
 * file itself: an older version is stored as its delta against it (src/storage/questionnaire-delta.ts).
 */
export function newerSibling(file: string): string | undefined {
  const folder = dirname(file);
  const rank = (name: string) => basename(name, '.json').split('.').map(Number);
  const [newest] = readdirSync(folder)
    .filter((name) => /^\d{4}\.\d+\.json$/.test(name))
    .sort((a, b) => {
      const [ya = 0, na = 0] = rank(a);
      const [yb = 0, nb = 0] = rank(b);
      return yb - ya || nb - na;
    });
  return newest && newest !== basename(file) ? join(folder, newest) : undefined;
}

const prefix = '\0compressed-json:';

/** The modules of every text of one language, whose export `fr` or `en` gathers `<language>/<area>.json`. */
const localesModule = /\/src\/texts\/locales\/(fr|en)\.ts$/;

/**
 * Areas left out of the screens' compressed texts: the first screen's (src/texts/locales/core.ts, bundled with it in
 * French and fetched first in English, core-en.ts) would be there twice, and the command line's are never read by a
 * screen. scripts/vite-compressed-json.test.ts checks this list against core.ts and core-en.ts.
 */
export const firstScreenAreas = ['common', 'home', 'establishments', 'errors', 'lock'];
export const areasOutsideScreenTexts = [...firstScreenAreas, 'cli'];

/** src/texts/locales/core-en.ts: in the build, the first screen's English areas as one compressed file. */
const englishCoreModule = /\/src\/texts\/locales\/core-en\.ts$/;

/**
 * What src/texts/locales/fr.ts and en.ts export, read from their folder: each language's areas named after files;
 * in the build, without {@link areasOutsideScreenTexts}.
 */
export function gatherLocaleTexts(
  folder: string,
  leaveOut: readonly string[] = [],
): Record<'fr' | 'en', Record<string, unknown>> {
  const language = (lang: 'fr' | 'en') =>
    Object.fromEntries(
      readdirSync(join(folder, lang))
        .filter((file) => file.endsWith('.json') && !leaveOut.includes(basename(file, '.json')))
        .sort()
        .map((file) => [
          basename(file, '.json'),
          JSON.parse(readFileSync(join(folder, lang, file), 'utf8')) as unknown,
        ]),
    );
  return { fr: language('fr'), en: language('en') };
}

export function compressedJsonInBuild(): Plugin {
  const helper = fileURLToPath(new URL('../src/storage/fetch-compressed-json.ts', import.meta.url));
  const deltaHelper = fileURLToPath(new URL('../src/storage/questionnaire-delta.ts', import.meta.url));
  return {
    name: 'care-compressed-json',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !compressedImports.some((c) => c.importer.test(importer) && c.source.test(source))) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The id must not end in .json, or Vite's JSON plugin would read the generated module as JSON.
      const suffix = workerImporter.test(importer) ? workerSuffix : '?inflate';
      return resolved ? `${prefix}${resolved.id}${suffix}` : null;
    },
    async load(id) {
      if (englishCoreModule.test(id)) {
        // The English texts of the first screen, fetched before it when the interface is in English: compressed
        // like the screens' texts (8.6 KiB as a module, 3 KiB stored).
        const english = gatherLocaleTexts(dirname(id)).en;
        const core = Object.fromEntries(firstScreenAreas.map((area) => [area, english[area]]));
        const reference = this.emitFile({
          type: 'asset',
          name: 'locales-en-core.json.gz',
          source: gzipSync(JSON.stringify(core), { level: 9 }),
        });
        return [
          `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
          `export const enCore = await fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
        ].join('\n');
      }
      const locale = localesModule.exec(id)?.[1] as 'fr' | 'en' | undefined;
      if (locale) {
        const reference = this.emitFile({
          type: 'asset',
          name: `locales-${locale}.json.gz`,
          source: gzipSync(JSON.stringify(gatherLocaleTexts(dirname(id), areasOutsideScreenTexts)[locale]), {
            level: 9,
          }),
        });
        return [
          `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
          `export const ${locale} = await fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
        ].join('\n');
      }
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -(id.endsWith(workerSuffix) ? workerSuffix : '?inflate').length);
      const json = readFileSync(file, 'utf8');
      const raw = JSON.parse(json) as unknown; // a broken file fails the build here, as the JSON plugin would
      const name = `${basename(dirname(file))}-${basename(file, '.json')}.json.gz`; // care-2026.1.json.gz
      const mapping = frameworkMappingFile.exec(file);
      if (mapping) {
        const checked = checkFrameworkMappingAtBuild(raw, `${mapping[1] ?? ''}/${mapping[2] ?? ''}`);
        const reference = this.emitFile({
          type: 'asset',
          name,
          source: gzipSync(JSON.stringify(checked), { level: 9 }),
        });
        return [
          `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
          `export default await fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
          'export const checkedAtBuild = true;',
        ].join('\n');
      }
      const questionnaire = questionnaireFile.exec(file);
      if (questionnaire) {
        const checked = await checkQuestionnaireAtBuild(raw, `${questionnaire[1] ?? ''}/${questionnaire[2] ?? ''}`);
        const newer = newerSibling(file);
        if (newer) {
          // An older version: its delta against the newest, which is stored (and precached) anyway; the same bytes
          // as the newest file's own module emits, so that the asset is stored once.
          const base = await checkQuestionnaireAtBuild(
            JSON.parse(readFileSync(newer, 'utf8')) as unknown,
            `${questionnaire[1] ?? ''}/${basename(newer)}`,
          );
          const baseReference = this.emitFile({
            type: 'asset',
            name: `${basename(dirname(newer))}-${basename(newer, '.json')}.json.gz`,
            source: gzipSync(JSON.stringify(base), { level: 9 }),
          });
          const deltaReference = this.emitFile({
            type: 'asset',
            name,
            source: gzipSync(
              JSON.stringify({
                contentHash: checked.contentHash,
                delta: encodeDelta(checked.questionnaire, base.questionnaire),
              }),
              { level: 9 },
            ),
          });
          const rebuild = [
            `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
            `import { decodeDelta } from ${JSON.stringify(deltaHelper)};`,
            'const rebuild = async () => {',
            '  const [stored, base] = await Promise.all([',
            `    fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${deltaReference}),`,
            `    fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${baseReference}),`,
            '  ]);',
            '  return { questionnaire: decodeDelta(stored.delta, base.questionnaire), contentHash: stored.contentHash };',
            '};',
          ];
          if (id.endsWith(workerSuffix)) {
            return [...rebuild, 'export const loadCheckedAtBuild = rebuild;', 'export default undefined;'].join('\n');
          }
          return [
            ...rebuild,
            'const checked = await rebuild();',
            'export default checked.questionnaire;',
            'export const checkedAtBuild = { contentHash: checked.contentHash };',
          ].join('\n');
        }
        const reference = this.emitFile({
          type: 'asset',
          name,
          source: gzipSync(JSON.stringify(checked), { level: 9 }),
        });
        if (id.endsWith(workerSuffix)) {
          // The worker imports every questionnaire statically: a module that awaited its fetch would hold the
          // worker's start, and the page's first messages with it. It is fetched on first use instead.
          return [
            `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
            `export const loadCheckedAtBuild = () => fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
            'export default undefined;',
          ].join('\n');
        }
        return [
          `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
          `const checked = await fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
          'export default checked.questionnaire;',
          'export const checkedAtBuild = { contentHash: checked.contentHash };',
        ].join('\n');
      }
      const reference = this.emitFile({ type: 'asset', name, source: gzipSync(json, { level: 9 }) });
      return [
        `import { fetchCompressedJson } from ${JSON.stringify(helper)};`,
        `export default await fetchCompressedJson(import.meta.ROLLUP_FILE_URL_${reference});`,
      ].join('\n');
    },
  };
}
