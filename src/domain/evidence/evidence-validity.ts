import { z } from 'zod';
import { addDays, daysBetween } from '../scoring/iso-date';
import { declarationWindowSchema, itemExpectationSchema, statementBasisSchema } from './expected-proofs';

/**
 * How long a proof stays valid (issue 18): a PSSI reviewed within twelve months, a restore test within the year, an
 * exposure audit within 60 days… Where a source sets such a period, a proof older than it, or one without the date of
 * the document, no longer shows the item is met: it is flagged « à renouveler » on the item, in the gaps, in the report
 * and on the list of proofs to renew.
 *
 * The rules are data, one file per questionnaire version beside it (questionnaires/<id>/evidence-rules/<version>.json),
 * outside the questionnaire's content: the content hash that assessments and export files name (hashQuestionnaire) is
 * left untouched. Each rule says where its period comes from, or that it is inferred where no source says so
 * (design principle 5). src/storage/evidence-rules-catalog.test.ts checks that every rule names an item of its version.
 */
export const evidenceRuleSchema = z
  .object({
    itemId: z.string().min(1),
    /** A proof is valid for this many days after the date of its document. */
    validForDays: z.number().int().min(1).max(3650),
    basis: statementBasisSchema,
  })
  .strict();
export type EvidenceRule = z.infer<typeof evidenceRuleSchema>;

export const evidenceRulesSchema = z
  .object({
    $schema: z.string().optional(),
    questionnaireId: z.string().min(1),
    version: z.string().regex(/^\d{4}\.\d+$/),
    rules: z.array(evidenceRuleSchema),
    /** The declaration windows this questionnaire answers (expected-proofs.ts); none when absent. */
    windows: z.array(declarationWindowSchema).optional(),
    /** Which objective each item serves and the proofs it expects (expected-proofs.ts); none when absent. */
    expectations: z.array(itemExpectationSchema).optional(),
  })
  .strict();
export type EvidenceRules = z.infer<typeof evidenceRulesSchema>;

export type ProofStatus =
  /** Dated, and within its rule's period on the date read. */
  | 'valid'
  /** Dated, and older than its rule's period: `expiredOn` says since when. */
  | 'expired'
  /** No document date: its age cannot be known. */
  | 'undated';

export interface ProofValidity {
  status: ProofStatus;
  rule: EvidenceRule;
  /** The first day the proof no longer counts (its document date + the rule's days), when dated. */
  expiresOn: string | undefined;
}

/** A proof's validity under the rule of its item, read on `asOf` (YYYY-MM-DD); undefined when no rule applies. */
export function proofValidity(
  proof: { itemId: string; documentDate?: string | undefined },
  rules: ReadonlyMap<string, EvidenceRule>,
  asOf: string,
): ProofValidity | undefined {
  const rule = rules.get(proof.itemId);
  if (!rule) return undefined;
  if (!proof.documentDate) return { status: 'undated', rule, expiresOn: undefined };
  const expiresOn = addDays(proof.documentDate, rule.validForDays);
  return { status: daysBetween(proof.documentDate, asOf) >= rule.validForDays ? 'expired' : 'valid', rule, expiresOn };
}

/** The rules of one questionnaire version, by item id. */
export function rulesByItem(rules: EvidenceRules | undefined): Map<string, EvidenceRule> {
  return new Map((rules?.rules ?? []).map((rule) => [rule.itemId, rule]));
}

export interface ProofToRenew<P> {
  proof: P;
  validity: ProofValidity & { status: 'expired' | 'undated' };
}

/**
 * The proofs to renew among an assessment's: expired or undated on an item with a rule, the longest expired first, then
 * the undated ones, each group in item order.
 */
export function listProofsToRenew<P extends { itemId: string; documentDate?: string | undefined; name: string }>(
  proofs: readonly P[],
  rules: ReadonlyMap<string, EvidenceRule>,
  asOf: string,
): ProofToRenew<P>[] {
  const found: ProofToRenew<P>[] = [];
  for (const proof of proofs) {
    const validity = proofValidity(proof, rules, asOf);
    if (validity && validity.status !== 'valid') {
      found.push({ proof, validity: validity as ProofToRenew<P>['validity'] });
    }
  }
  return found.sort(
    (a, b) =>
      (a.validity.expiresOn ?? '9999').localeCompare(b.validity.expiresOn ?? '9999') ||
      a.proof.itemId.localeCompare(b.proof.itemId) ||
      a.proof.name.localeCompare(b.proof.name),
  );
}
