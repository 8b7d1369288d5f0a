import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnaireJsonSchema } from './questionnaire-json-schema';

describe('questionnaires/questionnaire.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema` after changing the model)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(process.cwd(), 'questionnaires/questionnaire.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(questionnaireJsonSchema())));
  });

  it('describes items with their id pattern, weights and answer types', () => {
    const text = JSON.stringify(questionnaireJsonSchema());
    for (const word of ['critical', 'high', 'medium', 'status', 'percent', 'choice', 'official', 'inferred']) {
      expect(text).toContain(`"${word}"`);
    }
  });
});
