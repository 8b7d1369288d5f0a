// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv, csvKinds } from './csv';
import { buildReportModel } from './report-model';
import { demoReportInput } from '../testing/report/report-test-data';

function modelWith(comment: string) {
  const input = demoReportInput('demo-chu-care-2026');
  return buildReportModel({
    ...input,
    answers: { ...input.answers, 'care.gov.01': { response: { kind: 'status', value: 'no' }, comment } },
    actions: [...input.actions, { title: '=SUM(A1)', owner: '+33 6 00', status: 'todo', estimatedCost: 1234.5 }],
  });
}

describe('CSV exports', () => {
  const model = modelWith('=SUM(A1) ; « sécurité » — 12 500 €\nligne 2');

  for (const kind of csvKinds) {
    it(`${kind}: BOM, semicolons, one header row, CRLF, a row per record`, () => {
      const csv = buildCsv(model, kind);
      expect(csv.text.startsWith('\ufeff')).toBe(true);
      expect(csv.fileName).toMatch(new RegExp(`^chu-de-val-de-loire-450000138-care-2026-${kind}\\.csv$`));
      const parsed = Papa.parse<string[]>(csv.text.slice(1), { delimiter: ';', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header?.length).toBeGreaterThan(2);
      expect(rows).toHaveLength(csv.rows);
      expect(csv.rows).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
      expect(csv.text).toContain('\r\n');
    });
  }

  it('neutralises formulas and keeps accents, guillemets and line breaks', () => {
    const answers = buildCsv(model, 'answers').text;
    expect(answers).not.toMatch(/(^|;)=SUM/m);
    expect(answers).toContain(`"'=SUM(A1) ; « sécurité » — 12 500 €\nligne 2"`);
    const actions = buildCsv(model, 'actions').text;
    expect(actions).toContain(`'=SUM(A1)`);
    expect(actions).toContain(`'+33 6 00`);
    expect(actions).toContain('1234,5');
  });

  it('holds every annex entry in the answers export and every gap in the gaps export', () => {
    const answers = Papa.parse<string[]>(buildCsv(model, 'answers').text.slice(1), { delimiter: ';' }).data;
    const ids = new Set(answers.map((row) => row[0]));
    for (const entry of model.annex.flatMap((g) => g.entries)) expect(ids.has(entry.itemId)).toBe(true);
    expect(buildCsv(model, 'gaps').rows).toBe(model.gaps.length);
  });
});
