import type { Table } from 'dexie';
import type { CareDatabase } from '../care-database';
import { StorageError, toStorageError } from '../storage-error';
import { createLock, openLock, readLockEnvelope, rewrapLock, type LockEnvelope } from './lock-crypto';
import {
  EVIDENCE_FILES_TABLE,
  openEvidenceFile,
  openRecord,
  sealEvidenceFile,
  sealRecord,
  SEALED_TABLES,
  type SealedTable,
  type StoredEvidenceFile,
} from './record-seal';
import { sameValue } from './same-value';
import { keyIdOf, LOCK_META_KEY, LOCK_SWITCH_HOLD_KEY, vaultOf } from './vault';

/**
 * Turning the passphrase lock on or off, and changing the passphrase.
 *
 * Turning it on seals every existing row and turning it off opens them all, each atomically: every row is read in
 * one transaction, encrypted or decrypted outside any transaction (WebCrypto cannot run inside one), then written
 * back with the lock settings in ONE read-write transaction, which first checks that nothing changed in between
 * (another tab's write) and otherwise starts over. A crash or a closed tab therefore leaves all the data in clear or
 * all of it sealed, never a mix. This holds every record and evidence file in memory twice for a moment: the price of
 * the single transaction.
 *
 * Changing the passphrase re-wraps the data key only: not one sealed record is rewritten.
 */

const ATTEMPTS = 10;
/** Rounds tried while other tabs write freely; after them, their writes to the sealed tables wait (a lease). */
const FREE_ROUNDS = 3;
/** How long one hold lasts, renewed each round: a tab closed mid-switch holds writes no longer than this. */
const HOLD_MS = 30_000;

interface Snapshot {
  lock: unknown;
  rows: Map<SealedTable, { id: string }[]>;
  /** Evidence bytes, when the database has their table (data version 2). */
  files: StoredEvidenceFile[];
}

function filesTable(db: CareDatabase): Table<StoredEvidenceFile, string> | undefined {
  return db.tables.some((t) => t.name === EVIDENCE_FILES_TABLE)
    ? db.table<StoredEvidenceFile, string>(EVIDENCE_FILES_TABLE)
    : undefined;
}

function scopeOf(db: CareDatabase): Table[] {
  const files = filesTable(db);
  return [...SEALED_TABLES.map((name) => db.table(name)), ...(files ? [files] : []), db.meta];
}

async function readRows(db: CareDatabase, withFileBytes: boolean): Promise<Snapshot> {
  const rows = new Map<SealedTable, { id: string }[]>();
  for (const name of SEALED_TABLES) rows.set(name, (await db.table(name).toArray()) as { id: string }[]);
  const files = filesTable(db);
  // Evidence bytes never change under an id (a file is added or removed, not edited): their ids say whether the
  // set changed, without reading every file a second time.
  const fileRows = !files
    ? []
    : withFileBytes
      ? await files.toArray()
      : (await files.toCollection().primaryKeys()).map((id) => ({ id }));
  return { lock: (await db.meta.get(LOCK_META_KEY))?.value, rows, files: fileRows };
}

function snapshot(db: CareDatabase): Promise<Snapshot> {
  return db.transaction('r', scopeOf(db), () => readRows(db, true));
}

function unchanged(before: Snapshot, now: Snapshot): boolean {
  if (!sameValue(before.lock, now.lock)) return false;
  if (!sameValue(before.files.map((f) => f.id).sort(), now.files.map((f) => f.id).sort())) return false;
  return SEALED_TABLES.every((name) => sameValue(before.rows.get(name), now.rows.get(name)));
}

class ChangedMeanwhile extends Error {
  override readonly name = 'ChangedMeanwhile';
}

/**
 * Transforms every row (seal or open) and writes the result with the new lock settings in one transaction, starting
 * over if anything changed since the rows were read. A new round transforms again only the rows that changed, so
 * that it is short and catches up with a tab that keeps writing. After {@link FREE_ROUNDS} rounds, other tabs' writes
 * to the sealed tables wait for it (a lease in `meta`, see LOCK_SWITCH_HOLD_KEY), so that a tab saving without pause
 * cannot make it give up; after {@link ATTEMPTS} rounds it gives up all the same, having changed nothing.
 */
