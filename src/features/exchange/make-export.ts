import type { Assessment } from '../../domain/assessment/assessment';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { answerFingerprints, changedReviewedItems } from '../../domain/review/review-changes';
import type { Snapshot } from '../../domain/snapshot/snapshot';
import { reviewSubmissionOf } from '../../exchange/build-review';
import type { ReviewEnvelope } from '../../exchange/review-format';
import { ReviewExchangeRepository } from '../../storage/review-exchange-repository';
import { buildExportEnvelope, pickCampaignBudget, sealExport, type ExportInput } from '../../exchange/build-export';
import { exportFileName, serializeExport, zipExport, type EvidenceFile } from '../../exchange/export-file';
import type { ExportEnvelope, ExportReviewChanges, SharingLevel } from '../../exchange/export-format';
import { publicJwkOf, webCryptoSigner, type ExportSigner } from '../../exchange/signing';
import { validateExportFile, type ExportValidation } from '../../exchange/validate-export';
import { catalogQuestionnaires } from '../../storage/catalog-questionnaires';
import type { CareDatabase, InstallationKeyRow } from '../../storage/care-database';
import { readBundleOf } from '../../storage/snapshot-repository';
import { StorageError } from '../../storage/storage-error';

/**
 * Makes the export file of an assessment from what this device holds: the establishment, the answers, the budget of
 * the campaign year, the application inventory, the action plan and the evidence (design §4, Exchange). Everything is
 * read in one transaction, so the file is one consistent state even while another tab writes.
 */
export interface ExportSource {
  input: ExportInput;
  /** The evidence files of the assessment with their bytes, for the zip form (when asked for). */
  evidenceFiles: EvidenceFile[];
  evidenceCount: number;
  /** Total size of the evidence files, in bytes. */
  evidenceSize: number;
  /** The snapshot the file is made from (issue 18), when it is one's: its answers and proofs as they were frozen. */
  snapshotId?: string | undefined;
}

export async function gatherExportSource(
  db: CareDatabase,
  assessmentId: string,
  questionnaire: { questionnaire: Questionnaire; contentHash: string },
  options: { appVersion: string; now: Date; withEvidenceBytes?: boolean; snapshotId?: string | undefined },
): Promise<ExportSource> {
  // One consistent state even while another tab writes, opened after its transaction when the lock is on. A
  // snapshot's file is made from the snapshot alone, in the same format (src/storage/snapshot-repository.ts).
  const bundle = await readBundleOf(
    db,
    { assessmentId, snapshotId: options.snapshotId },
    { withEvidenceBytes: options.withEvidenceBytes },
  );
  if (!bundle) throw new StorageError('not-found', assessmentId);
  const { assessment, establishment, budgets, applications, actions, evidence, evidenceBytes } = bundle;
  const frozen = 'snapshot' in bundle ? (bundle as { snapshot: Snapshot }).snapshot : undefined;
  const reviewChanges = await reviewChangesOf(db, assessmentId, assessment.answers, questionnaire.questionnaire);
  const byEstablishment = <T extends { establishmentId: string }>(rows: T[]) =>
    rows.filter((r) => r.establishmentId === establishment.id);
  return {
    input: {
      establishment,
      assessment,
      questionnaire: questionnaire.questionnaire,
      contentHash: questionnaire.contentHash,
      budget: pickCampaignBudget(byEstablishment(budgets), assessment.campaignYear),
      applications: byEstablishment(applications),
      actions: byEstablishment(actions),
      evidence: evidence.map(({ itemId, name, type, size, sha256, documentDate }) => ({
        itemId,
        name,
        type,
        size,
        sha256,
        ...(documentDate ? { documentDate } : {}),
      })),
      appVersion: options.appVersion,
      exportedAt: options.now.toISOString(),
      ...(frozen
        ? { snapshot: { id: frozen.id, frozenAt: new Date(frozen.frozenAt).toISOString(), digest: frozen.digest } }
        : {}),
      ...(reviewChanges ? { reviewChanges } : {}),
    },
    evidenceFiles: options.withEvidenceBytes
      ? evidence.map((row, i) => {
          const data = evidenceBytes[i];
          if (!data) throw new StorageError('not-found', `evidence file ${row.id}`);
          return { itemId: row.itemId, name: row.name, bytes: new Uint8Array(data) };
        })
      : [],
    evidenceSize: evidence.reduce((total, row) => total + row.size, 0),
    evidenceCount: evidence.length,
    ...(options.snapshotId === undefined ? {} : { snapshotId: options.snapshotId }),
  };
}

