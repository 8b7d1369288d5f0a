// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportEnvelope, sealExport } from '../exchange/build-export';
import { exportFileName, serializeExport } from '../exchange/export-file';
import type { ExportContent } from '../exchange/export-format';
import { anExportInput } from '../testing/exchange/export-test-data';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { groupFingerprint } from '../domain/fingerprint';
import { generateSigningKeyPair, webCryptoSigner } from '../exchange/signing';
import { main } from './main';

const run = promisify(execFile);
let folder: string;
let fingerprint: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'care-verify-'));
  const key = await generateSigningKeyPair();
  fingerprint = key.fingerprint;
  for (const level of ['full', 'auditor', 'statistics'] as const) {
    const envelope = await sealExport(buildExportEnvelope(anExportInput(), level), webCryptoSigner(key));
    writeFileSync(join(folder, exportFileName(envelope)), serializeExport(envelope));
  }
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function folderOf(name: string): string {
  const path = join(folder, name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function verify(args: string[], language = 'fr') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['verify', ...args, '--lang', language], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd: folder,
    env: {},
  });
  return { code, out, err };
}

describe('care-autodiag verify', () => {
  it('prints one OK line per valid file, with the FINESS and the key fingerprint, and exits 0', async () => {
    const files = readdirSync(folder).sort();
    const { code, out, err } = await verify(files);
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    for (const [i, line] of out.entries()) {
      expect(line.startsWith(`OK ${files[i] ?? ''} — FINESS 450000278 · Centre hospitalier`)).toBe(true);
      expect(line).toContain(`clé ${groupFingerprint(fingerprint)}`);
    }
    expect(err).toEqual(['3 fichier(s)\u00a0: 3 valide(s), 0 refusé(s).']);
  });

  it('reads a folder, and names the problem of each refused file; exit 1', async () => {
    const bad = join(folder, 'bad');
    mkdirSync(bad, { recursive: true });
    const [first] = readdirSync(folder).filter((f) => f.endsWith('.json'));
    const bytes = readFileSync(join(folder, first ?? ''));
    const flipped = bytes.toString('utf8').replace('"campaignYear": 2026', '"campaignYear": 2025');
    writeFileSync(join(bad, 'flipped.json'), flipped);
    writeFileSync(join(bad, 'truncated.json'), bytes.subarray(0, 200));
    writeFileSync(join(bad, 'notes.txt'), 'not an export, not looked at');
    const { code, out } = await verify(['bad'], 'en');
    expect(code).toBe(1);
    // The sentences are the app's own (exchange.errors), followed by the technical detail when there is one.
    const flippedFile = join('bad', 'flipped.json');
    const truncatedFile = join('bad', 'truncated.json');
    expect(out).toEqual([
      `REFUSED ${flippedFile} — digest-mismatch: The content of the file “${flippedFile}” no longer matches its digest: it was changed after export. Ask the establishment for the original file.`,
      expect.stringMatching(
        new RegExp(
          `^REFUSED ${truncatedFile} — not-json: The file “${truncatedFile}” is not a readable JSON file \\(truncated or damaged\\?\\)\\. Ask the establishment to send it again\\. \\(detail: .+\\)$`,
        ),
      ),
    ]);
    rmSync(bad, { recursive: true });
  });

  it('refuses a missing file, an unsigned file when signatures are required, and prints JSON lines on request', async () => {
    const unsigned = await sealExport(buildExportEnvelope(anExportInput(), 'statistics'));
    writeFileSync(join(folder, 'unsigned.json.tmp'), serializeExport(unsigned));
    const missing = await verify(['nowhere.json']);
    expect(missing.code).toBe(1);
    expect(missing.out[0]).toMatch(/^REFUSÉ nowhere\.json — /);
    const required = await verify(['unsigned.json.tmp', '--require-signature', '--json']);
    expect(required.code).toBe(1);
    expect(JSON.parse(required.out[0] ?? '')).toMatchObject({ file: 'unsigned.json.tmp', ok: false, code: 'unsigned' });
    rmSync(join(folder, 'unsigned.json.tmp'));
  });

  it('refuses files re-sealed and re-signed over a lie, naming the field and what to do; writes nothing', async () => {
    const key = await generateSigningKeyPair();
    const lies = folderOf('lies');
    const lie = async (name: string, change: (raw: Record<string, unknown> & { content: ExportContent }) => void) => {
      const raw = JSON.parse(JSON.stringify(buildExportEnvelope(anExportInput(), 'auditor'))) as Record<
        string,
        unknown
      > & { content: ExportContent };
      change(raw);
      writeFileSync(join(lies, name), JSON.stringify(await sealRaw(raw, webCryptoSigner(key)), null, 2));
    };
    await lie('score.json', (raw) => {
      raw.content.scores.overall.score = 100;
    });
    await lie('future.json', (raw) => {
      raw.exportedAt = '2099-01-01T00:00:00.000Z';
      raw.content.scores.asOf = '2099-01-01';
    });
    await lie('item.json', (raw) => {
      (raw.content.answers ?? {})['care.gov.99'] = { response: { kind: 'status', value: 'yes' } };
    });
    const before = readdirSync(lies).sort();
    const { code, out } = await verify(['lies', '--json'], 'en');
    expect(code).toBe(1);
    expect(out.map((line) => JSON.parse(line) as { file: string; code: string; path: string })).toEqual([
      expect.objectContaining({ file: join('lies', 'future.json'), code: 'future-date', path: 'exportedAt' }),
      expect.objectContaining({
        file: join('lies', 'item.json'),
        code: 'unknown-item',
        path: 'content.answers["care.gov.99"]',
      }),
      expect.objectContaining({
        file: join('lies', 'score.json'),
        code: 'figure-mismatch',
        path: 'content.scores.overall.score',
      }),
    ]);
    const french = await verify([join('lies', 'score.json')]);
    expect(french.out[0]).toContain('figure-mismatch');
    expect(french.out[0]).toContain('content.scores.overall.score');
    expect(french.out[0]).toContain('Demandez à l’établissement de refaire l’export');
    expect(french.out[0]).toContain('the file says 100, its content gives');
    expect(readdirSync(lies).sort()).toEqual(before);
    rmSync(lies, { recursive: true });
  });

  it('refuses a file larger than --max-bytes without reading it', async () => {
    const [first] = readdirSync(folder);
    const { code, out } = await verify([first ?? '', '--max-bytes', '100']);
    expect(code).toBe(1);
    expect(out[0]).toContain('too-large');
  });

  it('explains its usage with exit code 2', async () => {
    expect((await verify([])).code).toBe(2);
    expect((await verify(['--no-such-option', 'x'])).code).toBe(2);
    const help: string[] = [];
    expect(
      await main(['--help'], { out: (l) => help.push(l), err: () => undefined, env: { LANG: 'en_GB.UTF-8' } }),
    ).toBe(0);
    expect(help.join('\n')).toContain('verify');
    expect(await main(['nonsense'], { out: () => undefined, err: () => undefined, env: {} })).toBe(2);
  });
});

describe('from a shell, after npm install', () => {
  it('`npm run generate:exports` writes valid signed files and `npx care-autodiag verify` accepts them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'care-generated-'));
    try {
      await run('npm', ['run', '--silent', 'generate:exports', '--', '--count', '4', '--out', out, '--seed', '7']);
      const files = readdirSync(out);
      expect(files).toHaveLength(4);
      const verified = await run('npx', ['--offline', 'care-autodiag', 'verify', out]);
      expect(verified.stdout.trim().split('\n')).toHaveLength(4);
      expect(verified.stdout).not.toContain('REFUS');
      // One changed byte: exit 1, and the line names the file and the problem.
      const target = join(out, files[0] ?? '');
      const text = readFileSync(target, 'utf8');
      writeFileSync(target, text.replace('"formatVersion": 2', '"formatVersion": 3'));
      const failed = await run('npx', ['--offline', 'care-autodiag', 'verify', out]).then(
        () => ({ code: 0, stdout: '' }),
        (error: unknown) => error as { code: number; stdout: string },
      );
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(`REFUSÉ ${join(out, files[0] ?? '')} — newer-format`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
