import { z } from 'zod';
import { localizedTextSchema } from '../localized-text';

/**
 * The declaration windows of the programmes (issue 18) and what each item brings to them: which official objective of
 * which window an item serves, and the proofs the objective expects from it. Data, in the evidence rules file of each
 * questionnaire version (questionnaires/<id>/evidence-rules/<version>.json), outside the questionnaire's hashed content.
 *
 * Sources (/work/shared/domain-reference.md, recorded in each entry's `basis`):
 * - CaRE domain 1 (« Annuaires techniques et exposition sur internet », arrêté du 18 mars 2024): only D1.O2.B and
 *   D1.O6.B are published in the sources read (ANS FAQ); the other D1 objectives are not listed.
 * - CaRE domain 2 (« Stratégie de continuité et de reprise d'activité », arrêté du 3 juillet 2025, annexe 1): the
 *   prerequisites and objectives with the proofs expected, from the community transcription of the annex.
 * - HospiConnect (Hop'en 2, arrêté du 27 janvier 2026): the 2026, 2027 and 2028 objectives from the community
 *   transcription; the proofs are not published there, so the ones listed are the questionnaire's reading (`inferred`).
 */
export const declarationWindowIds = ['care-d1', 'care-d2', 'hospiconnect'] as const;
export type DeclarationWindowId = (typeof declarationWindowIds)[number];

/** Where a statement comes from: a text (official, with its source) or the app's reading (inferred, with why). */
export const statementBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('official'), source: z.string().trim().min(1) }).strict(),
  z.object({ kind: z.literal('inferred'), rationale: localizedTextSchema }).strict(),
]);
export type StatementBasis = z.infer<typeof statementBasisSchema>;

export const declarationObjectiveSchema = z
  .object({
    /** The official id, as published (D2.O1.C, h2.2027.1-3). */
    id: z.string().trim().min(1),
    title: localizedTextSchema,
  })
  .strict();
export type DeclarationObjective = z.infer<typeof declarationObjectiveSchema>;

export const declarationWindowSchema = z
  .object({
    id: z.enum(declarationWindowIds),
    title: localizedTextSchema,
    /** The text that sets the window and its objectives. */
    source: z.string().trim().min(1),
    objectives: z.array(declarationObjectiveSchema).min(1),
  })
  .strict();
export type DeclarationWindow = z.infer<typeof declarationWindowSchema>;

/** One item's part in one objective: the proofs the objective expects from it, and on what basis. */
export const itemExpectationSchema = z
  .object({
    itemId: z.string().min(1),
    window: z.enum(declarationWindowIds),
    objectiveId: z.string().trim().min(1),
    /** A short description of each proof expected (« Le schéma de gouvernance validé »). */
    proofs: z.array(localizedTextSchema).min(1),
    basis: statementBasisSchema,
  })
  .strict();
export type ItemExpectation = z.infer<typeof itemExpectationSchema>;
