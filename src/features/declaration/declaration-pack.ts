import { readWindow } from '../../domain/declaration/declaration-readiness';
import { listPackEntries, PACK_COVER_NAME, safePackName } from '../../domain/declaration/pack-entries';
import type { DeclarationWindowId } from '../../domain/evidence/expected-proofs';
import { audiencesOf } from '../../domain/establishment/establishment';
import { sha256Hex } from '../../domain/hash';
import type { Language } from '../../domain/localized-text';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import { scoreAssessment } from '../../domain/scoring/score-assessment';
import type { CareDatabase } from '../../storage/care-database';
import { loadEvidenceRules } from '../../storage/evidence-rules-catalog';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { readSnapshotBundle } from '../../storage/snapshot-repository';
import { StorageError } from '../../storage/storage-error';

export interface DeclarationPack {
  bytes: Uint8Array;
  fileName: string;
  /** The proof files in the pack (a proof serving two objectives counts twice). */
  proofFiles: number;
}

/**
 * The declaration pack of one window, made from a snapshot only (issue 18): its answers, evidence manifest and
 * questionnaire version, read at its freeze date, the proof bytes it keeps (each checked against the SHA-256 it
 * recorded). A zip: the PDF cover at its root, then `<objective id>/<file>` for the proofs that count. jsPDF, the
 * fonts and fflate load only when a pack is asked for.
 */
export async function buildDeclarationPack(
  db: CareDatabase,
  snapshotId: string,
  windowId: DeclarationWindowId,
  language: Language,
): Promise<DeclarationPack> {
  const bundle = await readSnapshotBundle(db, snapshotId, { withEvidenceBytes: true });
  if (!bundle) throw new StorageError('not-found', snapshotId);
  const { snapshot } = bundle;
  const [{ questionnaire: shipped }, rules] = await Promise.all([
    loadQuestionnaire(snapshot.questionnaireId, snapshot.questionnaireVersion),
    loadEvidenceRules(snapshot.questionnaireId, snapshot.questionnaireVersion),
  ]);
  const questionnaire = withCategoryTerms(shipped, bundle.establishment.category);
  const asOf = snapshot.scores.asOf;
  const score = scoreAssessment(questionnaire, snapshot.answers, audiencesOf(bundle.establishment), asOf);
  const readiness = readWindow(
    windowId,
    rules,
    score,
    snapshot.evidence,
    questionnaire.items.map((i) => i.id),
  );
  if (!readiness) throw new StorageError('not-found', windowId);
  const entries = listPackEntries(readiness);

  const bytesById = new Map(snapshot.evidence.map((entry, i) => [entry.id, bundle.evidenceBytes[i]]));
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const entry of entries) {
    const bytes = bytesById.get(entry.proof.id);
    // The bytes must be those the snapshot recorded: a proof that does not match is not sent under its name.
    if (!bytes || (await sha256Hex(bytes)) !== entry.proof.sha256) {
      throw new StorageError('invalid-record', entry.proof.name);
    }
    // Proofs are mostly PDF or images, already compressed: stored as they are.
    files[entry.path] = [new Uint8Array(bytes), { level: 0 }];
  }

  const [{ renderDeclarationCover }, { browserFontLoader }, { zipSync }] = await Promise.all([
    import('../../report/declaration/render-declaration-cover'),
    import('../../report/pdf/fonts-browser'),
    import('fflate'),
  ]);
  const cover = renderDeclarationCover({
    establishment: bundle.establishment,
    questionnaire,
    answers: snapshot.answers,
    readiness,
    snapshot,
    entries,
    language,
    fonts: await browserFontLoader(),
  });
  const finess = bundle.establishment.finessEg ?? bundle.establishment.finessEj;
  return {
    bytes: zipSync({ [PACK_COVER_NAME]: [cover.bytes, { level: 6 }], ...files }),
    fileName: safePackName(`dossier-declaration_${finess}_${windowId}_${asOf}.zip`),
    proofFiles: entries.length,
  };
}
