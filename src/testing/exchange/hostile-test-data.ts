import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildExportEnvelope, sealExport } from '../../exchange/build-export';
import { canonicalJson, computeExportDigest, fromHex } from '../../exchange/canonical-digest';
import { toBase64Url } from '../../exchange/base64url';
import { exportFileName, serializeExport, zipExport } from '../../exchange/export-file';
import type { ExportEnvelope, SharingLevel } from '../../exchange/export-format';
import { anExportInput, hospiconnectQuestionnaire, exportInputArbitrary } from './export-test-data';
import type { ExportSigner } from '../../exchange/signing';
import { EVIDENCE_FOLDER, EXPORT_JSON_ENTRY } from '../../exchange/validate-export';

/**
 * Hostile export files for the property tests of the import path (issue 9, "proof of reliability, security and
 * speed"): valid files to start from, and fast-check arbitraries that turn them into files that must be refused —
 * prototype-pollution members at every depth, wrong types, huge strings and arrays, deep nesting, invalid UTF-8,
 * duplicate members, NaN/Infinity/1e400/-0, truncations, byte flips — or build such files from nothing.
 *
 * Every structural mutation below is invalid by construction (a value of another JSON type than the one the schema
 * wants, a string or array beyond every limit of the schema, a member the schema does not know, a syntax error), so
 * resealing the file (a digest recomputed over the hostile content, and a signature) makes the hostile part reach
 * the schema and the storage instead of stopping at the digest. Byte-level mutations can leave the same data (a
 * space turned into a tab): those are classified by {@link sameJsonData}, never counted as hostile.
 *
 * Node only (it reads the golden files from tests/fixtures/exports).
 */

export type Json = null | boolean | number | string | Json[] | { [name: string]: Json };
export type JsonPath = (string | number)[];

/** A valid file to mutate: its name, text or zip bytes, and its parsed JSON. */
export interface BaseFile {
  name: string;
  bytes: Uint8Array;
  /** The parsed export.json (for a zip, the one inside). */
  raw: Record<string, Json>;
  container: 'json' | 'zip';
  /** The evidence entries of a zip, to rebuild it around a mutated export.json. */
  evidence?: Zippable;
}

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** What was done, for the failure report and the statistics. */
  kind: string;
}

/** A hostile file that fast-check reports by what it is, not by its (possibly megabytes of) bytes. */
export function hostileFile(name: string, bytes: Uint8Array, kind: string): HostileFile {
  const file = { name, bytes, kind };
  Object.defineProperty(file, fc.toStringMethod, { value: () => `${name} (${kind}, ${bytes.length} bytes)` });
  return file;
}

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

// ---------------------------------------------------------------------------------------------------------------
// Sealing any JSON, hostile or not

/**
 * Seals a parsed file as the app would, without validating it: the digest of its canonical JSON without integrity
 * and signature, and a signature when a signer is given. Throws when the content has no canonical JSON (Infinity,
 * nesting too deep for canonicalize).
 */
