import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { actionRecordSchema } from '../domain/actions/action-record';
import { applicationRecordSchema } from '../domain/applications/application-record';
import { assessmentSchema } from '../domain/assessment/assessment';
import { budgetRecordSchema } from '../domain/budget/budget-record';
import { establishmentSchema } from '../domain/establishment/establishment';
import { sha256Hex } from '../domain/hash';
import { reviewDraftSchema } from '../domain/review/review-draft';
import { snapshotSchema } from '../domain/snapshot/snapshot';
import { parseStrictJson } from '../domain/strict-json';
import { DATA_VERSION, type CareDatabase, type EvidenceFileRow, type EvidenceRow } from './care-database';
import { BackupError, type RestoreSpace } from './backup-error';
import { toStorageError } from './storage-error';
import type { LockEnvelope, SealedBox } from './vault/lock-crypto';
import { SEALED_TABLES, type SealedTable, type StoredEvidenceFile } from './vault/record-seal';
import {
  boxOfEvidenceEntry,
  decodeBytes,
  encodeBytes,
  evidenceEntryOf,
  openBackupEvidence,
  openBackupLock,
  openBackupRows,
  restoredRow,
} from './vault/sealed-backup';
import { writeSealed } from './vault/sealed-io';
import { LOCK_IDLE_META_KEY, LOCK_META_KEY, vaultOf } from './vault/vault';

/**
 * Full backup of this device's data to one file, and restore from it.
 *
 * The file is a zip: backup.json holds every record (establishments, assessments with their answers, budgets,
 * applications, actions, snapshots, auditor submissions and known keys, settings), evidence/<id> holds each evidence
 * file's bytes — those of the living assessments and those only a snapshot still lists —, checked against its SHA-256
 * on restore. This installation's signing key is not in it: its private part
 * cannot leave the browser. A restore validates the whole file before it writes, then replaces the data in one
 * transaction: all of it or nothing.
 *
 * With the passphrase lock on, the backup holds the records sealed as they are stored, with the lock settings
 * (format version 2, src/storage/vault/sealed-backup.ts says why): restoring it asks for the passphrase that was in
 * use when it was made, opens and validates every record, then stores them sealed as they were, and that passphrase
 * becomes the lock's. A backup in clear restored while the lock is on is sealed with the lock's key.
 */
export const BACKUP_FORMAT = 'care-autodiag/backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The format of a backup made with the passphrase lock on: older builds refuse it as newer, not as damaged. */
export const SEALED_BACKUP_FORMAT_VERSION = 2;

const evidenceMetaSchema = z.object({
  id: z.string().min(1),
  assessmentId: z.string().min(1),
  itemId: z.string().min(1),
  name: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documentDate: z.iso.date().optional(),
  addedAt: z.number(),
});

