// Writes docs/review-format.schema.json from the zod model of the review file: npm run schema:review
import { writeFileSync } from 'node:fs';
import { reviewJsonSchema } from '../src/exchange/review-json-schema';

writeFileSync(
  new URL('../docs/review-format.schema.json', import.meta.url),
  `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`,
);
console.log('docs/review-format.schema.json written');
