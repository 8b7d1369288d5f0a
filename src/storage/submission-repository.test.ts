import { describe, expect, it } from 'vitest';
import { CareDatabase, openCareDatabase } from './care-database';
import { StorageError } from './storage-error';
import {
  clearSubmissions,
  keyStatusOf,
  listSubmissions,
  listTrustedKeys,
  storeSubmission,
  storeSubmissions,
  decideKey,
  type StorableExport,
} from './submission-repository';

const freshName = () => `test-${crypto.randomUUID()}`;
const keyA = { kty: 'EC', crv: 'P-256', x: 'xa', y: 'ya' };
const keyB = { kty: 'EC', crv: 'P-256', x: 'xb', y: 'yb' };

/** A validated file as validateExportFile returns it (only the members storage reads). */
function file(
  options: {
    finessEj?: string;
    finessEg?: string;
    year?: number;
    at?: string;
    key?: 'A' | 'B';
    questionnaire?: string;
  } = {},
): StorableExport {
  const key = options.key === 'A' ? keyA : options.key === 'B' ? keyB : undefined;
  const fingerprint = options.key === 'A' ? 'a'.repeat(64) : options.key === 'B' ? 'b'.repeat(64) : undefined;
  return {
    ok: true,
    fileName: `${options.finessEj ?? '450000278'}-${options.at ?? ''}.json`,
    digest: crypto.randomUUID(),
    ...(fingerprint ? { keyFingerprint: fingerprint } : {}),
    envelope: {
      exportedAt: options.at ?? '2026-10-01T10:00:00.000Z',
      establishment: {
        finessEj: options.finessEj ?? '450000278',
        ...(options.finessEg ? { finessEg: options.finessEg } : {}),
      },
      content: { questionnaire: { id: options.questionnaire ?? 'care' }, campaignYear: options.year ?? 2026 },
      ...(key && fingerprint ? { signature: { publicKeyJwk: key, keyFingerprint: fingerprint } } : {}),
    },
  };
}

