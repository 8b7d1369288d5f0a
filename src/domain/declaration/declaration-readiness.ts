import type {
  DeclarationObjective,
  DeclarationWindow,
  DeclarationWindowId,
  ItemExpectation,
} from '../evidence/expected-proofs';
import { proofValidity, rulesByItem, type EvidenceRules, type ProofValidity } from '../evidence/evidence-validity';
import type { LocalizedText } from '../localized-text';
import type { AssessmentScore, ItemScore } from '../scoring/score-assessment';

/**
 * Whether each official objective of a declaration window can be declared met (issue 18), read on one date (a
 * snapshot's freeze date): an objective is ready when every item that serves it and applies to the establishment is
 * answered as met (its value is 1, as the scoring reads it on that date) and has at least one proof that counts — a
 * proof counts when its item has no validity rule, or when it is dated and within the rule's period
 * (evidence-validity.ts). An expired or undated proof never counts: it is listed with why. Items answered « non
 * applicable », or that do not apply to the establishment, are left out; an objective whose items are all left out
 * is not applicable. A file cannot say which expected proof it is, so the proofs listed for an item are what to
 * attach, and one proof that counts is what the rule asks (the pack's cover lists every file with its state).
 *
 * Pure: `declaration-readiness.property.test.ts` checks that an expired proof never makes an objective ready and
 * that adding a valid proof never makes a ready objective not ready.
 */

export interface DeclarationProof {
  /** The evidence row's id: the pack reads its bytes by it. */
  id: string;
  itemId: string;
  name: string;
  sha256: string;
  documentDate?: string | undefined;
}

export type ItemAnswerState = 'met' | 'not-met' | 'unanswered' | 'unknown' | 'not-applicable';

export interface ProofReading<P extends DeclarationProof = DeclarationProof> {
  proof: P;
  /** Undefined when the item has no validity rule (the proof counts as it is). */
  validity: ProofValidity | undefined;
  counts: boolean;
}

export interface ItemReadiness<P extends DeclarationProof = DeclarationProof> {
  itemId: string;
  answer: ItemAnswerState;
  /** The item's score value (0 to 1) when it has one. */
  value: number | undefined;
  expectedProofs: readonly LocalizedText[];
  proofs: ProofReading<P>[];
  /** Whether the item has what the objective asks of it (met, and a proof that counts when proofs are expected). */
  ready: boolean;
  /** Why it is not: its answer, or no proof that counts (none attached, or only expired or undated ones). */
  problems: ItemProblem[];
}

export type ItemProblem = 'not-met' | 'unanswered' | 'unknown' | 'proof-missing' | 'proof-expired' | 'proof-undated';

export type ObjectiveState = 'ready' | 'not-ready' | 'not-applicable';

export interface ObjectiveReadiness<P extends DeclarationProof = DeclarationProof> {
  objective: DeclarationObjective;
  state: ObjectiveState;
  /** Every item serving the objective, in questionnaire order, those left out (not applicable) included. */
  items: ItemReadiness<P>[];
  /** Where the items and proofs of this objective come from: official, or inferred (with the items that are). */
  inferredItemIds: string[];
}

export interface WindowReadiness<P extends DeclarationProof = DeclarationProof> {
  window: DeclarationWindow;
  asOf: string;
  objectives: ObjectiveReadiness<P>[];
  ready: number;
}

/** The windows a questionnaire version's rules file describes. */
export function windowsOf(rules: EvidenceRules | undefined): DeclarationWindow[] {
  return rules?.windows ?? [];
}

function answerStateOf(score: ItemScore | undefined): ItemAnswerState {
  if (!score || score.outcome === 'not-applicable') return 'not-applicable';
  if (score.outcome === 'unanswered') return 'unanswered';
  if (score.outcome === 'unknown') return 'unknown';
  return score.value === 1 ? 'met' : 'not-met';
}

/** One item's readiness for one objective. */
export function readItem<P extends DeclarationProof>(
  expectation: Pick<ItemExpectation, 'itemId' | 'proofs'>,
  score: ItemScore | undefined,
  proofs: readonly P[],
  rules: EvidenceRules | undefined,
  asOf: string,
): ItemReadiness<P> {
  const byItem = rulesByItem(rules);
  const readings = proofs
    .filter((p) => p.itemId === expectation.itemId)
    .map((proof) => {
      const validity = proofValidity(proof, byItem, asOf);
      return { proof, validity, counts: !validity || validity.status === 'valid' };
    });
  const answer = answerStateOf(score);
  const problems: ItemProblem[] = [];
  if (answer === 'not-met' || answer === 'unanswered' || answer === 'unknown') problems.push(answer);
  const expectsProofs = expectation.proofs.length > 0;
  if (answer !== 'not-applicable' && expectsProofs && !readings.some((r) => r.counts)) {
    if (readings.length === 0) problems.push('proof-missing');
    if (readings.some((r) => r.validity?.status === 'expired')) problems.push('proof-expired');
    if (readings.some((r) => r.validity?.status === 'undated')) problems.push('proof-undated');
  }
  return {
    itemId: expectation.itemId,
    answer,
    value: score?.value,
    expectedProofs: expectation.proofs,
    proofs: readings,
    ready: answer === 'met' && problems.length === 0,
    problems,
  };
}

/**
 * The state of every objective of a window, in the window's order. `score` is the assessment's scoring on `asOf`
 * (a snapshot's `scores.asOf`), `proofs` its evidence manifest.
 */
export function readWindow<P extends DeclarationProof>(
  windowId: DeclarationWindowId,
  rules: EvidenceRules | undefined,
  score: AssessmentScore,
  proofs: readonly P[],
  itemOrder: readonly string[],
): WindowReadiness<P> | undefined {
  const window = windowsOf(rules).find((w) => w.id === windowId);
  if (!window) return undefined;
  const scoreById = new Map(score.items.map((s) => [s.itemId, s]));
  const position = new Map(itemOrder.map((id, i) => [id, i]));
  const expectations = (rules?.expectations ?? []).filter((e) => e.window === windowId);
  const objectives = window.objectives.map((objective): ObjectiveReadiness<P> => {
    const serving = expectations
      .filter((e) => e.objectiveId === objective.id)
      .sort((a, b) => (position.get(a.itemId) ?? 1e9) - (position.get(b.itemId) ?? 1e9));
    const items = serving.map((e) => readItem(e, scoreById.get(e.itemId), proofs, rules, score.asOf));
    const applying = items.filter((i) => i.answer !== 'not-applicable');
    const state: ObjectiveState =
      applying.length === 0 ? 'not-applicable' : applying.every((i) => i.ready) ? 'ready' : 'not-ready';
    return {
      objective,
      state,
      items,
      inferredItemIds: serving.filter((e) => e.basis.kind === 'inferred').map((e) => e.itemId),
    };
  });
  return {
    window,
    asOf: score.asOf,
    objectives,
    ready: objectives.filter((o) => o.state === 'ready').length,
  };
}
