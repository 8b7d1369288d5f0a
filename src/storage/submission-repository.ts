import type { CareDatabase, SubmissionRow, TrustedKeyRow } from './care-database';
import { toStorageError } from './storage-error';
import { openRows, RecordChangedError, writeSealed, type Sealer } from './vault/sealed-io';

/**
 * The auditor's imported export files: one per FINESS × questionnaire × campaign year, the newest export kept, and
 * the signing key first seen for each FINESS (trust on first use), so that a file signed by another key is flagged.
 *
 * Only a validated file can be stored: the argument must be the `ok: true` result of validateExportFile
 * (src/exchange/validate-export.ts). Storage may not import the exchange layer (docs/architecture.md), so the shape
 * it needs is written out here; a ValidatedExport fits it.
 */
export interface StorableExport {
  ok: true;
  fileName: string;
  digest?: string;
  /** The verified fingerprint of the signing key; absent for an unsigned file. */
  keyFingerprint?: string;
  envelope: {
    exportedAt: string;
    establishment: { finessEj: string; finessEg?: string | undefined };
    content: { questionnaire: { id: string }; campaignYear: number };
    signature?: { publicKeyJwk: JsonWebKey; keyFingerprint: string } | undefined;
  };
}

export type StoreOutcome = 'imported' | 'replaced-older' | 'kept-newer';
export type KeyChange = 'first-seen' | 'same' | 'changed' | 'unsigned';

export interface StoreResult {
  outcome: StoreOutcome;
  keyChange: KeyChange;
  /** The export date of the submission that was there before (replaced or kept). */
  previousExportedAt?: string;
  /** The fingerprint remembered for this FINESS, when the file's key differs from it. */
  trustedFingerprint?: string;
}

/**
 * The FINESS a submission is filed under: EG when given, else EJ (the same rule as submissionFiness in
 * src/exchange/export-format.ts).
 */
export function finessOfSubmission(envelope: StorableExport['envelope']): string {
  return envelope.establishment.finessEg ?? envelope.establishment.finessEj;
}