export async function sealRaw(raw: Record<string, unknown>, signer?: ExportSigner): Promise<Record<string, unknown>> {
  const { integrity: _integrity, signature: _signature, ...rest } = raw;
  const digest = await computeExportDigest(raw);
  return {
    ...rest,
    integrity: { algorithm: 'SHA-256', canonicalization: 'RFC8785', digest },
    ...(signer
      ? {
          signature: {
            algorithm: 'ECDSA-P256-SHA256',
            publicKeyJwk: signer.publicKeyJwk,
            keyFingerprint: signer.keyFingerprint,
            value: toBase64Url(await signer.sign(fromHex(digest))),
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Valid files to start from

const goldenFolder = join(process.cwd(), 'tests/fixtures/exports/v2');

function unzipParts(bytes: Uint8Array): { raw: Record<string, Json>; evidence: Zippable } {
  const entries = unzipSync(bytes);
  const json = entries[EXPORT_JSON_ENTRY];
  if (!json) throw new Error('zip without export.json');
  const evidence: Zippable = {};
  for (const [name, data] of Object.entries(entries))
    if (name.startsWith(EVIDENCE_FOLDER)) evidence[name] = [data, { level: 0 }];
  return { raw: JSON.parse(new TextDecoder().decode(json)) as Record<string, Json>, evidence };
}

/** The golden files of the current format (signed and unsigned, every sharing level, the zip with evidence). */
export function goldenBaseFiles(): BaseFile[] {
  const names = ['full.json', 'auditor.json', 'statistics.json', 'auditor-unsigned.json', 'full-with-evidence.zip'];
  return names.map((name) => {
    const bytes = new Uint8Array(readFileSync(join(goldenFolder, name)));
    if (name.endsWith('.zip')) {
      const { raw, evidence } = unzipParts(bytes);
      return { name: `golden-${name}`, bytes, raw, container: 'zip', evidence };
    }
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Json>;
    return { name: `golden-${name}`, bytes, raw, container: 'json' };
  });
}

/** Files built by the app's own code from the test builders: every level, signed or not, another questionnaire. */
export async function builtBaseFiles(signer: ExportSigner): Promise<BaseFile[]> {
  const files: BaseFile[] = [];
  const add = (envelope: ExportEnvelope, suffix: string) => {
    const text = serializeExport(envelope);
    files.push({
      name: `built-${suffix}-${exportFileName(envelope)}`,
      bytes: utf8(text),
      raw: JSON.parse(text) as Record<string, Json>,
      container: 'json',
    });
  };
  const levels: SharingLevel[] = ['full', 'auditor', 'statistics'];
  for (const level of levels) {
    add(await sealExport(buildExportEnvelope(anExportInput(), level), signer), 'signed');
    add(await sealExport(buildExportEnvelope(anExportInput(), level)), 'unsigned');
  }
  const [hospiconnect] = fc.sample(exportInputArbitrary(hospiconnectQuestionnaire), { numRuns: 1, seed: 9 });
  if (hospiconnect) add(await sealExport(buildExportEnvelope(hospiconnect, 'full'), signer), 'hospiconnect');

  // A zip of the full level with two evidence files, as the export page makes it.
  const pdf = utf8('%PDF-1.7 rapport d’audit');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const sha = async (bytes: Uint8Array) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  const input = anExportInput({
    establishment: { ...anExportInput().establishment, finessEj: '450000286' },
    evidence: [
      {
        itemId: 'care.gov.01',
        name: 'politique.pdf',
        type: 'application/pdf',
        size: pdf.length,
        sha256: await sha(pdf),
      },
      { itemId: 'care.gov.01', name: 'schéma.png', type: 'image/png', size: png.length, sha256: await sha(png) },
    ],
  });
  const envelope = await sealExport(buildExportEnvelope(input, 'full'), signer);
  const bytes = zipExport(envelope, [
    { itemId: 'care.gov.01', name: 'politique.pdf', bytes: pdf },
    { itemId: 'care.gov.01', name: 'schéma.png', bytes: png },
  ]);
  const { raw, evidence } = unzipParts(bytes);
  files.push({ name: exportFileName(envelope, 'zip'), bytes, raw, container: 'zip', evidence });
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Paths and JSON types

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return type;
  return 'object';
}

/** Every path of a JSON value, root included, in document order. */
export function pathsOf(value: Json, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [name, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, name]));
  return paths;
}

export function valueAt(root: Json, path: JsonPath): Json | undefined {
  let value: Json | undefined = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, Json>)[segment];
  }
  return value;
}

/** A deep copy, own "__proto__" members included (structuredClone would keep them too, but not across realms). */
export function copyJson<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function setOwn(target: object, name: string | number, value: unknown): void {
  // defineProperty, not assignment: `target["__proto__"] = v` would change the prototype instead of adding a member.
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Replaces the value at `path` (not the root) in place. */
export function setAt(root: Json, path: JsonPath, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (parent === null || typeof parent !== 'object' || last === undefined) throw new Error('no parent');
  setOwn(parent, last, value);
}

// ---------------------------------------------------------------------------------------------------------------
// Raw JSON text inside a value: placeholders replaced after JSON.stringify

/**
 * Some hostile values cannot be held by a JavaScript value and written by JSON.stringify: `1e400`, `-0`, `NaN`,
 * 100,000 nested arrays (JSON.stringify would overflow), a second member of the same name. They are written as a
 * placeholder string, replaced by the raw text once serialised.
 */
export class RawJson {
  constructor(
    readonly text: string,
    readonly type: JsonType | 'syntax-error',
    readonly label: string,
  ) {}
}

const PLACEHOLDER = '\u0001raw-json-';
const DUPLICATE = '\u0001duplicate';

export function render(value: unknown, raws: RawJson[], space?: number): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof RawJson) {
        raws.push(v);
        return `${PLACEHOLDER}${raws.length - 1}`;
      }
      return v;
    },
    space,
  );
  return text.replace(/"\\u0001raw-json-(\d+)"/g, (_m, index: string) => raws[Number(index)]?.text ?? 'null');
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values

