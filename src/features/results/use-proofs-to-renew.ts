import { useMemo } from 'react';
import { listProofsToRenew, rulesByItem, type ProofToRenew } from '../../domain/evidence/evidence-validity';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import type { EvidenceSummary } from '../../storage/evidence-repository';
import { useLiveQuery } from '../../storage/use-database';
import { useEvidenceRules, useRepositories } from '../../storage/use-repositories';
import type { ResultsModel } from './use-results';

export interface ProofRenewal extends ProofToRenew<EvidenceSummary> {
  item: QuestionnaireItem;
  /** The item is answered as met: its score counts a proof that no longer shows it (a gap to fix). */
  countedAsMet: boolean;
}

/**
 * The proofs of the assessment to renew on the day the results are read (issue 18): expired, or undated where the
 * item has a validity rule (src/domain/evidence/evidence-validity.ts), with their item and whether it is counted as
 * met. Undefined while the proofs or the rules load.
 */
export function useProofsToRenew(model: ResultsModel): ProofRenewal[] | undefined {
  const { evidence } = useRepositories();
  const { assessment, questionnaire, score, asOf } = model;
  const proofs = useLiveQuery(() => evidence.listForAssessment(assessment.id), [evidence, assessment.id]);
  const rules = useEvidenceRules(assessment.questionnaireId, assessment.questionnaireVersion);
  return useMemo(() => {
    if (!proofs || rules.status !== 'ready') return undefined;
    const items = new Map(questionnaire.items.map((item) => [item.id, item]));
    const values = new Map(score.items.map((s) => [s.itemId, s.value]));
    return listProofsToRenew(proofs, rulesByItem(rules.value), asOf).flatMap((found) => {
      const item = items.get(found.proof.itemId);
      return item ? [{ ...found, item, countedAsMet: values.get(item.id) === 1 }] : [];
    });
  }, [proofs, rules, questionnaire, score, asOf]);
}
