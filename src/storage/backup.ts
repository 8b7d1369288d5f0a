import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { actionRecordSchema } from '../domain/actions/action-record';
import { applicationRecordSchema } from '../domain/applications/application-record';
import { assessmentSchema } from '../domain/assessment/assessment';
import { budgetRecordSchema } from '../domain/budget/budget-record';
import { establishmentSchema } from '../domain/establishment/establishment';
import { sha256Hex } from '../domain/hash';
import { parseStrictJson } from '../domain/strict-json';
import { DATA_VERSION, type CareDatabase, type EvidenceFileRow, type EvidenceRow } from './care-database';
import { BackupError } from './backup-error';
import { toStorageError } from './storage-error';

/**
 * Full backup of this device's data to one file, and restore from it.
 *
 * The file is a zip: backup.json holds every record (establishments, assessments with their answers, budgets,
 * applications, actions, auditor submissions and known keys, settings), evidence/<id> holds each evidence file's
 * bytes, checked against its SHA-256 on restore. This installation's signing key is not in it: its private part
 * cannot leave the browser. A restore validates the whole file before it writes, then replaces the data in one
 * transaction: all of it or nothing.
 */
export const BACKUP_FORMAT = 'care-autodiag/backup';
export const BACKUP_FORMAT_VERSION = 1;

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
      }),
    ),
    meta: z.array(z.object({ key: z.string(), value: z.unknown() })),
  }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Meta rows that describe this device, not the data: not carried from one device to another. */
const deviceMetaKeys = new Set(['dataVersion', 'persistenceRequestedAt', 'lastBackupAt']);

export async function createBackup(
  db: CareDatabase,
  appVersion: string,
  now: number = Date.now(),
): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const files: Zippable = {};
  // One read transaction for the records and the evidence bytes: the backup is one consistent state even while
  // another tab writes (a file removed in between would otherwise be listed without its bytes).
  const manifest = await db.transaction(
    'r',
    [
      db.establishments,
      db.assessments,
      db.budgets,
      db.applications,
      db.actions,
      db.evidence,
      db.evidenceFiles,
      db.submissions,
      db.trustedKeys,
      db.meta,
    ],
    async () => {
      const tables = {
        establishments: await db.establishments.toArray(),
        assessments: await db.assessments.toArray(),
        budgets: await db.budgets.toArray(),
        applications: await db.applications.toArray(),
        actions: await db.actions.toArray(),
        evidence: await db.evidence.toArray(),
        submissions: await db.submissions.toArray(),
        trustedKeys: await db.trustedKeys.toArray(),
        meta: (await db.meta.toArray()).filter((row) => !deviceMetaKeys.has(row.key)),
      };
      // Evidence is added file by file; already-compressed formats (PDF, images) gain nothing from a second
      // deflate.
      await db.evidenceFiles.each((row) => {
        files[`evidence/${row.id}`] = [new Uint8Array(row.data), { level: 0 }];
      });
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        dataVersion: DATA_VERSION,
        appVersion,
        createdAt: now,
        tables,
      };
    },
  );
  files['backup.json'] = strToU8(JSON.stringify(manifest));
  const bytes = zipSync(files, { level: 6 });
  if (db.access === 'read-write') {
    await db.transaction('rw', db.meta, () => db.meta.put({ key: 'lastBackupAt', value: now }));
  }
  return { bytes, manifest: manifest as BackupManifest };
}

/** Reads and checks a backup file entirely, without writing anything. */
export async function readBackup(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ manifest: BackupManifest; evidence: EvidenceRow[]; evidenceFiles: EvidenceFileRow[] }> {
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
  const raw = read.value;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('backup-invalid', fileName, issue ? issue.path.map(String).join('.') : undefined);
  }
  const manifest = parsed.data;
  if (manifest.dataVersion > DATA_VERSION || manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('backup-newer', fileName);
  }
  const evidence: EvidenceRow[] = [];
  const evidenceFiles: EvidenceFileRow[] = [];
  for (const meta of manifest.tables.evidence) {
    const file = entries[`evidence/${meta.id}`];
    if (!file) throw new BackupError('backup-evidence-missing', fileName, `evidence/${meta.id}`);
    const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    if ((await sha256Hex(data)) !== meta.sha256) {
      throw new BackupError('backup-evidence-corrupt', fileName, `evidence/${meta.id} (${meta.name})`);
    }
    evidence.push(meta);
    evidenceFiles.push({ id: meta.id, data });
  }
  return { manifest, evidence, evidenceFiles };
}

/** Replaces all the data of this device with the backup's, in one transaction. */
export async function restoreBackup(db: CareDatabase, bytes: Uint8Array, fileName: string): Promise<BackupManifest> {
  db.assertWritable();
  const { manifest, evidence, evidenceFiles } = await readBackup(bytes, fileName);
  const { tables } = manifest;
  try {
    await db.transaction(
      'rw',
      [
        db.establishments,
        db.assessments,
        db.budgets,
        db.applications,
        db.actions,
        db.evidence,
        db.evidenceFiles,
        db.submissions,
        db.trustedKeys,
        db.meta,
      ],
      async () => {
        await Promise.all([
          db.establishments.clear(),
          db.assessments.clear(),
          db.budgets.clear(),
          db.applications.clear(),
          db.actions.clear(),
          db.evidence.clear(),
          db.evidenceFiles.clear(),
          db.submissions.clear(),
          db.trustedKeys.clear(),
        ]);
        await db.establishments.bulkAdd(tables.establishments);
        await db.assessments.bulkAdd(tables.assessments);
        await db.budgets.bulkAdd(tables.budgets);
        await db.applications.bulkAdd(tables.applications);
        await db.actions.bulkAdd(tables.actions);
        await db.evidence.bulkAdd(evidence);
        await db.evidenceFiles.bulkAdd(evidenceFiles);
        await db.submissions.bulkAdd(tables.submissions);
        await db.trustedKeys.bulkAdd(tables.trustedKeys);
        await db.meta.bulkPut(tables.meta.filter((row) => !deviceMetaKeys.has(row.key)));
        await db.meta.put({ key: 'lastBackupAt', value: manifest.createdAt });
      },
    );
  } catch (error) {
    throw toStorageError(error);
  }
  return manifest;
}
