import { acceptKey, isAcceptedKey, judgeKey, rejectKey, type KeyTrust } from '../domain/trust/key-trust';
import {
  MAX_PENDING_FILE_NAMES,
  type CareDatabase,
  type PendingKeyRow,
  type SubmissionRow,
  type TrustedKeyRow,
} from './care-database';
import { StorageError, toStorageError } from './storage-error';
import { isSealedRecord } from './vault/record-seal';
import { openRows, RecordChangedError, writeSealed, type Sealer } from './vault/sealed-io';

/**
 * The auditor's imported export files: one per FINESS × questionnaire × campaign year, the newest export kept, and
 * the keys of each FINESS as the auditor has judged them (trust on first use, src/domain/trust/key-trust.ts).
 *
 * A file signed by a key not accepted for its FINESS (under review, or refused) is held back: it never takes the
 * place of a file signed by an accepted key (outcome `held`, not stored; its key waits for the auditor's review with
 * its file's name), and where it is stored (nothing accepted for its campaign) it stays out of the consolidation
 * until its key is accepted. A file signed by an accepted key takes the place of a held-back one whatever the dates.
 * The same file imported twice (same digest) is left as it is: `identical`.
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
    establishment: { finessEj: string; finessEg?: string | undefined; name?: string };
    content: { questionnaire: { id: string }; campaignYear: number };
    signature?: { publicKeyJwk: JsonWebKey; keyFingerprint: string } | undefined;
  };
}

/**
 * - imported: the first file of its campaign; replaced-older: it took the place of an older export (or of one held
 *   back for its key); kept-newer: a newer export of the campaign is kept; identical: this very file is already
 *   stored; held: signed by a key not accepted, it was not stored in place of a file signed by an accepted key.
 */
export type StoreOutcome = 'imported' | 'replaced-older' | 'kept-newer' | 'identical' | 'held';
export type KeyChange = KeyTrust;

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

/** What the store compares of a stored row: its digest and the key that signed it (undefined: not known). */
interface RowFacts {
  digest: string | undefined;
  keyFingerprint: string | undefined;
}

/** The facts of a row found inside the transaction: read from it in clear, or from its opening before the transaction. */
type FactsOf = (existing: SubmissionRow) => RowFacts;

function factsOfClearRow(row: SubmissionRow): RowFacts {
  const signature = (row.document as StorableExport['envelope'] | undefined)?.signature;
  return { digest: row.digest, keyFingerprint: signature?.keyFingerprint };
}

/** The key row once a file signed by a key under review is seen: the key and the file's name noted for the review. */
function withPendingKey(trusted: TrustedKeyRow, file: StorableExport, fingerprint: string, now: number): TrustedKeyRow {
  const signature = file.envelope.signature;
  const pending = trusted.pending ?? [];
  const found = pending.find((p) => p.fingerprint === fingerprint);
  const name = file.envelope.establishment.name;
  const entry: PendingKeyRow = found
    ? {
        ...found,
        ...(name !== undefined ? { name } : {}),
        fileNames: [...found.fileNames.filter((n) => n !== file.fileName), file.fileName].slice(
          -MAX_PENDING_FILE_NAMES,
        ),
      }
    : {
        fingerprint,
        publicKeyJwk: signature?.publicKeyJwk ?? {},
        firstSeenAt: now,
        ...(name !== undefined ? { name } : {}),
        fileNames: [file.fileName],
      };
  return { ...trusted, pending: [...pending.filter((p) => p.fingerprint !== fingerprint), entry] };
}

