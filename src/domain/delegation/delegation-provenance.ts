import { z } from 'zod';

/**
 * Where an answer accepted from a colleague's or a provider's answer file came from (issue 19): who, in what role,
 * when, from which file; kept on the answer (`Answer.delegatedFrom`), shown on the item and in the report's annex.
 */
export const delegationProvenanceSchema = z
  .object({
    requestId: z.string().min(1),
    respondentName: z.string().min(1),
    respondentRole: z.string().min(1),
    /** When the recipient wrote the answer file (ISO 8601). */
    answeredAt: z.iso.datetime({ offset: true }),
    /** SHA-256 (hex) of the answer file's canonical content: the file the answer was taken from. */
    fileDigest: z.string().regex(/^[0-9a-f]{64}$/),
    /** Accepted as sent, or edited by the CISO before it was kept. */
    edited: z.boolean(),
  })
  .strict();
export type DelegationProvenance = z.infer<typeof delegationProvenanceSchema>;
