import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareItemVersions } from './compare-versions';
import { questionnaireSchema, type Questionnaire } from './questionnaire-schema';

const care = questionnaireSchema.parse(JSON.parse(readFileSync('questionnaires/care/2026.1.json', 'utf8')));

describe('compareItemVersions', () => {
  it('finds every item unchanged against the same version', () => {
    const changes = compareItemVersions(care, care);
    expect([...changes.values()].every((c) => c === 'unchanged')).toBe(true);
    expect(changes.size).toBe(care.items.length);
  });

  it('tells new, reworded and retargeted items apart', () => {
    const [first, second, ...rest] = care.items;
    const next: Questionnaire = {
      ...care,
      version: '2027.1',
      items: [
        { ...first!, question: { ...first!.question, fr: `${first!.question.fr} (reformulée)` } },
        { ...second!, help: { ...second!.help, why: { fr: 'Autre explication.', en: 'Another explanation.' } } },
        ...rest,
        { ...first!, id: 'care.gov.99' },
      ],
    };
    const changes = compareItemVersions(care, next);
    expect(changes.get(first!.id)).toBe('changed');
    expect(changes.get(second!.id)).toBe('unchanged');
    expect(changes.get('care.gov.99')).toBe('new');
  });
});
