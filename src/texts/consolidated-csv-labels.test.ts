import { describe, expect, it } from 'vitest';
import { consolidate } from '../domain/consolidation/consolidate';
import { consolidatedCsvTable, type CsvLabels } from '../domain/consolidation/consolidated-csv';
import { contentLookup } from '../domain/questionnaire/content-lookup';
import { buildSubmission, finessOf } from '../testing/domain/consolidation/builders';
import { anExportInput } from '../testing/exchange/export-test-data';
import { consolidatedCsvLabels, isCsvColumnChoice } from './consolidated-csv-labels';
import { createTranslator } from './translator';

describe('the consolidated CSV in words (issue 16)', () => {
  const questionnaire = anExportInput().questionnaire;
  const labelsIn = (language: 'fr' | 'en'): CsvLabels =>
    consolidatedCsvLabels(createTranslator(language), contentLookup([questionnaire], language), [questionnaire.id]);
  const { rows } = consolidate([
    buildSubmission({
      sharingLevel: 'statistics',
      establishment: { finessEj: finessOf('01000001'), category: 'ehpad', sector: 'medico-social', isGhtSupport: true },
      content: { questionnaire: { id: questionnaire.id, version: questionnaire.version } },
    }),
  ]);

  it('names every column in French by default, a domain after its title', () => {
    const [header, record] = consolidatedCsvTable(rows, { labels: labelsIn('fr') });
    expect(header?.slice(0, 3)).toEqual(['Statut', 'FINESS juridique', 'FINESS géographique']);
    // Every column has a name in words: none is left as its code.
    expect(header?.filter((name) => /^[a-z_]+$/.test(name))).toEqual([]);
    const domain = questionnaire.domains[0];
    if (domain && rows[0]?.domainIds.includes(domain.id))
      expect(header).toContain(`Score ${domain.title.fr} (sur 100)`);
    const cell = (name: string) => record?.[header?.indexOf(name) ?? -1];
    expect(cell('Statut')).toBe('soumis');
    expect(cell('Catégorie')).toBe('EHPAD');
    expect(cell('Secteur')).toBe('Médico-social');
    expect(cell('Établissement support du GHT')).toBe('oui');
    expect(cell('Niveau de partage')).toBe('statistiques');
    expect(cell('Chiffres')).toBe('déclarés');
    expect(cell('Questionnaire')).toBe(questionnaire.title.fr);
  });

  it('in English when asked', () => {
    const [header, record] = consolidatedCsvTable(rows, { labels: labelsIn('en') });
    expect(header?.[0]).toBe('Status');
    expect(record?.[header?.indexOf('Figures') ?? -1]).toBe('declared');
  });

  it('knows the two column choices', () => {
    expect(['labels', 'codes', 'noms', undefined].map(isCsvColumnChoice)).toEqual([true, true, false, false]);
  });
});
