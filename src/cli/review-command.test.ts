// @vitest-environment node
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSubmissionOf } from '../exchange/build-review';
import { exportEnvelopeSchema } from '../exchange/export-format';
import { validateReviewFile } from '../exchange/validate-review';
import { main } from './main';
import { questionnaireFiles } from './questionnaire-files';
import { readMarksCsv } from './review-command';

/** `care-autodiag review` (issue 18): the auditor's marks from a spreadsheet, written as a signed review file. */
let folder: string;
const exportFile = 'autodiag-care_450000138_care_2026_auditor.json';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'care-review-'));
  copyFileSync(join(process.cwd(), 'tests/fixtures/exports/v2/auditor.json'), join(folder, exportFile));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function review(csv: string, extra: string[] = [], out = 'avis.json') {
  writeFileSync(join(folder, 'avis.csv'), csv);
  const lines: string[] = [];
  const err: string[] = [];
  const code = await main(
    [
      'review',
      exportFile,
      '--from',
      'avis.csv',
      '--out',
      out,
      '--reviewer',
      'Claire Martin',
      '--organisation',
      'ARS Centre-Val de Loire',
      '--outcome',
      'to-complete',
      '--reliance',
      'moderate',
      '--reason',
      'La PSSI est à faire signer.',
      ...extra,
      '--lang',
      'fr',
    ],
    { out: (line) => lines.push(line), err: (line) => err.push(line), cwd: folder, env: {} },
  );
  return { code, out: lines, err };
}

const submission = () =>
  reviewSubmissionOf(exportEnvelopeSchema.parse(JSON.parse(readFileSync(join(folder, exportFile), 'utf8'))));

describe('care-autodiag review', () => {
  it('writes a signed review that answers the export, its marks in the questionnaire’s order, with a new key', async () => {
    const csv =
      'question;statut;commentaire\ncare.gov.02;À compléter;Joindre la PSSI signée.\ncare.gov.01; acceptée ;\n';
    const { code, out, err } = await review(csv);
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^OK avis\.json — avis écrit\u00a0: 2 question\(s\) marquée\(s\), Autodiagnostic à compléter/,
    );
    expect(err[0]).toContain('avis.json.key.jwk');
    const checked = await validateReviewFile(readFileSync(join(folder, 'avis.json')), 'avis.json', {
      questionnaires: questionnaireFiles(),
      submissions: [submission()],
      requireSignature: true,
    });
    if (!checked.ok) throw new Error(checked.code);
    expect(checked.envelope.items).toEqual([
      { itemId: 'care.gov.01', status: 'accepted' },
      { itemId: 'care.gov.02', status: 'to-complete', comment: 'Joindre la PSSI signée.' },
    ]);
    expect(checked.envelope.opinion).toEqual({
      outcome: 'to-complete',
      reliance: 'moderate',
      reason: 'La PSSI est à faire signer.',
    });

    // The next review, signed with the key kept: the same fingerprint.
    const again = await review('care.gov.03,refused,\n', ['--key', 'avis.json.key.jwk'], 'avis-2.json');
    expect(again.code).toBe(0);
    const second = await validateReviewFile(readFileSync(join(folder, 'avis-2.json')), 'avis-2.json', {
      questionnaires: questionnaireFiles(),
    });
    expect(second.ok && second.keyFingerprint).toBe(checked.keyFingerprint);
  });

  it('refuses an unknown item or status, or an item marked twice, with its line, and writes nothing', async () => {
    for (const [csv, reason] of [
      ['care.gov.01;acceptée\ncare.gov.99;refusée\n', 'ligne 2\u00a0: cette question n’existe pas'],
      ['care.gov.01;peut-être\n', 'ligne 1\u00a0: statut inconnu'],
      ['care.gov.01;acceptée\ncare.gov.01;refusée\n', 'ligne 2\u00a0: cette question est déjà marquée'],
    ] as const) {
      const { code, out } = await review(csv, [], 'refus.json');
      expect(code).toBe(1);
      expect(out[0]).toContain(reason);
      expect(existsSync(join(folder, 'refus.json'))).toBe(false);
    }
  });

  it('refuses a submission that is not a valid export, and a wrong command line', async () => {
    writeFileSync(join(folder, 'faux.json'), '{"format":"care-autodiag/export","formatVersion":2}');
    const lines: string[] = [];
    const code = await main(
      ['review', 'faux.json', '--from', 'avis.csv', '--out', 'x.json', '--reviewer', 'A', '--organisation', 'B'],
      { out: (line) => lines.push(line), err: (line) => lines.push(line), cwd: folder, env: {} },
    );
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('usage');
  });

  it('reads English and French statuses, a comma or a semicolon, and skips a line of headings', () => {
    const order = ['care.gov.01', 'care.gov.02', 'care.gov.03'];
    expect(
      readMarksCsv('item,status,comment\ncare.gov.03,Refused,"Non, pas vu"\ncare.gov.01,ACCEPTED,', order),
    ).toEqual({
      ok: true,
      items: [
        { itemId: 'care.gov.01', status: 'accepted' },
        { itemId: 'care.gov.03', status: 'refused', comment: 'Non, pas vu' },
      ],
    });
    expect(readMarksCsv('care.gov.02;A COMPLETER;x', order)).toMatchObject({
      ok: true,
      items: [{ itemId: 'care.gov.02', status: 'to-complete' }],
    });
  });
});

describe('care-autodiag verify, given review files', () => {
  it('checks a review file, and with --submission that it answers that export', async () => {
    const written = await review('care.gov.01;acceptée\n', [], 'avis-verifie.json');
    expect(written.code).toBe(0);
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['verify', ...args, '--lang', 'fr'], {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        cwd: folder,
        env: {},
      });
      return { code, out };
    };
    const alone = await run(['avis-verifie.json']);
    expect(alone.code).toBe(0);
    expect(alone.out[0]).toMatch(
      /^OK avis-verifie\.json — avis de Claire Martin \(ARS Centre-Val de Loire\) · FINESS 450000138 · care 2026\.1 · .* · 1 question marquée · clé /,
    );
    expect((await run(['--submission', exportFile, 'avis-verifie.json'])).code).toBe(0);

    // Another export: the review does not answer it.
    copyFileSync(join(process.cwd(), 'tests/fixtures/exports/v2/full.json'), join(folder, 'autre.json'));
    const other = await run(['--submission', 'autre.json', 'avis-verifie.json']);
    expect(other.code).toBe(1);
    expect(other.out[0]).toContain('avis-verifie.json');
    expect(other.out[0]).toContain('unknown-submission');

    // A changed byte: refused by its digest.
    const text = readFileSync(join(folder, 'avis-verifie.json'), 'utf8');
    writeFileSync(join(folder, 'avis-modifie.json'), text.replace('Claire Martin', 'Claire Marti'));
    const tampered = await run(['avis-modifie.json']);
    expect(tampered.code).toBe(1);
    expect(tampered.out[0]).toContain('digest-mismatch');
  });
});
