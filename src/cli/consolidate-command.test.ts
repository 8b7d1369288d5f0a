// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../domain/consolidation/consolidate';
import { consolidatedCsvTable, parseCsv, serializeCsv } from '../domain/consolidation/consolidated-csv';
import { contentLookup } from '../domain/questionnaire/content-lookup';
import { consolidatedCsvLabels } from '../texts/consolidated-csv-labels';
import { createTranslator } from '../texts/translator';
import { buildExportEnvelope, sealExport } from '../exchange/build-export';
import { exportFileName, serializeExport } from '../exchange/export-file';
import type { ExportContent, ExportEnvelope } from '../exchange/export-format';
import { anEstablishment, anExportInput } from '../testing/exchange/export-test-data';
import { generateSigningKeyPair, webCryptoSigner } from '../exchange/signing';
import { sealRaw } from '../testing/exchange/hostile-test-data';
import { pdfPages, squeeze } from '../testing/report/pdf/pdf-test-tools';
import { main } from './main';
import { defaultThreadCount } from './validation-pool';

let folder: string;
const envelopes: ExportEnvelope[] = [];

/** Three establishments, one of them exported twice (the later export must win), and a tampered file. */
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'care-consolidate-'));
  mkdirSync(join(folder, 'exports', 'sub'), { recursive: true });
  const signer = webCryptoSigner(await generateSigningKeyPair());
  const make = async (finessEj: string, name: string, exportedAt: string) => {
    const input = anExportInput({ establishment: anEstablishment({ finessEj, name }), exportedAt });
    return sealExport(buildExportEnvelope(input, 'auditor'), signer);
  };
  envelopes.push(
    await make('450000278', 'CH de Montargis', '2026-11-20T10:00:00.000Z'),
    await make('450000278', 'CH de Montargis (mis à jour)', '2026-11-22T10:00:00.000Z'),
    await make('450000120', 'CHU de Val-de-Loire', '2026-11-21T10:00:00.000Z'),
  );
  envelopes.forEach((envelope, i) =>
    writeFileSync(
      join(folder, 'exports', i === 2 ? 'sub' : '', `${i}-${exportFileName(envelope)}`),
      serializeExport(envelope),
    ),
  );
  const tampered = serializeExport(envelopes[2] as ExportEnvelope).replace('CHU de Val-de-Loire', 'CHU modifié');
  writeFileSync(join(folder, 'tampered.json'), tampered);
  // The only file of an expected establishment, altered after it was sealed: refused, and named in the CSV.
  const bourg = await make('010780914', 'CH de Bourg', '2026-11-21T10:00:00.000Z');
  writeFileSync(join(folder, 'bourg.json'), serializeExport(bourg).replace('CH de Bourg', 'CH de Bourg-en-Bresse'));
  writeFileSync(
    join(folder, 'attendus.csv'),
    '\uFEFFN° FINESS;Raison sociale;Département\n450000278;CH de Montargis;45\n010780914;CH de Bourg;01\n',
  );
  writeFileSync(join(folder, 'sans-finess.csv'), 'nom;ght\nCH;GHT\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function consolidateCli(args: string[], language = 'fr') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['consolidate', ...args, '--lang', language], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd: folder,
    env: {},
  });
  return { code, out, err };
}

