// Writes docs/delegation-request.schema.json and docs/delegation-answer.schema.json from the zod models of the
// delegation files: npm run schema:delegation
import { writeFileSync } from 'node:fs';
import { delegationJsonSchemas } from '../src/exchange/delegation-json-schema';

for (const [kind, schema] of Object.entries(delegationJsonSchemas())) {
  writeFileSync(
    new URL(`../docs/delegation-${kind}.schema.json`, import.meta.url),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
  console.log(`docs/delegation-${kind}.schema.json written`);
}
