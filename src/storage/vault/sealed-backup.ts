import { StorageError } from '../storage-error';
import { isSealedBox, openBytes, openLock, readLockEnvelope, type LockEnvelope, type SealedBox } from './lock-crypto';
import {
  clearFields,
  EVIDENCE_FILES_TABLE,
  isSealedAnswer,
  isSealedRecord,
  openRecord,
  recordAad,
  type SealedTable,
} from './record-seal';

/**
 * Backups made while the passphrase lock is on (src/storage/backup.ts).
 *
 * Choice: such a backup holds the records as they are stored, sealed, with the lock settings; it is as unreadable as
 * the data, and restoring it needs the passphrase that was in use when it was made. A backup in clear would have
 * undone the lock the moment it was downloaded (a file in the Downloads folder of a shared laptop).
 *
 * backup.json is JSON, which has no bytes: every ArrayBuffer (IVs, ciphertexts, salt, wrapped key) is written as
 * `{ "$bytes": "<base64>" }`. Each sealed evidence file is one zip entry: its 12-byte IV, then its ciphertext.
 */
const BYTES_TAG = '$bytes';
const IV_BYTES = 12;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and engines limit how many.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** The value with every ArrayBuffer written as `{ $bytes: base64 }`, ready for JSON. */
export function encodeBytes(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { [BYTES_TAG]: toBase64(new Uint8Array(value)) };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
  }
  return value;
}

/** The reverse of {@link encodeBytes}; a tag that is not valid base64 is refused. */
export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first?.[0] === BYTES_TAG) {
      if (typeof first[1] !== 'string') throw new StorageError('sealed-data-unreadable', BYTES_TAG);
      try {
        return fromBase64(first[1]);
      } catch {
        throw new StorageError('sealed-data-unreadable', BYTES_TAG);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeBytes(v)]));
  }
  return value;
}

/** A sealed evidence file as one zip entry: IV then ciphertext. */
export function evidenceEntryOf(box: SealedBox): Uint8Array {
  const entry = new Uint8Array(IV_BYTES + box.data.byteLength);
  entry.set(new Uint8Array(box.iv), 0);
  entry.set(new Uint8Array(box.data), IV_BYTES);
  return entry;
}

export function boxOfEvidenceEntry(entry: Uint8Array): SealedBox {
  const copy = entry.slice();
  return { iv: copy.buffer.slice(0, IV_BYTES), data: copy.buffer.slice(IV_BYTES) };
}

/** The lock of a sealed backup, checked (600,000 iterations at least) and opened with its passphrase. */
export async function openBackupLock(
  value: unknown,
  passphrase: string,
): Promise<{ envelope: LockEnvelope; key: CryptoKey }> {
  const envelope = readLockEnvelope(value);
  return { envelope, key: await openLock(envelope, passphrase) };
}

function fullySealed(table: SealedTable, row: unknown): boolean {
  if (table !== 'assessments') return isSealedRecord(row);
  const answers = (row as { answers?: unknown }).answers;
  return typeof answers === 'object' && answers !== null && Object.values(answers).every(isSealedAnswer);
}

/**
 * Opens every row of a sealed table of the backup. A row in clear among sealed ones, or one that does not open,
 * refuses the whole backup: restoring it would put clear data beside sealed data.
 */
export async function openBackupRows(key: CryptoKey, table: SealedTable, rows: unknown[]): Promise<unknown[]> {
  return Promise.all(
    rows.map((row, index) => {
      if (typeof row !== 'object' || row === null || typeof (row as { id?: unknown }).id !== 'string')
        throw new StorageError('sealed-data-unreadable', `${table}.${index}`);
      if (!fullySealed(table, row)) throw new StorageError('sealed-data-unreadable', `${table}.${index}`);
      return openRecord(key, table, row as { id: string });
    }),
  );
}

/**
 * The row to store for a record of a sealed backup: the clear fields of the record as validated, and the sealed boxes
 * exactly as they were in the backup (nothing else the file may hold is written).
 */
export function restoredRow(table: SealedTable, validated: { id: string }, stored: unknown): Record<string, unknown> {
  const clear: Record<string, unknown> = {};
  for (const field of clearFields[table]) {
    const value = (validated as Record<string, unknown>)[field];
    if (value !== undefined && field !== 'answers') clear[field] = value;
  }
  if (table === 'assessments') {
    const storedAnswers = (stored as { answers?: Record<string, unknown> }).answers ?? {};
    const validAnswers = (validated as unknown as { answers: Record<string, { updatedAt: number }> }).answers;
    clear.answers = Object.fromEntries(
      Object.entries(validAnswers).map(([itemId, answer]) => {
        const box = storedAnswers[itemId];
        return [itemId, isSealedAnswer(box) ? { updatedAt: answer.updatedAt, sealed: box.sealed } : answer];
      }),
    );
    return clear;
  }
  if (!isSealedRecord(stored)) throw new StorageError('sealed-data-unreadable', `${table}/${validated.id}`);
  return { ...clear, sealed: stored.sealed };
}

export async function openBackupEvidence(key: CryptoKey, id: string, entry: Uint8Array): Promise<ArrayBuffer> {
  const box = boxOfEvidenceEntry(entry);
  if (!isSealedBox(box)) throw new StorageError('sealed-data-unreadable', id);
  return openBytes(key, recordAad(EVIDENCE_FILES_TABLE, id), box);
}
