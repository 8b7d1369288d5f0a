// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv } from '../csv';
import { buildReportModel } from '../report-model';
import { buildMapping, buildMeasure, linkTo } from '../../testing/domain/frameworks/builders';
import { demoReportInput } from '../../testing/report/report-test-data';

/**
 * The frameworks' annex of the report (issue 17), built from the demo CHU's CaRE answers and a small ReCyF-like
 * mapping: what it says it read, the counts, the measures with their items, the coverage CSV; nothing without a
 * framework chosen.
 */
const mapping = buildMapping(
  [
    buildMeasure({ id: '1.1', group: '1', entities: ['EE', 'EI'], links: [linkTo('care.gov.01')] }),
    buildMeasure({
      id: '1.2',
      group: '1',
      entities: ['EE'],
      links: [linkTo('care.gov.02', 'partial'), linkTo('care.gov.03', 'related')],
    }),
    buildMeasure({ id: '2.1', group: '2', entities: ['EE', 'EI'] }),
    buildMeasure({ id: '2.2', group: '2', entities: ['EI'] }),
  ],
  { framework: 'recyf', version: '2.5', shortTitle: { fr: 'ReCyF (NIS2)', en: 'ReCyF (NIS2)' } },
);

describe('the frameworks annex', () => {
  it('is empty, and so not printed, when no framework is chosen', () => {
    expect(buildReportModel(demoReportInput('demo-chu-care-2026')).frameworks).toEqual([]);
  });

  it('says which version it read, that the correspondence is not official, and counts the measures of the status', () => {
    const input = demoReportInput('demo-chu-care-2026');
    const model = buildReportModel({ ...input, frameworks: [{ mapping, status: 'essential' }] });
    const [annex] = model.frameworks;
    expect(annex?.intro[0]).toBe('Correspondance lue par cette évaluation\u202f: ReCyF (NIS2), version 2.5.');
    expect(annex?.intro[1]).toMatch(/^Correspondance proposée par l’application, non officielle\. /);
    expect(annex?.intro.at(-1)).toContain('non comptées\u202f: 1.');
    expect(annex?.measures.map((m) => m.id)).toEqual(['1.1', '1.2', '2.1']);
    expect(annex?.measures[1]?.items).toEqual(['care.gov.02 (en partie)', 'care.gov.03 (lié, non compté)']);
    expect(annex?.measures[2]?.state).toBe('not-covered');
    expect(annex?.totals.total).toBe(3);
    expect(annex?.totals.counts['not-covered']).toBe(1);
  });

  it('writes one CSV row per measure counted, with the framework, the version, the tags and the state', () => {
    const input = demoReportInput('demo-chu-care-2026');
    const model = buildReportModel({ ...input, frameworks: [{ mapping, status: 'important' }] });
    const csv = buildCsv(model, 'frameworks');
    expect(csv.fileName).toMatch(/-frameworks\.csv$/);
    const [header, ...rows] = Papa.parse<string[]>(csv.text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(header).toEqual([
      'Référentiel',
      'Version de la correspondance',
      'Mesure',
      'Intitulé',
      'EE / EI',
      'État',
      'Questions liées',
    ]);
    expect(rows.map((r) => r[2])).toEqual(['1.1', '2.1', '2.2']);
    expect(rows[2]).toEqual([
      'ReCyF (NIS2)',
      '2.5',
      '2.2',
      'Mesure 2.2',
      'EI',
      'Non couverte par les questionnaires',
      '',
    ]);
  });
});
