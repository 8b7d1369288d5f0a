import { z } from 'zod';
import { questionnaireSchema } from './questionnaire-schema';

/**
 * The JSON Schema of a questionnaire file, generated from the zod schema so that the two never disagree. Editors
 * use it (questionnaires/questionnaire.schema.json, referenced by each file's "$schema") for completion and
 * checking; the cross-field rules (ids unique, known domains, targets by answer type) stay in the zod refinements.
 */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(questionnaireSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://care-autodiag.invalid/questionnaire.schema.json',
    title: 'Autodiag CaRE questionnaire',
  };
}