describe('care-autodiag consolidate', () => {
  it('folds a folder and files into the consolidated CSV, lists the rejected files, exits 0', async () => {
    const { code, out } = await consolidateCli([
      'exports',
      'tampered.json',
      'bourg.json',
      '--csv',
      'region.csv',
      '--expected',
      'attendus.csv',
    ]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^REFUSÉ bourg\.json — digest-mismatch: /);
    expect(out[1]).toMatch(
      /^REFUSÉ tampered\.json — digest-mismatch: Le contenu du fichier «\u00a0tampered\.json\u00a0» ne correspond plus à son empreinte/,
    );
    expect(out[2]).toMatch(
      /^5 fichier\(s\) lu\(s\) en [\d,]+ s\u00a0: 2 retenu\(s\), 1 remplacé\(s\) .*, 2 refusé\(s\)\.$/,
    );
    expect(out).toContain('  care 2026\u00a0: 2 établissement(s), score global médian 49,8');
    expect(out).toContain(
      'attendus\u00a0: 2, dont 1 avec au moins un fichier\u00a0; 1 manquant(s), 1 fichier(s) hors liste.',
    );
    expect(out).toContainEqual(expect.stringMatching(/^ {2}attendu 010780914\u00a0: fichier refusé \(.*bourg\.json/));
    expect(out.at(-1)).toBe(`écrit\u00a0: ${join(folder, 'region.csv')}`);

    // French column names and values by default, for Excel (issue 16); the refused file named in the last column.
    const [header, ...records] = parseCsv(readFileSync(join(folder, 'region.csv'), 'utf8'));
    expect(header?.slice(0, 4)).toEqual(['Statut', 'FINESS juridique', 'FINESS géographique', 'Établissement']);
    expect(header?.at(-1)).toBe('Fichier refusé (raison)');
    expect(records.map((r) => [...r.slice(0, 4), r[4]])).toEqual([
      ['hors liste', '450000120', '', 'CHU de Val-de-Loire', 'Centre hospitalier (CH)'],
      ['soumis', '450000278', '', 'CH de Montargis (mis à jour)', 'Centre hospitalier (CH)'],
      ['fichier refusé', '010780914', '', 'CH de Bourg', ''],
    ]);
    expect(records[2]?.at(-1)).toMatch(
      /^Le contenu du fichier «\u00a0bourg\.json\u00a0» .* \(FINESS lu dans le fichier refusé/,
    );

    // The stable codes on request.
    expect((await consolidateCli(['exports', 'bourg.json', '--csv', 'codes.csv', '--columns', 'codes'])).code).toBe(0);
    const [codes, ...coded] = parseCsv(readFileSync(join(folder, 'codes.csv'), 'utf8'));
    expect(codes?.slice(0, 4)).toEqual(['statut', 'finess_ej', 'finess_eg', 'nom']);
    expect(codes?.slice(-2)).toEqual(['chiffres', 'refus']);
    expect(coded.map((r) => r[0])).toEqual(['soumis', 'soumis']);
  });

  it('leaves out a file re-sealed and re-signed over a raised score, and says why', async () => {
    const raw = JSON.parse(JSON.stringify(buildExportEnvelope(anExportInput(), 'auditor'))) as Record<
      string,
      unknown
    > & { content: ExportContent };
    raw.content.scores.overall.score = 100;
    const signer = webCryptoSigner(await generateSigningKeyPair());
    writeFileSync(join(folder, 'raised.json'), JSON.stringify(await sealRaw(raw, signer), null, 2));
    const { code, out } = await consolidateCli(['exports', 'raised.json', '--csv', 'raised.csv'], 'en');
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^REFUSED raised\.json — figure-mismatch: In the file “raised\.json”, the figure content\.scores\.overall\.score does not match/,
    );
    // The median is that of the two honest establishments, as without the file.
    expect(out).toContain('  care 2026: 2 establishment(s), median overall score 49.8');
  });

  it('writes the same CSV as the app for the same files, in codes and in words', async () => {
    await consolidateCli(['exports', '--csv', 'same.csv', '--columns', 'codes']);
    const { rows } = consolidate(envelopes);
    expect(readFileSync(join(folder, 'same.csv'), 'utf8')).toBe(serializeCsv(consolidatedCsvTable(rows)));
    await consolidateCli(['exports', '--csv', 'same-labels.csv'], 'en');
    const questionnaires = [anExportInput().questionnaire];
    const labels = consolidatedCsvLabels(createTranslator('en'), contentLookup(questionnaires, 'en'), ['care']);
    expect(readFileSync(join(folder, 'same-labels.csv'), 'utf8')).toBe(
      serializeCsv(consolidatedCsvTable(rows, { labels })),
    );
  });

  it('gives the same lines and the same CSV with its files validated on several threads', async () => {
    const args = ['exports', 'tampered.json', 'bourg.json', '--expected', 'attendus.csv'];
    const one = await consolidateCli([...args, '--csv', 'one.csv', '--threads', '1']);
    const two = await consolidateCli([...args, '--csv', 'two.csv', '--threads', '2']);
    expect(two.code).toBe(0);
    // The duration differs from run to run; every other line is the same.
    const stable = (lines: string[]) => lines.map((line) => line.replace(/en [\d,]+ s/, 'en … s')).slice(0, -1);
    expect(stable(two.out)).toEqual(stable(one.out));
    expect(two.out[2]).toMatch(/^5 fichier\(s\) lu\(s\) .* 2 retenu\(s\), 1 remplacé\(s\) .*, 2 refusé\(s\)\.$/);
    expect(readFileSync(join(folder, 'two.csv'), 'utf8')).toBe(readFileSync(join(folder, 'one.csv'), 'utf8'));
    // Each thread loads the validation code through tsx before its first file: seconds on a loaded machine.
  }, 60_000);

  it('validates on threads by default only where cores are left over', () => {
    expect(defaultThreadCount(1000, 2)).toBe(1);
    expect(defaultThreadCount(1000, 8)).toBe(4);
    expect(defaultThreadCount(250, 8)).toBe(2);
    expect(defaultThreadCount(50, 8)).toBe(1);
  });

  it('refuses a wrong command line with exit code 2', async () => {
    expect((await consolidateCli([])).code).toBe(2);
    expect((await consolidateCli(['exports'])).err[0]).toBe('indiquez au moins un fichier de sortie.');
    expect((await consolidateCli(['exports', '--csv', 'x.csv', '--bogus'])).code).toBe(2);
    const columns = await consolidateCli(['exports', '--csv', 'x.csv', '--columns', 'noms'], 'en');
    expect(columns.code).toBe(2);
    expect(columns.err[0]).toBe(
      '--columns: “noms” is not recognised; choose labels (columns in words, the default) or codes (stable codes).',
    );
    const missing = await consolidateCli(['nowhere', '--csv', 'x.csv'], 'en');
    expect(missing).toMatchObject({ code: 2, err: ['not found: nowhere'] });
    expect((await consolidateCli(['exports', '--csv', 'x.csv', '--expected', 'sans-finess.csv'])).code).toBe(2);
    expect((await consolidateCli(['exports', '--csv', 'x.csv', '--expected', 'absent.csv'])).code).toBe(2);
  });

  it('exits 1 when an output cannot be written', async () => {
    const { code, err } = await consolidateCli(['exports', '--csv', join('no-such-folder', 'x.csv')], 'en');
    expect(code).toBe(1);
    expect(err.at(-1)).toMatch(/^cannot write .*x\.csv: /);
  });
});

describe('care-autodiag consolidate --pdf', () => {
  it('writes the regional PDF from the finished consolidation', async () => {
    const { code, out } = await consolidateCli(['exports', '--pdf', 'region.pdf', '--expected', 'attendus.csv']);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(`écrit\u00a0: ${join(folder, 'region.pdf')}`);
    const pages = pdfPages(join(folder, 'region.pdf'));
    expect(pages[0]).toMatch(/page 1 \/ \d+/);
    const text = squeeze(pages.join('\n'));
    expect(text).toContain(squeeze('Synthèse régionale de l’autodiagnostic'));
    for (const finess of ['450000278', '450000120', '010780914']) expect(text).toContain(finess);
    expect(text).toContain(squeeze('CH de Montargis (mis à jour)'));
  });
});
