import { firstActions, isOverdue, planCost, costAgainstGap, sortActions } from '../domain/actions/action-plan';
import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import {
  applicationStatus,
  computeMfaCompliance,
  isSensitive,
  rule2026Gaps,
  sortApplications,
  type ApplicationStatus,
  type Rule2026Gap,
} from '../domain/applications/mfa-compliance';
import type { Response } from '../domain/assessment/answer';
import type { Assessment } from '../domain/assessment/assessment';
import {
  computeBudgetRatios,
  cyberShareBand,
  defaultBudgetTargets,
  itShareBand,
  type BudgetRatios,
  type BudgetTargets,
  type RatioBand,
} from '../domain/budget/budget-ratios';
import type { BudgetInputs } from '../domain/budget/budget-record';
import { audiencesOf, type EstablishmentCategory, type Sector } from '../domain/establishment/establishment';
import type { Language } from '../domain/localized-text';
import type { Questionnaire, QuestionnaireItem, Weight } from '../domain/questionnaire/questionnaire-schema';
import { gapStateOf, listGaps, type GapState, type Urgency } from '../domain/results/list-gaps';
import {
  listDeadlines,
  nextDeadlines,
  type DeadlineId,
  type DeadlineStatus,
} from '../domain/results/programme-deadlines';
import { scoreAssessment, type ItemScore, type ScoreSummary } from '../domain/scoring/score-assessment';
import { formatNumber, formatShortDate } from './report-format';
import { reportTexts, type MissingCode, type OmittedContent, type SharingLevel } from './report-texts';

/**
 * The gap-analysis report as data: every section, already ordered, with nothing left to decide but the layout.
 *
 * Pure and environment-free (no DOM, no i18next, no jsPDF): the app, the command line and the tests build the same
 * model, and the PDF (src/report/pdf) and the CSV exports (src/report/csv.ts) are two renderings of it. Users of
 * peer tools complain above all of reports that silently miss content (peers.md §3 items 2–3: CISO Assistant #2097,
 * CSET #1642); hence the `completeness` block, which counts what the report holds and lists what is missing, and is
 * printed in the report itself (peers.md §4 item 18).
 */

export interface ReportEstablishment {
  name: string;
  finessEj: string;
  finessEg?: string | undefined;
  category: EstablishmentCategory;
  sector: Sector;
  ghtName?: string | undefined;
  isGhtSupport: boolean;
  beds?: number | undefined;
  staff?: number | undefined;
}

/** A response as stored, or as an export below "full" carries it (a not-applicable answer without its reason). */
export type ReportResponse =
  Exclude<Response, { kind: 'not-applicable' }> | { kind: 'not-applicable'; justification?: string | undefined };

export interface ReportAnswer {
  response?: ReportResponse | undefined;
  comment?: string | undefined;
  toReview?: boolean | undefined;
}

export interface ReportEvidence {
  itemId: string;
  name: string;
  type?: string | undefined;
  size: number;
  sha256: string;
  documentDate?: string | undefined;
}

export interface ReportAction {
  itemId?: string | undefined;
  title: string;
  description?: string | undefined;
  owner?: string | undefined;
  dueDate?: string | undefined;
  status: ActionRecord['status'];
  estimatedCost?: number | undefined;
}

export type ReportApplication = Omit<
  ApplicationRecord,
  'id' | 'establishmentId' | 'createdAt' | 'updatedAt' | 'name'
> & {
  name?: string | undefined;
};

/** The ratios as an export file at "statistics" level carries them, without the amounts. */
export type StoredRatios = Partial<
  Record<
    | 'itShareOfOperating'
    | 'cyberShareOfIt'
    | 'itShareTotal'
    | 'cyberShareTotal'
    | 'cyberShareNet'
    | 'securityStaffShare',
    number
  >
>;

export interface ReportBudgetYear {
  year: number;
  inputs?: BudgetInputs | undefined;
  /** Used only when the inputs are absent. */
  ratios?: StoredRatios | undefined;
}

