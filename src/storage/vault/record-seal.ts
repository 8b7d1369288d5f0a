import type { Answer } from '../../domain/assessment/answer';
import type { Assessment } from '../../domain/assessment/assessment';
import { StorageError } from '../storage-error';
import { isSealedBox, openBytes, openJson, sealBytes, sealJson, type SealedBox } from './lock-crypto';

/**
 * What the passphrase lock seals in each table, and what it leaves in clear: the fields IndexedDB indexes (so that
 * queries keep working: ids, establishment, questionnaire, year, FINESS…), the dates the writes compare to keep the
 * newer version (updatedAt, exportedAt), and nothing else. Establishments (name and FINESS are public registry data),
 * the auditor's trusted public keys and the settings stay in clear.
 *
 * A sealed record is its clear fields plus `sealed: { iv, data }`, the AES-GCM encryption of the JSON of every other
 * field, with "care-autodiag/<table>/<id>" as additional data. An assessment keeps one sealed box per answer, beside
 * that answer's updatedAt in clear: the answer save compares those dates inside its transaction (an older answer
 * never overwrites a newer one, across tabs) without decrypting anything there. Evidence bytes are sealed as bytes.
 */
export type SealedTable =
  | 'assessments'
  | 'budgets'
  | 'applications'
  | 'actions'
  | 'evidence'
  | 'submissions'
  | 'snapshots'
  | 'reviewDrafts'
  | 'sentExports'
  | 'receivedReviews';

export const SEALED_TABLES: readonly SealedTable[] = [
  'assessments',
  'budgets',
  'applications',
  'actions',
  'evidence',
  'submissions',
  'snapshots',
  'reviewDrafts',
  'sentExports',
  'receivedReviews',
];

export const clearFields: Readonly<Record<SealedTable, readonly string[]>> = {
  assessments: [
    'id',
    'establishmentId',
    'questionnaireId',
    'questionnaireVersion',
    'contentHash',
    'campaignYear',
    'basedOn',
    // Which mapping version of each framework the assessment reads: no more secret than its questionnaire version.
    'frameworkVersions',
    'createdAt',
    'updatedAt',
    'answers',
  ],
  budgets: ['id', 'establishmentId', 'year', 'createdAt', 'updatedAt'],
  applications: ['id', 'establishmentId', 'createdAt', 'updatedAt'],
  actions: ['id', 'establishmentId', 'assessmentId', 'status', 'createdAt', 'updatedAt'],
  evidence: ['id', 'assessmentId', 'itemId', 'addedAt'],
  submissions: ['id', 'finess', 'questionnaireId', 'campaignYear', 'exportedAt', 'importedAt'],
  // A snapshot is never rewritten: only what its list and the evidence deletion query is in clear (the evidence ids
  // are random identifiers, and tell which evidence bytes a snapshot keeps).
  snapshots: ['id', 'assessmentId', 'establishmentId', 'frozenAt', 'evidenceIds'],
  // The auditor's marks, comments and opinion are sealed; what the dashboard groups them by stays in clear.
  reviewDrafts: ['id', 'finess', 'questionnaireId', 'campaignYear', 'createdAt', 'updatedAt'],
  // Digests and dates only in clear: the answers as exported and the review's marks and comments are sealed.
  sentExports: ['id', 'assessmentId', 'establishmentId', 'exportedAt'],
  receivedReviews: ['id', 'assessmentId', 'establishmentId', 'exportDigest', 'reviewedAt', 'importedAt'],
};

/** The table evidence bytes live in (data version 2), sealed as raw bytes. */
export const EVIDENCE_FILES_TABLE = 'evidenceFiles';

export interface SealedFields {
  sealed: SealedBox;
}

/** An answer as stored while the lock is on: its date in clear, the rest sealed. */
export interface SealedAnswer {
  updatedAt: number;
  sealed: SealedBox;
}
export type StoredAnswer = Answer | SealedAnswer;

export function recordAad(table: string, id: string): string {
  return `care-autodiag/${table}/${id}`;
}

export function answerAad(assessmentId: string, itemId: string): string {
  return `care-autodiag/assessments/${assessmentId}/answers/${itemId}`;
}

export function isSealedRecord(row: unknown): row is SealedFields {
  return typeof row === 'object' && row !== null && isSealedBox((row as Partial<SealedFields>).sealed);
}

export function isSealedAnswer(answer: unknown): answer is SealedAnswer {
  return isSealedRecord(answer);
}

/** Whether anything in this row needs the key to be read. */
export function needsKey(table: SealedTable, row: unknown): boolean {
  if (isSealedRecord(row)) return true;
  if (table !== 'assessments' || typeof row !== 'object' || row === null) return false;
  const answers = (row as { answers?: Record<string, unknown> }).answers ?? {};
  return Object.values(answers).some(isSealedAnswer);
}

