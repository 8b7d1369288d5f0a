import Dexie, { type Table, type Transaction } from 'dexie';
import type { Answer } from '../../domain/assessment/answer';
import type { CareDatabase } from '../care-database';
import { StorageError, toStorageError } from '../storage-error';
import {
  needsKey,
  openEvidenceFile,
  openRecord,
  sealAnswer,
  sealEvidenceFile,
  sealRecord,
  type SealedTable,
  type StoredAnswer,
  type StoredEvidenceFile,
} from './record-seal';
import { keyIdOf, LOCK_META_KEY, LOCK_SWITCH_HOLD_KEY, switchHeldUntil, vaultOf, type Vault } from './vault';

/**
 * How the repositories read and write records under the passphrase lock, the only way they do.
 *
 * IndexedDB commits a transaction as soon as no request is pending, so WebCrypto is never awaited inside one: a
 * write encrypts first and then runs its transaction; a read runs its queries and decrypts afterwards.
 *
 * Reads inside useLiveQuery: Dexie records what a querier reads in a zone that a non-Dexie promise (WebCrypto)
 * would leave, so the decryption is handed back through Dexie.waitFor(), which Dexie documents for this: outside a
 * transaction it "keeps the observation context alive" after the promise resolves, without keeping anything busy
 * (dexie.org/docs/Dexie/Dexie.waitFor(); the useLiveQuery() page asks to wrap WebCrypto calls the same way). A
 * querier can then go on reading after a decryption and still be re-run when any of what it read changes, in this
 * tab or another (sealed-io.test.ts checks it).
 */

/** What a write seals its records with: the data key while unlocked, nothing while the lock is off. */
export interface Sealer {
  /** The lock the records were prepared for; undefined when they are prepared in clear. */
  readonly keyId: string | undefined;
  record<T extends { id: string }>(table: SealedTable, record: T): Promise<T>;
  answer(assessmentId: string, itemId: string, answer: Answer): Promise<StoredAnswer>;
  evidenceFile(row: { id: string; data: ArrayBuffer }): Promise<StoredEvidenceFile>;
}

const clearSealer: Sealer = {
  keyId: undefined,
  record: (_table, record) => Promise.resolve(record),
  answer: (_assessmentId, _itemId, answer) => Promise.resolve(answer),
  evidenceFile: (row) => Promise.resolve(row),
};

/** The sealer for a write now; refused with 'locked' while the data is locked in this tab. */
export async function sealerOf(vault: Vault): Promise<Sealer> {
  await vault.ready();
  const key = vault.key;
  if (vault.status === 'locked' || (vault.status === 'unlocked' && !key)) throw new StorageError('locked');
  if (!key) return clearSealer;
  return {
    keyId: vault.keyId,
    record: (table, record) => sealRecord(key, table, record),
    answer: (assessmentId, itemId, answer) => sealAnswer(key, assessmentId, itemId, answer),
    evidenceFile: (row) => sealEvidenceFile(key, row),
  };
}

/** Thrown inside a write's transaction when the lock changed since the records were prepared: prepare again. */
/** A lock switch in another tab (or this one) holds the sealed tables' writes until `until`. */
class SwitchHeldError extends Error {
  override readonly name = 'SwitchHeldError';
  constructor(readonly until: number) {
    super('a lock switch holds writes');
  }
}

class LockChangedError extends Error {
  override readonly name = 'LockChangedError';
}

/** Thrown inside a read-modify-write's transaction when the record changed since it was read: read again. */
export class RecordChangedError extends Error {
  override readonly name = 'RecordChangedError';
}

const ATTEMPTS = 4;
/** How often a write held by a lock switch looks again. */
const HOLD_POLL_MS = 25;

/**
 * Prepares records (sealed or clear, as the lock is now), then writes them in one transaction that first checks that
 * the lock is still the one they were prepared for; if another tab turned it on or off in between, prepares again.
 * `write` may throw RecordChangedError (a compare-and-swap lost to another write) to start over as well. Resolves once
 * the transaction has committed.
 */
export async function writeSealed<P, R>(
  db: CareDatabase,
  tables: readonly Table[],
  prepare: (sealer: Sealer) => Promise<P>,
  write: (prepared: P) => Promise<R>,
): Promise<R> {
  db.assertWritable();
  const vault = vaultOf(db);
  const scope = [...new Set<Table>([...tables, db.meta])];
  for (let attempt = 1; ; attempt++) {
    let prepared: P;
    let sealer: Sealer;
    try {
      sealer = await sealerOf(vault);
      prepared = await prepare(sealer);
    } catch (error) {
      throw toStorageError(error);
    }
    try {
      return await db.transaction('rw', scope, async () => {
        const held = switchHeldUntil((await db.meta.get(LOCK_SWITCH_HOLD_KEY))?.value);
        if (held !== undefined) throw new SwitchHeldError(held);
        const stored = await db.meta.get(LOCK_META_KEY);
        if (keyIdOf(stored?.value) !== sealer.keyId) throw new LockChangedError();
        return write(prepared);
      });
    } catch (error) {
      if (error instanceof SwitchHeldError) {
        // Not a failed attempt: the write waits for the switch (bounded by its lease) and tries again; once the switch
        // has landed, the key check above sends it through LockChangedError, which reloads the lock once.
        await new Promise((resolve) => setTimeout(resolve, Math.min(HOLD_POLL_MS, error.until - Date.now())));
        attempt -= 1;
        continue;
      }
      const retry = error instanceof LockChangedError || error instanceof RecordChangedError;
      if (!retry || attempt >= ATTEMPTS) throw toStorageError(error);
      if (error instanceof LockChangedError) await vault.reload();
    }
  }
}

/**
 * Hands a decryption back to the caller's Dexie context (see the header). Inside a transaction there is nothing to
 * keep alive (records are opened after their transaction), so the promise is only re-wrapped there.
 */
function inQueryContext<T>(promise: Promise<T>): Promise<T> {
  const transaction = Dexie.currentTransaction as Transaction | null;
  return transaction ? Dexie.Promise.resolve(promise) : Dexie.waitFor(promise);
}

async function keyFor(vault: Vault): Promise<CryptoKey> {
  await vault.ready();
  const key = vault.key;
  if (!key) {
    vault.noticeSealedData();
    throw new StorageError('locked');
  }
  return key;
}

/** Rows read from a sealed table, opened; clear rows (the lock off) come back as they are, with no decryption. */
export function openRows<T extends { id: string }>(db: CareDatabase, table: SealedTable, rows: T[]): Promise<T[]> {
  if (!rows.some((row) => needsKey(table, row))) return Dexie.Promise.resolve(rows);
  return inQueryContext(
    (async () => {
      const key = await keyFor(vaultOf(db));
      return Promise.all(rows.map((row) => openRecord(key, table, row)));
    })(),
  );
}

export function openRow<T extends { id: string }>(
  db: CareDatabase,
  table: SealedTable,
  row: T | undefined,
): Promise<T | undefined> {
  if (!row) return Dexie.Promise.resolve(undefined);
  return openRows(db, table, [row]).then(([opened]) => opened);
}

/** The bytes of an evidence file, opened when sealed. */
export function openEvidenceBytes(db: CareDatabase, row: StoredEvidenceFile): Promise<ArrayBuffer> {
  if (row.sealed === undefined && row.data instanceof ArrayBuffer) return Dexie.Promise.resolve(row.data);
  return inQueryContext(
    (async () => {
      const key = row.sealed ? await keyFor(vaultOf(db)) : undefined;
      return (await openEvidenceFile(key, row)).data;
    })(),
  );
}
