import { planCost, sortActions } from '../domain/actions/action-plan';
import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import { computeMfaCompliance, type MfaCompliance } from '../domain/applications/mfa-compliance';
import type { Response } from '../domain/assessment/answer';
import type { Assessment } from '../domain/assessment/assessment';
import { defaultBudgetTargets, type BudgetTargets } from '../domain/budget/budget-ratios';
import { audiencesOf } from '../domain/establishment/establishment';
import type { Language } from '../domain/localized-text';
import type { Questionnaire, QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import { compareCampaigns, type CampaignComparison } from '../domain/results/compare-campaigns';
import { listGaps, type Gap } from '../domain/results/list-gaps';
import { listDeadlines, type DeadlineResult } from '../domain/results/programme-deadlines';
import { scoreAssessment, type AssessmentScore, type ItemScore } from '../domain/scoring/score-assessment';
import type { ReportAnswer, ReportInput } from './report-input';
import type { Translate } from '../texts/translator';
import { createReportTranslator } from './report-translator';
import type { SharingLevel } from './report-input';
import type { OmittedContent } from './sections/completeness';
import { listAnnexGroups, type AnnexGroup } from './sections/annex';
import { budgetYearLines, type BudgetYearLine } from './sections/budget';
import { figuresOf, storedFigures, type ReportSummaryFigures } from './sections/domains';

/**
 * What every section of the report reads, worked out once from the report's input: the scores, the gaps, the
 * annex entries, the actions in plan order, the budget years, the applications and the deadlines. Each section's
 * builder (src/report/sections/*.ts) turns a part of it into that section's model. Pure, like the model.
 */
export interface ReportContext {
  input: ReportInput;
  language: Language;
  t: Translate;
  questionnaire: Questionnaire;
  /** Keyed by item id; undefined when the source holds no answers (an export at "statistics" level). */
  answers: Record<string, ReportAnswer> | undefined;
  omitted: OmittedContent[];
  itemsById: Map<string, QuestionnaireItem>;
  domainTitle: Map<string, string>;
  score: AssessmentScore;
  scoreById: Map<string, ItemScore>;
  /** From the answers when the source holds them, else as the source recorded them. */
  overall: ReportSummaryFigures;
  gaps: Gap[];
  annex: AnnexGroup[];
  actions: { records: ActionRecord[]; sorted: ActionRecord[]; open: number; openWithoutEstimate: number };
  budget: { targets: BudgetTargets; years: BudgetYearLine[]; campaignYear: BudgetYearLine | undefined };
  /** The application records, a name made up from the kind where the sharing level withheld it. */
  applications: { records: ApplicationRecord[]; nameWithheld: Set<string>; mfa: MfaCompliance };
  /** The deadlines this questionnaire speaks to, read from its own answers. */
  deadlines: DeadlineResult[];
  /**
   * The change since the previous campaign, as the results screen shows it; undefined without a previous campaign
   * or without the answers of this one (an export at "statistics" level).
   */
  comparison: CampaignComparison | undefined;
}

/** What a sharing level below "full" leaves out of the file the report is printed from (export-format.ts). */
export function omittedBySharingLevel(level: SharingLevel): OmittedContent[] {
  if (level === 'full') return [];
  if (level === 'auditor') return ['comments', 'justifications', 'evidence', 'application-names', 'action-details'];
  return ['answers', 'comments', 'justifications', 'evidence', 'applications', 'actions', 'budget-inputs'];
}

/** The answers in the shape the scoring reads (a missing justification does not change a score). */
export function scorableAnswers(answers: Record<string, ReportAnswer>): Assessment['answers'] {
  const out: Assessment['answers'] = {};
  for (const [id, a] of Object.entries(answers)) {
    const response: Response | undefined =
      a.response?.kind === 'not-applicable'
        ? { kind: 'not-applicable', justification: a.response.justification ?? '-' }
        : a.response;
    out[id] = {
      ...(response ? { response } : {}),
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      updatedAt: 0,
    };
  }
  return out;
}

export function buildReportContext(input: ReportInput): ReportContext {
  const { questionnaire, establishment, language, answers } = input;
  const t = createReportTranslator(language);
  const targets = input.budgetTargets ?? defaultBudgetTargets;
  const scorable = answers ? scorableAnswers(answers) : {};
  const score = scoreAssessment(questionnaire, scorable, audiencesOf(establishment), input.asOf);
  const scoreById = new Map(score.items.map((s) => [s.itemId, s]));
  const previous = input.previousCampaign;
  const comparison =
    answers && previous
      ? compareCampaigns(
          score,
          scoreAssessment(
            previous.questionnaire,
            scorableAnswers(previous.answers),
            audiencesOf(establishment),
            previous.asOf,
          ),
          previous.campaignYear,
        )
      : undefined;

  // Actions get the ids, dates and owner the domain's plan functions expect; their order is the input's.
  const actionRecords: ActionRecord[] = input.actions.map((a, i) => ({
    ...a,
    id: `action-${String(i).padStart(6, '0')}`,
    establishmentId: '-',
    createdAt: i,
    updatedAt: i,
  }));
  const cost = planCost(actionRecords);

  const years = budgetYearLines(input.budgets, targets);
  const campaignYear =
    years.find((b) => b.year === input.campaignYear) ??
    [...years].reverse().find((b) => b.year <= input.campaignYear) ??
    years[years.length - 1];

  const applicationRecords: ApplicationRecord[] = input.applications.map((a, i) => ({
    ...a,
    name: a.name ?? t('report.applications.unnamed', { kind: t(`report.applicationKinds.${a.kind}`), n: i + 1 }),
    id: `application-${String(i).padStart(6, '0')}`,
    establishmentId: '-',
    createdAt: 0,
    updatedAt: 0,
  }));

  return {
    input,
    language,
    t,
    questionnaire,
    answers,
    omitted: omittedBySharingLevel(input.sharingLevel),
    itemsById: new Map(questionnaire.items.map((i) => [i.id, i])),
    domainTitle: new Map(questionnaire.domains.map((d) => [d.id, d.title[language]])),
    score,
    scoreById,
    overall: answers || !input.storedScores ? figuresOf(score.overall) : storedFigures(input.storedScores.overall),
    gaps: answers ? listGaps(questionnaire, scorable, score) : [],
    annex: listAnnexGroups(input, scoreById, t),
    actions: {
      records: actionRecords,
      sorted: sortActions(actionRecords, input.asOf),
      open: cost.open,
      openWithoutEstimate: cost.openWithoutEstimate,
    },
    budget: { targets, years, campaignYear },
    applications: {
      records: applicationRecords,
      nameWithheld: new Set(
        applicationRecords.filter((_, i) => input.applications[i]?.name === undefined).map((a) => a.id),
      ),
      mfa: computeMfaCompliance(applicationRecords),
    },
    deadlines: listDeadlines(
      establishment.sector,
      input.asOf,
      scoreById,
      computeMfaCompliance(applicationRecords),
    ).filter((d) => d.itemIds.length > 0),
    comparison,
  };
}