/** A string no string field of the export schema accepts: longer than every limit, with characters no pattern allows. */
export function hugeString(length: number): string {
  let text = hugeStrings.get(length);
  if (text === undefined) {
    const unit = '<img src=x onerror=alert(1)> é “';
    text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    hugeStrings.set(length, text);
  }
  return text;
}
const hugeStrings = new Map<number, string>();

/** Built once per size: the texts run to megabytes, and thousands of runs reuse them. */
function memo(make: (size: number) => RawJson): (size: number) => RawJson {
  const made = new Map<number, RawJson>();
  return (size) => {
    let value = made.get(size);
    if (!value) made.set(size, (value = make(size)));
    return value;
  };
}
export const deepArrays = memo(
  (depth) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'array', `[×${depth}]`),
);
export const deepObjects = memo(
  (depth) => new RawJson(`${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`, 'object', `{a:×${depth}}`),
);
export const hugeArray = memo(
  (length) => new RawJson(`[${Array.from({ length }, (_, i) => i % 10).join(',')}]`, 'array', `array of ${length}`),
);

const pollutionPayloads: Json[] = [
  { polluted: 'yes' },
  { isAdmin: true, toString: 'x', valueOf: 1 },
  { prototype: { polluted: 'yes' } },
  { constructor: { prototype: { polluted: 'yes' } } },
  [],
  'polluted',
  1,
  null,
];

/** Hostile values of each JSON type. */
const hostileByType: Record<JsonType, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.constantFrom(
    new RawJson('1e400', 'number', '1e400'),
    new RawJson('-1e400', 'number', '-1e400'),
    new RawJson('-0', 'number', '-0'),
    new RawJson('1.7976931348623157e308', 'number', 'max double'),
    new RawJson('5e-324', 'number', 'min double'),
    new RawJson('9007199254740993', 'number', '2^53+1'),
    -1,
    0,
    1.5,
  ),
  // Small values three times as often as huge or deep ones, which cost tens of milliseconds each.
  string: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '\u0000',
        '\ud800',
        '__proto__',
        'NaN',
        '1e400',
        '<script>window.__xss=1</script>',
        '"><img src=x onerror=alert(1)>',
        '{{constructor.constructor("alert(1)")()}}',
        '\u202e\u0000\u001b[31m',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(150_000, 1_000_000, 2_000_000).map((size) => hugeString(size)) },
  ),
  array: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom([], [1, 'a', null], [{ polluted: 'yes' }]) },
    { weight: 1, arbitrary: fc.constantFrom(100_000, 120_000).map(hugeArray) },
    { weight: 1, arbitrary: fc.constantFrom(10_000, 100_000).map(deepArrays) },
  ),
  object: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom({}, { a: 1 }, { kind: 'status', value: 'yes' }) },
    { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown) },
    { weight: 1, arbitrary: fc.constantFrom(10_000, 50_000).map(deepObjects) },
  ),
};

/** A value of any JSON type but `type`. */
export function valueOfAnotherType(type: JsonType): fc.Arbitrary<unknown> {
  const others = (Object.keys(hostileByType) as JsonType[]).filter((t) => t !== type);
  return fc.constantFrom(...others).chain((t) => hostileByType[t]);
}