async function storeOne(
  db: CareDatabase,
  file: StorableExport,
  row: (existing: SubmissionRow | undefined) => SubmissionRow,
  factsOf: FactsOf,
  wrote: (id: string, facts: RowFacts) => void,
  now: number,
): Promise<StoreResult> {
  const { envelope } = file;
  const finess = finessOfSubmission(envelope);
  const questionnaireId = envelope.content.questionnaire.id;
  const campaignYear = envelope.content.campaignYear;

  const signed = file.keyFingerprint !== undefined && envelope.signature !== undefined;
  let trusted = signed ? await db.trustedKeys.get(finess) : undefined;
  const keyChange: KeyChange = signed ? judgeKey(trusted, file.keyFingerprint) : 'unsigned';
  if (keyChange === 'first-seen' && file.keyFingerprint !== undefined && envelope.signature) {
    trusted = {
      finess,
      fingerprint: file.keyFingerprint,
      publicKeyJwk: envelope.signature.publicKeyJwk,
      firstSeenAt: now,
    };
    await db.trustedKeys.add(trusted);
  } else if (keyChange === 'changed' && trusted && file.keyFingerprint !== undefined) {
    // The accepted key stays until the auditor has compared the fingerprints and accepted the new one (decideKey).
    trusted = withPendingKey(trusted, file, file.keyFingerprint, now);
    await db.trustedKeys.put(trusted);
  }
  const accepted = isAcceptedKey(keyChange);

  const existing = await db.submissions
    .where('[finess+questionnaireId+campaignYear]')
    .equals([finess, questionnaireId, campaignYear])
    .first();
  const write = async (put: SubmissionRow) => {
    await db.submissions.put(put);
    wrote(put.id, { digest: file.digest, keyFingerprint: file.keyFingerprint });
  };
  const keyFields = {
    keyChange,
    ...(!accepted && trusted ? { trustedFingerprint: trusted.fingerprint } : {}),
  };
  if (!existing) {
    await write(row(undefined));
    return { outcome: 'imported', ...keyFields };
  }
  const previous = { previousExportedAt: existing.exportedAt };
  const facts = factsOf(existing);
  if (file.digest !== undefined && facts.digest === file.digest)
    return { outcome: 'identical', ...previous, ...keyFields };
  // A row whose key is not known (an old sealed row) counts as accepted: it was imported under the rules of its time.
  const existingAccepted =
    facts.keyFingerprint === undefined ||
    isAcceptedKey(judgeKey(trusted ?? (await db.trustedKeys.get(finess)), facts.keyFingerprint));
  if (!accepted && existingAccepted) return { outcome: 'held', ...previous, ...keyFields };
  // Of two exports of one campaign the newest wins (on a tie the one stored stays), except that a file signed by an
  // accepted key always takes the place of one held back for its key.
  if ((accepted && !existingAccepted) || exportTime(envelope.exportedAt) > exportTime(existing.exportedAt)) {
    await write(row(existing));
    return { outcome: 'replaced-older', ...previous, ...keyFields };
  }
  return { outcome: 'kept-newer', ...previous, ...keyFields };
}

interface Prepared {
  rowFor: RowFor;
  factsOf: FactsOf;
}

/**
 * While the lock is on: every file's row sealed under the id its campaign's row has (or will have), and the rows
 * found opened beforehand, so that their digest and key can be compared inside the transaction (where nothing can
 * be decrypted); a row changed in between sends the write back to the start.
 */
