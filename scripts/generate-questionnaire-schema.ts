// Writes questionnaires/questionnaire.schema.json from the zod model: npm run schema
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchema } from '../src/domain/questionnaire/questionnaire-json-schema';

writeFileSync(
  new URL('../questionnaires/questionnaire.schema.json', import.meta.url),
  `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`,
);
console.log('questionnaires/questionnaire.schema.json written');
