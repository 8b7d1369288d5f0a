import { describe, expect, it } from 'vitest';
import { buildSubmission, finessOf } from '../../testing/domain/consolidation/builders';
import { consolidate, leaveOutDeclared } from './consolidate';
import { consolidatedCsvTable, parseCsv, serializeCsv, type CsvLabels } from './consolidated-csv';

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

  it('marks the figures of a statistics-level file as declared, in a column after the figures', () => {
    expect(table[0]?.slice(-2)).toEqual(['chiffres', 'refus']);
    expect(column('chiffres')).toEqual(['recalcules', 'declares']);
    expect(leaveOutDeclared(rows).map((r) => r.name)).toEqual(['CH de Bourg']);
  });

  it('shows the bidirectional controls of a spoofing name as code points', () => {
    expect(column('nom')).toEqual(['CH de Bourg', 'CH de ‹U+202E›enruoB‹U+202C›']);
    expect(column('ght')[1]).toBe('GHT ‹U+2066›Ain‹U+2069›');
    expect(serializeCsv(table)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('the refusals and the words of the consolidated CSV (issues 14 and 16)', () => {
  const kept = buildSubmission({ establishment: { finessEj: finessOf('01000001'), name: 'CH de Bourg' } });
  const { rows } = consolidate([kept]);
  const expected = [
    {
      finess: finessOf('01000001'),
      name: 'CH de Bourg',
      category: 'ch',
      ghtName: undefined,
      department: '01',
      line: 2,
    },
    {
      finess: finessOf('01000003'),
      name: 'EHPAD \u202eA',
      category: undefined,
      ghtName: undefined,
      department: undefined,
      line: 3,
    },
    {
      finess: finessOf('01000004'),
      name: 'IME',
      category: undefined,
      ghtName: undefined,
      department: undefined,
      line: 4,
    },
  ];
  const refusals = new Map([[finessOf('01000003'), ['« x\u202e.json » : empreinte différente', 'clé refusée']]]);

  it('says « refuse » with the reasons for an expected establishment whose file was refused, « manquant » otherwise', () => {
    const table = consolidatedCsvTable(rows, { expected, refusals });
    const refus = table[0]?.indexOf('refus') ?? -1;
    expect(table.slice(1).map((r) => [r[0], r[1], r[refus]])).toEqual([
      ['soumis', finessOf('01000001'), ''],
      ['refuse', finessOf('01000003'), '« x‹U+202E›.json » : empreinte différente — clé refusée'],
      ['manquant', finessOf('01000004'), ''],
    ]);
  });

  it('writes the column names and the coded values in words when given them, and keeps what they do not know', () => {
    const labels: CsvLabels = {
      column: (code) => (code === 'statut' ? 'Statut' : code === 'refus' ? 'Fichier refusé (raison)' : undefined),
      value: (column, value) => (column === 'statut' && value === 'refuse' ? 'fichier refusé' : undefined),
    };
    const table = consolidatedCsvTable(rows, { expected, refusals, labels });
    expect(table[0]?.slice(0, 2)).toEqual(['Statut', 'finess_ej']);
    expect(table[0]?.at(-1)).toBe('Fichier refusé (raison)');
    expect(table.slice(1).map((r) => r[0])).toEqual(['soumis', 'fichier refusé', 'manquant']);
  });
});
