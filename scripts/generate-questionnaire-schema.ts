// Writes questionnaires/questionnaire.schema.json and questionnaires/framework-mapping.schema.json from the zod
// models: npm run schema
import { writeFileSync } from 'node:fs';
import { frameworkMappingJsonSchema } from '../src/domain/frameworks/framework-mapping-json-schema';
import { questionnaireJsonSchema } from '../src/domain/questionnaire/questionnaire-json-schema';

for (const [file, schema] of [
  ['questionnaire.schema.json', questionnaireJsonSchema()],
  ['framework-mapping.schema.json', frameworkMappingJsonSchema()],
] as const) {
  writeFileSync(new URL(`../questionnaires/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`questionnaires/${file} written`);
}