async function rewriteAll(
  db: CareDatabase,
  check: (before: Snapshot) => void,
  transform: {
    record: (table: SealedTable, row: { id: string }) => Promise<{ id: string }>;
    file: (row: StoredEvidenceFile) => Promise<StoredEvidenceFile>;
  },
  lock: LockEnvelope | undefined,
): Promise<void> {
  db.assertWritable();
  const done = new Map<string, { from: unknown; to: Promise<{ id: string }> }>();
  const cached = (key: string, from: unknown, make: () => Promise<{ id: string }>) => {
    const hit = done.get(key);
    if (hit && sameValue(hit.from, from)) return hit.to;
    const to = make();
    done.set(key, { from, to });
    return to;
  };
  // Whether this switch holds other tabs' writes (an object: the rounds below set it).
  const hold = { active: false };
  try {
    await rewriteRounds();
  } finally {
    // Released in the final transaction on success; here when the switch gives up or fails.
    if (hold.active) await db.meta.delete(LOCK_SWITCH_HOLD_KEY).catch(() => undefined);
  }

  async function rewriteRounds(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (attempt > FREE_ROUNDS) {
        // A tab that keeps writing faster than a round: hold its writes (writeSealed waits) so the next round holds.
        await db.transaction('rw', db.meta, () =>
          db.meta.put({ key: LOCK_SWITCH_HOLD_KEY, value: { until: Date.now() + HOLD_MS } }),
        );
        hold.active = true;
      }
      let before: Snapshot;
      let rows: Map<SealedTable, { id: string }[]>;
      let files: StoredEvidenceFile[];
      try {
        before = await snapshot(db);
        check(before);
        rows = new Map(
          await Promise.all(
            SEALED_TABLES.map(
              async (name) =>
                [
                  name,
                  await Promise.all(
                    (before.rows.get(name) ?? []).map((row) =>
                      cached(`${name}/${row.id}`, row, () => transform.record(name, row)),
                    ),
                  ),
                ] as const,
            ),
          ),
        );
        // Evidence bytes never change under an id: transformed once.
        files = await Promise.all(
          before.files.map((row) => cached(`${EVIDENCE_FILES_TABLE}/${row.id}`, row.id, () => transform.file(row))),
        );
      } catch (error) {
        throw toStorageError(error);
      }
      try {
        await db.transaction('rw', scopeOf(db), async () => {
          if (!unchanged(before, await readRows(db, false))) throw new ChangedMeanwhile();
          for (const name of SEALED_TABLES) await db.table(name).bulkPut(rows.get(name) ?? []);
          const table = filesTable(db);
          if (table) await table.bulkPut(files);
          if (lock) await db.meta.put({ key: LOCK_META_KEY, value: lock });
          else await db.meta.delete(LOCK_META_KEY);
          if (hold.active) await db.meta.delete(LOCK_SWITCH_HOLD_KEY);
        });
        hold.active = false;
        return;
      } catch (error) {
        if (!(error instanceof ChangedMeanwhile) || attempt >= ATTEMPTS) throw toStorageError(error);
      }
    }
  }
}

/** Turns the lock on: a new data key under this passphrase, and every existing row sealed with it. */
export async function turnLockOn(db: CareDatabase, passphrase: string, now: number = Date.now()): Promise<void> {
  const vault = vaultOf(db);
  const { envelope, key } = await createLock(passphrase, now);
  try {
    await rewriteAll(
      db,
      (before) => {
        if (before.lock !== undefined) throw new StorageError('locked', 'the lock was turned on in another tab');
      },
      {
        record: (table, row) => sealRecord(key, table, row),
        file: async (row) =>
          row.data instanceof ArrayBuffer && row.sealed === undefined
            ? sealEvidenceFile(key, { id: row.id, data: row.data })
            : row,
      },
      envelope,
    );
  } catch (error) {
    if (error instanceof StorageError && error.code === 'locked') await vault.reload();
    throw error;
  }
  vault.settled({ envelope, key });
}

/** Turns the lock off after checking the passphrase: every row opened and written back in clear. */
export async function turnLockOff(db: CareDatabase, passphrase: string): Promise<void> {
  const vault = vaultOf(db);
  const stored = (await db.meta.get(LOCK_META_KEY))?.value;
  if (stored === undefined) {
    await vault.reload();
    return;
  }
  const envelope = readLockEnvelope(stored);
  const key = await openLock(envelope, passphrase);
  await rewriteAll(
    db,
    (before) => {
      if (keyIdOf(before.lock) !== envelope.keyId) throw new StorageError('wrong-passphrase', 'the lock changed');
    },
    {
      record: (table, row) => openRecord(key, table, row),
      file: (row) => openEvidenceFile(key, row),
    },
    undefined,
  );
  vault.settled('off');
}

/** Wraps the same data key under a new passphrase; the sealed records are not touched. */
export async function changePassphrase(
  db: CareDatabase,
  oldPassphrase: string,
  newPassphrase: string,
  now: number = Date.now(),
): Promise<void> {
  db.assertWritable();
  const stored = (await db.meta.get(LOCK_META_KEY))?.value;
  if (stored === undefined) throw new StorageError('not-found', 'passphrase lock');
  const { envelope, key } = await rewrapLock(readLockEnvelope(stored), oldPassphrase, newPassphrase, now);
  try {
    await db.transaction('rw', db.meta, async () => {
      const current = (await db.meta.get(LOCK_META_KEY))?.value;
      if (!sameValue(current, stored)) throw new ChangedMeanwhile();
      await db.meta.put({ key: LOCK_META_KEY, value: envelope });
    });
  } catch (error) {
    // Another tab changed the passphrase first: the old one typed here may no longer be the right one.
    if (error instanceof ChangedMeanwhile) throw new StorageError('wrong-passphrase', 'changed in another tab');
    throw toStorageError(error);
  }
  vaultOf(db).settled({ envelope, key });
}
