// @vitest-environment node
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportEnvelope, sealExport } from './build-export';
import { canonicalJson } from './canonical-digest';
import { exportErrorCodes } from './export-error';
import { exportFileName, serializeExport, zipExport } from './export-file';
import { EXPORT_FORMAT_VERSION, type ExportEnvelope, type SharingLevel } from './export-format';
import { anExportInput } from '../testing/exchange/export-test-data';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { generateSigningKeyPair, webCryptoSigner, type GeneratedKeyPair } from './signing';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';
import { formatIssuePath, type ExportValidation } from './validate-export';

let key: GeneratedKeyPair;
let otherKey: GeneratedKeyPair;
const sealed: Partial<Record<SharingLevel, ExportEnvelope>> = {};

beforeAll(async () => {
  key = await generateSigningKeyPair();
  otherKey = await generateSigningKeyPair();
  for (const level of ['full', 'auditor', 'statistics'] as const)
    sealed[level] = await sealExport(buildExportEnvelope(anExportInput(), level), webCryptoSigner(key));
});

const envelopeOf = (level: SharingLevel) => sealed[level] as ExportEnvelope;
const bytesOf = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const refusal = (result: ExportValidation) => (result.ok ? 'accepted' : result.code);
/** Whether bytes parse to the same JSON data as `text`, whatever their spelling. */
function sameData(bytes: Uint8Array, text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return canonicalJson(parsed) === canonicalJson(JSON.parse(text));
  } catch {
    return false;
  }
}

describe('validateExportFile accepts', () => {
  it('every sealed level, as bytes or as a string, and says who signed it', async () => {
    for (const level of ['full', 'auditor', 'statistics'] as const) {
      const envelope = envelopeOf(level);
      const result = await validateTestFile(bytesOf(serializeExport(envelope)), exportFileName(envelope));
      expect(result).toMatchObject({ ok: true, keyFingerprint: key.fingerprint, container: 'json' });
      if (result.ok) expect(result.envelope).toEqual(envelope);
      expect((await validateTestFile(serializeExport(envelope), 'x.json')).ok).toBe(true);
    }
  });

  it('a file reformatted by an editor (indentation, member order, a byte-order mark)', async () => {
    const envelope = envelopeOf('auditor');
    const reordered = JSON.parse(canonicalJson(envelope)) as unknown;
    expect((await validateTestFile(JSON.stringify(reordered), 'compact.json')).ok).toBe(true);
    expect((await validateTestFile(`\ufeff${JSON.stringify(envelope, null, '\t')}`, 'bom.json')).ok).toBe(true);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(JSON.stringify(envelope))]);
    expect((await validateTestFile(withBom, 'bom.json')).ok).toBe(true);
  });

  it('an unsigned file, unless a signature is required', async () => {
    const unsigned = await sealExport(buildExportEnvelope(anExportInput(), 'statistics'));
    const accepted = await validateTestFile(serializeExport(unsigned), 'unsigned.json');
    expect(accepted.ok && accepted.keyFingerprint).toBe(undefined);
    expect(await validateTestFile(serializeExport(unsigned), 'u.json', { requireSignature: true })).toMatchObject({
      ok: false,
      code: 'unsigned',
      path: 'signature',
    });
  });
});

