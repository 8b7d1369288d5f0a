// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION } from './export-format';
import { migrateToCurrent, migrations, type ExportMigration } from './migrations';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/** Fake versions 1 → 2 → 3, to test the mechanism before the first real migration exists. */
const chain: ExportMigration[] = [
  // Listed out of order on purpose: the chain is applied by version, not by position.
  {
    from: 2,
    name: 'rename-app-to-producer',
    migrate: ({ app, ...rest }) => ({ ...rest, producer: app, formatVersion: 3 }),
  },
  {
    from: 1,
    name: 'add-region',
    migrate: (raw) => ({ ...raw, region: 'unknown', formatVersion: 2 }),
  },
];

describe('migrateToCurrent', () => {
  it('applies every step in version order, purely', () => {
    const raw = Object.freeze({ formatVersion: 1, app: { name: 'x' }, integrity: { digest: 'd' } });
    const result = migrateToCurrent(raw, 1, chain, 3);
    expect(result).toEqual({
      ok: true,
      value: { formatVersion: 3, producer: { name: 'x' }, region: 'unknown', integrity: { digest: 'd' } },
      applied: ['add-region', 'rename-app-to-producer'],
    });
    expect(raw).toEqual({ formatVersion: 1, app: { name: 'x' }, integrity: { digest: 'd' } });
  });

  it('starts from the file’s own version', () => {
    const result = migrateToCurrent({ formatVersion: 2, app: 'a' }, 2, chain, 3);
    expect(result.ok && result.applied).toEqual(['rename-app-to-producer']);
  });

  it('leaves a current file alone', () => {
    expect(migrateToCurrent({ formatVersion: 3 }, 3, chain, 3)).toEqual({
      ok: true,
      value: { formatVersion: 3 },
      applied: [],
    });
  });

  it('refuses a newer version and a gap in the chain', () => {
    expect(migrateToCurrent({}, 4, chain, 3)).toEqual({ ok: false, reason: 'newer-format' });
    expect(migrateToCurrent({}, 1, chain.slice(0, 1), 3)).toEqual({
      ok: false,
      reason: 'no-migration',
      missingFrom: 1,
    });
  });

  it('refuses a migration that does not write the next version', () => {
    const wrong: ExportMigration[] = [{ from: 1, name: 'forgets-version', migrate: (raw) => ({ ...raw }) }];
    expect(migrateToCurrent({ formatVersion: 1 }, 1, wrong, 2)).toMatchObject({ ok: false, missingFrom: 1 });
  });
});

describe('the shipped chain', () => {
  it('has one named migration per version below the current one, and none above', () => {
    const froms = migrations.map((m) => m.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: EXPORT_FORMAT_VERSION - 1 }, (_, i) => i + 1));
    for (const m of migrations) expect(m.name).toMatch(/^[a-z0-9-]+$/);
  });

  it('makes import refuse a newer format', async () => {
    const newer = { format: 'care-autodiag/export', formatVersion: EXPORT_FORMAT_VERSION + 1 };
    expect(await validateTestFile(JSON.stringify(newer), 'newer.json')).toMatchObject({
      code: 'newer-format',
      path: 'formatVersion',
    });
  });
});
