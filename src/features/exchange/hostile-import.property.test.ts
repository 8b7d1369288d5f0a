// @vitest-environment node
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xssPayloads } from '../../../tests/fixtures/xss-corpus';
import { buildExportEnvelope, sealExport } from '../../exchange/build-export';
import { canonicalJson } from '../../exchange/canonical-digest';
import { exportErrorCodes } from '../../exchange/export-error';
import { serializeExport } from '../../exchange/export-file';
import type { SharingLevel } from '../../exchange/export-format';
import { anExportInput, anEstablishment } from '../../testing/exchange/export-test-data';
import {
  applyBytes,
  builtBaseFiles,
  byteMutation,
  copyJson,
  deepArrays,
  fromScratch,
  goldenBaseFiles,
  hostileFile,
  hostileJsonText,
  indexPaths,
  jsonTypeOf,
  mutatedFile,
  pathsOf,
  render,
  sameJsonData,
  sealRaw,
  setAt,
  structuralMutation,
  utf8,
  valueAt,
  valueOfAnotherType,
  type BaseFile,
  type HostileFile,
  type Json,
  type JsonPath,
  type Sealing,
} from '../../testing/exchange/hostile-test-data';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from '../../exchange/signing';
import type { RejectedExport } from '../../exchange/validate-export';
import { describeError, describeExportRejection } from '../../texts/describe-error';
import { BackupError } from '../../storage/backup-error';
import { createBackup, readBackup, restoreBackup } from '../../storage/backup';
import { CareDatabase } from '../../storage/care-database';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { StorageError } from '../../storage/storage-error';
import { importExportFile } from './import-export-file';

/**
 * Issue 9, "hostile files": at least 10,000 generated hostile or mutated files per run go through the whole import
 * path — bytes → validateExportFile (the import worker's code) → storeSubmission, for the JSON and the zip form, and
 * bytes → restoreBackup for the other file users import — each into a real CareDatabase on fake-indexeddb that
 * already holds data. For every file: the call never throws (an export) or fails only with a typed error (a
 * backup); the refusal names the file, and the field where there is one, in the sentence the user reads; no
 * prototype of the realm gains a property; the row counts are unchanged after each file and a canonical dump of
 * the whole database is unchanged at the end.
 *
 * The files come from src/testing/exchange/hostile-test-data.ts (mutations of the golden files and of files built by the
 * app's own code, resealed over the hostile content, and files from nothing). A mutated file that holds exactly
 * the original data (a space turned into a tab) is classified as such and must be accepted as the same file; it
 * is not counted as hostile. fast-check prints the seed and the shrunk file of any failure.
 */

/** Runs per property; their sum (hostile files only) is what the issue counts. */
const RUNS = {
  exportStructural: 2500,
  exportBytes: 3000,
  zipBytes: 600,
  exportFromScratch: 1500,
  backupStructural: 1800,
  backupBytes: 1000,
  legalHostileText: 100,
};
const NOW = Date.UTC(2026, 10, 24);
/** The properties take seconds each on a shared 2-core machine; Vitest's 5 s default is for unit tests. */
const PROPERTY_TIMEOUT = 180_000;
const t = i18next.t.bind(i18next);

// ---------------------------------------------------------------------------------------------------------------
// Globals: no prototype of this realm may gain or lose a property

const guardedObjects: Record<string, object> = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Boolean.prototype': Boolean.prototype,
  'RegExp.prototype': RegExp.prototype,
  'Promise.prototype': Promise.prototype,
  'Error.prototype': Error.prototype,
  Object,
  JSON,
};
const ownNames = () =>
  Object.fromEntries(
    Object.entries(guardedObjects).map(([name, object]) => [name, Reflect.ownKeys(object).map(String).sort().join()]),
  );
const pristine = ownNames();

function expectNoPollution(kind: string): void {
  expect(ownNames(), `${kind}: a prototype changed`).toEqual(pristine);
  const probes: unknown[] = [{}, [], () => undefined, '', 0, Object.create(null) as object];
  for (const probe of probes) {
    const seen = probe as Record<string, unknown>;
    expect(seen.polluted, kind).toBeUndefined();
    expect(seen.isAdmin, kind).toBeUndefined();
  }
  expect(Object.getPrototypeOf({}), kind).toBe(Object.prototype);
}

