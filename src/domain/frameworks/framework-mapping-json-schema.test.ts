import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkMappingJsonSchema } from './framework-mapping-json-schema';

describe('questionnaires/framework-mapping.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema` after changing the model)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(process.cwd(), 'questionnaires/framework-mapping.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(frameworkMappingJsonSchema())));
  });

  it('describes links with their strengths and measures with their EE/EI tags', () => {
    const text = JSON.stringify(frameworkMappingJsonSchema());
    for (const word of ['covers', 'partial', 'related', 'EE', 'EI', 'standard', 'reinforced', 'notCovered']) {
      expect(text).toContain(`"${word}"`);
    }
  });
});
