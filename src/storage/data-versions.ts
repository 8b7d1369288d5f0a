import type { Transaction } from 'dexie';

/**
 * Every data version of the local database, oldest first: the object stores it declares (Dexie's schema syntax,
 * only what changed; `null` deletes a store) and the migration from the version before it.
 *
 * Rules (docs/architecture.md, "Data versions"):
 * - a released version is never edited; a change of layout is a new version at the end of this list;
 * - its migration runs inside IndexedDB's upgrade transaction: all of it lands or none of it does (a browser
 *   killed half-way reopens on the old version and migrates again), so it may only use that transaction — no
 *   WebCrypto, no fetch, no other awaited work;
 * - before raising the version, `npm run fixture:data` captures the current version's data as
 *   tests/fixtures/data/data-v<n>.json, and src/storage/migrations.test.ts gets a check for the new migration (a
 *   test fails while a migration has none).
 */
export interface DataVersionStep {
  version: number;
  /** What changed, for the changelog of data versions (docs/architecture.md). */
  change: string;
  stores: Record<string, string | null>;
  /** Moves the data of the version before into this version's layout. */
  migrate?: (tx: Transaction) => Promise<void>;
}

export const DATA_VERSIONS: readonly DataVersionStep[] = [
  {
    version: 1,
    change:
      'First layout: establishments, assessments with their answers, evidence with its bytes, budgets, applications, actions, auditor submissions, keys, settings.',
    stores: {
      meta: 'key',
      establishments: 'id, finessEj, name, updatedAt',
      // Only ids, the establishment, the questionnaire, the year and the date are indexed: answers stay inside
      // the document, out of any index.
      assessments: 'id, establishmentId, &[establishmentId+questionnaireId+campaignYear], updatedAt',
      evidence: 'id, assessmentId, [assessmentId+itemId]',
      budgets: 'id, establishmentId, &[establishmentId+year]',
      applications: 'id, establishmentId',
      actions: 'id, establishmentId, assessmentId, status',
      submissions: 'id, finess, &[finess+questionnaireId+campaignYear], importedAt',
      trustedKeys: 'finess',
      installationKeys: 'id',
    },
  },
  {
    version: 2,
    change:
      'Evidence bytes move from the evidence listing to their own store (evidenceFiles), so that listing, counting or reporting evidence no longer reads hundreds of megabytes of files. Records may be sealed by the passphrase lock (src/storage/vault/): a version-1 build cannot read them, and opens this data read-only.',
    stores: { evidenceFiles: 'id' },
    migrate: moveEvidenceBytesToTheirOwnStore,
  },
  {
    version: 3,
    change:
      'Snapshots: an assessment frozen as it stood (answers, evidence manifest, scores, questionnaire version, digest), listed by assessment; the evidence bytes a snapshot lists are kept when the evidence is removed from the living assessment (indexed by evidenceIds).',
    stores: { snapshots: 'id, assessmentId, *evidenceIds' },
    migrate: noDataToMove,
  },
  {
    version: 4,
    change:
      "The review cycle: the auditor's review drafts (reviewDrafts), one per imported file, keyed by that file's digest and indexed by its establishment's campaign; the exports made on this installation (sentExports: digest, what a review of it copies, the answers as exported) and the reviews received from the auditor (receivedReviews, by export digest and assessment); nothing that exists changes shape.",
    stores: {
      reviewDrafts: 'id, [finess+questionnaireId+campaignYear]',
      sentExports: 'id, assessmentId, exportedAt',
      receivedReviews: 'id, assessmentId, exportDigest, reviewedAt',
    },
    migrate: noDataToMove,
  },
];

/** The latest data version: what this build writes. */
export const DATA_VERSION = DATA_VERSIONS[DATA_VERSIONS.length - 1]?.version ?? 1;

/**
 * Version 1 → 2. One evidence row at a time (a device may hold gigabytes of evidence: never all in memory): its
 * bytes go to evidenceFiles under the same id, and the listing row keeps everything else.
 */
async function moveEvidenceBytesToTheirOwnStore(tx: Transaction): Promise<void> {
  const evidence = tx.table<{ id: string; data?: ArrayBuffer }, string>('evidence');
  const files = tx.table<{ id: string; data: ArrayBuffer }, string>('evidenceFiles');
  const ids = await evidence.toCollection().primaryKeys();
  for (const id of ids) {
    const row = await evidence.get(id);
    if (!row) continue;
    const { data, ...listing } = row;
    await files.put({ id, data: data ?? new ArrayBuffer(0) });
    await evidence.put(listing);
  }
}

/** Versions 2 → 3 and 3 → 4: new, empty stores; nothing that exists changes shape. */
function noDataToMove(): Promise<void> {
  return Promise.resolve();
}
