import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hashQuestionnaire, parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { ShippedQuestionnaire, ShippedQuestionnaires } from '../exchange/shipped-questionnaires';

/**
 * The questionnaires this copy of the project ships (questionnaires/<id>/<version>.json), read from disk the first
 * time a file names them and kept: the command line's counterpart of the app's catalog
 * (src/storage/questionnaire-catalog.ts), against which `verify` and `consolidate` read each file's answers.
 */
export const questionnaireFolder = new URL('../../questionnaires/', import.meta.url);

export function questionnaireFiles(folder: URL = questionnaireFolder): ShippedQuestionnaires {
  let versions: Map<string, string[]> | undefined;
  const loaded = new Map<string, Promise<ShippedQuestionnaire>>();
  const list = () => {
    if (!versions) {
      versions = new Map();
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const files = readdirSync(new URL(`${entry.name}/`, folder)).filter((name) => name.endsWith('.json'));
        versions.set(
          entry.name,
          files.map((name) => name.slice(0, -'.json'.length)),
        );
      }
    }
    return versions;
  };
  return {
    versionsOf: (id) => list().get(id) ?? [],
    load(id, version) {
      const key = `${id}@${version}`;
      let pending = loaded.get(key);
      if (!pending) {
        pending = readFile(new URL(`${id}/${version}.json`, folder), 'utf8').then(async (text) => {
          const parsed = parseQuestionnaire(JSON.parse(text) as unknown, `${id}/${version}.json`);
          if (!parsed.ok)
            throw new Error(`${parsed.fileName}: ${parsed.issues[0]?.path ?? ''} ${parsed.issues[0]?.message ?? ''}`);
          return { questionnaire: parsed.questionnaire, contentHash: await hashQuestionnaire(parsed.questionnaire) };
        });
        loaded.set(key, pending);
      }
      return pending;
    },
  };
}
