// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION, sharingLevels } from './export-format';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/**
 * The golden files of every released format version (tests/fixtures/exports/v<n>/), written by the app of that
 * version and never rewritten: each must keep importing, migrated to the current version (design §5, clock 2).
 */
const root = join(process.cwd(), 'tests/fixtures/exports');
const versions = readdirSync(root)
  .filter((name) => /^v\d+$/.test(name))
  .map((name) => Number(name.slice(1)))
  .sort((a, b) => a - b);

describe('golden export files', () => {
  it('exist for every format version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: EXPORT_FORMAT_VERSION }, (_, i) => i + 1));
  });

  for (const version of versions) {
    const folder = join(root, `v${version}`);
    const files = readdirSync(folder).sort();

    it(`v${version}: one signed file per sharing level at least`, () => {
      for (const level of sharingLevels) expect(files).toContain(`${level}.json`);
    });

    for (const file of files) {
      it(`v${version}/${file} still imports`, async () => {
        const result = await validateTestFile(new Uint8Array(readFileSync(join(folder, file))), file);
        if (!result.ok) throw new Error(`${file}: ${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
        expect(result.migratedFrom).toBe(version === EXPORT_FORMAT_VERSION ? undefined : version);
        const level = sharingLevels.find((l) => file.startsWith(l));
        expect(result.envelope.sharingLevel).toBe(level);
        expect(result.envelope.establishment.finessEj).toMatch(/^\d{9}$/);
        if (!file.includes('unsigned')) expect(result.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);
        if (file.endsWith('.zip')) expect(result.evidenceFileCount).toBe(result.envelope.content.evidence?.length);
      });
    }
  }

  it('v1 files hold what their level allows, and no more', async () => {
    const read = async (file: string) => {
      const result = await validateTestFile(readFileSync(join(root, 'v1', file), 'utf8'), file);
      if (!result.ok) throw new Error(result.code);
      return result.envelope.content;
    };
    const full = await read('full.json');
    const auditor = await read('auditor.json');
    const statistics = await read('statistics.json');
    expect(Object.values(full.answers ?? {}).some((a) => a.comment)).toBe(true);
    expect(full.evidence?.length).toBe(2);
    expect(Object.values(auditor.answers ?? {}).some((a) => a.comment)).toBe(false);
    expect(auditor.evidence).toBeUndefined();
    expect(Object.keys(auditor.answers ?? {})).toEqual(
      Object.keys(full.answers ?? {}).filter((id) => full.answers?.[id]?.response),
    );
    expect(statistics.answers).toBeUndefined();
    expect(statistics.scores).toEqual(full.scores);
  });
});