function exportTime(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** The row a file becomes, under the id of the row it replaces (or a new one). */
function rowOf(file: StorableExport, id: string, now: number): SubmissionRow {
  const { envelope } = file;
  return {
    id,
    finess: finessOfSubmission(envelope),
    questionnaireId: envelope.content.questionnaire.id,
    campaignYear: envelope.content.campaignYear,
    exportedAt: envelope.exportedAt,
    importedAt: now,
    document: envelope,
    fileName: file.fileName,
    ...(file.digest !== undefined ? { digest: file.digest } : {}),
  };
}

function campaignKey(file: StorableExport): [string, string, number] {
  return [
    finessOfSubmission(file.envelope),
    file.envelope.content.questionnaire.id,
    file.envelope.content.campaignYear,
  ];
}

/**
 * The row to store for a file, given the row of its campaign found inside the transaction: built there while the
 * lock is off; sealed beforehand while it is on (the sealed document names its row id), in which case the row found
 * must be the one the sealing assumed.
 */
type RowFor = (index: number, existing: SubmissionRow | undefined) => SubmissionRow;

async function storeOne(
  db: CareDatabase,
  file: StorableExport,
  row: (existing: SubmissionRow | undefined) => SubmissionRow,
  now: number,
): Promise<StoreResult> {
  const { envelope } = file;
  const finess = finessOfSubmission(envelope);
  const questionnaireId = envelope.content.questionnaire.id;
  const campaignYear = envelope.content.campaignYear;

  let keyChange: KeyChange = 'unsigned';
  let trustedFingerprint: string | undefined;
  if (file.keyFingerprint !== undefined && envelope.signature) {
    const trusted = await db.trustedKeys.get(finess);
    if (!trusted) {
      const row: TrustedKeyRow = {
        finess,
        fingerprint: file.keyFingerprint,
        publicKeyJwk: envelope.signature.publicKeyJwk,
        firstSeenAt: now,
      };
      await db.trustedKeys.add(row);
      keyChange = 'first-seen';
    } else if (trusted.fingerprint === file.keyFingerprint) {
      keyChange = 'same';
    } else {
      // The first key stays trusted until the auditor accepts the new one (trustKey), after checking it.
      keyChange = 'changed';
      trustedFingerprint = trusted.fingerprint;
    }
  }

  const existing = await db.submissions
    .where('[finess+questionnaireId+campaignYear]')
    .equals([finess, questionnaireId, campaignYear])
    .first();
  const keyFields = { keyChange, ...(trustedFingerprint !== undefined ? { trustedFingerprint } : {}) };
  if (!existing) {
    await db.submissions.add(row(undefined));
    return { outcome: 'imported', ...keyFields };
  }
  // Of two exports of one campaign the newest wins; on a tie (the same file twice) the one stored stays.
  if (exportTime(envelope.exportedAt) > exportTime(existing.exportedAt)) {
    await db.submissions.put(row(existing));
    return { outcome: 'replaced-older', previousExportedAt: existing.exportedAt, ...keyFields };
  }
  return { outcome: 'kept-newer', previousExportedAt: existing.exportedAt, ...keyFields };
}

/** While the lock is on: every file's row sealed under the id its campaign's row has (or will have). */
async function sealRows(
  db: CareDatabase,
  sealer: Sealer,
  files: readonly StorableExport[],
  now: number,
): Promise<RowFor> {
  if (sealer.keyId === undefined) {
    return (index, existing) => rowOf(files[index] as StorableExport, existing?.id ?? crypto.randomUUID(), now);
  }
  const keys = files.map(campaignKey);
  const found = await db.submissions.where('[finess+questionnaireId+campaignYear]').anyOf(keys).toArray();
  const idByKey = new Map(found.map((r) => [JSON.stringify([r.finess, r.questionnaireId, r.campaignYear]), r.id]));
  const ids = keys.map((key) => {
    const k = JSON.stringify(key);
    const id = idByKey.get(k) ?? crypto.randomUUID();
    idByKey.set(k, id);
    return id;
  });
  const rows = await Promise.all(files.map((file, i) => sealer.record('submissions', rowOf(file, ids[i] ?? '', now))));
  return (index, existing) => {
    const row = rows[index];
    if (!row || (existing && existing.id !== row.id)) throw new RecordChangedError();
    return row;
  };
}

/**
 * Stores validated files in one transaction, in order (a later file of the same campaign sees the earlier one), and
 * resolves once it has committed. For a folder of files this is much faster than one transaction per file.
 */
export async function storeSubmissions(
  db: CareDatabase,
  files: readonly StorableExport[],
  now: number = Date.now(),
): Promise<StoreResult[]> {
  return writeSealed(
    db,
    [db.submissions, db.trustedKeys],
    (sealer) => sealRows(db, sealer, files, now),
    async (rowFor) => {
      const results: StoreResult[] = [];
      for (const [index, file] of files.entries()) {
        results.push(await storeOne(db, file, (existing) => rowFor(index, existing), now));
      }
      return results;
    },
  );
}

export async function storeSubmission(
  db: CareDatabase,
  validated: StorableExport,
  now: number = Date.now(),
): Promise<StoreResult> {
  const [result] = await storeSubmissions(db, [validated], now);
  if (!result) throw new Error('no result for the stored submission');
  return result;
}

/** Every stored submission, by FINESS, questionnaire and campaign. */
export async function listSubmissions(db: CareDatabase): Promise<SubmissionRow[]> {
  const rows = await openRows(db, 'submissions', await db.submissions.toArray());
  return rows.sort(
    (a, b) =>
      a.finess.localeCompare(b.finess) ||
      a.questionnaireId.localeCompare(b.questionnaireId) ||
      a.campaignYear - b.campaignYear,
  );
}

/** Removes every submission; the remembered keys stay (they record what the auditor has checked). */
export async function clearSubmissions(db: CareDatabase): Promise<void> {
  await writeSealed(
    db,
    [db.submissions],
    () => Promise.resolve(),
    () => db.submissions.clear(),
  );
}

export async function listTrustedKeys(db: CareDatabase): Promise<TrustedKeyRow[]> {
  return db.trustedKeys.toArray();
}

/** Accepts a new key for a FINESS, once the auditor has checked its fingerprint with the establishment. */
export async function trustKey(
  db: CareDatabase,
  finess: string,
  key: { fingerprint: string; publicKeyJwk: JsonWebKey },
  now: number = Date.now(),
): Promise<void> {
  db.assertWritable();
  try {
    await db.transaction('rw', db.trustedKeys, () =>
      db.trustedKeys.put({ finess, fingerprint: key.fingerprint, publicKeyJwk: key.publicKeyJwk, firstSeenAt: now }),
    );
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Whether a stored submission (as listSubmissions returns it, opened) was signed by the key remembered for its FINESS. */
export function keyStatusOf(row: SubmissionRow, trusted: TrustedKeyRow | undefined): KeyChange {
  const signature = (row.document as StorableExport['envelope'] | undefined)?.signature;
  if (!signature) return 'unsigned';
  if (!trusted) return 'first-seen';
  return trusted.fingerprint === signature.keyFingerprint ? 'same' : 'changed';
}