describe('storeSubmission', () => {
  it('imports a first file and remembers its key for the FINESS', async () => {
    const db = await openCareDatabase(freshName());
    expect(await storeSubmission(db, file({ key: 'A' }), 5000)).toEqual({
      outcome: 'imported',
      keyChange: 'first-seen',
    });
    const fromDisk = new CareDatabase(db.name);
    const [row] = await listSubmissions(fromDisk);
    expect(row).toMatchObject({
      finess: '450000278',
      questionnaireId: 'care',
      campaignYear: 2026,
      exportedAt: '2026-10-01T10:00:00.000Z',
      importedAt: 5000,
      fileName: '450000278-.json',
    });
    expect(await listTrustedKeys(fromDisk)).toEqual([
      { finess: '450000278', fingerprint: 'a'.repeat(64), publicKeyJwk: keyA, firstSeenAt: 5000 },
    ]);
  });

  it('keeps the newest export of a campaign, whichever comes first, and says so', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmission(db, file({ at: '2026-10-01T10:00:00Z', key: 'A' }));
    expect(await storeSubmission(db, file({ at: '2026-11-01T10:00:00Z', key: 'A' }))).toEqual({
      outcome: 'replaced-older',
      keyChange: 'same',
      previousExportedAt: '2026-10-01T10:00:00Z',
    });
    expect(await storeSubmission(db, file({ at: '2026-09-01T10:00:00Z', key: 'A' }))).toEqual({
      outcome: 'kept-newer',
      keyChange: 'same',
      previousExportedAt: '2026-11-01T10:00:00Z',
    });
    // The same file twice: the stored one stays.
    expect((await storeSubmission(db, file({ at: '2026-11-01T10:00:00Z', key: 'A' }))).outcome).toBe('kept-newer');
    const rows = await listSubmissions(db);
    expect(rows.map((r) => r.exportedAt)).toEqual(['2026-11-01T10:00:00Z']);
  });

  it('compares export times, not their spelling (time zones)', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmission(db, file({ at: '2026-10-01T12:00:00+02:00' }));
    expect((await storeSubmission(db, file({ at: '2026-10-01T11:00:00Z' }))).outcome).toBe('replaced-older');
  });

  it('files campaigns, questionnaires and sites apart', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmissions(db, [
      file({ year: 2025 }),
      file({ year: 2026 }),
      file({ questionnaire: 'hospiconnect' }),
      file({ finessEj: '450000120', finessEg: '450000138' }),
      file({ finessEj: '450000120', finessEg: '450000146' }),
    ]);
    expect((await listSubmissions(db)).map((r) => `${r.finess} ${r.questionnaireId} ${r.campaignYear}`)).toEqual([
      '450000138 care 2026',
      '450000146 care 2026',
      '450000278 care 2025',
      '450000278 care 2026',
      '450000278 hospiconnect 2026',
    ]);
  });

  it('holds back a file signed by another key than the one first seen, and keeps trusting the first', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmission(db, file({ key: 'A', at: '2026-10-01T10:00:00Z' }));
    const changed = await storeSubmission(db, file({ key: 'B', at: '2026-11-01T10:00:00Z' }));
    // Newer, but signed by a key under review: it does not take the place of the file signed by the accepted key.
    expect(changed).toEqual({
      outcome: 'held',
      keyChange: 'changed',
      previousExportedAt: '2026-10-01T10:00:00Z',
      trustedFingerprint: 'a'.repeat(64),
    });
    const [trusted] = await listTrustedKeys(db);
    expect(trusted?.fingerprint).toBe('a'.repeat(64));
    expect(trusted?.pending).toEqual([
      expect.objectContaining({
        fingerprint: 'b'.repeat(64),
        publicKeyJwk: keyB,
        fileNames: ['450000278-2026-11-01T10:00:00Z.json'],
      }),
    ]);
    const [row] = await listSubmissions(db);
    expect(row?.exportedAt).toBe('2026-10-01T10:00:00Z');
    // Once the auditor has checked the new key with the establishment, it becomes the trusted one; the old one stays
    // accepted for the files it signed.
    await decideKey(db, '450000278', 'b'.repeat(64), 'accept');
    const [accepted] = await listTrustedKeys(db);
    expect(accepted).toMatchObject({ fingerprint: 'b'.repeat(64), previous: ['a'.repeat(64)], pending: [] });
    expect(row && keyStatusOf(row, accepted)).toBe('previous');
    const again = await storeSubmission(db, file({ key: 'B', at: '2026-11-01T10:00:00Z' }));
    expect(again).toMatchObject({ outcome: 'replaced-older', keyChange: 'same' });
  });

  it('keeps a refused key out: its files stay held back, and a file of the accepted key takes their place', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmission(db, file({ key: 'A', year: 2025 }));
    // A campaign with nothing accepted yet: the file is stored, out of the consolidation while its key is reviewed.
    expect(await storeSubmission(db, file({ key: 'B', at: '2026-11-01T10:00:00Z' }))).toMatchObject({
      outcome: 'imported',
      keyChange: 'changed',
    });
    await decideKey(db, '450000278', 'b'.repeat(64), 'reject');
    const [kept] = await listTrustedKeys(db);
    expect(kept).toMatchObject({ fingerprint: 'a'.repeat(64), rejected: ['b'.repeat(64)] });
    expect(kept?.pending?.[0]?.rejectedAt).toEqual(expect.any(Number));
    const held = (await listSubmissions(db)).find((r) => r.campaignYear === 2026);
    expect(held && keyStatusOf(held, kept)).toBe('rejected');
    // Older, but signed by the accepted key: it takes the place of the held-back file.
    expect(await storeSubmission(db, file({ key: 'A', at: '2026-10-01T10:00:00Z' }))).toMatchObject({
      outcome: 'replaced-older',
      keyChange: 'same',
    });
    expect(await storeSubmission(db, file({ key: 'B', at: '2026-12-01T10:00:00Z' }))).toMatchObject({
      outcome: 'held',
      keyChange: 'rejected',
    });
  });

  it('says « already imported, identical » for the same file twice, and writes nothing', async () => {
    const db = await openCareDatabase(freshName());
    const same = file({ key: 'A' });
    await storeSubmission(db, same, 1000);
    expect(await storeSubmission(db, same, 2000)).toMatchObject({ outcome: 'identical', keyChange: 'same' });
    const [row] = await listSubmissions(db);
    expect(row?.importedAt).toBe(1000);
    // In one batch too.
    const other = file({ key: 'A', year: 2024 });
    expect((await storeSubmissions(db, [other, other])).map((r) => r.outcome)).toEqual(['imported', 'identical']);
  });

  it('refuses a decision on a key never seen', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmission(db, file({ key: 'A' }));
    await expect(decideKey(db, '450000278', 'c'.repeat(64), 'accept')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('says when a file is unsigned and remembers no key for it', async () => {
    const db = await openCareDatabase(freshName());
    expect(await storeSubmission(db, file())).toEqual({ outcome: 'imported', keyChange: 'unsigned' });
    expect(await listTrustedKeys(db)).toEqual([]);
    const [row] = await listSubmissions(db);
    expect(row && keyStatusOf(row, undefined)).toBe('unsigned');
  });

  it('stores a batch in order, in one transaction: a later file sees an earlier one', async () => {
    const db = await openCareDatabase(freshName());
    const results = await storeSubmissions(db, [
      file({ at: '2026-10-01T10:00:00Z', key: 'A' }),
      file({ at: '2026-11-01T10:00:00Z', key: 'B' }),
    ]);
    expect(results.map((r) => `${r.outcome}/${r.keyChange}`)).toEqual(['imported/first-seen', 'held/changed']);
  });

  it('writes nothing in data opened read-only', async () => {
    const db = await openCareDatabase(freshName());
    db.access = 'read-only';
    await expect(storeSubmission(db, file({ key: 'A' }))).rejects.toBeInstanceOf(StorageError);
    db.access = 'read-write';
    expect(await db.submissions.count()).toBe(0);
    expect(await db.trustedKeys.count()).toBe(0);
  });
});

describe('clearSubmissions', () => {
  it('removes every submission and keeps the keys the auditor has checked', async () => {
    const db = await openCareDatabase(freshName());
    await storeSubmissions(db, [file({ key: 'A' }), file({ year: 2025 })]);
    await clearSubmissions(db);
    expect(await listSubmissions(db)).toEqual([]);
    expect(await listTrustedKeys(db)).toHaveLength(1);
  });
});