/** Text JSON.parse refuses, at a value's place. */
export const syntaxErrors = fc.constantFrom(
  new RawJson('NaN', 'syntax-error', 'NaN'),
  new RawJson('Infinity', 'syntax-error', 'Infinity'),
  new RawJson('-Infinity', 'syntax-error', '-Infinity'),
  new RawJson('undefined', 'syntax-error', 'undefined'),
  new RawJson("'single'", 'syntax-error', 'single quotes'),
  new RawJson('0x10', 'syntax-error', 'hex'),
  new RawJson('01', 'syntax-error', 'leading zero'),
  new RawJson('.5', 'syntax-error', '.5'),
  new RawJson('+1', 'syntax-error', '+1'),
  new RawJson('[1,]', 'syntax-error', 'trailing comma'),
  new RawJson('{"a":1,}', 'syntax-error', 'trailing comma in object'),
  new RawJson('/* comment */ 1', 'syntax-error', 'comment'),
  new RawJson('"\\x41"', 'syntax-error', 'bad escape'),
  new RawJson('"tab\there"', 'syntax-error', 'control character in a string'),
  new RawJson('"\\ud800', 'syntax-error', 'unterminated string'),
);

// ---------------------------------------------------------------------------------------------------------------
// Structural mutations of a valid file

export type Sealing = 'stale' | 'resealed-unsigned' | 'resealed-signed';

export type StructuralMutation =
  | { kind: 'pollute'; path: JsonPath; name: '__proto__' | 'constructor' | 'prototype'; value: Json; escaped: boolean }
  | { kind: 'retype'; path: JsonPath; value: unknown }
  | { kind: 'infinite-number'; path: JsonPath; value: RawJson }
  | { kind: 'huge-string'; path: JsonPath; value: string }
  | { kind: 'huge-array'; path: JsonPath; value: RawJson }
  | { kind: 'duplicate'; path: JsonPath; name: string; value: unknown; first: boolean }
  | { kind: 'unknown-member'; path: JsonPath; name: string; value: Json }
  | { kind: 'syntax'; path: JsonPath; value: RawJson };

interface PathIndex {
  all: JsonPath[];
  objects: JsonPath[];
  nonEmptyObjects: JsonPath[];
  numbers: JsonPath[];
  strings: JsonPath[];
  arrays: JsonPath[];
}

export function indexPaths(raw: Json): PathIndex {
  const all = pathsOf(raw);
  const of = (type: JsonType) => all.filter((p) => jsonTypeOf(valueAt(raw, p)) === type);
  const objects = of('object');
  return {
    all,
    objects,
    nonEmptyObjects: objects.filter((p) => Object.keys(valueAt(raw, p) as object).length > 0),
    numbers: of('number'),
    strings: of('string'),
    arrays: of('array'),
  };
}

const pick = <T>(items: readonly T[]) => fc.nat({ max: Math.max(0, items.length - 1) }).map((i) => items[i] as T);

/**
 * Mutations of one parsed file that make it invalid whatever its digest: each breaks a rule of the schema or of
 * JSON itself. `[]` is never a `retype` target when it would give a valid file: the root replaced is not an export.
 */