// ---------------------------------------------------------------------------------------------------------------
// The database: counts after each file, a canonical dump at the end

async function counts(db: CareDatabase): Promise<Record<string, number>> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(entries);
}

async function dump(db: CareDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  // ArrayBuffers (evidence bytes) as hex; the rows come in primary-key order, so the dump is canonical.
  return JSON.stringify(tables, (_key, value: unknown) =>
    value instanceof ArrayBuffer ? Buffer.from(value).toString('hex') : value,
  );
}

// ---------------------------------------------------------------------------------------------------------------

const statistics = new Map<string, number>();
const count = (key: string) => statistics.set(key, (statistics.get(key) ?? 0) + 1);
let hostileFiles = 0;
const started = performance.now();

afterAll(() => {
  const lines = [...statistics.entries()].sort().map(([key, n]) => `  ${key}: ${n}`);
  console.info(
    `hostile files: ${hostileFiles} in ${((performance.now() - started) / 1000).toFixed(1)} s\n${lines.join('\n')}`,
  );
  expect(hostileFiles).toBeGreaterThanOrEqual(10_000);
});

describe('hostile export files through importExportFile', { timeout: PROPERTY_TIMEOUT }, () => {
  let db: CareDatabase;
  let signer: ExportSigner;
  let bases: BaseFile[];
  let before: string;
  let submissionsAndKeys: [number, number];

  beforeAll(async () => {
    signer = webCryptoSigner(await generateSigningKeyPair());
    bases = [...goldenBaseFiles(), ...(await builtBaseFiles(signer))];
    db = new CareDatabase(`hostile-export-${crypto.randomUUID()}`);
    await loadDemoData(db);
    for (const base of bases) {
      const { validation } = await importExportFile(db, base.bytes, base.name, NOW);
      if (!validation.ok) throw new Error(`${base.name}: ${validation.code} ${validation.path ?? ''}`);
    }
    // Importing a base file again changes nothing (« déjà importé, identique », or a newer export of its campaign is
    // kept): a mutated file that turns out to be the same file may then be imported without changing the database.
    for (const base of bases) {
      const { stored } = await importExportFile(db, base.bytes, base.name, NOW);
      expect(['identical', 'kept-newer'], base.name).toContain(stored?.outcome);
    }
    submissionsAndKeys = [await db.submissions.count(), await db.trustedKeys.count()];
    expect(submissionsAndKeys[0]).toBeGreaterThan(2);
    before = await dump(db);
  });

  afterAll(async () => {
    expect(await dump(db), 'the database after every hostile file').toBe(before);
    db.close();
  });

  async function expectRefused(file: HostileFile): Promise<RejectedExport> {
    let outcome: Awaited<ReturnType<typeof importExportFile>>;
    try {
      outcome = await importExportFile(db, file.bytes, file.name, NOW);
    } catch (error) {
      throw new Error(`${file.kind}: threw ${String(error)}`);
    }
    const { validation, stored } = outcome;
    if (validation.ok) throw new Error(`${file.kind}: accepted`);
    hostileFiles += 1;
    count(`export refused: ${validation.code}`);
    expect(stored).toBeUndefined();
    expect(validation.fileName).toBe(file.name);
    expect(exportErrorCodes).toContain(validation.code);
    // "invalid" always says which field; a refusal that landed in the catch-all (an exception) would have none.
    if (validation.code === 'invalid') expect(validation.path, `${file.kind}: ${validation.detail}`).toMatch(/\S/);
    const sentence = describeExportRejection(t, validation);
    expect(sentence).toContain(`«\u00a0${file.name}\u00a0»`);
    if (validation.code === 'invalid' && validation.path) expect(sentence).toContain(validation.path);
    expectNoPollution(file.kind);
    expect([await db.submissions.count(), await db.trustedKeys.count()], file.kind).toEqual(submissionsAndKeys);
    return validation;
  }

  async function expectSameFileKept(file: HostileFile, base: BaseFile): Promise<void> {
    const { validation, stored } = await importExportFile(db, file.bytes, file.name, NOW);
    if (!validation.ok) throw new Error(`${file.kind}: same data, refused as ${validation.code}`);
    count('same data after mutation (not hostile): accepted');
    expect(canonicalJson(validation.envelope)).toBe(canonicalJson(base.raw));
    // The same data re-indented or with a BOM is another byte sequence: its digest differs, so it is not « identique »,
    // and the campaign's file already stored is kept.
    expect(['identical', 'kept-newer']).toContain(stored?.outcome);
    expectNoPollution(file.kind);
    expect([await db.submissions.count(), await db.trustedKeys.count()]).toEqual(submissionsAndKeys);
  }

  const baseIndex = () => fc.nat({ max: 1000 });

  it('mutated valid files are refused whatever their seal: pollution members, wrong types, huge and deep values, duplicates, syntax', async () => {
    const mutations = bases.map((base) => structuralMutation(base.raw));
    await fc.assert(
      fc.asyncProperty(
        baseIndex().chain((i) => {
          const index = i % bases.length;
          return fc.tuple(
            fc.constant(index),
            mutations[index] as ReturnType<typeof structuralMutation>,
            fc.constantFrom<Sealing>('stale', 'resealed-unsigned', 'resealed-signed'),
          );
        }),
        async ([index, mutation, sealing]) => {
          const base = bases[index] as BaseFile;
          const file = await mutatedFile(base, mutation, sealing, signer);
          count(`export mutation: ${mutation.kind}`);
          const refusal = await expectRefused(file);
          // A pollution member or a duplicate is caught by name, wherever it is and however the file is sealed.
          if (mutation.kind === 'pollute' || (mutation.kind === 'duplicate' && sealing !== 'stale'))
            expect(refusal.code, file.kind).toBe('invalid');
        },
      ),
      { numRuns: RUNS.exportStructural },
    );
  });

  it('flipped, cut or inserted bytes: refused, unless the bytes still hold the same data (then the same file)', async () => {
    const jsonBases = bases.filter((b) => b.container === 'json');
    await fc.assert(
      fc.asyncProperty(
        baseIndex().chain((i) => {
          const index = i % jsonBases.length;
          return fc.tuple(fc.constant(index), byteMutation((jsonBases[index] as BaseFile).bytes.length));
        }),
        async ([index, mutation]) => {
          const base = jsonBases[index] as BaseFile;
          const bytes = applyBytes(base.bytes, mutation);
          const file = hostileFile(base.name, bytes, `${base.name}: bytes ${JSON.stringify(mutation)}`);
          if (sameJsonData(bytes, base.raw)) await expectSameFileKept(file, base);
          else await expectRefused(file);
        },
      ),
      { numRuns: RUNS.exportBytes },
    );
  });

  it('a damaged zip is refused, or read as exactly the same export and evidence', async () => {
    const zips = bases.filter((b) => b.container === 'zip');
    await fc.assert(
      fc.asyncProperty(
        baseIndex().chain((i) => {
          const index = i % zips.length;
          return fc.tuple(fc.constant(index), byteMutation((zips[index] as BaseFile).bytes.length));
        }),
        async ([index, mutation]) => {
          const base = zips[index] as BaseFile;
          const file = hostileFile(
            base.name,
            applyBytes(base.bytes, mutation),
            `${base.name}: bytes ${JSON.stringify(mutation)}`,
          );
          const { validation } = await importExportFile(db, file.bytes, file.name, NOW);
          if (validation.ok) {
            // fflate does not check CRCs, and names, dates and comments of entries are not data: the same file.
            expect(validation.evidenceFileCount).toBe(Object.keys(base.evidence ?? {}).length);
            await expectSameFileKept(file, base);
          } else await expectRefused(file);
        },
      ),
      { numRuns: RUNS.zipBytes },
    );
  });

  it('files built from nothing are refused: random bytes, hostile JSON, deep nesting, huge values, odd zips', async () => {
    await fc.assert(
      fc.asyncProperty(fromScratch(), async (file) => {
        count(`export from scratch: ${file.kind}`);
        await expectRefused(file);
      }),
      { numRuns: RUNS.exportFromScratch },
    );
  });

  it('lies sealed and signed again over a valid file: refused with the reason named, nothing stored', async () => {
    type Lie = { name: string; code: string; apply: (raw: Record<string, Json>) => boolean };
    const content = (raw: Record<string, Json>) => raw.content as Record<string, Json>;
    const object = (value: Json | undefined) => value as Record<string, Json> | undefined;
    const lies: Lie[] = [
      {
        name: 'overall score raised to 100',
        code: 'figure-mismatch',
        apply: (raw) => {
          const overall = object(object(content(raw).scores)?.overall);
          // Without answers (statistics) the score is declared: only a contradiction can be seen (the next lie).
          if (!overall || overall.score === 100 || raw.sharingLevel === 'statistics') return false;
          overall.score = 100;
          return true;
        },
      },
      {
        name: 'a declared overall score above every domain score',
        code: 'figure-mismatch',
        apply: (raw) => {
          const scores = object(content(raw).scores);
          const domains = ((scores?.domains ?? []) as Json[]).map((d) => object(d)?.score);
          const highest = Math.max(...domains.filter((d): d is number => typeof d === 'number'));
          const overall = object(scores?.overall);
          if (!overall || !(highest < 99)) return false;
          overall.score = highest + 1;
          return true;
        },
      },
      {
        name: 'critical gaps emptied',
        code: 'figure-mismatch',
        apply: (raw) => {
          const gaps = content(raw).criticalGaps;
          if (!Array.isArray(gaps) || gaps.length === 0) return false;
          content(raw).criticalGaps = [];
          return true;
        },
      },
      {
        name: 'more MFA-compliant applications than sensitive ones',
        code: 'figure-mismatch',
        apply: (raw) => {
          const mfa = object(content(raw).mfa);
          if (!mfa) return false;
          mfa.compliantCount = (mfa.sensitiveCount as number) + 1;
          return true;
        },
      },
      {
        name: 'a budget ratio its figures contradict',
        code: 'figure-mismatch',
        apply: (raw) => {
          const budget = object(content(raw).budget);
          const ratios = object(budget?.ratios);
          if (!budget?.inputs || !ratios || typeof ratios.cyberShareOfIt !== 'number') return false;
          ratios.cyberShareOfIt *= 2;
          return true;
        },
      },
      {
        name: 'an answer to an item the questionnaire does not have',
        code: 'unknown-item',
        apply: (raw) => {
          const answers = object(content(raw).answers);
          if (!answers) return false;
          answers['care.gov.99'] = { response: { kind: 'status', value: 'yes' } };
          return true;
        },
      },
      {
        name: 'a number given to a yes/no item',
        code: 'answer-type',
        apply: (raw) => {
          const answers = object(content(raw).answers);
          if (!answers || object(content(raw).questionnaire)?.id !== 'care') return false;
          answers['care.gov.01'] = { response: { kind: 'number', value: 100 } };
          return true;
        },
      },
      {
        name: 'an unknown questionnaire version',
        code: 'unknown-questionnaire',
        apply: (raw) => {
          (object(content(raw).questionnaire) ?? {}).version = '2025.7';
          return true;
        },
      },
      {
        name: 'a newer questionnaire version',
        code: 'newer-questionnaire',
        apply: (raw) => {
          (object(content(raw).questionnaire) ?? {}).version = '2031.1';
          return true;
        },
      },
      {
        name: 'a content hash of no shipped questionnaire',
        code: 'questionnaire-mismatch',
        apply: (raw) => {
          (object(content(raw).questionnaire) ?? {}).contentHash = '0'.repeat(64);
          return true;
        },
      },
      {
        name: 'exported in 2099',
        code: 'future-date',
        apply: (raw) => {
          raw.exportedAt = '2099-06-01T00:00:00.000Z';
          (object(content(raw).scores) ?? {}).asOf = '2099-06-01';
          return true;
        },
      },
      {
        name: 'scores dated another day',
        code: 'dates-disagree',
        apply: (raw) => {
          (object(content(raw).scores) ?? {}).asOf = '2026-02-02';
          return true;
        },
      },
      {
        name: 'a lone surrogate in the name',
        code: 'lone-surrogate',
        apply: (raw) => {
          (object(raw.establishment) ?? {}).name = 'CHU \ud83d de Val-de-Loire';
          return true;
        },
      },
    ];
    const jsonBases = bases.filter((b) => b.container === 'json');
    let told = 0;
    for (const base of jsonBases) {
      for (const lie of lies) {
        for (const sealing of ['resealed-signed', 'resealed-unsigned'] as const) {
          const raw = copyJson<Record<string, Json>>(base.raw);
          if (!lie.apply(raw)) continue;
          const sealed = await sealRaw(raw, sealing === 'resealed-signed' ? signer : undefined);
          const file = hostileFile(base.name, utf8(JSON.stringify(sealed, null, 2)), `${lie.name} (${sealing})`);
          count(`export lie: ${lie.name}`);
          const refusal = await expectRefused(file);
          expect(refusal.code, `${base.name}: ${file.kind}`).toBe(lie.code);
          expect(refusal.path, file.kind).toMatch(/\S/);
          told += 1;
        }
      }
    }
    expect(told).toBeGreaterThan(60);
    // A zip holding anything beside export.json and the evidence of its list, or an entry named to escape.
    for (const base of bases.filter((b) => b.container === 'zip')) {
      for (const extra of ['notes.txt', 'evidence/../../x.pdf', '/tmp/x.pdf', 'evidence\\x.pdf']) {
        const entries: Zippable = { ...base.evidence, 'export.json': strToU8(JSON.stringify(base.raw)) };
        entries[extra] = strToU8('extra');
        const file = hostileFile(base.name, zipSync(entries), `zip entry ${extra}`);
        count('export lie: zip entry');
        expect(await expectRefused(file)).toMatchObject({ code: 'zip-entry', path: extra });
      }
    }
  });

  it('files over the size limit are refused before being read', async () => {
    const big = utf8(`{"format":"care-autodiag/export","padding":"${'x'.repeat(16 * 1024 * 1024)}"}`);
    expect((await expectRefused({ name: 'big.json', bytes: big, kind: 'over 16 MiB' })).code).toBe('too-large');
    // A zip whose export.json inflates beyond the limit: refused from the sizes its directory announces.
    const bomb = zipSync({ 'export.json': big }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect((await expectRefused({ name: 'bomb.zip', bytes: bomb, kind: 'zip bomb' })).code).toBe('too-large');
  });
});

describe('legal but hostile text in a valid file', { timeout: PROPERTY_TIMEOUT }, () => {
  it('is accepted and stored exactly as written, as data', async () => {
    const db = new CareDatabase(`hostile-legal-${crypto.randomUUID()}`);
    const signer = webCryptoSigner(await generateSigningKeyPair());
    const text = fc.constantFrom(...xssPayloads.map((p) => p.text));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: text, ght: text, comment: text, justification: text, title: text, owner: text }),
        fc.constantFrom<SharingLevel>('full', 'auditor', 'statistics'),
        async (strings, level) => {
          const base = anExportInput();
          run += 1;
          const input = anExportInput({
            exportedAt: new Date(Date.UTC(2026, 0, 1) + run * 1000).toISOString(),
            establishment: anEstablishment({ name: strings.name, ghtName: strings.ght }),
            assessment: {
              ...base.assessment,
              answers: {
                'care.gov.01': { response: { kind: 'status', value: 'yes' }, comment: strings.comment, updatedAt: 1 },
                'care.gov.03': {
                  response: { kind: 'not-applicable', justification: strings.justification },
                  updatedAt: 2,
                },
              },
            },
            actions: base.actions.map((a) => ({ ...a, title: strings.title, owner: strings.owner })),
          });
          const envelope = await sealExport(buildExportEnvelope(input, level), signer);
          const { validation, stored } = await importExportFile(db, serializeExport(envelope), 'legal.json', NOW);
          if (!validation.ok) throw new Error(`${validation.code} ${validation.path ?? ''}`);
          expect(stored?.outcome).not.toBe('kept-newer');
          const row = (await db.submissions.toArray()).find((r) => r.digest === validation.digest);
          expect(row?.document).toEqual(envelope);
          expectNoPollution('legal hostile text');
        },
      ),
      { numRuns: RUNS.legalHostileText },
    );
    db.close();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Backups

/** Subtrees of backup.json the schema keeps without looking inside (z.unknown): any value is valid there. */
const untypedInBackup = (path: JsonPath) =>
  (path[0] === 'tables' && path[1] === 'submissions' && path[3] === 'document') ||
  (path[0] === 'tables' && path[1] === 'meta' && path[3] === 'value') ||
  (path[0] === 'tables' && path[1] === 'trustedKeys' && path[3] === 'publicKeyJwk' && path.length > 4);

describe('hostile backups through restoreBackup', { timeout: PROPERTY_TIMEOUT }, () => {
  let db: CareDatabase;
  let before: string;
  let beforeCounts: Record<string, number>;
  let backupRaw: Json;
  let backupEntries: Record<string, Uint8Array>;
  let typedPaths: JsonPath[];
  let baseManifest: unknown;

  beforeAll(async () => {
    // The backup to mutate: the demo data, a piece of evidence, an imported export and a known key.
    const source = new CareDatabase(`hostile-backup-source-${crypto.randomUUID()}`);
    await loadDemoData(source);
    const assessment = await source.assessments.toCollection().first();
    if (!assessment) throw new Error('no demo assessment');
    await new EvidenceRepository(source).add(
      {
        assessmentId: assessment.id,
        itemId: 'care.gov.01',
        name: 'politique.pdf',
        type: 'application/pdf',
        data: strToU8('%PDF-1.7 politique').buffer,
      },
      1,
    );
    const [golden] = goldenBaseFiles();
    if (golden) await importExportFile(source, golden.bytes, golden.name, NOW);
    const { bytes: wholeBackup } = await createBackup(source, '0.1.0', NOW);
    source.close();
    // One record per table is enough to reach every schema, and keeps each of the thousands of files small.
    const whole = unzipSync(wholeBackup);
    const manifestOfWhole = JSON.parse(new TextDecoder().decode(whole['backup.json'])) as {
      tables: Record<string, Json[]>;
    };
    for (const [name, rows] of Object.entries(manifestOfWhole.tables)) manifestOfWhole.tables[name] = rows.slice(0, 1);
    backupRaw = manifestOfWhole;
    backupEntries = { ...whole, 'backup.json': utf8(JSON.stringify(backupRaw)) };
    const bytes = zipSync(backupEntries);
    // The paths the schema reads (those of the parsed manifest), less the subtrees it keeps unread.
    const { manifest } = await readBackup(bytes, 'base.zip');
    baseManifest = manifest;
    const known = new Set(pathsOf(manifest as unknown as Json).map((p) => JSON.stringify(p)));
    typedPaths = pathsOf(backupRaw).filter((p) => known.has(JSON.stringify(p)) && !untypedInBackup(p));

    // The device restored onto: other data, which must survive every refused backup.
    db = new CareDatabase(`hostile-backup-target-${crypto.randomUUID()}`);
    for (const base of goldenBaseFiles()) await importExportFile(db, base.bytes, base.name, NOW);
    beforeCounts = await counts(db);
    before = await dump(db);
  });

  afterAll(async () => {
    expect(await dump(db), 'the database after every hostile backup').toBe(before);
    db.close();
  });

  function backupZip(json: Uint8Array, entries: Zippable = {}): Uint8Array {
    const files: Zippable = {};
    for (const [name, data] of Object.entries(backupEntries)) if (name !== 'backup.json') files[name] = data;
    // Stored, not deflated: deflating megabytes of hostile text would cost more than the test of the file itself.
    return zipSync({ ...files, ...entries, 'backup.json': json }, { level: 0 });
  }

  async function expectRefused(name: string, bytes: Uint8Array, kind: string): Promise<void> {
    let error: unknown;
    try {
      await restoreBackup(db, bytes, name);
    } catch (caught) {
      error = caught;
    }
    if (error === undefined) throw new Error(`${kind}: restored`);
    hostileFiles += 1;
    if (!(error instanceof BackupError) && !(error instanceof StorageError))
      throw new Error(`${kind}: untyped failure ${error instanceof Error ? error.stack : typeof error}`);
    count(`backup refused: ${error instanceof BackupError ? error.code : `storage ${error.code}`}`);
    if (error instanceof BackupError) {
      expect(error.fileName).toBe(name);
      if (error.code === 'backup-invalid') expect(error.path, kind).toMatch(/\S/);
    }
    // What the settings page shows: the file's name and the reason, never "an unexpected error".
    const sentence = t('settings.backup.restoreFailed', { file: name, reason: describeError(t, error) });
    expect(sentence).toContain(name);
    expect(sentence).not.toContain(t('errors.unknown'));
    expectNoPollution(kind);
    expect(await counts(db), kind).toEqual(beforeCounts);
  }

  it('a mutated backup.json is refused: pollution members anywhere, wrong types, deep nesting, duplicates, syntax', async () => {
    const paths = indexPaths(backupRaw);
    const typed = typedPaths.filter((p) => p.length > 0);
    const pick = <T>(items: readonly T[]) => fc.nat({ max: items.length - 1 }).map((i) => items[i] as T);
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('pollute'),
        path: pick(paths.objects),
        name: fc.constantFrom('__proto__', 'constructor', 'prototype'),
      }),
      pick(typed).chain((path) =>
        fc.record({
          kind: fc.constant('retype'),
          path: fc.constant(path),
          value: valueOfAnotherType(jsonTypeOf(valueAt(backupRaw, path))),
        }),
      ),
      fc.record({
        kind: fc.constant('deep'),
        path: pick(paths.all.filter((p) => p.length > 0)),
        depth: fc.constantFrom(100, 10_000, 100_000),
      }),
      fc.record({ kind: fc.constant('duplicate'), path: pick(paths.nonEmptyObjects), at: fc.nat() }),
      fc.record({ kind: fc.constant('syntax'), path: pick(paths.all.filter((p) => p.length > 0)) }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        count(`backup mutation: ${m.kind}`);
        const copy = copyJson(backupRaw);
        let text: string;
        if (m.kind === 'pollute') {
          Object.defineProperty(valueAt(copy, m.path), m.name, {
            value: { polluted: 'yes', prototype: { polluted: 'yes' } },
            enumerable: true,
          });
          text = JSON.stringify(copy);
        } else if (m.kind === 'retype') {
          setAt(copy, m.path, m.value);
          text = render(copy, []);
        } else if (m.kind === 'deep') {
          setAt(copy, m.path, deepArrays(m.depth));
          text = render(copy, []);
        } else if (m.kind === 'duplicate') {
          const holder = valueAt(copy, m.path) as Record<string, Json>;
          const names = Object.keys(holder);
          const name = names[m.at % names.length] ?? '';
          text = JSON.stringify(copy).replace(
            JSON.stringify(holder),
            `{${JSON.stringify(name)}:${JSON.stringify(holder[name])},${JSON.stringify(holder).slice(1)}`,
          );
        } else {
          setAt(copy, m.path, '\u0001syntax');
          text = JSON.stringify(copy).replace('"\\u0001syntax"', 'NaN');
        }
        await expectRefused('sauvegarde.zip', backupZip(utf8(text)), `${m.kind} at ${JSON.stringify(m.path)}`);
      }),
      { numRuns: RUNS.backupStructural },
    );
  });

  it('names the member at fault when JSON.parse alone would have let it in', async () => {
    const refusal = async (text: string) => {
      const error = await restoreBackup(db, backupZip(utf8(text)), 'sauvegarde.zip').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      return { code: (error as BackupError).code, path: (error as BackupError).path };
    };
    const text = JSON.stringify(backupRaw);
    // "__proto__" inside an imported export file, which the backup schema keeps without reading (z.unknown).
    expect(await refusal(text.replace('"document":{', '"document":{"__proto__":{"polluted":"yes"},'))).toEqual({
      code: 'backup-invalid',
      path: 'tables.submissions.0.document.__proto__',
    });
    // A name twice: JSON.parse would keep the second silently.
    expect(await refusal(text.replace('"appVersion":', '"appVersion":"9.9.9","appVersion":'))).toEqual({
      code: 'backup-invalid',
      path: 'appVersion',
    });
    // 100,000 nested arrays where a setting's value is free: IndexedDB's structured clone would overflow.
    const withDeepSetting = copyJson(backupRaw) as { tables: { meta: unknown[] } };
    withDeepSetting.tables.meta = [{ key: 'x', value: deepArrays(100_000) }];
    expect((await refusal(render(withDeepSetting, []))).path).toMatch(/^tables\.meta\.0\.value(\.0)+$/);
    // Invalid UTF-8 in a name: a lenient decoder would have stored U+FFFD in its place.
    const bytes = utf8(text);
    const at = text.indexOf('"name":"') + 8;
    const broken = new Uint8Array([...bytes.subarray(0, at), 0xc0, 0x80, ...bytes.subarray(at)]);
    const error = await restoreBackup(db, backupZip(broken), 'sauvegarde.zip').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'backup-invalid', path: 'backup.json' });
    expect(await counts(db)).toEqual(beforeCounts);
    expectNoPollution('named backup refusals');
  });

  it('damaged bytes, missing or altered evidence, a newer version, not a backup at all: refused', async () => {
    const json = utf8(JSON.stringify(backupRaw));
    const whole = backupZip(json);
    const evidenceNames = Object.keys(backupEntries).filter((n) => n.startsWith('evidence/'));
    expect(evidenceNames.length).toBeGreaterThan(0);
    const invalidUtf8 = [[0x80], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]];
    const name = 'sauvegarde.zip';
    const damaged = fc.oneof(
      // backup.json cut anywhere (JSON.stringify writes no trailing space: any cut breaks it).
      fc
        .nat({ max: json.length - 1 })
        .map((at) => hostileFile(name, backupZip(json.slice(0, at)), `backup.json cut at ${at}`)),
      fc
        .tuple(fc.nat({ max: json.length }), fc.constantFrom(...invalidUtf8))
        .map(([at, bad]) =>
          hostileFile(
            name,
            backupZip(new Uint8Array([...json.subarray(0, at), ...bad, ...json.subarray(at)])),
            `invalid UTF-8 ${JSON.stringify(bad)} in backup.json at ${at}`,
          ),
        ),
      fc.nat({ max: whole.length - 1 }).map((at) => hostileFile(name, whole.slice(0, at), `zip cut at ${at}`)),
      fc
        .constantFrom(...evidenceNames)
        .map((entry) =>
          hostileFile(
            name,
            zipSync(Object.fromEntries(Object.entries(unzipSync(whole)).filter(([n]) => n !== entry))),
            `evidence missing: ${entry}`,
          ),
        ),
      fc
        .tuple(fc.constantFrom(...evidenceNames), fc.uint8Array({ minLength: 1, maxLength: 64 }))
        .map(([entry, bytes]) => hostileFile(name, backupZip(json, { [entry]: bytes }), `evidence altered: ${entry}`)),
      fc
        .constantFrom('formatVersion', 'dataVersion')
        .map((field) =>
          hostileFile(
            name,
            backupZip(utf8(JSON.stringify({ ...(backupRaw as object), [field]: 999 }))),
            `newer ${field}`,
          ),
        ),
      fc.uint8Array({ maxLength: 1000 }).map((bytes) => hostileFile(name, bytes, 'random bytes')),
      hostileJsonText.map((text) => hostileFile(name, backupZip(utf8(text)), 'hostile JSON as backup.json')),
      fc.constant(hostileFile(name, zipSync({ 'readme.txt': strToU8('x') }), 'zip without backup.json')),
      fc.constant(hostileFile(name, goldenBaseFiles()[0]?.bytes ?? new Uint8Array(), 'an export file')),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async ({ kind, bytes }) => {
        count(`backup damage: ${kind.replace(/ (at|:) .*$/, '')}`);
        if (kind.startsWith('zip cut')) {
          // A zip cut short is unreadable, unless what is left still reads as the same backup: then it is not hostile.
          const read = await readBackup(bytes, 'cut.zip').catch(() => undefined);
          if (read) {
            expect(read.manifest).toEqual(baseManifest);
            count('backup cut but whole (not hostile)');
            return;
          }
        }
        await expectRefused(name, bytes, kind);
      }),
      { numRuns: RUNS.backupBytes },
    );
  });
});