/** The rows of data version 4 (care-database.ts): exports made here, reviews received. */
const sentExportRowSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  assessmentId: z.string(),
  establishmentId: z.string(),
  fileName: z.string(),
  exportedAt: z.string(),
  sharingLevel: z.string(),
  finess: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  campaignYear: z.number(),
  snapshot: z.object({ id: z.string(), frozenAt: z.string(), digest: z.string() }).optional(),
  answers: z.record(z.string(), z.string()),
});
const receivedReviewRowSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  exportDigest: z.string(),
  assessmentId: z.string(),
  establishmentId: z.string(),
  reviewedAt: z.string(),
  importedAt: z.number(),
  fileName: z.string(),
  keyFingerprint: z.string().optional(),
  document: z.unknown(),
});

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  dataVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.number(),
  tables: z.object({
    establishments: z.array(establishmentSchema),
    assessments: z.array(assessmentSchema),
    budgets: z.array(budgetRecordSchema),
    applications: z.array(applicationRecordSchema),
    actions: z.array(actionRecordSchema),
    evidence: z.array(evidenceMetaSchema),
    // Since data version 3; a backup made before has none.
    snapshots: z.array(snapshotSchema).default([]),
    // Since data version 4; a backup made before has none.
    reviewDrafts: z.array(reviewDraftSchema).default([]),
    sentExports: z.array(sentExportRowSchema).default([]),
    receivedReviews: z.array(receivedReviewRowSchema).default([]),
    submissions: z.array(
      z.object({
        id: z.string(),
        finess: z.string(),
        questionnaireId: z.string(),
        campaignYear: z.number(),
        exportedAt: z.string(),
        importedAt: z.number(),
        fileName: z.string().optional(),
        digest: z.string().optional(),
        document: z.unknown(),
      }),
    ),
    trustedKeys: z.array(
      z.object({
        finess: z.string(),
        fingerprint: z.string(),
        publicKeyJwk: z.record(z.string(), z.unknown()),
        firstSeenAt: z.number(),
        // The auditor's decisions on the keys (src/domain/trust/key-trust.ts): a restore keeps them.
        acceptedAt: z.number().optional(),
        previous: z.array(z.string()).optional(),
        rejected: z.array(z.string()).optional(),
        pending: z
          .array(
            z.object({
              fingerprint: z.string(),
              publicKeyJwk: z.record(z.string(), z.unknown()),
              firstSeenAt: z.number(),
              name: z.string().optional(),
              fileNames: z.array(z.string()),
              rejectedAt: z.number().optional(),
            }),
          )
          .optional(),
      }),
    ),
    meta: z.array(z.object({ key: z.string(), value: z.unknown() })),
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Meta rows that describe this device, not the data: not carried from one device to another. */
const deviceMetaKeys = new Set([
  'dataVersion',
  'persistenceRequestedAt',
  'lastBackupAt',
  // The lock travels as the backup's own `lock` member, never as a setting a file could slip in.
  LOCK_META_KEY,
  LOCK_IDLE_META_KEY,
]);

/** The sealed stores a backup made by an earlier data version may lack. */
const addedSince3: ReadonlySet<SealedTable> = new Set(['snapshots', 'reviewDrafts', 'sentExports', 'receivedReviews']);

/** The stores a backup holds and a restore replaces (the meta table is carried row by row). */
function backedUpTables(db: CareDatabase) {
  return [
    db.establishments,
    db.assessments,
    db.budgets,
    db.applications,
    db.actions,
    db.evidence,
    db.evidenceFiles,
    db.snapshots,
    db.sentExports,
    db.receivedReviews,
    db.submissions,
    db.trustedKeys,
    db.reviewDrafts,
  ];
}

export async function createBackup(
  db: CareDatabase,
  appVersion: string,
  now: number = Date.now(),
): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const files: Zippable = {};
  // One read transaction for the records and the evidence bytes: the backup is one consistent state even while
  // another tab writes (a file removed in between would otherwise be listed without its bytes).
  const manifest = await db.transaction('r', [...backedUpTables(db), db.meta], async () => {
    const tables = {
      establishments: await db.establishments.toArray(),
      assessments: await db.assessments.toArray(),
      budgets: await db.budgets.toArray(),
      applications: await db.applications.toArray(),
      actions: await db.actions.toArray(),
      evidence: await db.evidence.toArray(),
      snapshots: await db.snapshots.toArray(),
      reviewDrafts: await db.reviewDrafts.toArray(),
      sentExports: await db.sentExports.toArray(),
      receivedReviews: await db.receivedReviews.toArray(),
      submissions: await db.submissions.toArray(),
      trustedKeys: await db.trustedKeys.toArray(),
      meta: (await db.meta.toArray()).filter((row) => !deviceMetaKeys.has(row.key)),
    };
    const lock = (await db.meta.get(LOCK_META_KEY))?.value;
    // Evidence is added file by file; already-compressed formats (PDF, images) gain nothing from a second
    // deflate.
    await db.evidenceFiles.each((row) => {
      const stored = row as StoredEvidenceFile;
      files[`evidence/${row.id}`] = [
        stored.sealed ? evidenceEntryOf(stored.sealed) : new Uint8Array(row.data),
        { level: 0 },
      ];
    });
    return {
      format: BACKUP_FORMAT,
      formatVersion: lock === undefined ? BACKUP_FORMAT_VERSION : SEALED_BACKUP_FORMAT_VERSION,
      dataVersion: DATA_VERSION,
      appVersion,
      createdAt: now,
      ...(lock === undefined ? {} : { lock }),
      tables,
    };
  });
  // Sealed records hold bytes (IVs, ciphertexts), which JSON has no form for: written as base64.
  files['backup.json'] = strToU8(JSON.stringify('lock' in manifest ? encodeBytes(manifest) : manifest));
  const bytes = zipSync(files, { level: 6 });
  if (db.access === 'read-write') {
    await db.transaction('rw', db.meta, () => db.meta.put({ key: 'lastBackupAt', value: now }));
  }
  return { bytes, manifest: manifest as BackupManifest };
}

/** What a sealed backup holds besides its opened records: its lock, opened, and the records as stored. */
interface SealedBackup {
  envelope: LockEnvelope;
  key: CryptoKey;
  stored: Record<SealedTable, unknown[]>;
  files: Map<string, SealedBox>;
}

/**
 * A backup made with the lock on: refused with 'backup-locked' until its passphrase is given, then opened record by
 * record (a wrong passphrase is refused as such); the opened manifest is validated like any other.
 */
async function openSealedBackup(
  raw: unknown,
  fileName: string,
  passphrase: string | undefined,
): Promise<{ opened: unknown; sealed: Omit<SealedBackup, 'files'> } | undefined> {
  if (typeof raw !== 'object' || raw === null || !('lock' in raw)) return undefined;
  const { formatVersion } = raw as { formatVersion?: unknown };
  if (typeof formatVersion === 'number' && formatVersion > SEALED_BACKUP_FORMAT_VERSION) {
    throw new BackupError('backup-newer', fileName);
  }
  if (passphrase === undefined) throw new BackupError('backup-locked', fileName);
  let decoded: { lock?: unknown; tables?: unknown };
  try {
    decoded = decodeBytes(raw) as { lock?: unknown; tables?: unknown };
  } catch {
    throw new BackupError('backup-invalid', fileName, 'lock');
  }
  const { envelope, key } = await openBackupLock(decoded.lock, passphrase);
  const tables = typeof decoded.tables === 'object' && decoded.tables !== null ? decoded.tables : {};
  const stored = {} as Record<SealedTable, unknown[]>;
  const openedTables: Record<string, unknown> = { ...tables };
  for (const table of SEALED_TABLES) {
    // A backup made before data version 3 has no snapshots, before data version 4 no review drafts, exports or reviews.
    const rows = (tables as Record<string, unknown>)[table] ?? (addedSince3.has(table) ? [] : undefined);
    if (!Array.isArray(rows)) throw new BackupError('backup-invalid', fileName, `tables.${table}`);
    stored[table] = rows;
    openedTables[table] = await openBackupRows(key, table, rows);
  }
  const { lock: _lock, ...rest } = decoded;
  return { opened: { ...rest, tables: openedTables }, sealed: { envelope, key, stored } };
}

/**
 * Reads and checks a backup file entirely, without writing anything. A backup made with the passphrase lock on needs
 * that passphrase (options.passphrase), else it is refused with 'backup-locked'.
 */
export async function readBackup(
  bytes: Uint8Array,
  fileName: string,
  options: { passphrase?: string } = {},
): Promise<{
  manifest: BackupManifest;
  evidence: EvidenceRow[];
  evidenceFiles: EvidenceFileRow[];
  sealed?: SealedBackup;
  /** About how much the browser must store to restore it, in bytes ({@link restoreSpaceNeeded}). */
  spaceNeeded: number;
}> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new BackupError('backup-not-zip', fileName);
  }
  const json = entries['backup.json'];
  if (!json) throw new BackupError('backup-manifest-missing', fileName);
  // Strict UTF-8 (a lenient decoder would put U+FFFD into the data) and JSON without duplicate or prototype member
  // names or absurd nesting: "__proto__" in a z.unknown() field would be stored, 100,000 nested arrays would
  // overflow IndexedDB's structured clone (src/domain/strict-json.ts).
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    throw new BackupError('backup-invalid', fileName, 'backup.json');
  }
  const read = parseStrictJson(text);
  if (!read.ok) {
    throw new BackupError('backup-invalid', fileName, read.path.length > 0 ? read.path.join('.') : 'backup.json');
  }
  const opening = await openSealedBackup(read.value, fileName, options.passphrase);
  const raw = opening ? opening.opened : read.value;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('backup-invalid', fileName, issue ? issue.path.map(String).join('.') : undefined);
  }
  const manifest = parsed.data;
  const readable = opening ? SEALED_BACKUP_FORMAT_VERSION : BACKUP_FORMAT_VERSION;
  if (manifest.dataVersion > DATA_VERSION || manifest.formatVersion > readable) {
    throw new BackupError('backup-newer', fileName);
  }
  const sealedFiles = new Map<string, SealedBox>();
  const evidence: EvidenceRow[] = [];
  const evidenceFiles: EvidenceFileRow[] = [];
  // The files of the living evidence, then those only a snapshot still lists (its proof was removed since).
  const living = new Set(manifest.tables.evidence.map((meta) => meta.id));
  const keptBySnapshots = new Map(
    manifest.tables.snapshots.flatMap((snapshot) =>
      snapshot.evidence.filter((entry) => !living.has(entry.id)).map((entry) => [entry.id, entry] as const),
    ),
  );
  const files = [
    ...manifest.tables.evidence.map((meta) => ({ meta, listed: true })),
    ...[...keptBySnapshots.values()].map((meta) => ({ meta, listed: false })),
  ];
  for (const { meta, listed } of files) {
    const file = entries[`evidence/${meta.id}`];
    if (!file) throw new BackupError('backup-evidence-missing', fileName, `evidence/${meta.id}`);
    let data: ArrayBuffer;
    if (opening) {
      sealedFiles.set(meta.id, boxOfEvidenceEntry(file));
      data = await openBackupEvidence(opening.sealed.key, meta.id, file);
    } else {
      data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    }
    if ((await sha256Hex(data)) !== meta.sha256) {
      throw new BackupError('backup-evidence-corrupt', fileName, `evidence/${meta.id} (${meta.name})`);
    }
    if (listed) evidence.push(meta as EvidenceRow);
    evidenceFiles.push({ id: meta.id, data });
  }
  return {
    manifest,
    evidence,
    evidenceFiles,
    ...(opening ? { sealed: { ...opening.sealed, files: sealedFiles } } : {}),
    spaceNeeded: restoreSpaceNeeded(json.byteLength, evidenceFiles),
  };
}

