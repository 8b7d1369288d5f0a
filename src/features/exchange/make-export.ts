import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { buildExportEnvelope, pickCampaignBudget, sealExport, type ExportInput } from '../../exchange/build-export';
import { exportFileName, serializeExport, zipExport, type EvidenceFile } from '../../exchange/export-file';
import type { ExportEnvelope, SharingLevel } from '../../exchange/export-format';
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