export function structuralMutation(raw: Json): fc.Arbitrary<StructuralMutation> {
  const paths = indexPaths(raw);
  const nonRoot = paths.all.filter((p) => p.length > 0);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('pollute' as const),
        path: pick(paths.objects),
        name: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
        value: fc.constantFrom(...pollutionPayloads),
        escaped: fc.boolean(),
      }),
    },
    {
      weight: 4,
      arbitrary: pick(paths.all).chain((path) =>
        valueOfAnotherType(jsonTypeOf(valueAt(raw, path))).map((value) => ({
          kind: 'retype' as const,
          path,
          value,
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('infinite-number' as const),
        path: pick(paths.numbers),
        value: fc.constantFrom(new RawJson('1e400', 'number', '1e400'), new RawJson('-1e999', 'number', '-1e999')),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge-string' as const),
        path: pick(paths.strings),
        value: fc.constantFrom(100_001, 1_000_000, 2_000_000).map(hugeString),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge-array' as const),
        path: pick(paths.arrays),
        value: fc.constantFrom(hugeArray(100_000), deepArrays(20_000)),
      }),
    },
    {
      weight: 2,
      arbitrary: pick(paths.nonEmptyObjects).chain((path) =>
        fc.record({
          kind: fc.constant('duplicate' as const),
          path: fc.constant(path),
          name: fc.constantFrom(...Object.keys(valueAt(raw, path) as object)),
          // The same value as the member it doubles (the data JSON.parse returns is then unchanged), or another.
          value: fc.oneof(fc.constant(undefined), valueOfAnotherType('null')),
          first: fc.boolean(),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('unknown-member' as const),
        path: pick(paths.objects),
        name: fc.constantFrom('isAdmin', 'toString', 'hasOwnProperty', 'then', '', '__defineGetter__', 'ip'),
        value: fc.constantFrom<Json>(true, 'x', { polluted: 'yes' }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('syntax' as const), path: pick(nonRoot), value: syntaxErrors }),
    },
  );
}

/** Whether a path lies inside the sealed part (integrity, signature), which resealing would overwrite. */
const inSeal = (path: JsonPath) => path[0] === 'integrity' || path[0] === 'signature';

/** The mutated value (with raw-text placeholders) of a parsed file. */
export function applyStructural(raw: Json, mutation: StructuralMutation): unknown {
  const copy = copyJson(raw);
  const target = valueAt(copy, mutation.path);
  switch (mutation.kind) {
    case 'pollute':
    case 'unknown-member':
      setOwn(target as object, mutation.name, mutation.value);
      return copy;
    case 'duplicate': {
      // The second member is written under a placeholder name, replaced by the doubled name once serialised
      // (renderMutated); before or after the member it doubles, as asked.
      const holder = target as Record<string, unknown>;
      // A member the seal removed (the signature of a file resealed unsigned) is put back as null, so that the
      // text always holds the name twice.
      if (holder[mutation.name] === undefined) setOwn(holder, mutation.name, null);
      const extraValue = mutation.value === undefined ? holder[mutation.name] : mutation.value;
      const entries = Object.entries(holder);
      for (const name of Object.keys(holder)) Reflect.deleteProperty(holder, name);
      if (mutation.first) setOwn(holder, DUPLICATE, extraValue);
      for (const [name, value] of entries) setOwn(holder, name, value);
      if (!mutation.first) setOwn(holder, DUPLICATE, extraValue);
      return copy;
    }
    default:
      if (mutation.path.length === 0) return mutation.value;
      setAt(copy, mutation.path, mutation.value);
      return copy;
  }
}

/** Serialises a mutated value: placeholders replaced, pollution names escaped on request. */
export function renderMutated(mutated: unknown, mutation: StructuralMutation, space?: number): string {
  const text = render(mutated, [], space);
  if (mutation.kind === 'duplicate')
    return text.replace(`${JSON.stringify(DUPLICATE)}:`, `${JSON.stringify(mutation.name)}:`);
  if (mutation.kind === 'pollute' && mutation.escaped) {
    // JSON.parse decodes escapes in member names: "\u005f_proto__" is "__proto__" once parsed.
    return text.replaceAll(
      `"${mutation.name}":`,
      `"\\u00${mutation.name.charCodeAt(0).toString(16)}${mutation.name.slice(1)}":`,
    );
  }
  return text;
}

/**
 * The bytes of a structurally mutated file, sealed as asked when the mutation leaves the seal alone: resealing over
 * the hostile content (when it has a canonical form) makes a digest that matches it, and a valid signature.
 */
export async function mutatedFile(
  base: BaseFile,
  mutation: StructuralMutation,
  sealing: Sealing,
  signer: ExportSigner,
): Promise<HostileFile> {
  let raw: Json = base.raw;
  const kind = `${mutation.kind}${'name' in mutation ? `:${mutation.name}` : ''} at ${JSON.stringify(mutation.path)} (${sealing})`;
  if (sealing !== 'stale' && !inSeal(mutation.path)) {
    // Seal over what JSON.parse will see of the mutated text, when it has one.
    const mutatedText = renderMutated(applyStructural(raw, mutation), mutation);
    let seen: unknown;
    try {
      seen = JSON.parse(mutatedText);
    } catch {
      seen = undefined;
    }
    if (seen !== null && typeof seen === 'object' && !Array.isArray(seen)) {
      try {
        const sealed = await sealRaw(
          seen as Record<string, unknown>,
          sealing === 'resealed-signed' ? signer : undefined,
        );
        // Keep the mutation in the text; take the new seal only.
        raw = {
          ...copyJson(base.raw),
          integrity: sealed.integrity as Json,
          ...(sealed.signature ? { signature: sealed.signature as Json } : {}),
        };
        if (!sealed.signature) delete (raw as Record<string, Json>).signature;
      } catch {
        // No canonical form (Infinity, nesting too deep): the stale seal stays.
      }
    }
  }
  const text = renderMutated(applyStructural(raw, mutation), mutation, 2);
  return wrap(base, utf8(text), `${base.name}: ${kind}`);
}

/** A mutated export.json in its base's container: the zip is rebuilt around it with the same evidence. */
export function wrap(base: BaseFile, json: Uint8Array, kind: string): HostileFile {
  if (base.container === 'json') return hostileFile(base.name, json, kind);
  // Stored, not deflated: deflating megabytes of hostile text would cost more than the test of the file itself.
  return hostileFile(base.name, zipSync({ [EXPORT_JSON_ENTRY]: json, ...base.evidence }, { level: 0 }), kind);
}

// ---------------------------------------------------------------------------------------------------------------
// Byte-level mutations

export type ByteMutation =
  | { kind: 'flip'; flips: { at: number; mask: number }[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[]; label: string };

const invalidUtf8 = [
  { label: 'lone continuation byte', bytes: [0x80] },
  { label: '0xFF', bytes: [0xff] },
  { label: 'overlong NUL', bytes: [0xc0, 0x80] },
  { label: 'overlong slash', bytes: [0xe0, 0x80, 0xaf] },
  { label: 'UTF-16 surrogate', bytes: [0xed, 0xa0, 0x80] },
  { label: 'beyond U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { label: 'truncated sequence', bytes: [0xe2, 0x82] },
  { label: '0xF5', bytes: [0xf5, 0x80, 0x80, 0x80] },
];
const otherInsertions = [
  { label: 'UTF-8 byte-order mark', bytes: [0xef, 0xbb, 0xbf] },
  { label: 'UTF-16 LE byte-order mark', bytes: [0xff, 0xfe] },
  { label: 'UTF-16 BE byte-order mark', bytes: [0xfe, 0xff] },
  { label: 'NUL', bytes: [0x00] },
  { label: 'space', bytes: [0x20] },
  { label: 'quote', bytes: [0x22] },
];

export function byteMutation(length: number): fc.Arbitrary<ByteMutation> {
  const position = fc.nat({ max: length - 1 });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('flip' as const),
        flips: fc.array(fc.record({ at: position, mask: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
    {
      weight: 3,
      arbitrary: fc
        .record({ at: fc.nat({ max: length }), insertion: fc.constantFrom(...invalidUtf8, ...otherInsertions) })
        .map(({ at, insertion }) => ({ kind: 'insert' as const, at, ...insertion })),
    },
  );
}

export function applyBytes(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  switch (mutation.kind) {
    case 'flip': {
      const out = bytes.slice();
      for (const { at, mask } of mutation.flips) out[at] = (out[at] ?? 0) ^ mask;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, mutation.at);
    case 'insert':
      return new Uint8Array([...bytes.subarray(0, mutation.at), ...mutation.bytes, ...bytes.subarray(mutation.at)]);
  }
}

/**
 * Whether mutated JSON bytes hold exactly the data of the original (a space turned into a tab, a byte-order mark in
 * front): decoded as the importer decodes (UTF-8, a leading byte-order mark dropped), parsed, and compared as
 * canonical JSON. Such a file is the same file and must be accepted; any other must be refused.
 */
export function sameJsonData(bytes: Uint8Array, original: Json): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return canonicalJson(JSON.parse(text)) === canonicalJson(original);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Files from nothing

const pollutionNames = ['__proto__', 'constructor', 'prototype'];
const exportNames = ['format', 'formatVersion', 'content', 'establishment', 'integrity', 'signature', 'answers'];

/** JSON text of any shape whose member names include pollution names and the export's own names. */
export const hostileJsonText: fc.Arbitrary<string> = fc
  .letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('null', 'true', '-0', '1e400', '0', '"care-autodiag/export"', '"<script>"'),
      fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...pollutionNames, ...exportNames), fc.string({ maxLength: 8 })),
            tie('value'),
          ),
          { maxLength: 5 },
        )
        .map((members) => `{${members.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`),
    ),
  }))
  .value.map((text) => `{"format":"care-autodiag/export","formatVersion":1,"x":${text}}`);

