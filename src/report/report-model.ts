import type { Language } from '../domain/localized-text';
import { nonBlank } from './answer-text';
import { buildReportContext } from './report-context';
import type { ReportEstablishment, ReportInput, SharingLevel } from './report-input';
import { reportSections } from './report-sections';

/**
 * The gap-analysis report as data: every section, already ordered, with nothing left to decide but the layout.
 *
 * Pure and environment-free (no DOM, no jsPDF; its few words come from src/texts through createTranslator): the app, the command line and the tests build the same model, and
 * the PDF (src/report/pdf) and the CSV exports (src/report/csv.ts) are two renderings of it. The model is a header
 * (the establishment, questionnaire, campaign, sharing level and fingerprint) and one part per section of
 * src/report/report-sections.ts, built from the facts all sections share (src/report/report-context.ts).
 */

export interface ReportMeta {
  establishment: ReportEstablishment;
  questionnaire: { id: string; version: string; title: string };
  campaignYear: number;
  asOf: string;
  author: string | undefined;
  sharingLevel: SharingLevel;
  fingerprint: { value: string; source: 'export-file' | 'content' } | undefined;
  keyFingerprint: string | undefined;
  snapshot: ReportInput['snapshot'];
}

export interface ReportHeader {
  language: Language;
  meta: ReportMeta;
  /** False when the source holds no answers (an export at "statistics" level): the gaps are unknown, not none. */
  gapsKnown: boolean;
}

type Section = (typeof reportSections)[number];

/** One part per section, under the section's key: `model.gaps`, `model.annex`… */
export type ReportSectionModels = { [S in Section as S['key']]: ReturnType<S['build']> };

export type ReportModel = ReportHeader & ReportSectionModels;

export function buildReportModel(input: ReportInput): ReportModel {
  const context = buildReportContext(input);
  const { questionnaire, language } = input;
  const header: ReportHeader = {
    language,
    meta: {
      establishment: input.establishment,
      questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title[language] },
      campaignYear: input.campaignYear,
      asOf: input.asOf,
      author: nonBlank(input.author),
      sharingLevel: input.sharingLevel,
      fingerprint: input.fingerprint,
      keyFingerprint: input.keyFingerprint,
      snapshot: input.snapshot,
    },
    gapsKnown: input.answers !== undefined,
  };
  const sections = Object.fromEntries(reportSections.map((section) => [section.key, section.build(context)]));
  // Object.fromEntries cannot type a record keyed by each section's own key; the mapped type above says what it is.
  return { ...header, ...(sections as ReportSectionModels) };
}

export { answerText } from './answer-text';
export type * from './report-input';
export type { MissingCode, MissingEntry, OmittedContent, ReportCompleteness } from './sections/completeness';
export type { DomainResult, ReportSummaryFigures } from './sections/domains';
export type { AnnexEntry, AnnexGroup, EvidenceLine } from './sections/annex';
export type { GapLine } from './sections/gaps';
export type { ActionLine } from './sections/actions';
export type { ApplicationLine } from './sections/applications';
export type { BudgetYearLine } from './sections/budget';
export type { DeadlineLine, FirstActionLine, RatioLine } from './sections/summary';
export { omittedBySharingLevel } from './report-context';
