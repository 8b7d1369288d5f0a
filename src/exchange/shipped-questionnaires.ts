import { applicableItems } from '../domain/assessment/assessment';
import type { Audience, Questionnaire, QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import type { ExportContent } from './export-format';
import type { ContentRefusal } from './content-refusal';

/**
 * The questionnaires this build ships, as the import sees them (docs/export-format.md, "Checks of the content"). The
 * validation is pure and runs in a Web Worker, in Node and in tests: where the questionnaire files come from is the
 * caller's business (the app's catalog, src/storage/questionnaire-catalog.ts, through
 * src/storage/catalog-questionnaires.ts; the questionnaires/ folder for the command line,
 * src/cli/questionnaire-files.ts).
 */
export interface ShippedQuestionnaire {
  questionnaire: Questionnaire;
  /** SHA-256 of its canonical content (hashQuestionnaire), the hash an assessment and an export record. */
  contentHash: string;
}

export interface ShippedQuestionnaires {
  /** The versions of a questionnaire this build ships; none for an id it does not know. */
  versionsOf(id: string): readonly string[];
  /** One of those versions, parsed and hashed (the caller caches it: 1,000 files name the same few). */
  load(id: string, version: string): Promise<ShippedQuestionnaire>;
}

/** Versions read YYYY.N (questionnaire-schema.ts): ordered by year, then by N, as numbers. */
const VERSION = /^(\d{4})\.(\d+)$/;

function versionRank(version: string): [number, number] | undefined {
  const match = VERSION.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function isNewer(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** What the checks need of a questionnaire, worked out once per questionnaire and profile rather than per file. */
export interface QuestionnaireIndex {
  questionnaire: Questionnaire;
  items: ReadonlyMap<string, QuestionnaireItem>;
  /** The ids of the items that apply to a profile, keyed by the profile's audiences joined with "+". */
  applicableIds(audiences: readonly Audience[]): ReadonlySet<string>;
}

const indexes = new WeakMap<Questionnaire, QuestionnaireIndex>();

export function indexQuestionnaire(questionnaire: Questionnaire): QuestionnaireIndex {
  let index = indexes.get(questionnaire);
  if (!index) {
    const byProfile = new Map<string, ReadonlySet<string>>();
    index = {
      questionnaire,
      items: new Map(questionnaire.items.map((item) => [item.id, item])),
      applicableIds(audiences) {
        const key = audiences.join('+');
        let ids = byProfile.get(key);
        if (!ids) {
          ids = new Set(applicableItems(questionnaire, audiences).map((item) => item.id));
          byProfile.set(key, ids);
        }
        return ids;
      },
    };
    indexes.set(questionnaire, index);
  }
  return index;
}

export type QuestionnaireMatch = { ok: true; index: QuestionnaireIndex } | ({ ok: false } & ContentRefusal);

/**
 * The questionnaire a file was answered against, if this build ships it: the id must be known, the version one of
 * its versions (a newer one asks for an update of the app), and the content hash that of the shipped content (else
 * the answers cannot be read against anything known).
 */
export async function findShippedQuestionnaire(
  reference: ExportContent['questionnaire'],
  shipped: ShippedQuestionnaires,
): Promise<QuestionnaireMatch> {
  const path = ['content', 'questionnaire'];
  const found = await findShippedVersion(reference, shipped, { id: [...path, 'id'], version: [...path, 'version'] });
  if (!found.ok) return found;
  const loaded = found.shipped;
  if (loaded.contentHash !== reference.contentHash)
    return {
      ok: false,
      code: 'questionnaire-mismatch',
      path: [...path, 'contentHash'],
      detail: `${reference.id} ${reference.version} is ${loaded.contentHash}`,
    };
  return { ok: true, index: indexQuestionnaire(loaded.questionnaire) };
}

/**
 * A shipped version of a questionnaire by id and version, or why not: an unknown id or version, or a version newer
 * than every shipped one (update the app). The review file, which names a questionnaire without its content hash,
 * reads its items through this (validate-review.ts); `paths` says where the id and the version are in the file.
 */
export async function findShippedVersion(
  reference: { id: string; version: string },
  shipped: ShippedQuestionnaires,
  paths: { id: (string | number)[]; version: (string | number)[] },
): Promise<{ ok: true; shipped: ShippedQuestionnaire } | ({ ok: false } & ContentRefusal)> {
  const versions = shipped.versionsOf(reference.id);
  if (versions.length === 0)
    return {
      ok: false,
      code: 'unknown-questionnaire',
      path: paths.id,
      detail: `no questionnaire "${reference.id}"`,
    };
  if (!versions.includes(reference.version)) {
    const found = versionRank(reference.version);
    const ranks = versions.map(versionRank).filter((r): r is [number, number] => r !== undefined);
    const newer = found !== undefined && ranks.every((rank) => isNewer(found, rank));
    return {
      ok: false,
      code: newer ? 'newer-questionnaire' : 'unknown-questionnaire',
      path: paths.version,
      detail: `${reference.id} ${reference.version}; this build ships ${versions.join(', ')}`,
    };
  }
  return { ok: true, shipped: await shipped.load(reference.id, reference.version) };
}
