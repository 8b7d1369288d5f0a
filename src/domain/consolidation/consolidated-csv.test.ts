import { describe, expect, it } from 'vitest';
import { parseCsv, serializeCsv } from './consolidated-csv';

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