describe('validateExportFile refuses a tampered file', () => {
  it('one byte changed anywhere: refused, unless the change leaves the same JSON data', async () => {
    const text = serializeExport(envelopeOf('full'));
    const bytes = bytesOf(text);
    const original = canonicalJson(JSON.parse(text));
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const changed = bytes.slice();
          changed[position] = (changed[position] ?? 0) ^ mask;
          const result = await validateTestFile(changed, 'flipped.json');
          codes.add(refusal(result));
          // Whitespace between tokens (a space turned into a tab) or "e" into "E" in a number changes no data:
          // the canonical JSON, hence the digest, is the same. Anything else must be refused.
          if (result.ok) expect(canonicalJson(result.envelope)).toBe(original);
        },
      ),
      { numRuns: 400 },
    );
    expect(codes.has('digest-mismatch')).toBe(true);
    expect(codes.has('not-json')).toBe(true);
  });

  it('one byte changed inside the data: always refused', async () => {
    const text = serializeExport(envelopeOf('auditor'));
    const bytes = bytesOf(text);
    // Positions of characters inside strings, numbers and literals (not the indentation).
    const meaningful = [...bytes.keys()].filter((i) => ![0x20, 0x0a, 0x0d, 0x09].includes(bytes[i] ?? 0));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...meaningful), fc.integer({ min: 1, max: 255 }), async (position, mask) => {
        const changed = bytes.slice();
        const flipped = (changed[position] ?? 0) ^ mask;
        changed[position] = flipped;
        // The same number written another way ("1e-7" / "1E-7", or a 17th digit beyond a double's precision:
        // 49.790209790209786 / …787): the same data, not a change of it.
        fc.pre(!sameData(changed, text));
        expect((await validateTestFile(changed, 'flipped.json')).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a changed FINESS (still a valid number): digest mismatch', async () => {
    const envelope = envelopeOf('auditor');
    const changed = { ...envelope, establishment: { ...envelope.establishment, finessEj: '450000120' } };
    expect(await validateTestFile(JSON.stringify(changed), 'finess.json')).toMatchObject({
      ok: false,
      fileName: 'finess.json',
      code: 'digest-mismatch',
      path: 'integrity.digest',
    });
  });

  it('a changed score or answer with a recomputed digest but the old signature: bad signature', async () => {
    const envelope = envelopeOf('auditor');
    const { integrity: _i, signature, ...rest } = envelope;
    const forged = { ...rest, content: { ...rest.content, scores: { ...rest.content.scores, asOf: '2026-01-01' } } };
    const resealed = await sealExport(forged);
    const result = await validateTestFile(JSON.stringify({ ...resealed, signature }), 'forged.json');
    expect(result).toMatchObject({ ok: false, code: 'bad-signature', path: 'signature.value' });
  });

  it('a signature from another key: bad signature', async () => {
    const envelope = envelopeOf('full');
    const other = await sealExport(buildExportEnvelope(anExportInput(), 'full'), webCryptoSigner(otherKey));
    // Another key's signature of the same content, under this file's key, and the other way round.
    const swapped = { ...envelope, signature: { ...envelope.signature, value: other.signature?.value } };
    expect(refusal(await validateTestFile(JSON.stringify(swapped), 'swapped.json'))).toBe('bad-signature');
    const keySwapped = {
      ...envelope,
      signature: { ...envelope.signature, publicKeyJwk: otherKey.publicKeyJwk, keyFingerprint: otherKey.fingerprint },
    };
    expect(refusal(await validateTestFile(JSON.stringify(keySwapped), 'key.json'))).toBe('bad-signature');
    const fingerprintLie = { ...envelope, signature: { ...envelope.signature, keyFingerprint: otherKey.fingerprint } };
    expect(await validateTestFile(JSON.stringify(fingerprintLie), 'fp.json')).toMatchObject({
      code: 'bad-signature',
      path: 'signature.keyFingerprint',
    });
  });

  it('a truncated file: refused at every length', async () => {
    const bytes = bytesOf(serializeExport(envelopeOf('statistics')));
    for (let length = 0; length < bytes.length; length += 97) {
      expect(refusal(await validateTestFile(bytes.slice(0, length), 'truncated.json'))).toBe('not-json');
    }
    // Cut after the closing brace of a compact file's last member: still JSON, but incomplete.
    const { signature: _s, ...unsignedPart } = envelopeOf('statistics');
    expect(refusal(await validateTestFile(JSON.stringify(unsignedPart), 'cut.json', { requireSignature: true }))).toBe(
      'unsigned',
    );
  });
});

