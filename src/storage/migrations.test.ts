// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Transaction } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawDatabase, dumpRawDatabase, type RawDatabase } from '../../tests/fixtures/data/raw-database';
import { createBackup, readBackup } from './backup';
import { openCareDatabase } from './care-database';
import { DATA_VERSION, DATA_VERSIONS } from './data-versions';
import { EvidenceRepository } from './evidence-repository';
import { getOrCreateSigningKey } from './signing-key-repository';

/**
 * Every past data version opens with this build: the fixture of version n (what the build of version n wrote,
 * captured by scripts/capture-data-fixture.ts before the version was raised) is rebuilt with plain IndexedDB, then
 * opened through openCareDatabase, which runs the migrations n+1 … DATA_VERSION. Each migration has its check
 * below; the first test fails when one has none, or when a past version has no fixture.
 */

const fixtureDirectory = resolve(__dirname, '../../tests/fixtures/data');
const fixturePath = (version: number) => resolve(fixtureDirectory, `data-v${version}.json`);
const readFixture = (version: number) => JSON.parse(readFileSync(fixturePath(version), 'utf8')) as RawDatabase;
const freshName = () => `migration-${crypto.randomUUID()}`;

type Rows = Record<string, Record<string, unknown>[]>;
const rowsOf = (dump: RawDatabase): Rows =>
  Object.fromEntries(dump.stores.map((s) => [s.name, s.rows as Record<string, unknown>[]]));

/** What each migration must have done, given the stores before it (as in the fixture) and after (as on disk). */
const migrationChecks: Record<number, (before: Rows, after: Rows) => void> = {
  2: (before, after) => {
    // Every evidence listing row is kept, field for field, without its bytes…
    const withoutBytes = (before.evidence ?? []).map(({ data: _data, ...listing }) => listing);
    expect(after.evidence).toEqual(withoutBytes);
    expect(after.evidence?.every((row) => !('data' in row))).toBe(true);
    // …and the bytes are in evidenceFiles under the same id, unchanged.
    expect(after.evidenceFiles).toEqual((before.evidence ?? []).map((row) => ({ id: row.id, data: row.data })));
  },
  3: (before, after) => {
    // A new store, empty; the evidence and its bytes are as they were.
    expect(after.snapshots).toEqual([]);
    if (before.evidenceFiles) expect(after.evidenceFiles).toEqual(before.evidenceFiles);
  },
  4: (before, after) => {
    // Three new stores of the review cycle, empty; the snapshots are as they were.
    expect(after.reviewDrafts).toEqual([]);
    expect(after.sentExports).toEqual([]);
    expect(after.receivedReviews).toEqual([]);
    expect(after.snapshots).toEqual(before.snapshots ?? []);
  },
};

/** Stores whose rows no migration so far has touched: they must come out identical. */
const untouchedStores = [
  'establishments',
  'assessments',
  'budgets',
  'applications',
  'actions',
  'submissions',
  'trustedKeys',
];

const pastVersions = DATA_VERSIONS.map((step) => step.version).filter((version) => version < DATA_VERSION);

