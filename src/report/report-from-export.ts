import type { BudgetTargets } from '../domain/budget/budget-ratios';
import type { Language } from '../domain/localized-text';
import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';
import {
  buildReportModel,
  type ReportAction,
  type ReportAnswer,
  type ReportApplication,
  type ReportBudgetYear,
  type ReportEstablishment,
  type ReportEvidence,
  type ReportInput,
  type ReportModel,
  type StoredRatios,
  type StoredScores,
  type SharingLevel,
} from './report-model';

/**
 * The report of one export file (the command line's `care-autodiag report <file>`). The shape below is the part of
 * the export envelope (src/exchange/export-format.ts) the report reads, written out structurally because src/report
 * may import only src/domain; a validated envelope fits it as is.
 *
 * A "full" file carries everything the report prints. Below "full" the report prints what is there and says, in its
 * completeness block, what the sharing level left out (comments, justifications, evidence… for "auditor"; the
 * answers themselves for "statistics", whose scores are then printed as the file recorded them).
 */
export interface ExportForReport {
  exportedAt: string;
  sharingLevel: SharingLevel;
  establishment: ReportEstablishment;
  content: {
    questionnaire: { id: string; version: string };
    campaignYear: number;
    scores: { asOf: string } & StoredScores;
    answers?: Record<string, ReportAnswer> | undefined;
    budget?: { year: number; inputs?: ReportBudgetYear['inputs']; ratios: StoredRatios } | undefined;
    applications?: ReportApplication[] | undefined;
    actions?: ReportAction[] | undefined;
    evidence?: ReportEvidence[] | undefined;
  };
  integrity: { digest: string };
  signature?: { keyFingerprint: string } | undefined;
}

export interface ExportReportOptions {
  language: Language;
  author?: string | undefined;
  budgetTargets?: BudgetTargets | undefined;
  /** The frameworks whose annex is printed (the command line's `--framework`). */
  frameworks?: ReportInput['frameworks'];
}

export function reportInputFromExport(
  envelope: ExportForReport,
  questionnaire: Questionnaire,
  options: ExportReportOptions,
): ReportInput {
  const { content } = envelope;
  return {
    establishment: envelope.establishment,
    questionnaire,
    campaignYear: content.campaignYear,
    answers: content.answers,
    // An export file holds one campaign: the change since an earlier one is not in it, and the report says nothing
    // of it rather than guess.
    previousCampaign: undefined,
    storedScores: { overall: content.scores.overall, domains: content.scores.domains },
    evidence: content.evidence ?? [],
    budgets: content.budget
      ? [{ year: content.budget.year, inputs: content.budget.inputs, ratios: content.budget.ratios }]
      : [],
    budgetTargets: options.budgetTargets,
    applications: content.applications ?? [],
    actions: content.actions ?? [],
    // The file's scores were read at its export date: the report reads targets and deadlines at the same date,
    // so that it says what the file says.
    asOf: content.scores.asOf,
    author: options.author,
    sharingLevel: envelope.sharingLevel,
    language: options.language,
    fingerprint: { value: envelope.integrity.digest, source: 'export-file' },
    keyFingerprint: envelope.signature?.keyFingerprint,
    frameworks: options.frameworks,
  };
}

export function reportModelFromExport(
  envelope: ExportForReport,
  questionnaire: Questionnaire,
  options: ExportReportOptions,
): ReportModel {
  return buildReportModel(reportInputFromExport(envelope, questionnaire, options));
}