/**
 * What the next export says of the last review received (export format version 2, `content.reviewChanges`): the
 * review's digest and date, and the items it marked whose answer changed since the export it answered. Undefined
 * when no review was received for the assessment, or its export is no longer known here.
 */
export async function reviewChangesOf(
  db: CareDatabase,
  assessmentId: string,
  answers: Assessment['answers'],
  questionnaire: Questionnaire,
): Promise<ExportReviewChanges | undefined> {
  const repository = new ReviewExchangeRepository(db);
  const review = await repository.latestReview(assessmentId);
  if (!review) return undefined;
  const answered = await repository.sentExport(review.exportDigest);
  if (!answered) return undefined;
  const envelope = review.document as ReviewEnvelope;
  return {
    reviewDigest: review.id,
    reviewedAt: review.reviewedAt,
    changedItemIds: changedReviewedItems(
      envelope.items.map((item) => item.itemId),
      answered.answers,
      answers,
      questionnaire.items.map((item) => item.id),
    ),
  };
}

/** Records an export just handed to the user, so that a review of it can be tied to it later by its digest. */
export async function recordSentExport(db: CareDatabase, source: ExportSource, file: ExportFile): Promise<void> {
  const { envelope } = file;
  const { assessment, establishment } = source.input;
  const tie = reviewSubmissionOf(envelope);
  await new ReviewExchangeRepository(db).recordSentExport({
    id: envelope.integrity.digest,
    assessmentId: assessment.id,
    establishmentId: establishment.id,
    fileName: file.fileName,
    exportedAt: envelope.exportedAt,
    sharingLevel: envelope.sharingLevel,
    finess: tie.finess,
    questionnaireId: tie.questionnaireId,
    questionnaireVersion: tie.questionnaireVersion,
    campaignYear: tie.campaignYear,
    ...(tie.snapshot ? { snapshot: tie.snapshot } : {}),
    answers: answerFingerprints(assessment.answers),
  });
}

/** This installation's key as a signer (its private key never leaves WebCrypto). */
export function installationSigner(key: InstallationKeyRow): ExportSigner {
  return webCryptoSigner({
    privateKey: key.privateKey,
    publicKeyJwk: publicJwkOf(key.publicKeyJwk),
    fingerprint: key.fingerprint,
  });
}

export interface ExportFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  type: 'application/json' | 'application/zip';
  envelope: ExportEnvelope;
  /** The file as the import will read it: checked before it is handed to the user. */
  check: ExportValidation;
}

/** Builds, seals, writes and re-reads the file: a file the import would refuse is never downloaded. */
export async function makeExportFile(
  source: ExportSource,
  level: SharingLevel,
  options: { signer?: ExportSigner | undefined; withEvidence: boolean },
): Promise<ExportFile> {
  const envelope = await sealExport(buildExportEnvelope(source.input, level), options.signer);
  const zipped = options.withEvidence && level === 'full' && source.evidenceFiles.length > 0;
  const bytes = zipped
    ? zipExport(envelope, source.evidenceFiles)
    : new TextEncoder().encode(serializeExport(envelope));
  const fileName = exportFileName(envelope, zipped ? 'zip' : 'json');
  const copy = new Uint8Array(bytes);
  return {
    bytes: copy,
    fileName,
    type: zipped ? 'application/zip' : 'application/json',
    envelope,
    check: await validateExportFile(copy, fileName, { questionnaires: catalogQuestionnaires }),
  };
}