/**
 * About how much a restore asks the browser to store: the records as backup.json holds them, uncompressed, and the
 * evidence files' bytes. The zip's size would understate it (the records compress several times over); IndexedDB's
 * own overhead is not known from here, so this is the least it needs, and what the refusal says.
 */
export function restoreSpaceNeeded(recordsBytes: number, evidenceFiles: readonly EvidenceFileRow[]): number {
  return evidenceFiles.reduce((total, file) => total + file.data.byteLength, recordsBytes);
}

/** The room the browser says is left for this origin (StorageManager.estimate), when it says. */
async function availableSpace(): Promise<number | undefined> {
  try {
    // Node (the tests) has no navigator, and a browser may leave out StorageManager (an insecure context).
    const { navigator } = globalThis as { navigator?: { storage?: Partial<StorageManager> } };
    const estimate = await navigator?.storage?.estimate?.();
    if (estimate?.quota === undefined || estimate.usage === undefined) return undefined;
    return Math.max(0, estimate.quota - estimate.usage);
  } catch {
    return undefined;
  }
}

/**
 * Replaces all the data of this device with the backup's, in one transaction. The records are stored sealed when the
 * backup was (its lock replacing this device's) or when this device's lock is on; in clear otherwise.
 */
export async function restoreBackup(
  db: CareDatabase,
  bytes: Uint8Array,
  fileName: string,
  options: { passphrase?: string } = {},
): Promise<BackupManifest> {
  db.assertWritable();
  const { manifest, evidence, evidenceFiles, sealed, spaceNeeded } = await readBackup(bytes, fileName, options);
  try {
    await replaceData(db, manifest, evidence, evidenceFiles, sealed);
  } catch (error) {
    // The transaction is undone whole: nothing was written. Say how much room it needed, and how much there is.
    if (toStorageError(error).code !== 'quota-exceeded') throw error;
    // The browser's estimate is given only when it agrees with the refusal: an estimate above what was needed (a
    // quota set apart from it, as DevTools does) would only confuse.
    const available = await availableSpace();
    const space: RestoreSpace = {
      needed: spaceNeeded,
      ...(available !== undefined && available < spaceNeeded ? { available } : {}),
    };
    throw new BackupError('backup-no-space', fileName, undefined, space);
  }
  if (sealed) vaultOf(db).settled({ envelope: sealed.envelope, key: sealed.key });
  return manifest;
}

