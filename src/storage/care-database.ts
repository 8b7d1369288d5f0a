import Dexie, { type EntityTable } from 'dexie';
import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { Assessment } from '../domain/assessment/assessment';
import type { BudgetRecord } from '../domain/budget/budget-record';
import type { Establishment } from '../domain/establishment/establishment';
import type { ReviewDraft } from '../domain/review/review-draft';
import type { Snapshot } from '../domain/snapshot/snapshot';
import { DATA_VERSION, DATA_VERSIONS } from './data-versions';
import { StorageError } from './storage-error';

export { DATA_VERSION } from './data-versions';

/**
 * The app's IndexedDB database.
 *
 * Version clock 1 of the design (§5): each Dexie version is one data version (src/storage/data-versions.ts, with its
 * migration), recorded in the meta table. A build that opens data written by a newer build (a higher dataVersion,
 * or a higher IndexedDB version) does not write to it: it opens read-only and asks for the app to be updated, so
 * that an old build never overwrites newer data (the failure users of peer tools reported after a downgrade).
 */
export const DEFAULT_DATABASE_NAME = 'care-autodiag';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface EvidenceRow {
  id: string;
  assessmentId: string;
  itemId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  /** The date of the document itself (a signed policy, an audit report), not the upload date. */
  documentDate?: string;
  addedAt: number;
}

/** The bytes of an evidence file, under the id of its {@link EvidenceRow} (data version 2). */
export interface EvidenceFileRow {
  id: string;
  /** An ArrayBuffer rather than a Blob: it clones the same everywhere, tests included. */
  data: ArrayBuffer;
}

/** A file imported into the auditor workspace: one per FINESS × questionnaire × campaign, the newest kept. */
export interface SubmissionRow {
  id: string;
  finess: string;
  questionnaireId: string;
  campaignYear: number;
  exportedAt: string;
  importedAt: number;
  /** The validated export file, as imported. */
  document: unknown;
  /** The name of the file it was imported from. */
  fileName?: string;
  /** Its verified SHA-256 digest (integrity.digest): two copies of one file have the same. */
  digest?: string;
}

/**
 * An export file made on this installation (data version 4), so that a review received later can be tied to it by
 * its digest, and the next export can tell which reviewed items changed since. Sealed by the passphrase lock: the
 * answers as exported are the establishment's.
 */
export interface SentExportRow {
  /** The export's integrity.digest. */
  id: string;
  assessmentId: string;
  establishmentId: string;
  fileName: string;
  exportedAt: string;
  sharingLevel: string;
  /** What a review copies of the export it answers (review-format.ts, `submission`), to check it against. */
  finess: string;
  questionnaireId: string;
  questionnaireVersion: string;
  campaignYear: number;
  snapshot?: { id: string; frozenAt: string; digest: string };
  /** Each answered item's answer as exported (its response and comment, as canonical JSON), to compare with later. */
  answers: Record<string, string>;
}

/**
 * A review file received from the auditor and imported (data version 4): validated, answering one of this
 * installation's exports (`exportDigest`, a SentExportRow id). Sealed by the passphrase lock.
 */
export interface ReceivedReviewRow {
  /** The review's integrity.digest: the same file imported twice is stored once. */
  id: string;
  exportDigest: string;
  assessmentId: string;
  establishmentId: string;
  reviewedAt: string;
  importedAt: number;
  fileName: string;
  /** The fingerprint of the key that signed it (verified), when it is signed. */
  keyFingerprint?: string;
  /** The validated review file, as imported. */
  document: unknown;
}

/**
 * The keys of a FINESS as the auditor has judged them (trust on first use, src/domain/trust/key-trust.ts): the key
 * accepted now (the first seen, or one accepted since), those accepted before it, those refused, and the keys seen
 * on files and not yet reviewed (kept with their public key, so that one can be accepted later, and the names of the
 * files that came with it). Public keys and fingerprints only: kept in clear under the passphrase lock.
 */
export interface TrustedKeyRow {
  finess: string;
  fingerprint: string;
  publicKeyJwk: JsonWebKey;
  firstSeenAt: number;
  /** When the current key was accepted in place of another one. */
  acceptedAt?: number;
  previous?: string[];
  rejected?: string[];
  /** Keys seen on files since, other than the accepted ones: under review, or refused (rejectedAt). */
  pending?: PendingKeyRow[];
}

export interface PendingKeyRow {
  fingerprint: string;
  publicKeyJwk: JsonWebKey;
  firstSeenAt: number;
  /** The establishment's name as the file gives it (shown through the bidi-safe display). */
  name?: string;
  /** The files that came signed with it, the latest last (at most {@link MAX_PENDING_FILE_NAMES}). */
  fileNames: string[];
  /** Set once the auditor has refused this key. */
  rejectedAt?: number;
}

export const MAX_PENDING_FILE_NAMES = 20;

/** This installation's signing key pair, created once; the private key is not extractable. */
export interface InstallationKeyRow {
  id: 'signing';
  privateKey: CryptoKey;
  publicKeyJwk: JsonWebKey;
  fingerprint: string;
  createdAt: number;
}

export type DatabaseAccess = 'read-write' | 'read-only';

