/**
 * What a report holds, counted once: the report's cover and completeness page, the report screen's check and the
 * command line all print these counts (peers.md §4 item 18: a report says what it contains), so that the three can
 * never disagree.
 * A type rather than an interface so that it passes as i18next interpolation values as it is.
 */
export type ContentCounts = {
  answers: number;
  applicable: number;
  comments: number;
  justifications: number;
  evidence: number;
  actions: number;
  applications: number;
};

/** One question as the report lists it: answered or not, with its free texts and its evidence. */
export interface CountedEntry {
  answered: boolean;
  comment?: string | undefined;
  justification?: string | undefined;
  evidence: readonly unknown[];
}

export function countContent(
  entries: readonly CountedEntry[],
  totals: { applicable: number; actions: number; applications: number },
): ContentCounts {
  let answers = 0;
  let comments = 0;
  let justifications = 0;
  let evidence = 0;
  for (const entry of entries) {
    if (entry.answered) answers += 1;
    if (entry.comment !== undefined) comments += 1;
    if (entry.justification !== undefined) justifications += 1;
    evidence += entry.evidence.length;
  }
  return {
    answers,
    applicable: totals.applicable,
    comments,
    justifications,
    evidence,
    actions: totals.actions,
    applications: totals.applications,
  };
}