async function sealRows(
  db: CareDatabase,
  sealer: Sealer,
  files: readonly StorableExport[],
  now: number,
): Promise<Prepared> {
  if (sealer.keyId === undefined) {
    return {
      rowFor: (index, existing) => rowOf(files[index] as StorableExport, existing?.id ?? crypto.randomUUID(), now),
      factsOf: factsOfClearRow,
    };
  }
  const keys = files.map(campaignKey);
  const found = await db.submissions.where('[finess+questionnaireId+campaignYear]').anyOf(keys).toArray();
  const opened = await openRows(db, 'submissions', found);
  const factsById = new Map(opened.map((r) => [r.id, { importedAt: r.importedAt, facts: factsOfClearRow(r) }]));
  const idByKey = new Map(found.map((r) => [JSON.stringify([r.finess, r.questionnaireId, r.campaignYear]), r.id]));
  const ids = keys.map((key) => {
    const k = JSON.stringify(key);
    const id = idByKey.get(k) ?? crypto.randomUUID();
    idByKey.set(k, id);
    return id;
  });
  const rows = await Promise.all(files.map((file, i) => sealer.record('submissions', rowOf(file, ids[i] ?? '', now))));
  return {
    rowFor: (index, existing) => {
      const row = rows[index];
      if (!row || (existing && existing.id !== row.id)) throw new RecordChangedError();
      return row;
    },
    factsOf: (existing) => {
      if (!isSealedRecord(existing)) return factsOfClearRow(existing);
      // Rows this batch wrote are known before this is asked (storeSubmissions); any other row must be as opened.
      const known = factsById.get(existing.id);
      if (!known || known.importedAt !== existing.importedAt) throw new RecordChangedError();
      return known.facts;
    },
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
    async ({ rowFor, factsOf }) => {
      const results: StoreResult[] = [];
      // What this batch wrote, so that a later file of the same campaign compares with it without opening it.
      const written = new Map<string, RowFacts>();
      const factsOfRow = (existing: SubmissionRow) => written.get(existing.id) ?? factsOf(existing);
      const wrote = (id: string, facts: RowFacts) => written.set(id, facts);
      for (const [index, file] of files.entries()) {
        results.push(await storeOne(db, file, (existing) => rowFor(index, existing), factsOfRow, wrote, now));
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

/**
 * The stored submission whose verified digest is `digest` (the auditor's review screen is addressed by it). The
 * digest is in clear on a row stored while the lock was off; sealed rows are opened a page at a time only when no
 * clear row matched.
 */
export async function findSubmissionByDigest(db: CareDatabase, digest: string): Promise<SubmissionRow | undefined> {
  const rows = await db.submissions.toArray();
  const clear = rows.find((row) => !isSealedRecord(row) && row.digest === digest);
  if (clear) return clear;
  const sealed = rows.filter((row) => isSealedRecord(row));
  for (let start = 0; start < sealed.length; start += 200) {
    const opened = await openRows(db, 'submissions', sealed.slice(start, start + 200));
    const found = opened.find((row) => row.digest === digest);
    if (found) return found;
  }
  return undefined;
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

/**
 * The auditor's decision on a key seen for a FINESS, once its fingerprint is checked with the establishment: accept
 * it (it becomes the key; the one before stays accepted for the files it signed), or keep the old one (the key is
 * refused: its files stay out of the consolidation). Only a key seen on a file (pending) can be decided on.
 */
export async function decideKey(
  db: CareDatabase,
  finess: string,
  fingerprint: string,
  decision: 'accept' | 'reject',
  now: number = Date.now(),
): Promise<void> {
  db.assertWritable();
  try {
    await db.transaction('rw', db.trustedKeys, async () => {
      const row = await db.trustedKeys.get(finess);
      const seen = row?.pending?.find((p) => p.fingerprint === fingerprint);
      if (!row || !seen) throw new StorageError('not-found', `trustedKeys/${finess}/${fingerprint}`);
      if (decision === 'accept') {
        const rest = (row.pending ?? []).filter((p) => p.fingerprint !== fingerprint);
        await db.trustedKeys.put({
          ...acceptKey(row, fingerprint),
          publicKeyJwk: seen.publicKeyJwk,
          acceptedAt: now,
          pending: rest,
        });
      } else {
        const pending = (row.pending ?? []).map((p) => (p.fingerprint === fingerprint ? { ...p, rejectedAt: now } : p));
        await db.trustedKeys.put({ ...rejectKey(row, fingerprint), pending });
      }
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** How the key of a stored submission (as listSubmissions returns it, opened) stands for its FINESS. */
export function keyStatusOf(row: SubmissionRow, trusted: TrustedKeyRow | undefined): KeyChange {
  const signature = (row.document as StorableExport['envelope'] | undefined)?.signature;
  return judgeKey(trusted, signature?.keyFingerprint);
}
