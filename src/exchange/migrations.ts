import { EXPORT_FORMAT_VERSION } from './export-format';

/**
 * Migrations of export files from older format versions (design §5, version clock 2).
 *
 * The rule, also in docs/export-format.md:
 * - a migration is named, pure and deterministic: `migrate(raw)` takes the parsed JSON of a file of version `from`
 *   and returns that of version `from + 1`, with `formatVersion` set to `from + 1`; it never reads the clock, the
 *   database or anything but its argument, and does not modify it;
 * - it keeps `integrity` and `signature` exactly as they were: they cover the file as it was signed, in its own
 *   version, and are checked against the original JSON, never against the migrated one;
 * - migrations run in order, from the file's version up to {@link EXPORT_FORMAT_VERSION}, before the zod schema of
 *   the current version validates the result; a file of a newer version is refused, never guessed at;
 * - there is one migration per version step, forever: a golden file of every released version stays in
 *   tests/fixtures/exports/v<n>/ and must keep importing.
 *
 * Version 2 (issue 18) adds two optional members to `content`, `snapshot` and `reviewChanges`: a version 1 file has
 * neither, so its migration only writes the new version number.
 */
export interface ExportMigration {
  /** The version this migration reads; it writes version `from + 1`. */
  from: number;
  /** What it changes, in a few words (kebab-case; listed in the import result and in docs/export-format.md). */
  name: string;
  migrate(raw: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Version 1 → 2: `content.snapshot` and `content.reviewChanges` appear, optional; a version 1 file has neither. */
export const addSnapshotAndReviewChanges: ExportMigration = {
  from: 1,
  name: 'add-snapshot-and-review-changes',
  migrate: (raw) => ({ ...raw, formatVersion: 2 }),
};

export const migrations: readonly ExportMigration[] = [addSnapshotAndReviewChanges];

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; applied: string[] }
  | { ok: false; reason: 'newer-format' | 'no-migration'; missingFrom?: number };

/**
 * Brings a parsed file of version `version` to `target` with the migrations of `chain`, in order. Pure: the input is
 * left untouched.
 */
export function migrateToCurrent(
  raw: Readonly<Record<string, unknown>>,
  version: number,
  chain: readonly ExportMigration[] = migrations,
  target: number = EXPORT_FORMAT_VERSION,
): MigrationResult {
  if (version > target) return { ok: false, reason: 'newer-format' };
  let value: Record<string, unknown> = { ...raw };
  const applied: string[] = [];
  for (let v = version; v < target; v += 1) {
    const step = chain.find((m) => m.from === v);
    if (!step) return { ok: false, reason: 'no-migration', missingFrom: v };
    value = step.migrate(value);
    if (value.formatVersion !== v + 1) return { ok: false, reason: 'no-migration', missingFrom: v };
    applied.push(step.name);
  }
  return { ok: true, value, applied };
}