export class CareDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  establishments!: EntityTable<Establishment, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  evidence!: EntityTable<EvidenceRow, 'id'>;
  evidenceFiles!: EntityTable<EvidenceFileRow, 'id'>;
  budgets!: EntityTable<BudgetRecord, 'id'>;
  applications!: EntityTable<ApplicationRecord, 'id'>;
  actions!: EntityTable<ActionRecord, 'id'>;
  submissions!: EntityTable<SubmissionRow, 'id'>;
  trustedKeys!: EntityTable<TrustedKeyRow, 'finess'>;
  installationKeys!: EntityTable<InstallationKeyRow, 'id'>;
  /** Frozen assessments (data version 3): written once, read, deleted; never updated. */
  snapshots!: EntityTable<Snapshot, 'id'>;
  /** The auditor's reviews of imported files, keyed by the file's digest (data version 4). */
  reviewDrafts!: EntityTable<ReviewDraft, 'id'>;
  /** Exports made on this installation (data version 4). */
  sentExports!: EntityTable<SentExportRow, 'id'>;
  /** Reviews received from the auditor (data version 4). */
  receivedReviews!: EntityTable<ReceivedReviewRow, 'id'>;

  /** Set by {@link openCareDatabase}; every repository write checks it first. */
  access: DatabaseAccess = 'read-write';
  /** The data version found on disk when the database was opened. */
  foundDataVersion = DATA_VERSION;
  /** Set when another tab opened a newer version of the data or deleted it: this tab must reload. */
  closedByAnotherTab = false;
  private readonly closeListeners = new Set<() => void>();

  /** Subscribes to "another tab upgraded or deleted the database"; returns the unsubscribe function. */
  onClosedByAnotherTab(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * @param layout `'as-found'` opens the database with the stores it has, declaring none: for data of a newer
   * build, which this build must not upgrade (see {@link openCareDatabase}).
   */
  constructor(name: string = DEFAULT_DATABASE_NAME, layout: 'this-build' | 'as-found' = 'this-build') {
    // « Enregistré » must mean on disk. Chromium's default since version 121 is "relaxed": a transaction completes
    // once its data is handed to the operating system, which survives a browser crash (tests/e2e/crash-durability)
    // but not a power cut or a system crash in the next seconds. "strict" waits for the flush; measured on a
    // 77-answer assessment it adds ≈ 0.3 ms to the median answer save and ≈ 3 ms at p95 (budget 50 ms).
    super(name, { chromeTransactionDurability: 'strict' });
    for (const step of layout === 'this-build' ? DATA_VERSIONS : []) {
      const version = this.version(step.version).stores(step.stores);
      if (step.version === 1) continue;
      // The migration and the new data version land in IndexedDB's one upgrade transaction: both or neither.
      version.upgrade(async (tx) => {
        await step.migrate?.(tx);
        await tx.table('meta').put({ key: 'dataVersion', value: step.version });
      });
    }
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'dataVersion', value: DATA_VERSION });
    });
    // Another tab (a newer build, or a deletion) needs the database: let it proceed rather than deadlock, stop
    // writing here, and tell the user to reload. Dexie's close() also stops it from reopening by itself.
    this.on('versionchange', () => {
      this.close();
      this.closedByAnotherTab = true;
      for (const listener of this.closeListeners) listener();
      return false;
    });
  }

  /** In the 'as-found' layout Dexie builds no table properties: point those this build knows at the stores. */
  attachStoresAsFound(): void {
    const known = new Set(DATA_VERSIONS.flatMap((step) => Object.keys(step.stores)));
    for (const table of this.tables) {
      if (known.has(table.name)) Object.defineProperty(this, table.name, { value: table, configurable: true });
    }
  }

  assertWritable(): void {
    if (this.access === 'read-only')
      throw new StorageError('data-newer-than-app', `data version ${this.foundDataVersion}`);
  }
}

/**
 * Opens the database and decides whether this build may write to it. Never throws for newer data: it returns the
 * database in read-only mode so that the app can still show what is there and say "update the app".
 */
export async function openCareDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<CareDatabase> {
  // Data of a newer build is opened as it is. Declaring this build's layout on it would make Dexie 4 "repair" it:
  // put back a store or an index the newer build removed, and raise its version — a write over newer data (and a
  // unique index put back over data that no longer satisfies it would fail).
  const nativeVersion = await readNativeVersion(name);
  if (Math.floor(nativeVersion / 10) > DATA_VERSION) return openNewerData(name, nativeVersion);
  const db = new CareDatabase(name);
  try {
    await db.open();
  } catch (error) {
    // Another tab upgraded the data between the version check and this open.
    if ((error as { name?: string }).name === 'VersionError') return openNewerData(name, Number.POSITIVE_INFINITY);
    throw error;
  }
  const row = await db.meta.get('dataVersion');
  const found = typeof row?.value === 'number' ? row.value : DATA_VERSION;
  db.foundDataVersion = Math.max(found, Math.floor(db.backendDB().version / 10));
  db.access = db.foundDataVersion > DATA_VERSION ? 'read-only' : 'read-write';
  return db;
}

async function openNewerData(name: string, nativeVersion: number): Promise<CareDatabase> {
  const db = new CareDatabase(name, 'as-found');
  await db.open();
  db.attachStoresAsFound();
  db.access = 'read-only';
  const row = db.tables.some((t) => t.name === 'meta') ? await db.meta.get('dataVersion') : undefined;
  const recorded = typeof row?.value === 'number' ? row.value : 0;
  db.foundDataVersion = Math.max(recorded, Number.isFinite(nativeVersion) ? Math.floor(nativeVersion / 10) : db.verno);
  return db;
}

/** The database's IndexedDB version as it is on disk, 0 when there is none (and then none is created). */
function readNativeVersion(name: string): Promise<number> {
  const factory = (Dexie.dependencies.indexedDB as IDBFactory | undefined) ?? globalThis.indexedDB;
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let absent = false;
    request.onupgradeneeded = () => {
      // Opening without a version creates a missing database at version 1: abort, so that nothing is created.
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (absent) {
        event.preventDefault();
        resolve(0);
      } else reject(request.error ?? new Error(`cannot open ${name}`));
    };
  });
}
