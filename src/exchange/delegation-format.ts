import { z } from 'zod';
import {
  exportIntegritySchema,
  exportResponseSchema,
  exportSignatureSchema,
  finessNumber,
  hex64,
  itemId,
  nonBlank,
} from './export-format';

/**
 * Delegation by file (issue 19; docs/delegation-format.md): the CISO sends some items to a colleague or a provider in
 * a **request** file; the recipient answers them, in their own copy of the app, in an **answer** file, which the CISO
 * merges back (src/domain/delegation/delegation-merge.ts). Both are built like the export (export-format.ts), with the
 * same pieces: every object strict, `integrity.digest` the SHA-256 of the RFC 8785 canonical JSON of the envelope
 * without `integrity` and `signature`, `signature` an ECDSA P-256 / SHA-256 signature of that digest — required on
 * both, since each side must know who wrote the file it reads.
 *
 * A request carries its questions in the questionnaire's own words, so that it reads alone (printed, or by an older
 * build); the recipient's app checks that they are word for word those of the questionnaire version it names, and
 * shows its own. An answer names its request by id and by digest, and answers nothing outside it.
 */
export const DELEGATION_REQUEST_FORMAT = 'care-autodiag/delegation-request';
export const DELEGATION_ANSWER_FORMAT = 'care-autodiag/delegation-answer';
export const DELEGATION_FORMAT_VERSION = 1;

/** Most items one request may carry: a whole questionnaire is under 200. */
export const MAX_DELEGATED_ITEMS = 500;
/** Most proofs one answered item may carry. */
export const MAX_PROOFS_PER_ITEM = 20;

export const delegationIssueMessages = {
  duplicateItem: 'item-listed-twice',
  emptyAnswer: 'empty-answer',
  justificationMissing: 'not-applicable-without-justification',
} as const;

const localizedText = (max: number) => z.object({ fr: nonBlank(max), en: nonBlank(max) }).strict();
const person = z.object({ name: nonBlank(200), role: nonBlank(200) }).strict();
const app = z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }).strict();

/** Item ids listed once each. */
function uniqueItems<T extends { itemId: string }>(schema: z.ZodType<T>, max: number) {
  return z
    .array(schema)
    .min(1)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.itemId))
          ctx.addIssue({ code: 'custom', path: [index, 'itemId'], message: delegationIssueMessages.duplicateItem });
        seen.add(item.itemId);
      });
    });
}

export const delegatedQuestionSchema = z
  .object({
    itemId,
    /**
     * The question, its help and the proof it asks for, word for word those of the questionnaire version named
     * (checked on import), so that the request reads alone.
     */
    question: localizedText(4000),
    help: z.object({ meaning: localizedText(8000), why: localizedText(8000) }).strict(),
    evidence: localizedText(4000),
    answerType: z.enum(['status', 'number', 'percent', 'date', 'choice']),
    unit: z.enum(['count', 'days', 'level', 'percent']).optional(),
    choices: z
      .array(z.object({ id: z.string().min(1).max(100), label: localizedText(1000) }).strict())
      .max(50)
      .optional(),
    /** The current answer, only when the CISO chose to share it. */
    shared: z
      .object({ response: exportResponseSchema.optional(), comment: nonBlank(100000).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type DelegatedQuestion = z.infer<typeof delegatedQuestionSchema>;

const requestShape = {
  format: z.literal(DELEGATION_REQUEST_FORMAT).meta({ description: 'Marks an Autodiag CaRE delegation request.' }),
  formatVersion: z.literal(DELEGATION_FORMAT_VERSION),
  app,
  requestId: z.uuid().meta({ description: 'Names the request; the answer repeats it.' }),
  createdAt: z.iso.datetime({ offset: true }),
  /** The date the CISO would like the answers by. */
  dueDate: z.iso.date(),
  establishment: z.object({ finessEj: finessNumber, finessEg: finessNumber.optional(), name: nonBlank(200) }).strict(),
  sender: person,
  recipient: person,
  message: nonBlank(2000).optional(),
  questionnaire: z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9-]*$/),
      version: z.string().min(1).max(40),
      contentHash: hex64,
    })
    .strict(),
  campaignYear: z.number().int().min(2020).max(2100),
  items: uniqueItems(delegatedQuestionSchema, MAX_DELEGATED_ITEMS),
};