describe('data migrations', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has a fixture for every past data version and a check for every migration', () => {
    expect(DATA_VERSIONS.map((step) => step.version)).toEqual(DATA_VERSIONS.map((_, i) => i + 1));
    for (const version of pastVersions) expect(existsSync(fixturePath(version)), `data-v${version}.json`).toBe(true);
    for (const step of DATA_VERSIONS.slice(1)) {
      expect(step.migrate, `data version ${step.version} has no migration`).toBeTypeOf('function');
      expect(migrationChecks[step.version], `the migration to data version ${step.version} has no test`).toBeDefined();
    }
    expect(Object.keys(migrationChecks).map(Number).sort()).toEqual(DATA_VERSIONS.slice(1).map((s) => s.version));
  });

  it.each(pastVersions)('opens the data of version %i with this build and migrates it', async (version) => {
    const fixture = readFixture(version);
    const name = freshName();
    await createRawDatabase({ fixture, name });
    const before = rowsOf(fixture);

    const db = await openCareDatabase(name);
    expect(db.access).toBe('read-write');
    expect(db.foundDataVersion).toBe(DATA_VERSION);
    expect((await db.meta.get('dataVersion'))?.value).toBe(DATA_VERSION);
    db.close();

    const dump = await dumpRawDatabase(name);
    expect(dump.version).toBe(DATA_VERSION * 10);
    const after = rowsOf(JSON.parse(JSON.stringify(dump)) as RawDatabase);
    for (const store of untouchedStores) {
      expect(after[store], store).toHaveLength(before[store]?.length ?? 0);
      expect(after[store], store).toEqual(before[store]);
    }
    // Settings are carried over; only the data version changes.
    expect(after.meta?.filter((row) => row.key !== 'dataVersion')).toEqual(
      before.meta?.filter((row) => row.key !== 'dataVersion'),
    );
    for (const step of DATA_VERSIONS.filter((s) => s.version > version)) migrationChecks[step.version]?.(before, after);
  });

  it.each(pastVersions)('works on migrated data of version %i: evidence, backup, signing key', async (version) => {
    const fixture = readFixture(version);
    const name = freshName();
    await createRawDatabase({ fixture, name });
    const db = await openCareDatabase(name);
    const evidenceRows = rowsOf(fixture).evidence ?? [];
    // The bytes are in the evidence row up to data version 1, in evidenceFiles under the same id since.
    const filesById = new Map((rowsOf(fixture).evidenceFiles ?? []).map((row) => [row.id, row.data]));
    expect(evidenceRows.length).toBeGreaterThan(0);
    const repository = new EvidenceRepository(db);
    for (const row of evidenceRows) {
      const opened = await repository.get(String(row.id));
      const bytes = (row.data ?? filesById.get(row.id)) as { $bytes: string };
      const expected = Uint8Array.from(atob(bytes.$bytes), (c) => c.charCodeAt(0));
      expect(new Uint8Array(opened?.data ?? new ArrayBuffer(0))).toEqual(expected);
      const listed = await repository.listForItem(String(row.assessmentId), String(row.itemId));
      expect(listed.map((e) => e.id)).toContain(row.id);
    }
    // A backup of migrated data reads back whole (every evidence file present and matching its SHA-256).
    const backup = await createBackup(db, 'test');
    const read = await readBackup(backup.bytes, 'migrated.zip');
    expect(read.evidenceFiles).toHaveLength(evidenceRows.length);
    // The signing key could not be carried in the fixture: it is created on first use.
    expect((await getOrCreateSigningKey(db)).fingerprint).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it.each(pastVersions)(
    'leaves the data of version %i as it was when a migration fails half-way, then migrates on the next open',
    async (version) => {
      const fixture = readFixture(version);
      const name = freshName();
      await createRawDatabase({ fixture, name });
      const before = await dumpRawDatabase(name);

      // The last migration stops with an error after its first write (or at its end, when it writes less) — what a
      // crash or a full disk would do.
      const last = DATA_VERSIONS[DATA_VERSIONS.length - 1];
      const migrate = last?.migrate;
      if (!last || !migrate) throw new Error('no migration to interrupt');
      vi.spyOn(last, 'migrate').mockImplementation(async (tx: Transaction) => {
        let writes = 0;
        const interrupted = new Proxy(tx, {
          get(target, property, receiver) {
            if (property !== 'table') return Reflect.get(target, property, receiver) as unknown;
            return (tableName: string) => {
              const table = target.table(tableName);
              return new Proxy(table, {
                get(t, p, r) {
                  const value = Reflect.get(t, p, r) as unknown;
                  if (p !== 'put' || typeof value !== 'function') return value;
                  return (...args: unknown[]) => {
                    writes += 1;
                    if (writes > 1) throw new Error('interrupted');
                    return (value as (...a: unknown[]) => unknown).apply(t, args);
                  };
                },
              });
            };
          },
        });
        await migrate(interrupted);
        throw new Error('interrupted');
      });

      await expect(openCareDatabase(name)).rejects.toThrow();
      expect(await dumpRawDatabase(name)).toEqual(before);

      vi.restoreAllMocks();
      const db = await openCareDatabase(name);
      expect(db.foundDataVersion).toBe(DATA_VERSION);
      expect(await db.evidenceFiles.count()).toBe(rowsOf(fixture).evidence?.length);
      db.close();
    },
  );
});
