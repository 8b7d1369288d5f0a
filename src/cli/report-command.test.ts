// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';

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
    expect(out.filter((l) => l.startsWith('CSV écrit'))).toHaveLength(5);
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
});
