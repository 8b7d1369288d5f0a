import type { Assessment } from '../assessment/assessment';
import type { AssessmentScore } from '../scoring/score-assessment';

/**
 * The change since the last campaign: the same establishment and questionnaire, the latest earlier campaign year.
 * Domains and items are matched by id, so a campaign answered against an earlier version of the questionnaire
 * still compares on what the two versions share (ids are stable, never reused: questionnaire-schema.ts).
 */
export interface ScoreChange {
  current: number | undefined;
  previous: number | undefined;
  /** current − previous, in percentage points; undefined unless both exist. */
  delta: number | undefined;
}

export interface CampaignComparison {
  previousYear: number;
  overall: ScoreChange;
  domains: (ScoreChange & { domainId: string })[];
  /** Items whose value rose or fell between the two campaigns, in current questionnaire order. */
  improvedItemIds: string[];
  worsenedItemIds: string[];
}

function change(current: number | undefined, previous: number | undefined): ScoreChange {
  return {
    current,
    previous,
    delta: current !== undefined && previous !== undefined ? current - previous : undefined,
  };
}

/** The assessment of the latest earlier campaign of the same establishment and questionnaire, if any. */
export function previousCampaignOf(
  current: Pick<Assessment, 'id' | 'establishmentId' | 'questionnaireId' | 'campaignYear'>,
  all: readonly Assessment[],
): Assessment | undefined {
  return all
    .filter(
      (a) =>
        a.id !== current.id &&
        a.establishmentId === current.establishmentId &&
        a.questionnaireId === current.questionnaireId &&
        a.campaignYear < current.campaignYear,
    )
    .sort((a, b) => b.campaignYear - a.campaignYear)[0];
}

export function compareCampaigns(
  current: AssessmentScore,
  previous: AssessmentScore,
  previousYear: number,
): CampaignComparison {
  const previousDomains = new Map(previous.domains.map((d) => [d.domainId, d.score]));
  const previousItems = new Map(previous.items.map((i) => [i.itemId, i.value]));
  const improvedItemIds: string[] = [];
  const worsenedItemIds: string[] = [];
  for (const item of current.items) {
    const before = previousItems.get(item.itemId);
    if (item.value === undefined || before === undefined) continue;
    if (item.value > before) improvedItemIds.push(item.itemId);
    else if (item.value < before) worsenedItemIds.push(item.itemId);
  }
  return {
    previousYear,
    overall: change(current.overall.score, previous.overall.score),
    domains: current.domains.map((d) => ({
      domainId: d.domainId,
      ...change(d.score, previousDomains.get(d.domainId)),
    })),
    improvedItemIds,
    worsenedItemIds,
  };
}
