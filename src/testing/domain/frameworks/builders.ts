import type { FrameworkMapping, FrameworkMeasure, MeasureLink } from '../../../domain/frameworks/framework-types';

/**
 * Builders for framework mappings in tests: a measure or a whole mapping with only the fields a test cares about,
 * the rest filled with valid defaults.
 */
const text = (fr: string, en = fr) => ({ fr, en });

export function linkTo(item: string, strength: MeasureLink['strength'] = 'covers'): MeasureLink {
  return { item, strength, reason: text(`Lien vers ${item}`, `Link to ${item}`) };
}

export function buildMeasure(overrides: Partial<FrameworkMeasure> & Pick<FrameworkMeasure, 'id'>): FrameworkMeasure {
  const links = overrides.links ?? [];
  const measure: FrameworkMeasure = {
    group: '1',
    title: text(`Mesure ${overrides.id}`, `Measure ${overrides.id}`),
    links,
    ...overrides,
  };
  if (!links.some((l) => l.strength !== 'related') && measure.notCovered === undefined)
    measure.notCovered = text('Aucune question', 'No question');
  return measure;
}

export function buildMapping(
  measures: FrameworkMeasure[],
  overrides: Partial<FrameworkMapping> = {},
): FrameworkMapping {
  const groupIds = [...new Set(measures.map((m) => m.group))];
  return {
    framework: 'test',
    version: '1.0',
    title: text('Référentiel d’essai', 'Test framework'),
    shortTitle: text('Essai', 'Test'),
    source: {
      title: 'Test',
      publisher: 'Test',
      version: '1.0',
      date: '2026-01-01',
      reference: 'test',
      confidence: 'official',
    },
    measureTitles: 'summary',
    disclaimer: text('Correspondance proposée, non officielle.', 'Proposed correspondence, not official.'),
    questionnaires: [{ id: 'test', version: '2026.1' }],
    groups: groupIds.map((id) => ({ id, title: text(`Objectif ${id}`, `Objective ${id}`) })),
    measures,
    ...overrides,
  };
}