describe('validateExportFile names the problem', () => {
  it('too large, before reading', async () => {
    const big = new Uint8Array(2048);
    expect(await validateTestFile(big, 'big.json', { maxBytes: 1024 })).toMatchObject({
      ok: false,
      fileName: 'big.json',
      code: 'too-large',
    });
    expect(refusal(await validateTestFile('x'.repeat(2048), 'big.json', { maxBytes: 1024 }))).toBe('too-large');
  });

  it('not UTF-8, not JSON, not an export', async () => {
    expect(refusal(await validateTestFile(new Uint8Array([0xff, 0xfe, 0x00]), 'bin.json'))).toBe('not-json');
    expect(refusal(await validateTestFile('', 'empty.json'))).toBe('not-json');
    expect(refusal(await validateTestFile('{"a":1}', 'other.json'))).toBe('not-an-export');
    expect(refusal(await validateTestFile('[1,2]', 'array.json'))).toBe('not-an-export');
    expect(refusal(await validateTestFile('{"format":"care-autodiag/backup"}', 'b.json'))).toBe('not-an-export');
  });

  it('a newer format version, refused with the version found', async () => {
    const newer = { ...envelopeOf('auditor'), formatVersion: EXPORT_FORMAT_VERSION + 1, somethingNew: true };
    expect(await validateTestFile(JSON.stringify(newer), 'newer.json')).toMatchObject({
      ok: false,
      code: 'newer-format',
      path: 'formatVersion',
      detail: `${EXPORT_FORMAT_VERSION + 1} > ${EXPORT_FORMAT_VERSION}`,
    });
    const broken = { ...envelopeOf('auditor'), formatVersion: 0 };
    expect(refusal(await validateTestFile(JSON.stringify(broken), 'zero.json'))).toBe('invalid');
  });

  it('an invalid field with its path, and a field the sharing level does not allow', async () => {
    const envelope = envelopeOf('auditor');
    const badYear = { ...envelope, content: { ...envelope.content, campaignYear: 'last year' } };
    expect(await validateTestFile(JSON.stringify(badYear), 'year.json')).toMatchObject({
      code: 'invalid',
      path: 'content.campaignYear',
    });
    const answers = { ...envelope.content.answers, 'care.gov.02': { comment: 'leak' } };
    const leaky = { ...envelope, content: { ...envelope.content, answers } };
    expect(await validateTestFile(JSON.stringify(leaky), 'leak.json')).toMatchObject({
      code: 'invalid',
      path: 'content.answers["care.gov.02"].comment',
      detail: 'not-allowed-at-sharing-level',
    });
    const extra = { ...envelope, establishment: { ...envelope.establishment, ip: '10.0.0.1' } };
    expect(await validateTestFile(JSON.stringify(extra), 'extra.json')).toMatchObject({
      code: 'invalid',
      path: 'establishment.ip',
    });
    expect(await validateTestFile(JSON.stringify({ ...envelope, isAdmin: true }), 'root.json')).toMatchObject({
      code: 'invalid',
      path: 'isAdmin',
    });
  });

  it('formats field paths a reader can follow', () => {
    expect(formatIssuePath(['content', 'answers', 'care.gov.01', 'comment'])).toBe(
      'content.answers["care.gov.01"].comment',
    );
    expect(formatIssuePath(['content', 'applications', 2, 'name'])).toBe('content.applications[2].name');
  });
});

describe('validateExportFile refuses what JSON.parse lets through, even sealed and signed over it', () => {
  const resealed = async (raw: Record<string, unknown>) =>
    JSON.stringify(await sealRaw(raw, webCryptoSigner(key)), null, 2);

  it('a "__proto__" member, which zod would drop from a record without a word', async () => {
    const text = serializeExport(envelopeOf('full')).replace(
      '"answers": {',
      '"answers": {"__proto__": {"response": {"kind": "status", "value": "yes"}}, ',
    );
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys((raw.content as { answers: object }).answers)).toContain('__proto__');
    expect(await validateTestFile(await resealed(raw), 'proto.json')).toMatchObject({
      ok: false,
      code: 'invalid',
      path: 'content.answers.__proto__',
    });
    expect(({} as Record<string, unknown>).response).toBeUndefined();
  });

  it('"constructor" and "prototype" members at any depth', async () => {
    for (const name of ['constructor', 'prototype']) {
      const text = serializeExport(envelopeOf('full')).replace(
        '"overall": {',
        `"overall": {"${name}": {"prototype": {"polluted": "yes"}}, `,
      );
      expect(
        await validateTestFile(await resealed(JSON.parse(text) as Record<string, unknown>), 'c.json'),
      ).toMatchObject({ code: 'invalid', path: `content.scores.overall.${name}` });
    }
  });

  it('a member written twice, whose first value another reader would keep while the signature still verifies', async () => {
    const envelope = envelopeOf('auditor');
    const original = serializeExport(envelope);
    const name = `"name": ${JSON.stringify(envelope.establishment.name)}`;
    const text = original.replace(name, `"name": "Clinique usurpée", ${name}`);
    // JSON.parse keeps the last value: the data, hence the digest and the signature, are those of the original.
    expect(canonicalJson(JSON.parse(text))).toBe(canonicalJson(JSON.parse(original)));
    expect(await validateTestFile(text, 'twice.json')).toMatchObject({
      ok: false,
      code: 'invalid',
      path: 'establishment.name',
    });
  });

  it('100,000 nested arrays where a comment should be', async () => {
    const text = serializeExport(envelopeOf('full')).replace(
      '"comment": ',
      `"comment": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "x": `,
    );
    const result = await validateTestFile(text, 'deep.json');
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.path).toMatch(/^content\.answers\["care\.gov\.01"\]\.comment(\[0\])+$/);
  });
});