export const unsealedDelegationRequestSchema = z.object(requestShape).strict();
export type UnsealedDelegationRequest = z.infer<typeof unsealedDelegationRequestSchema>;

export const delegationRequestSchema = z
  .object({ ...requestShape, integrity: exportIntegritySchema, signature: exportSignatureSchema.optional() })
  .strict();
export type DelegationRequest = z.infer<typeof delegationRequestSchema>;

/** A proof the recipient attached: its manifest here, its bytes in the zip form (`proofs/<item id>/<name>`). */
export const delegatedProofSchema = z
  .object({
    name: nonBlank(255),
    type: z.string().min(1).max(100).optional(),
    size: z
      .number()
      .int()
      .min(0)
      .max(50 * 1024 * 1024),
    sha256: hex64,
    documentDate: z.iso.date().optional(),
  })
  .strict();
export type DelegatedProof = z.infer<typeof delegatedProofSchema>;

export const delegatedAnswerSchema = z
  .object({
    itemId,
    response: exportResponseSchema.optional(),
    comment: nonBlank(100000).optional(),
    proofs: z.array(delegatedProofSchema).max(MAX_PROOFS_PER_ITEM).optional(),
  })
  .strict()
  .superRefine((answer, ctx) => {
    if (answer.response === undefined && answer.comment === undefined && !answer.proofs?.length)
      ctx.addIssue({ code: 'custom', path: [], message: delegationIssueMessages.emptyAnswer });
    // The assessment keeps « non applicable » only with its reason (src/domain/assessment/answer.ts).
    if (answer.response?.kind === 'not-applicable' && answer.response.justification === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['response', 'justification'],
        message: delegationIssueMessages.justificationMissing,
      });
  });
export type DelegatedAnswerEntry = z.infer<typeof delegatedAnswerSchema>;

const answerShape = {
  format: z.literal(DELEGATION_ANSWER_FORMAT).meta({ description: 'Marks an Autodiag CaRE delegation answer.' }),
  formatVersion: z.literal(DELEGATION_FORMAT_VERSION),
  app,
  request: z
    .object({
      requestId: z.uuid(),
      /** The request's integrity.digest: the tie between the answer and the file it answers. */
      digest: hex64,
      finess: finessNumber,
    })
    .strict(),
  answeredAt: z.iso.datetime({ offset: true }),
  respondent: z.object({ name: nonBlank(200), role: nonBlank(200), organisation: nonBlank(200).optional() }).strict(),
  answers: uniqueItems(delegatedAnswerSchema, MAX_DELEGATED_ITEMS),
};

export const unsealedDelegationAnswerSchema = z.object(answerShape).strict();
export type UnsealedDelegationAnswer = z.infer<typeof unsealedDelegationAnswerSchema>;

export const delegationAnswerSchema = z
  .object({ ...answerShape, integrity: exportIntegritySchema, signature: exportSignatureSchema.optional() })
  .strict();
export type DelegationAnswer = z.infer<typeof delegationAnswerSchema>;

/** autodiag-care-demande_<FINESS>_<date>_<first 8 of the id>.json */
export function requestFileName(
  request: Pick<UnsealedDelegationRequest, 'establishment' | 'createdAt' | 'requestId'>,
): string {
  const finess = request.establishment.finessEg ?? request.establishment.finessEj;
  return `autodiag-care-demande_${finess}_${request.createdAt.slice(0, 10)}_${request.requestId.slice(0, 8)}.json`;
}

/** autodiag-care-reponse_<FINESS>_<date>_<first 8 of the request id>.json (.zip when proofs travel with it) */
export function answerFileName(answer: Pick<UnsealedDelegationAnswer, 'request' | 'answeredAt'>, zip = false): string {
  const { finess, requestId } = answer.request;
  return `autodiag-care-reponse_${finess}_${answer.answeredAt.slice(0, 10)}_${requestId.slice(0, 8)}.${zip ? 'zip' : 'json'}`;
}