export function fromScratch(): fc.Arbitrary<HostileFile> {
  const named = (kind: string) => (bytes: Uint8Array) => hostileFile(`scratch-${kind}.json`, bytes, kind);
  return fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).map(named('random bytes')),
    fc.string({ unit: 'binary', maxLength: 500 }).map((s) => named('random text')(utf8(s))),
    hostileJsonText.map((text) => named('hostile JSON')(utf8(text))),
    fc.jsonValue({ maxDepth: 4 }).map((v) => named('any JSON')(utf8(JSON.stringify(v)))),
    fc
      .constantFrom(
        '',
        ' ',
        'null',
        '[]',
        '{}',
        '"care-autodiag/export"',
        '{"format":"care-autodiag/export"}',
        '{"format":"care-autodiag/export","formatVersion":1e400}',
        '{"format":"care-autodiag/export","formatVersion":-0}',
        '{"format":"care-autodiag/export","formatVersion":NaN}',
        '{"format":"care-autodiag/export","formatVersion":1,"__proto__":{"polluted":"yes"}}',
        '{"__proto__":{"polluted":"yes"},"format":"care-autodiag/export","formatVersion":1}',
        '{"format":"care-autodiag/export","format":"care-autodiag/export","formatVersion":1}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
      )
      .map((text) => named('fixed')(utf8(text))),
    fc
      .constantFrom(10_000, 100_000)
      .map((depth) =>
        named(`nesting ${depth}`)(
          utf8(`{"format":"care-autodiag/export","formatVersion":1,"content":${deepArrays(depth).text}}`),
        ),
      ),
    fc.constantFrom(10_000, 100_000).map((depth) => named(`unclosed nesting ${depth}`)(utf8('['.repeat(depth)))),
    fc.constant(named('array of 100,000')(utf8(hugeArray(100_000).text))),
    fc.constant(named('string of 2 MB')(utf8(JSON.stringify(hugeString(2_000_000))))),
    zipFromScratch(),
  );
}

function zipOf(entries: Zippable, kind: string): HostileFile {
  return hostileFile(`scratch-${kind}.zip`, zipSync(entries, { level: 1 }), kind);
}

/** Zips that are not export zips: without export.json, with a hostile one, with paths that climb out. */
function zipFromScratch(): fc.Arbitrary<HostileFile> {
  return fc.oneof(
    fc.constant(zipOf({}, 'empty zip')),
    fc.constant(zipOf({ 'readme.txt': strToU8('hello') }, 'zip without export.json')),
    fc.constant(zipOf({ '../export.json': strToU8('{}'), 'evidence/../../x': strToU8('x') }, 'climbing paths')),
    hostileJsonText.map((text) => zipOf({ [EXPORT_JSON_ENTRY]: strToU8(text) }, 'hostile export.json')),
    fc.constant(zipOf({ [EXPORT_JSON_ENTRY]: zipSync({ [EXPORT_JSON_ENTRY]: strToU8('{}') }) }, 'zip in a zip')),
  );
}
