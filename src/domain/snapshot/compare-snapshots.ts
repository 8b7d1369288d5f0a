import type { Answer } from '../assessment/answer';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import type { SnapshotScores } from './snapshot';

/**
 * What changed between two frozen states of one assessment (two snapshots, or a snapshot and the assessment now):
 * the items whose response changed, before → after, and the score of each domain and overall on both sides.
 *
 * Items and domains are matched by id (stable and never reused across questionnaire versions:
 * questionnaire-schema.ts), so two snapshots taken on either side of a version move still compare on what they share.
 * A changed comment or a « à revoir » mark alone is not a change of answer: the response is what is declared.
 */
export interface ComparedState {
  answers: Readonly<Record<string, Answer>>;
  scores: SnapshotScores;
}

export interface AnswerChange {
  itemId: string;
  before: Answer | undefined;
  after: Answer | undefined;
}

export interface DomainScoreChange {
  domainId: string;
  before: number | undefined;
  after: number | undefined;
  /** after − before, in percentage points; undefined unless both exist. */
  delta: number | undefined;
}

export interface SnapshotComparison {
  changedAnswers: AnswerChange[];
  domains: DomainScoreChange[];
  overall: Omit<DomainScoreChange, 'domainId'>;
}

/** The response as a string that does not depend on member order, for equality. */
function responseKey(answer: Answer | undefined): string {
  const response = answer?.response;
  if (!response) return '';
  return JSON.stringify(Object.entries(response).sort(([a], [b]) => a.localeCompare(b)));
}

function scoreChange(before: number | undefined, after: number | undefined): Omit<DomainScoreChange, 'domainId'> {
  return { before, after, delta: before !== undefined && after !== undefined ? after - before : undefined };
}

/**
 * Compares `before` with `after`. Items are listed in the order of `questionnaire` (the after side's), then any item
 * only the other version has, by id; domains likewise.
 */
export function compareSnapshots(
  before: ComparedState,
  after: ComparedState,
  questionnaire: Pick<Questionnaire, 'items' | 'domains'>,
): SnapshotComparison {
  const order = new Map(questionnaire.items.map((item, index) => [item.id, index]));
  const itemIds = [...new Set([...Object.keys(before.answers), ...Object.keys(after.answers)])];
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const changedAnswers = itemIds
    .filter((id) => responseKey(before.answers[id]) !== responseKey(after.answers[id]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((itemId) => ({ itemId, before: before.answers[itemId], after: after.answers[itemId] }));

  const domainOrder = new Map(questionnaire.domains.map((domain, index) => [domain.id, index]));
  const beforeDomains = new Map(before.scores.domains.map((d) => [d.domainId, d.score]));
  const afterDomains = new Map(after.scores.domains.map((d) => [d.domainId, d.score]));
  const domainIds = [...new Set([...afterDomains.keys(), ...beforeDomains.keys()])].sort(
    (a, b) =>
      (domainOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (domainOrder.get(b) ?? Number.MAX_SAFE_INTEGER) ||
      a.localeCompare(b),
  );
  return {
    changedAnswers,
    domains: domainIds.map((domainId) => ({
      domainId,
      ...scoreChange(beforeDomains.get(domainId), afterDomains.get(domainId)),
    })),
    overall: scoreChange(before.scores.overall.score, after.scores.overall.score),
  };
}
