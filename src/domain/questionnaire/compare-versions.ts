import type { Questionnaire, QuestionnaireItem } from './questionnaire-schema';

/** How an item of the current questionnaire relates to the version last year's campaign was answered against. */
export type ItemChange = 'unchanged' | 'changed' | 'new';

/** What makes an answer mean something different: the question, its answer type, its options and its targets. */
function meaningOf(item: QuestionnaireItem): string {
  return JSON.stringify([
    item.question,
    item.answerType,
    item.choices ?? null,
    item.targets ?? null,
    item.unit ?? null,
  ]);
}

/**
 * Compares two versions of a questionnaire item by item (ids are stable and never reused, so the same id is the
 * same item). A reworded question, a new target or a new option is "changed": last year's answer is proposed but
 * must be looked at again.
 */
export function compareItemVersions(previous: Questionnaire, current: Questionnaire): Map<string, ItemChange> {
  const before = new Map(previous.items.map((i) => [i.id, meaningOf(i)]));
  return new Map(
    current.items.map((item) => {
      const old = before.get(item.id);
      const change: ItemChange = old === undefined ? 'new' : old === meaningOf(item) ? 'unchanged' : 'changed';
      return [item.id, change];
    }),
  );
}
