// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupFingerprint } from '../domain/fingerprint';
import { readKnownKeys, writeKnownKeys } from '../domain/trust/known-keys-file';
import { buildExportEnvelope, sealExport } from '../exchange/build-export';
import { serializeExport } from '../exchange/export-file';
import { generateSigningKeyPair, webCryptoSigner } from '../exchange/signing';
import { anEstablishment, anExportInput } from '../testing/exchange/export-test-data';
import { main } from './main';

let folder: string;
let firstKey: string;
let secondKey: string;

/** One establishment's file signed by its first key (old/), then a newer one signed by another key (new/). */
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'care-known-keys-'));
  mkdirSync(join(folder, 'old'));
  mkdirSync(join(folder, 'new'));
  const first = await generateSigningKeyPair();
  const second = await generateSigningKeyPair();
  firstKey = first.fingerprint;
  secondKey = second.fingerprint;
  const make = (exportedAt: string) =>
    buildExportEnvelope(
      anExportInput({ establishment: anEstablishment({ finessEj: '450000278' }), exportedAt }),
      'auditor',
    );
  const old = await sealExport(make('2026-11-20T10:00:00.000Z'), webCryptoSigner(first));
  const renewed = await sealExport(make('2026-11-22T10:00:00.000Z'), webCryptoSigner(second));
  writeFileSync(join(folder, 'old', 'montargis.json'), serializeExport(old));
  writeFileSync(join(folder, 'new', 'montargis.json'), serializeExport(renewed));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function cli(args: string[], language = 'fr') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--lang', language], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd: folder,
    env: {},
  });
  return { code, out, err };
}

const keysFile = () => readKnownKeys(readFileSync(join(folder, 'keys.json'), 'utf8'));

describe('the known-keys file of verify and consolidate', () => {
  it('remembers the first key of a FINESS, then flags a file signed by another one', async () => {
    rmSync(join(folder, 'keys.json'), { force: true });
    const first = await cli(['verify', 'old', '--known-keys', 'keys.json']);
    expect(first.code).toBe(0);
    expect(first.err).toContain('clés connues\u00a0: 1 clé(s) nouvelle(s) enregistrée(s) dans keys.json.');
    const read = keysFile();
    expect(read.ok && read.keys.get('450000278')?.fingerprint).toBe(firstKey);

    const second = await cli(['verify', 'new', '--known-keys', 'keys.json']);
    expect(second.code).toBe(0);
    expect(second.out[0]).toContain(
      `clé différente de celle connue pour ce FINESS (${groupFingerprint(firstKey)})\u00a0: vérifiez-la avec l’établissement`,
    );
    // The changed key is not written over the known one.
    const after = keysFile();
    expect(after.ok && after.keys.get('450000278')?.fingerprint).toBe(firstKey);
  });

  it('consolidate keeps a changed key with a warning, or leaves it out with --refuse-changed-keys', async () => {
    writeFileSync(
      join(folder, 'keys.json'),
      writeKnownKeys([{ finess: '450000278', fingerprint: firstKey, firstSeenAt: '2026-11-01T00:00:00.000Z' }]),
    );
    const kept = await cli(['consolidate', 'new', '--csv', 'out.csv', '--known-keys', 'keys.json']);
    expect(kept.code).toBe(0);
    expect(kept.out.join('\n')).toContain(`CLÉ CHANGÉE new/montargis.json — FINESS 450000278`);
    expect(kept.out.join('\n')).toMatch(/1 retenu\(s\)/);

    const refused = await cli([
      'consolidate',
      'new',
      '--csv',
      'out.csv',
      '--known-keys',
      'keys.json',
      '--refuse-changed-keys',
    ]);
    expect(refused.code).toBe(0);
    expect(refused.out[0]).toMatch(
      /^REFUSÉ new\/montargis\.json — FINESS 450000278\u00a0: signé par une clé différente/,
    );
    expect(refused.out.join('\n')).toMatch(/0 retenu\(s\), 0 remplacé\(s\) .*, 1 refusé\(s\)/);
  });

  it('always leaves out a file signed by a refused key, and names it against the expected list', async () => {
    writeFileSync(
      join(folder, 'keys.json'),
      writeKnownKeys([
        {
          finess: '450000278',
          fingerprint: firstKey,
          firstSeenAt: '2026-11-01T00:00:00.000Z',
          rejected: [secondKey],
        },
      ]),
    );
    writeFileSync(join(folder, 'attendus.csv'), 'finess\n450000278\n');
    const { code, out } = await cli(
      ['consolidate', 'new', '--csv', 'out.csv', '--known-keys', 'keys.json', '--expected', 'attendus.csv'],
      'en',
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^REFUSED new\/montargis\.json — FINESS 450000278: signed by a refused key/);
    expect(out).toContain(
      `  expected 450000278: file refused (signed by a refused key (${groupFingerprint(secondKey)}); if it is genuine, remove it from "rejected" in the known-keys file)`,
    );
  });

  it('refuses a known-keys file with a wrong field, naming the file and the field, and writes nothing', async () => {
    const broken = writeKnownKeys([
      { finess: '450000278', fingerprint: firstKey, firstSeenAt: '2026-11-01T00:00:00.000Z' },
    ]).replace(firstKey, 'ABC');
    writeFileSync(join(folder, 'keys.json'), broken);
    const { code, err } = await cli(['verify', 'old', '--known-keys', 'keys.json']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^fichier des clés connues keys\.json refusé, champ keys\[0\]\.fingerprint\u00a0: /);
    expect(readFileSync(join(folder, 'keys.json'), 'utf8')).toBe(broken);
  });
});

describe('readKnownKeys', () => {
  const valid = { finess: '450000278', fingerprint: 'a'.repeat(64), firstSeenAt: '2026-11-01T00:00:00.000Z' };
  const file = (keys: unknown[], extra: object = {}) =>
    JSON.stringify({ format: 'care-autodiag/known-keys', formatVersion: 1, keys, ...extra });

  it('reads what writeKnownKeys writes', () => {
    const read = readKnownKeys(writeKnownKeys([{ ...valid, previous: ['b'.repeat(64)], rejected: ['c'.repeat(64)] }]));
    expect(read).toEqual({
      ok: true,
      keys: new Map([['450000278', { ...valid, previous: ['b'.repeat(64)], rejected: ['c'.repeat(64)] }]]),
    });
  });

  it.each([
    ['an unknown member', file([{ ...valid, trusted: true }]), 'keys[0]'],
    ['a FINESS twice', file([valid, valid]), 'keys[1].finess'],
    ['a bad FINESS', file([{ ...valid, finess: '45' }]), 'keys[0].finess'],
    ['a bad date', file([{ ...valid, firstSeenAt: 'hier' }]), 'keys[0].firstSeenAt'],
    ['a refused key in capitals', file([{ ...valid, rejected: ['A'.repeat(64)] }]), 'keys[0].rejected[0]'],
    ['another format', file([], { format: 'other' }), 'format'],
    ['a member twice', '{"format":"care-autodiag/known-keys","format":"x","formatVersion":1,"keys":[]}', 'format'],
  ])('refuses %s, naming %s', (_, text, path) => {
    const read = readKnownKeys(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.path).toBe(path);
  });
});