/** The one transaction of a restore: every store cleared and filled again with the backup's records. */
async function replaceData(
  db: CareDatabase,
  manifest: BackupManifest,
  evidence: EvidenceRow[],
  evidenceFiles: EvidenceFileRow[],
  sealed: SealedBackup | undefined,
): Promise<void> {
  const { tables } = manifest;
  await writeSealed(
    db,
    backedUpTables(db),
    async (sealer) => {
      const validated: Record<SealedTable, { id: string }[]> = {
        assessments: tables.assessments,
        budgets: tables.budgets,
        applications: tables.applications,
        actions: tables.actions,
        evidence,
        submissions: tables.submissions,
        snapshots: tables.snapshots,
        reviewDrafts: tables.reviewDrafts,
        sentExports: tables.sentExports,
        receivedReviews: tables.receivedReviews,
      };
      const rows = {} as Record<SealedTable, { id: string }[]>;
      for (const table of SEALED_TABLES) {
        rows[table] = sealed
          ? validated[table].map((row, i) => restoredRow(table, row, sealed.stored[table][i]) as { id: string })
          : await Promise.all(validated[table].map((row) => sealer.record(table, row)));
      }
      const files = sealed
        ? evidenceFiles.map((file) => ({ id: file.id, sealed: sealed.files.get(file.id) }))
        : await Promise.all(evidenceFiles.map((file) => sealer.evidenceFile(file)));
      return { rows, files };
    },
    async ({ rows, files }) => {
      await Promise.all([
        db.establishments.clear(),
        db.assessments.clear(),
        db.budgets.clear(),
        db.applications.clear(),
        db.actions.clear(),
        db.evidence.clear(),
        db.evidenceFiles.clear(),
        db.snapshots.clear(),
        db.sentExports.clear(),
        db.receivedReviews.clear(),
        db.submissions.clear(),
        db.trustedKeys.clear(),
        db.reviewDrafts.clear(),
      ]);
      await db.establishments.bulkAdd(tables.establishments);
      for (const table of SEALED_TABLES) await db.table(table).bulkAdd(rows[table]);
      await db.evidenceFiles.bulkAdd(files as EvidenceFileRow[]);
      await db.trustedKeys.bulkAdd(tables.trustedKeys);
      await db.meta.bulkPut(tables.meta.filter((row) => !deviceMetaKeys.has(row.key)));
      await db.meta.put({ key: 'lastBackupAt', value: manifest.createdAt });
      if (sealed) await db.meta.put({ key: LOCK_META_KEY, value: sealed.envelope });
    },
  );
}
