import { z } from 'zod';
import { frameworkMappingSchema } from './framework-mapping-schema';

/**
 * The JSON Schema of a framework mapping file, generated from the zod schema so that the two never disagree (as for
 * questionnaires, questionnaire-json-schema.ts). Editors use it (questionnaires/framework-mapping.schema.json,
 * referenced by each mapping's "$schema"); the cross-field rules (unique ids, known groups, each measure linked or
 * « not covered ») stay in the zod refinements, and the items' existence in framework-mappings.test.ts.
 */
export function frameworkMappingJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frameworkMappingSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://care-autodiag.invalid/framework-mapping.schema.json',
    title: 'Autodiag CaRE framework mapping',
  };
}
