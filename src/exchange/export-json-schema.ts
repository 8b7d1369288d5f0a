import { z } from 'zod';
import { EXPORT_FORMAT_VERSION, exportEnvelopeSchema } from './export-format';

/**
 * The JSON Schema of an export file (docs/export-format.schema.json), generated from the zod schema so that the two
 * never disagree: `npm run schema:export`. It describes types, required members and patterns; the rules across
 * fields (FINESS check key, department and sector consistent, what each sharing level may hold) and the digest and
 * signature are checked by the import itself and written out in docs/export-format.md.
 */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(exportEnvelopeSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://care-autodiag.invalid/export-format.schema.json',
    title: `Autodiag CaRE export file, format version ${EXPORT_FORMAT_VERSION}`,
    description:
      'One establishment × questionnaire × campaign, exported by Autodiag CaRE. See docs/export-format.md for the ' +
      'digest, the signature and the fields allowed at each sharing level.',
  };
}
