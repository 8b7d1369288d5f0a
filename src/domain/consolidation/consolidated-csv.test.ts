import { describe, expect, it } from 'vitest';
import { buildSubmission, finessOf } from '../../testing/domain/consolidation/builders';
import { consolidate, leaveOutDeclared } from './consolidate';
import { consolidatedCsvTable, parseCsv, serializeCsv } from './consolidated-csv';

describe('the consolidated CSV neutralises formulas (OWASP, "CSV Injection")', () => {
  it('in a cell that starts like a formula, even over several lines', () => {
    const cells = [
      '=1+1\r\n=HYPERLINK("http://evil.example";"x")',
      "+cmd|' /C calc'!A0\nsuite",
      '-2+3\n',
      '@SUM(1)\r',
      '\t=1',
    ];
    const [read] = parseCsv(serializeCsv([cells]));
    expect(read).toEqual(cells.map((cell) => `'${cell}`));
  });

  it('and leaves other cells as they are', () => {
    const cells = ['CH de Bourg-en-Bresse', 'a=b', '12,5', ' =1', 'ligne 1\r\nligne 2'];
    expect(parseCsv(serializeCsv([cells]))).toEqual([cells]);
  });
});

describe('what the consolidated CSV shows of a file (issue 14)', () => {
  const recomputed = buildSubmission({ establishment: { finessEj: finessOf('01000001'), name: 'CH de Bourg' } });
  const spoof = buildSubmission({
    sharingLevel: 'statistics',
    establishment: { finessEj: finessOf('01000002'), name: 'CH de \u202eenruoB\u202c', ghtName: 'GHT \u2066Ain\u2069' },
  });
  const { rows } = consolidate([recomputed, spoof]);
  const table = consolidatedCsvTable(rows);
  const column = (name: string) => table.slice(1).map((record) => record[table[0]?.indexOf(name) ?? -1]);

  it('marks the figures of a statistics-level file as declared, in a last column', () => {
    expect(table[0]?.at(-1)).toBe('chiffres');
    expect(column('chiffres')).toEqual(['recalcules', 'declares']);
    expect(leaveOutDeclared(rows).map((r) => r.name)).toEqual(['CH de Bourg']);
  });

  it('shows the bidirectional controls of a spoofing name as code points', () => {
    expect(column('nom')).toEqual(['CH de Bourg', 'CH de ‹U+202E›enruoB‹U+202C›']);
    expect(column('ght')[1]).toBe('GHT ‹U+2066›Ain‹U+2069›');
    expect(serializeCsv(table)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