/** Scores as an export file carries them, for a file without answers ("statistics" level). */
export interface StoredScores {
  overall: StoredSummary;
  domains: (StoredSummary & { domainId: string })[];
}
export interface StoredSummary {
  score?: number | undefined;
  completeness?: number | undefined;
  answered: number;
  applicable: number;
  unknown: number;
  notApplicable: number;
}

export interface ReportInput {
  establishment: ReportEstablishment;
  questionnaire: Questionnaire;
  campaignYear: number;
  /** Keyed by item id; undefined when the source holds no answers (an export at "statistics" level). */
  answers: Record<string, ReportAnswer> | undefined;
  /** Scores of the source, used only when `answers` is undefined. */
  storedScores?: StoredScores | undefined;
  evidence: readonly ReportEvidence[];
  /** Every year the establishment has figures for (the trend); the campaign year's is the one summarised. */
  budgets: readonly ReportBudgetYear[];
  budgetTargets?: BudgetTargets | undefined;
  applications: readonly ReportApplication[];
  actions: readonly ReportAction[];
  /** The date of the report: targets and deadlines are read at it (YYYY-MM-DD). */
  asOf: string;
  author?: string | undefined;
  sharingLevel: SharingLevel;
  language: Language;
  /** The SHA-256 the footer prints: of the export file the report comes from, or of the data it was built from. */
  fingerprint?: { value: string; source: 'export-file' | 'content' } | undefined;
  keyFingerprint?: string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The model

export interface MissingEntry {
  code: MissingCode;
  count: number;
  /** The items concerned, for the app's links to the questions (empty for budget, applications, actions). */
  itemIds: string[];
  /** The domain of each item, in the same order (for links to the questionnaire page of that domain). */
  domainIds: string[];
}

export interface ReportCompleteness {
  /** Every applicable question answered, every "not applicable" justified, nothing left "to review". */
  complete: boolean;
  applicable: number;
  answered: number;
  answersIncluded: number;
  commentsIncluded: number;
  justificationsIncluded: number;
  evidenceIncluded: number;
  actionsIncluded: number;
  applicationsIncluded: number;
  missing: MissingEntry[];
  omittedBySharingLevel: OmittedContent[];
}

export interface ReportSummaryFigures {
  score: number | undefined;
  completeness: number | undefined;
  answered: number;
  applicable: number;
  unknown: number;
  notApplicable: number;
  met: number | undefined;
}

export interface DomainResult extends ReportSummaryFigures {
  domainId: string;
  title: string;
}

export interface RatioLine {
  value: number | undefined;
  band: RatioBand | undefined;
  target: number;
}

export interface FirstActionLine {
  title: string;
  itemId: string | undefined;
  dueDate: string | undefined;
  owner: string | undefined;
  /** A gap with no planned action yet. */
  suggested: boolean;
}

export interface DeadlineLine {
  id: DeadlineId;
  due: string;
  daysLeft: number;
  status: DeadlineStatus;
  source: string;
}

export interface GapLine {
  rank: number;
  itemId: string;
  domainTitle: string;
  question: string;
  weight: Weight;
  state: GapState;
  answerText: string;
  reference: string | undefined;
  due: string | undefined;
  daysLeft: number | undefined;
  urgency: Urgency;
  evidenceExpected: string;
  comment: string | undefined;
}

export interface ActionLine {
  title: string;
  itemId: string | undefined;
  status: ActionRecord['status'];
  owner: string | undefined;
  dueDate: string | undefined;
  estimatedCost: number | undefined;
  overdue: boolean;
  description: string | undefined;
}

export interface BudgetYearLine {
  year: number;
  inputs: BudgetInputs | undefined;
  ratios: BudgetRatios;
}

export interface ApplicationLine {
  name: string;
  /** True when the name was left out by the sharing level and the report made one up from the kind. */
  nameWithheld: boolean;
  kind: ApplicationRecord['kind'];
  sensitive: boolean;
  authentication: ApplicationRecord['authentication'];
  users: number | undefined;
  usersWithTwoFactors: number | undefined;
  homologation: ApplicationRecord['homologation'];
  targetDate: string | undefined;
  status: ApplicationStatus;
  gaps: Rule2026Gap[];
  sensitiveReason: string | undefined;
}

export interface EvidenceLine {
  name: string;
  documentDate: string | undefined;
  sha256: string;
  size: number;
}

export interface AnnexEntry {
  itemId: string;
  question: string;
  weight: Weight;
  reference: string | undefined;
  outcome: ItemScore['outcome'] | 'out-of-scope';
  answered: boolean;
  answerText: string;
  comment: string | undefined;
  justification: string | undefined;
  toReview: boolean;
  evidence: EvidenceLine[];
}

export interface AnnexGroup {
  /** A domain id, or "out-of-scope" / "unknown-items" for what fits no applicable question. */
  id: string;
  title: string;
  entries: AnnexEntry[];
}

export interface ReportModel {
  language: Language;
  meta: {
    establishment: ReportEstablishment;
    questionnaire: { id: string; version: string; title: string };
    campaignYear: number;
    asOf: string;
    author: string | undefined;
    sharingLevel: SharingLevel;
    fingerprint: { value: string; source: 'export-file' | 'content' } | undefined;
    keyFingerprint: string | undefined;
  };
  completeness: ReportCompleteness;
  summary: {
    overall: ReportSummaryFigures;
    gapCount: number;
    criticalGapCount: number;
    ratios: {
      itShare: RatioLine;
      cyberShare: RatioLine;
      twoFactorShare: number | undefined;
      budgetYear: number | undefined;
    };
    firstActions: FirstActionLine[];
    nextDeadlines: DeadlineLine[];
  };
  domains: DomainResult[];
  gaps: GapLine[];
  /** Undefined when the source holds no answers: the gaps are then unknown rather than none. */
  gapsKnown: boolean;
  actions: {
    lines: ActionLine[];
    known: boolean;
    openCost: number;
    openWithoutEstimate: number;
    costShareOfGap: number | undefined;
    cyberGap: number | undefined;
  };
  budget: { years: BudgetYearLine[]; targets: BudgetTargets; campaignYear: BudgetYearLine | undefined };
  applications: {
    known: boolean;
    lines: ApplicationLine[];
    sensitiveCount: number;
    compliantCount: number;
    users: number;
    usersWithTwoFactors: number;
    patientRecordTwoFactorShare: number | undefined;
    target2027Met: boolean | undefined;
    target2028Met: boolean | undefined;
  };
  providerQuestions: {
    domainTitle: string;
    questions: { itemId: string; question: string; comment: string | undefined }[];
  }[];
  deadlines: DeadlineLine[];
  annex: AnnexGroup[];
  sources: { title: string; reference: string }[];
  deadlineSources: { id: DeadlineId; source: string }[];
}

// ---------------------------------------------------------------------------------------------------------------

const nonBlank = (text: string | undefined): string | undefined =>
  text !== undefined && /\S/.test(text) ? text : undefined;

function referenceOf(item: QuestionnaireItem): string | undefined {
  return item.basis.kind === 'official' ? item.basis.reference : undefined;
}

/** The answer as words: « Oui », « 85 % », « 12 jours », the option chosen, « Non applicable »… */
export function answerText(
  item: QuestionnaireItem | undefined,
  response: ReportResponse | undefined,
  language: Language,
): string {
  const t = reportTexts[language].answers;
  if (!response) return t.unanswered;
  switch (response.kind) {
    case 'status':
      return t[response.value];
    case 'not-applicable':
      return t.notApplicable;
    case 'unknown':
      return t.unknown;
    case 'date':
      return formatShortDate(response.value, language);
    case 'choice': {
      const option = item?.choices?.find((c) => c.id === response.value);
      return option ? option.label[language] : response.value;
    }
    case 'number': {
      const n = formatNumber(response.value, language);
      if (item?.answerType === 'percent' || item?.unit === 'percent')
        return language === 'fr' ? `${n}\u202f%` : `${n}%`;
      if (item?.unit === 'days') return t.days(n);
      return t.count(n);
    }
  }
}

/** The answers in the shape the scoring reads (a missing justification does not change a score). */
function scorableAnswers(answers: Record<string, ReportAnswer>): Assessment['answers'] {
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

function figuresOf(s: ScoreSummary): ReportSummaryFigures {
  return {
    score: s.score,
    completeness: s.completeness,
    answered: s.answered,
    applicable: s.applicable,
    unknown: s.unknown,
    notApplicable: s.notApplicable,
    met: s.met,
  };
}

function storedFigures(s: StoredSummary): ReportSummaryFigures {
  return { ...s, score: s.score, completeness: s.completeness, met: undefined };
}

function budgetLine(b: ReportBudgetYear, targets: BudgetTargets): BudgetYearLine {
  if (b.inputs) return { year: b.year, inputs: b.inputs, ratios: computeBudgetRatios(b.inputs, targets) };
  const r = b.ratios ?? {};
  const ratio = (value: number | undefined, band: (v: number) => RatioBand | undefined) => ({
    value,
    band: value === undefined ? undefined : band(value),
  });
  const it = (v: number) => itShareBand(v, targets);
  const cyber = (v: number) => cyberShareBand(v, targets);
  return {
    year: b.year,
    inputs: undefined,
    ratios: {
      itShareOfOperating: ratio(r.itShareOfOperating, it),
      cyberShareOfIt: ratio(r.cyberShareOfIt, cyber),
      itShareTotal: ratio(r.itShareTotal, it),
      cyberShareTotal: ratio(r.cyberShareTotal, cyber),
      cyberShareNet: ratio(r.cyberShareNet, cyber),
      securityStaffShare: ratio(r.securityStaffShare, () => undefined),
      gapToItTargetEur: undefined,
      gapToCyberTargetEur: undefined,
    },
  };
}

/** What a sharing level below "full" leaves out of the file the report is printed from (export-format.ts). */
export function omittedBySharingLevel(level: SharingLevel): OmittedContent[] {
  if (level === 'full') return [];
  if (level === 'auditor') return ['comments', 'justifications', 'evidence', 'application-names', 'action-details'];
  return ['answers', 'comments', 'justifications', 'evidence', 'applications', 'actions', 'budget-inputs'];
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { questionnaire, establishment, language } = input;
  const t = reportTexts[language];
  const targets = input.budgetTargets ?? defaultBudgetTargets;
  const audiences = audiencesOf(establishment);
  const domainTitle = new Map(questionnaire.domains.map((d) => [d.id, d.title[language]]));
  const itemsById = new Map(questionnaire.items.map((i) => [i.id, i]));
  const answers = input.answers;
  const omitted = omittedBySharingLevel(input.sharingLevel);

  // Scores: from the answers when the source holds them, else as the source recorded them.
  const scorable = answers ? scorableAnswers(answers) : {};
  const score = scoreAssessment(questionnaire, scorable, audiences, input.asOf);
  const scoreById = new Map(score.items.map((s) => [s.itemId, s]));
  const overall = answers || !input.storedScores ? figuresOf(score.overall) : storedFigures(input.storedScores.overall);
  const domains: DomainResult[] =
    answers || !input.storedScores
      ? score.domains.map((d) => ({
          domainId: d.domainId,
          title: domainTitle.get(d.domainId) ?? d.domainId,
          ...figuresOf(d),
        }))
      : input.storedScores.domains.map((d) => ({
          domainId: d.domainId,
          title: domainTitle.get(d.domainId) ?? d.domainId,
          ...storedFigures(d),
        }));

  // Evidence per item, in name order so that two reports of the same data list it alike.
  const evidenceByItem = new Map<string, ReportEvidence[]>();
  for (const e of [...input.evidence].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.sha256 < b.sha256 ? -1 : 1,
  )) {
    const list = evidenceByItem.get(e.itemId) ?? [];
    list.push(e);
    evidenceByItem.set(e.itemId, list);
  }
  const evidenceLines = (itemId: string): EvidenceLine[] =>
    (evidenceByItem.get(itemId) ?? []).map((e) => ({
      name: e.name,
      documentDate: e.documentDate,
      sha256: e.sha256,
      size: e.size,
    }));

  // Gaps.
  const gaps = answers ? listGaps(questionnaire, scorable, score) : [];
  const gapLines: GapLine[] = gaps.map((g, i) => ({
    rank: i + 1,
    itemId: g.item.id,
    domainTitle: domainTitle.get(g.item.domain) ?? g.item.domain,
    question: g.item.question[language],
    weight: g.item.weight,
    state: gapStateOf(g),
    answerText: answerText(g.item, answers?.[g.item.id]?.response, language),
    reference: referenceOf(g.item),
    due: g.due,
    daysLeft: g.daysLeft,
    urgency: g.urgency,
    evidenceExpected: g.item.evidence[language],
    comment: nonBlank(answers?.[g.item.id]?.comment),
  }));

  // Annex: every applicable item in questionnaire order, then answers to items outside the profile, then evidence
  // attached to items this questionnaire version does not have. Nothing the source holds is left out.
  const annex: AnnexGroup[] = [];
  const listed = new Set<string>();
  const entryOf = (item: QuestionnaireItem, outcome: AnnexEntry['outcome']): AnnexEntry => {
    const a = answers?.[item.id];
    listed.add(item.id);
    return {
      itemId: item.id,
      question: item.question[language],
      weight: item.weight,
      reference: referenceOf(item),
      outcome,
      answered: a?.response !== undefined,
      answerText: answerText(item, a?.response, language),
      comment: nonBlank(a?.comment),
      justification: a?.response?.kind === 'not-applicable' ? nonBlank(a.response.justification) : undefined,
      toReview: a?.toReview === true,
      evidence: evidenceLines(item.id),
    };
  };
  for (const domain of questionnaire.domains) {
    const entries = questionnaire.items
      .filter((i) => i.domain === domain.id && scoreById.has(i.id))
      .map((i) => entryOf(i, scoreById.get(i.id)?.outcome ?? 'unanswered'));
    if (entries.length > 0) annex.push({ id: domain.id, title: domain.title[language], entries });
  }
  const outOfScope = questionnaire.items
    .filter((i) => !listed.has(i.id) && (answers?.[i.id] !== undefined || evidenceByItem.has(i.id)))
    .map((i) => entryOf(i, 'out-of-scope'));
  if (outOfScope.length > 0) annex.push({ id: 'out-of-scope', title: t.annex.outOfScope, entries: outOfScope });
  const unknownIds = [...new Set([...Object.keys(answers ?? {}), ...evidenceByItem.keys()])]
    .filter((id) => !itemsById.has(id))
    .sort();
  if (unknownIds.length > 0) {
    annex.push({
      id: 'unknown-items',
      title: t.annex.unknownItems,
      entries: unknownIds.map((id) => {
        const a = answers?.[id];
        return {
          itemId: id,
          question: id,
          weight: 'medium',
          reference: undefined,
          outcome: 'out-of-scope',
          answered: a?.response !== undefined,
          answerText: answerText(undefined, a?.response, language),
          comment: nonBlank(a?.comment),
          justification: a?.response?.kind === 'not-applicable' ? nonBlank(a.response.justification) : undefined,
          toReview: a?.toReview === true,
          evidence: evidenceLines(id),
        };
      }),
    });
  }
  const entries = annex.flatMap((g) => g.entries);

  // Actions.
  const actionRecords: ActionRecord[] = input.actions.map((a, i) => ({
    ...a,
    id: `action-${String(i).padStart(6, '0')}`,
    establishmentId: '-',
    createdAt: i,
    updatedAt: i,
  }));
  const sorted = sortActions(actionRecords, input.asOf);
  const cost = planCost(actionRecords);
  const budgetYears = [...input.budgets].sort((a, b) => a.year - b.year).map((b) => budgetLine(b, targets));
  const campaignBudget =
    budgetYears.find((b) => b.year === input.campaignYear) ??
    [...budgetYears].reverse().find((b) => b.year <= input.campaignYear) ??
    budgetYears[budgetYears.length - 1];
  const cyberGap = campaignBudget?.ratios.gapToCyberTargetEur;
  const againstGap = costAgainstGap(cost.open, cyberGap);
  const actionsKnown = !omitted.includes('actions');

  // Applications.
  const appRecords: ApplicationRecord[] = input.applications.map((a, i) => ({
    ...a,
    name: a.name ?? t.applications.unnamed(t.applicationKinds[a.kind], i + 1),
    id: `application-${String(i).padStart(6, '0')}`,
    establishmentId: '-',
    createdAt: 0,
    updatedAt: 0,
  }));
  const withheld = new Set(appRecords.filter((_, i) => input.applications[i]?.name === undefined).map((a) => a.id));
  const mfa = computeMfaCompliance(appRecords);
  const applicationLines: ApplicationLine[] = sortApplications(appRecords).map((a) => ({
    name: a.name,
    nameWithheld: withheld.has(a.id),
    kind: a.kind,
    sensitive: isSensitive(a),
    authentication: a.authentication,
    users: a.users,
    usersWithTwoFactors: a.usersWithTwoFactors,
    homologation: a.homologation,
    targetDate: a.targetDate,
    status: applicationStatus(a),
    gaps: rule2026Gaps(a),
    sensitiveReason: nonBlank(a.sensitiveReason),
  }));

  // Deadlines this questionnaire speaks to, read from its own answers.
  const deadlineResults = listDeadlines(establishment.sector, input.asOf, scoreById).filter(
    (d) => d.itemIds.length > 0,
  );
  const deadlineLine = (d: (typeof deadlineResults)[number]): DeadlineLine => ({
    id: d.deadline.id,
    due: d.due,
    daysLeft: d.daysLeft,
    status: d.status,
    source: d.deadline.source,
  });

  // Completeness.
  const unanswered = score.items.filter((s) => s.outcome === 'unanswered');
  const missingJustification =
    input.sharingLevel === 'full' && answers
      ? entries.filter((e) => answers[e.itemId]?.response?.kind === 'not-applicable' && e.justification === undefined)
      : [];
  const toReview = entries.filter((e) => e.toReview);
  const unknownEvidence = input.evidence.filter((e) => !itemsById.has(e.itemId));
  const itemDomain = (id: string) => itemsById.get(id)?.domain ?? '';
  const missing: MissingEntry[] = [];
  const addMissing = (code: MissingCode, ids: string[], count = ids.length) => {
    if (count > 0) missing.push({ code, count, itemIds: ids, domainIds: ids.map(itemDomain) });
  };
  if (answers) {
    addMissing(
      'unanswered',
      unanswered.map((s) => s.itemId),
    );
    addMissing(
      'missing-justification',
      missingJustification.map((e) => e.itemId),
    );
    addMissing(
      'to-review',
      toReview.map((e) => e.itemId),
    );
  }
  if (!campaignBudget) addMissing('no-budget', [], 1);
  if (!omitted.includes('applications') && establishment.sector === 'health' && mfa.sensitiveCount === 0)
    addMissing('no-applications', [], 1);
  if (actionsKnown && input.actions.length === 0 && gaps.length > 0) addMissing('no-actions', [], 1);
  addMissing('evidence-unknown-item', [...new Set(unknownEvidence.map((e) => e.itemId))], unknownEvidence.length);

  const complete =
    answers !== undefined
      ? unanswered.length === 0 && missingJustification.length === 0 && toReview.length === 0
      : (input.storedScores?.overall.completeness ?? 0) >= 1;

  const evidenceIncluded = entries.reduce((n, e) => n + e.evidence.length, 0);

  return {
    language,
    meta: {
      establishment,
      questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title[language] },
      campaignYear: input.campaignYear,
      asOf: input.asOf,
      author: nonBlank(input.author),
      sharingLevel: input.sharingLevel,
      fingerprint: input.fingerprint,
      keyFingerprint: input.keyFingerprint,
    },
    completeness: {
      complete,
      applicable: overall.applicable,
      answered: overall.answered,
      answersIncluded: entries.filter((e) => e.answered).length,
      commentsIncluded: entries.filter((e) => e.comment !== undefined).length,
      justificationsIncluded: entries.filter((e) => e.justification !== undefined).length,
      evidenceIncluded,
      actionsIncluded: sorted.length,
      applicationsIncluded: applicationLines.length,
      missing,
      omittedBySharingLevel: omitted,
    },
    summary: {
      overall,
      gapCount: gapLines.length,
      criticalGapCount: gapLines.filter((g) => g.weight === 'critical').length,
      ratios: {
        itShare: {
          ...(campaignBudget?.ratios.itShareOfOperating ?? { value: undefined, band: undefined }),
          target: targets.itShare,
        },
        cyberShare: {
          ...(campaignBudget?.ratios.cyberShareOfIt ?? { value: undefined, band: undefined }),
          target: targets.cyberShare,
        },
        twoFactorShare: mfa.usersShare,
        budgetYear: campaignBudget?.year,
      },
      firstActions: firstActions(actionRecords, gaps, input.asOf, 5).map((f) =>
        f.kind === 'action'
          ? {
              title: f.action.title,
              itemId: f.action.itemId,
              dueDate: f.action.dueDate,
              owner: f.action.owner,
              suggested: false,
            }
          : {
              title: f.gap.item.question[language],
              itemId: f.gap.item.id,
              dueDate: f.gap.due,
              owner: undefined,
              suggested: true,
            },
      ),
      nextDeadlines: nextDeadlines(deadlineResults, 5).map(deadlineLine),
    },
    domains,
    gaps: gapLines,
    gapsKnown: answers !== undefined,
    actions: {
      known: actionsKnown,
      lines: sorted.map((a) => ({
        title: a.title,
        itemId: a.itemId,
        status: a.status,
        owner: nonBlank(a.owner),
        dueDate: a.dueDate,
        estimatedCost: a.estimatedCost,
        overdue: isOverdue(a, input.asOf),
        description: nonBlank(a.description),
      })),
      openCost: cost.open,
      openWithoutEstimate: cost.openWithoutEstimate,
      costShareOfGap: againstGap.share,
      cyberGap,
    },
    budget: { years: budgetYears, targets, campaignYear: campaignBudget },
    applications: {
      known: !omitted.includes('applications'),
      lines: applicationLines,
      sensitiveCount: mfa.sensitiveCount,
      compliantCount: mfa.compliantCount,
      users: mfa.users,
      usersWithTwoFactors: mfa.usersWithTwoFactors,
      patientRecordTwoFactorShare: mfa.patientRecordTwoFactorShare,
      target2027Met: mfa.target2027Met,
      target2028Met: mfa.target2028Met,
    },
    providerQuestions: questionnaire.domains
      .map((d) => ({
        domainTitle: d.title[language],
        questions: questionnaire.items
          .filter((i) => i.domain === d.id && scoreById.get(i.id)?.outcome === 'unknown')
          .map((i) => ({ itemId: i.id, question: i.question[language], comment: nonBlank(answers?.[i.id]?.comment) })),
      }))
      .filter((g) => g.questions.length > 0),
    deadlines: deadlineResults.map(deadlineLine),
    annex,
    sources: questionnaire.sources.map((s) => ({ title: s.title, reference: s.reference })),
    deadlineSources: deadlineResults.map((d) => ({ id: d.deadline.id, source: d.deadline.source })),
  };
}
