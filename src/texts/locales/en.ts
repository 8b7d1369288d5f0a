import enActions from './en/actions.json';
import enApplications from './en/applications.json';
import enAuditor from './en/auditor.json';
import enCli from './en/cli.json';
import enAssessment from './en/assessment.json';
import enAssessments from './en/assessments.json';
import enBudget from './en/budget.json';
import enCommon from './en/common.json';
import enDeclaration from './en/declaration.json';
import enDelegation from './en/delegation.json';
import enErrors from './en/errors.json';
import enExchange from './en/exchange.json';
import enEstablishments from './en/establishments.json';
import enFrameworks from './en/frameworks.json';
import enHome from './en/home.json';
import enLock from './en/lock.json';
import enPassphrase from './en/passphrase.json';
import enQuestionnaires from './en/questionnaires.json';
import enReports from './en/reports.json';
import enRegional from './en/regional.json';
import enReport from './en/report.json';
import enResults from './en/results.json';
import enReview from './en/review.json';
import enSettings from './en/settings.json';
import enSnapshots from './en/snapshots.json';
import enAuditorReview from './en/auditor-review.json';
import type { fr } from './fr';

/** A locale of the same shape as the French one: the same keys, each a string where French has a string. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** Every English text, of the same shape as the French ones (./fr.ts); compressed the same way in the build. */
export const en: SameShape<typeof fr> = {
  common: enCommon,
  home: enHome,
  establishments: enEstablishments,
  assessments: enAssessments,
  assessment: enAssessment,
  settings: enSettings,
  questionnaires: enQuestionnaires,
  budget: enBudget,
  applications: enApplications,
  results: enResults,
  snapshots: enSnapshots,
  review: enReview,
  delegation: enDelegation,
  'auditor-review': enAuditorReview,
  actions: enActions,
  auditor: enAuditor,
  errors: enErrors,
  exchange: enExchange,
  reports: enReports,
  report: enReport,
  regional: enRegional,
  lock: enLock,
  passphrase: enPassphrase,
  cli: enCli,
  frameworks: enFrameworks,
  declaration: enDeclaration,
};