function split(table: SealedTable, row: object): { clear: Record<string, unknown>; secret: Record<string, unknown> } {
  const keep = new Set(clearFields[table]);
  const clear: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === undefined) continue;
    // JSON would silently turn bytes into {}: binary data is sealed as bytes (sealEvidenceFile), never here.
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
      throw new Error(`${table}.${field} holds bytes, which cannot be sealed as JSON`);
    if (keep.has(field)) clear[field] = value;
    else secret[field] = value;
  }
  return { clear, secret };
}

export async function sealAnswer(
  key: CryptoKey,
  assessmentId: string,
  itemId: string,
  answer: StoredAnswer,
): Promise<SealedAnswer> {
  if (isSealedAnswer(answer)) return answer;
  const { updatedAt, ...secret } = answer;
  return { updatedAt, sealed: await sealJson(key, answerAad(assessmentId, itemId), secret) };
}

export async function openAnswer(
  key: CryptoKey,
  assessmentId: string,
  itemId: string,
  stored: StoredAnswer,
): Promise<Answer> {
  if (!isSealedAnswer(stored)) return stored;
  const secret = (await openJson(key, answerAad(assessmentId, itemId), stored.sealed)) as Omit<Answer, 'updatedAt'>;
  return { ...secret, updatedAt: stored.updatedAt };
}

async function mapAnswers(
  answers: Record<string, StoredAnswer>,
  change: (itemId: string, answer: StoredAnswer) => Promise<StoredAnswer>,
): Promise<Record<string, StoredAnswer>> {
  const entries = await Promise.all(
    Object.entries(answers).map(async ([itemId, answer]) => [itemId, await change(itemId, answer)] as const),
  );
  return Object.fromEntries(entries);
}

/** The row as it is stored while the lock is on. Already sealed parts are kept as they are. */
export async function sealRecord<T extends { id: string }>(key: CryptoKey, table: SealedTable, record: T): Promise<T> {
  if (table === 'assessments') {
    const assessment = record as unknown as Assessment;
    const answers = await mapAnswers(assessment.answers, (itemId, answer) =>
      sealAnswer(key, assessment.id, itemId, answer),
    );
    return { ...record, answers };
  }
  if (isSealedRecord(record)) return record;
  const { clear, secret } = split(table, record);
  return { ...clear, sealed: await sealJson(key, recordAad(table, record.id), secret) } as unknown as T;
}

/**
 * The row as the rest of the app knows it. A clear row is returned as it is; a sealed one without the key is refused
 * with 'locked'.
 */
export async function openRecord<T extends { id: string }>(
  key: CryptoKey | undefined,
  table: SealedTable,
  row: T,
): Promise<T> {
  if (!needsKey(table, row)) return row;
  if (!key) throw new StorageError('locked', `${table}/${row.id}`);
  if (table === 'assessments') {
    const assessment = row as unknown as Assessment;
    const answers = await mapAnswers(assessment.answers, (itemId, answer) =>
      openAnswer(key, assessment.id, itemId, answer),
    );
    return { ...row, answers };
  }
  const { sealed, ...clear } = row as unknown as SealedFields & Record<string, unknown>;
  const secret = await openJson(key, recordAad(table, row.id), sealed);
  if (typeof secret !== 'object' || secret === null) throw new StorageError('sealed-data-unreadable', row.id);
  return { ...secret, ...clear } as unknown as T;
}

/** Evidence bytes as stored while the lock is on (`{ id, sealed }`) or in clear (`{ id, data }`). */
export interface StoredEvidenceFile {
  id: string;
  data?: ArrayBuffer;
  sealed?: SealedBox;
}

export async function sealEvidenceFile(
  key: CryptoKey,
  row: { id: string; data: ArrayBuffer },
): Promise<StoredEvidenceFile> {
  return { id: row.id, sealed: await sealBytes(key, recordAad(EVIDENCE_FILES_TABLE, row.id), row.data) };
}

export async function openEvidenceFile(
  key: CryptoKey | undefined,
  row: StoredEvidenceFile,
): Promise<{ id: string; data: ArrayBuffer }> {
  if (row.data instanceof ArrayBuffer && row.sealed === undefined) return { id: row.id, data: row.data };
  if (!row.sealed || !isSealedBox(row.sealed)) throw new StorageError('sealed-data-unreadable', row.id);
  if (!key) throw new StorageError('locked', `${EVIDENCE_FILES_TABLE}/${row.id}`);
  return { id: row.id, data: await openBytes(key, recordAad(EVIDENCE_FILES_TABLE, row.id), row.sealed) };
}
