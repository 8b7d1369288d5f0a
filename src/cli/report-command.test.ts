// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { newestMapping } from './mapping-files';

const fixtures = new URL('../../tests/fixtures/exports/v1/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'care-report-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function report(args: string[], language = 'fr') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['report', ...args, '--lang', language], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd: folder,
    env: {},
  });
  return { code, out, err };
}

describe('care-autodiag report', () => {
  it('prints the PDF and the CSVs of a full export file', async () => {
    const full = JSON.parse(readFileSync(join(fixtures, 'full.json'), 'utf8')) as {
      establishment: { name: string };
      content: { answers: Record<string, { comment?: string }> };
    };
    const { code, out, err } = await report([
      join(fixtures, 'full.json'),
      '--out',
      'r.pdf',
      '--csv',
      '.',
      '--author',
      'RSSI',
    ]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^rapport écrit\u00a0: r\.pdf \(\d+ pages, \d+ octets\)$/);
    // The five exports and the coverage of the default framework (the hygiene guide: the file holds no NIS2 status).
    expect(out.filter((l) => l.startsWith('CSV écrit'))).toHaveLength(6);
    expect(err.join('\n')).toContain('commentaire(s)');
    const text = execFileSync('pdftotext', ['-raw', join(folder, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain(full.establishment.name.replace(/\s+/g, ''));
    for (const [id, answer] of Object.entries(full.content.answers)) {
      expect(text).toContain(id);
      if (answer.comment) expect(text).toContain(answer.comment.replace(/\s+/g, ''));
    }
  }, 30_000);

  it('says what a statistics-level file leaves out', async () => {
    const { code } = await report([join(fixtures, 'statistics.json'), '--out', 's.pdf'], 'en');
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', join(folder, 's.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Left out by the sharing level of the file:');
    expect(text).toContain('the answers');
  }, 30_000);

  it('refuses a tampered file and writes nothing', async () => {
    const tampered = readFileSync(join(fixtures, 'full.json'), 'utf8').replace(
      '"campaignYear": 2026',
      '"campaignYear": 2025',
    );
    writeFileSync(join(folder, 'bad.json'), tampered);
    const { code, err } = await report(['bad.json', '--out', 'bad.pdf']);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^REFUSÉ bad\.json — /);
    expect(existsSync(join(folder, 'bad.pdf'))).toBe(false);
  });

  it('asks for --out', async () => {
    const { code, err } = await report([join(fixtures, 'full.json')]);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('usage');
  });

  it('prints the annex of the framework asked and its coverage CSV, saying which mapping version it read', async () => {
    const recyf = await newestMapping('recyf');
    if (!recyf) throw new Error('ReCyF mapping not shipped');
    const essential = recyf.measures.filter((m) => m.entities?.includes('EE'));
    mkdirSync(join(folder, 'recyf'));
    const { code, out } = await report([
      join(fixtures, 'full.json'),
      '--out',
      'recyf.pdf',
      '--csv',
      'recyf',
      '--framework',
      'recyf',
      '--nis2-status',
      'essential',
    ]);
    expect(code).toBe(0);
    const written = out.filter((l) => l.startsWith('CSV écrit'));
    expect(written).toHaveLength(6);
    const coverageCsv = readFileSync(
      join(folder, 'recyf', 'chu-de-val-de-loire-450000138-care-2026-frameworks.csv'),
      'utf8',
    );
    const rows = coverageCsv
      .slice(1)
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(rows[0]).toEqual([
      'Référentiel',
      'Version de la correspondance',
      'Mesure',
      'Intitulé',
      'EE / EI',
      'État',
      'Questions liées',
    ]);
    expect(rows).toHaveLength(essential.length + 1);
    expect(rows[1]?.slice(0, 3)).toEqual([recyf.shortTitle.fr, recyf.version, essential[0]?.id]);
    const text = execFileSync('pdftotext', ['-raw', join(folder, 'recyf.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Annexe — correspondance avec d’autres référentiels');
    expect(text).toContain(
      `Correspondance lue par cette évaluation : ${recyf.shortTitle.fr}, version ${recyf.version}.`,
    );
    expect(text).toContain('Correspondance proposée par l’application, non officielle.');
    expect(text).toContain('Entité essentielle : les mesures marquées EE sont comptées.');
  }, 60_000);

  it('prints no annex with --framework none, and refuses a framework or a status it does not know', async () => {
    const none = await report([join(fixtures, 'full.json'), '--out', 'none.pdf', '--framework', 'none']);
    expect(none.code).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', join(folder, 'none.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('correspondance avec d’autres référentiels');
    for (const wrong of [
      ['--framework', 'iso27001'],
      ['--nis2-status', 'operator'],
    ]) {
      const { code, err } = await report([join(fixtures, 'full.json'), '--out', 'x.pdf', ...wrong]);
      expect(code).toBe(2);
      expect(err.join('\n')).toContain('--framework recyf|anssi-hygiene|has-essms|none');
    }
  }, 60_000);
});
