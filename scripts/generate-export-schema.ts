// Writes docs/export-format.schema.json from the zod model of the export file: npm run schema:export
import { writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../src/exchange/export-json-schema';

writeFileSync(
  new URL('../docs/export-format.schema.json', import.meta.url),
  `${JSON.stringify(exportJsonSchema(), null, 2)}\n`,
);
console.log('docs/export-format.schema.json written');