describe('validateExportFile never throws', () => {
  it('for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const result = await validateTestFile(bytes, 'random.bin');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(exportErrorCodes).toContain(result.code);
      }),
      { numRuns: 300 },
    );
  });

  it('for any JSON that claims to be an export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), async (content, establishment) => {
        const raw = { format: 'care-autodiag/export', formatVersion: 1, content, establishment };
        const result = await validateTestFile(JSON.stringify(raw), 'claim.json');
        expect(result).toMatchObject({ ok: false, code: 'invalid' });
      }),
      { numRuns: 200 },
    );
  });

  it('for a file of the right shape with hostile values', async () => {
    const envelope = envelopeOf('auditor');
    const hostile = [
      { ...envelope, content: { ...envelope.content, answers: { __proto__: { response: { kind: 'unknown' } } } } },
      { ...envelope, content: { ...envelope.content, answers: JSON.parse('{"__proto__":{"polluted":1}}') as object } },
      { ...envelope, signature: { ...envelope.signature, value: 'A'.repeat(86) } },
      {
        ...envelope,
        signature: {
          ...envelope.signature,
          publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) },
        },
      },
    ];
    for (const value of hostile) {
      const result = await validateTestFile(JSON.stringify(value), 'hostile.json');
      expect(result.ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = `{"format":"care-autodiag/export","formatVersion":1,"content":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect((await validateTestFile(deep, 'deep.json')).ok).toBe(false);
  });
});

describe('the zip form', () => {
  const evidenceBytes = strToU8('%PDF-1.7 audit report');

  async function fullWithEvidence() {
    const { sha256Hex } = await import('../domain/hash');
    const sha256 = await sha256Hex(evidenceBytes.slice().buffer);
    const input = anExportInput({
      evidence: [
        { itemId: 'care.gov.01', name: 'rapport.pdf', type: 'application/pdf', size: evidenceBytes.length, sha256 },
      ],
    });
    return sealExport(buildExportEnvelope(input, 'full'), webCryptoSigner(key));
  }

  it('is accepted with its evidence checked, and the files returned on request', async () => {
    const envelope = await fullWithEvidence();
    const zip = zipExport(envelope, [{ itemId: 'care.gov.01', name: 'rapport.pdf', bytes: evidenceBytes }]);
    const result = await validateTestFile(zip, 'export.zip', { keepEvidenceFiles: true });
    expect(result).toMatchObject({ ok: true, container: 'zip', evidenceFileCount: 1 });
    if (result.ok) expect(Object.values(result.evidenceFiles ?? {})).toEqual([evidenceBytes]);
  });

  it('refuses an altered, extra or missing evidence file', async () => {
    const envelope = await fullWithEvidence();
    const altered = zipExport(envelope, [
      { itemId: 'care.gov.01', name: 'rapport.pdf', bytes: strToU8('%PDF-1.7 altered') },
    ]);
    expect(await validateTestFile(altered, 'altered.zip')).toMatchObject({
      code: 'evidence-mismatch',
      path: 'evidence/care.gov.01/rapport.pdf',
    });
    const missing = zipExport(envelope, []);
    expect(await validateTestFile(missing, 'missing.zip')).toMatchObject({
      code: 'evidence-mismatch',
      path: 'content.evidence[0]',
    });
  });

  it('refuses a zip without export.json, an unreadable zip, and a tampered export.json inside', async () => {
    expect(refusal(await validateTestFile(zipSync({ 'evidence/a.txt': strToU8('x') }), 'other.zip'))).toBe('not-a-zip');
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(refusal(await validateTestFile(garbage, 'garbage.zip'))).toBe('not-a-zip');
    const envelope = envelopeOf('auditor');
    const changed = { ...envelope, content: { ...envelope.content, campaignYear: 2025 } };
    const zip = zipSync({ 'export.json': strToU8(JSON.stringify(changed)) });
    expect(refusal(await validateTestFile(zip, 'tampered.zip'))).toBe('digest-mismatch');
  });

  it('refuses an entry announced larger than the limit without inflating it', async () => {
    const envelope = envelopeOf('auditor');
    const zip = zipSync({
      'export.json': strToU8(serializeExport(envelope)),
      'evidence/x/big.bin': new Uint8Array(1_000_000),
    });
    expect(zip.length).toBeLessThan(100_000);
    expect(await validateTestFile(zip, 'bomb.zip', { maxBytes: 100_000 })).toMatchObject({
      code: 'too-large',
      path: 'evidence/x/big.bin',
    });
  });
});
