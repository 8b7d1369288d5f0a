import type { ReceivedReview } from '../domain/review/received-review';
import type { EvidenceRules } from '../domain/evidence/evidence-validity';
import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { Response } from '../domain/assessment/answer';
import type { BudgetTargets } from '../domain/budget/budget-ratios';
import type { BudgetInputs } from '../domain/budget/budget-record';
import type { EstablishmentCategory, Sector } from '../domain/establishment/establishment';
import type { AnsweredAssessment } from '../domain/frameworks/framework-coverage';
import type { FrameworkMapping, Nis2Status } from '../domain/frameworks/framework-types';
import type { Language } from '../domain/localized-text';
import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';
import type { SharingLevel } from '../domain/sharing-level';

export type { SharingLevel };

/**
 * What a report is made from: one assessment with its establishment, questionnaire, evidence list, budgets,
 * applications and actions, as the app reads them from its database or the command line from an export file
 * (src/report/report-from-export.ts). Shaped so that an export below the "full" sharing level fits it too.
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

/**
 * The latest earlier campaign of the same establishment and questionnaire (the results screen's comparison,
 * src/domain/results/compare-campaigns.ts): its answers, the questionnaire version they were given against, and the
 * date they are read at (the date of its last answer, so that a dated check recent then is not stale now).
 */
export interface PreviousCampaign {
  campaignYear: number;
  questionnaire: Questionnaire;
  answers: Record<string, ReportAnswer>;
  asOf: string;
}

/**
 * A framework whose annex the report prints (issue 17), chosen at print: its mapping, in the version the assessment
 * reads, the establishment's NIS2 status, and, in the app, the answers of the campaign's other questionnaires (a
 * report made from one export file reads that file's answers alone).
 */
export interface ReportFramework {
  mapping: FrameworkMapping;
  status: Nis2Status;
  others?: readonly AnsweredAssessment[] | undefined;
}

export interface ReportInput {
  establishment: ReportEstablishment;
  questionnaire: Questionnaire;
  campaignYear: number;
  /** Keyed by item id; undefined when the source holds no answers (an export at "statistics" level). */
  answers: Record<string, ReportAnswer> | undefined;
  /** Scores of the source, used only when `answers` is undefined. */
  storedScores?: StoredScores | undefined;
  /** For the change since then; absent when there is none, and in a report made from an export file alone. */
  previousCampaign?: PreviousCampaign | undefined;
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
  /** The frameworks whose annex is printed, in this order; none when absent. */
  frameworks?: readonly ReportFramework[] | undefined;
  /** Set when the report is a snapshot's (issue 18): the cover says it was frozen, and when. */
  snapshot?: ReportSnapshot | undefined;
  /** The evidence validity rules of the questionnaire version (issue 18): « Preuves à renouveler » needs them. */
  evidenceRules?: EvidenceRules | undefined;
  /** The auditor's review imported for this assessment (issue 18): « Avis de l'auditeur » prints it. */
  review?: ReceivedReview | undefined;
}

/** The snapshot a report was made from: its name and the moment it was frozen (ms since epoch). */
export interface ReportSnapshot {
  name: string;
  frozenAt: number;
}
